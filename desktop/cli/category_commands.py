"""Sub-commands `category rule ...` and `tx categorize|set-category|recurring|export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.action_calls import call_action, print_result
from desktop.cli.output import say, table
from desktop.core.errors import UserError
from desktop.services.container import Services


def _condition(rule: Any) -> str:
    parts = []
    if rule.payee_op:
        parts.append(f"payee {rule.payee_op} '{rule.payee_pattern}'")
    if rule.min_amount is not None:
        parts.append(f"amount >= {rule.min_amount}")
    if rule.max_amount is not None:
        parts.append(f"amount <= {rule.max_amount}")
    if rule.account:
        parts.append(f"account {rule.account}")
    return " and ".join(parts) or "every transaction"


def _rule_table(rules: Any, zone: ZoneInfo) -> None:
    table(
        ("#", "ID", "WHEN", "CATEGORY", "RENAME"),
        [(r.position, r.id, _condition(r), r.category, r.rename_to) for r in rules],
        "No category rules; add one with `atrium category rule add`.",
    )


def rule_add(args: argparse.Namespace, s: Services) -> int:
    rule = call_action(
        s,
        "add_category_rule",
        category=args.category,
        payee_contains=args.payee_contains,
        payee_equals=args.payee_equals,
        payee_regex=args.payee_regex,
        min=args.min,
        max=args.max,
        account=args.account,
        rename=args.rename,
        position=args.position,
    )
    return print_result(args, s, rule, lambda v, z: _rule_table([v], z))


def rule_list(args: argparse.Namespace, s: Services) -> int:
    return print_result(args, s, call_action(s, "list_category_rules"), _rule_table)


def rule_delete(args: argparse.Namespace, s: Services) -> int:
    call_action(s, "delete_category_rule", id=args.id)
    return print_result(args, s, {"deleted": args.id}, lambda v, z: say(f"Deleted rule {args.id}."))


def rule_move(args: argparse.Namespace, s: Services) -> int:
    rule = call_action(s, "move_category_rule", id=args.id, position=args.position)
    return print_result(args, s, rule, lambda v, z: say(f"Rule {v.id} is now number {v.position}."))


def tx_categorize(args: argparse.Namespace, s: Services) -> int:
    if args.apply:
        result = call_action(s, "apply_categories", min_confidence=args.min_confidence)
        return print_result(
            args,
            s,
            result,
            lambda v, z: say(
                f"Categorised {v.applied} transactions ({v.by_rule} by rules, "
                f"{v.by_model} learned); {v.uncategorised} left without a category, "
                f"{v.below_confidence} of them below {v.min_confidence:g} confidence."
            ),
        )
    suggestions = call_action(s, "suggest_categories", limit=args.limit)
    return print_result(
        args,
        s,
        suggestions,
        lambda v, z: table(
            ("ID", "DATE", "PAYEE", "AMOUNT", "CATEGORY", "CONFIDENCE", "BY"),
            [
                (
                    x.transaction_id,
                    x.date,
                    x.payee,
                    x.amount,
                    x.category,
                    f"{x.confidence:.2f}",
                    x.source,
                )
                for x in v
            ],
            "Nothing to suggest: no uncategorised transaction a rule or the model can place.",
        ),
    )


def tx_set_category(args: argparse.Namespace, s: Services) -> int:
    result = call_action(s, "set_transaction_category", id=args.id, category=args.category)

    def human(v: Any, zone: ZoneInfo) -> None:
        say(f"{v.payee}: {v.previous_category or '(none)'} -> {v.category or '(none)'}")
        if v.suggested_command:
            say(f"To do this every time, add a rule:\n  {v.suggested_command}")

    return print_result(args, s, result, human)


def tx_recurring(args: argparse.Namespace, s: Services) -> int:
    return print_result(
        args,
        s,
        call_action(s, "list_recurring", all=args.all or None),
        lambda v, z: table(
            ("PAYEE", "AMOUNT", "CUR", "EVERY", "TIMES", "LAST", "NEXT"),
            [
                (r.payee, r.amount, r.currency, r.interval, r.occurrences, r.last_date, r.next_date)
                for r in v
            ],
            "No recurring payments found.",
        ),
    )


def tx_export(args: argparse.Namespace, s: Services) -> int:
    result = call_action(s, "export_transactions", format=args.format, month=args.month)
    if args.output is None:
        sys.stdout.write(result.text)
        return 0
    target = Path(args.output)
    try:
        target.write_bytes(result.text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    say(f"Wrote {result.count} transactions to {target}.")
    return 0


def summary_insight(v: Any) -> None:
    """The budgets part of `tx summary`: rollover, what is available, projection, alerts."""
    if v.budgets:
        say("")
        table(
            ("CATEGORY", "BUDGET", "ROLLOVER", "AVAILABLE", "SPENT", "REMAINING", "PROJECTED"),
            [
                (b.category, b.budget, b.rollover, b.available, b.spent, b.remaining, b.projected)
                for b in v.budgets
            ],
            "No budgets for this month.",
        )
    if 0 < v.days_elapsed < v.days_in_month:
        say(
            f"Projected spending by the month's end: {v.projected_spending} {v.currency} "
            f"({v.days_elapsed} of {v.days_in_month} days gone)."
        )
    for alert in v.alerts:
        say(f"Alert: {alert.message}.")


HANDLERS = {
    "category.rule.add": rule_add,
    "category.rule.list": rule_list,
    "category.rule.delete": rule_delete,
    "category.rule.move": rule_move,
    "tx.categorize": tx_categorize,
    "tx.set-category": tx_set_category,
    "tx.recurring": tx_recurring,
    "tx.export": tx_export,
}
