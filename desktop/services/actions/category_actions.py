"""Actions on categories: rules, suggestions, corrections; recurring payments and export."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param
from desktop.services.category_rules import RuleDraft
from desktop.services.container import Services

PAYEE_OPS = ("contains", "equals", "regex")


def _add_rule(s: Services, a: dict[str, Any]) -> Any:
    given = [op for op in PAYEE_OPS if a.get(f"payee_{op}")]
    if len(given) > 1:
        raise UserError(
            "give at most one of payee_contains, payee_equals and payee_regex "
            f"(got {', '.join(given)})"
        )
    op = given[0] if given else ""
    return s.category_rules.add(
        RuleDraft(
            category=a["category"],
            payee_op=op,
            payee_pattern=a.get(f"payee_{op}", "") if op else "",
            min_amount=a.get("min"),
            max_amount=a.get("max"),
            account=a.get("account"),
            rename_to=a.get("rename", ""),
            position=a.get("position"),
        )
    )


def _export(s: Services, a: dict[str, Any]) -> Any:
    fmt = a.get("format", "csv")
    if fmt != "csv":
        raise UserError(f"'{fmt}' is not an export format; use csv")
    return s.finance_insight.export_csv(a.get("month"))


ID = Param("id", "string", "the rule's id", required=True, format="id")

ACTIONS = (
    Action(
        "add_category_rule",
        "Add a rule that gives matching transactions a category",
        "write",
        _add_rule,
        (
            Param("category", "string", "the category to give", required=True),
            Param("payee_contains", "string", "match payees containing this text"),
            Param("payee_equals", "string", "match payees equal to this text (any case)"),
            Param("payee_regex", "string", "match payees against this regular expression"),
            Param(
                "min",
                "string",
                "match amounts whose size is at least this, e.g. 100 (sign ignored)",
            ),
            Param(
                "max", "string", "match amounts whose size is at most this, e.g. 5 (sign ignored)"
            ),
            Param("account", "string", "match only this account (name or id)"),
            Param("rename", "string", "also rename the payee to this"),
            Param("position", "integer", "the rule's place in the order (default: last)"),
        ),
        area="finance",
    ),
    Action(
        "list_category_rules",
        "List category rules in the order they apply",
        "read",
        lambda s, a: s.category_rules.list(),
        area="finance",
    ),
    Action(
        "delete_category_rule",
        "Delete a category rule (undoable)",
        "destructive",
        lambda s, a: s.category_rules.delete(a["id"]),
        (ID,),
        area="finance",
    ),
    Action(
        "move_category_rule",
        "Move a category rule to another place in the order",
        "write",
        # Checked in the service after the id, so an unknown id is reported first.
        lambda s, a: s.category_rules.move(a["id"], a.get("position")),
        (ID, Param("position", "integer", "the new place, 1 = first (required)")),
        area="finance",
    ),
    Action(
        "suggest_categories",
        "Suggest categories for uncategorised transactions, with a confidence",
        "read",
        lambda s, a: s.categorize.suggestions(a.get("limit")),
        (Param("limit", "integer", "at most this many"),),
        area="finance",
    ),
    Action(
        "apply_categories",
        "Categorise uncategorised transactions by rules and the learned model",
        "write",
        lambda s, a: s.categorize.apply(a.get("min_confidence", 0.6)),
        (
            Param(
                "min_confidence",
                "number",
                "apply learned guesses at least this sure, 0 to 1 (default 0.6)",
            ),
        ),
        area="finance",
    ),
    Action(
        "set_transaction_category",
        "Set a transaction's category (a correction that may suggest a rule)",
        "write",
        lambda s, a: s.category_rules.set_category(a["id"], a.get("category")),
        (
            Param("id", "string", "the transaction's id", required=True, format="id"),
            Param("category", "string", "the category, empty to clear (required)"),
        ),
        area="finance",
    ),
    Action(
        "list_recurring",
        "Recurring payments and subscriptions with the next expected date",
        "read",
        lambda s, a: s.finance_insight.recurring(include_inactive=a.get("all", False)),
        (Param("all", "boolean", "also series that seem to have stopped"),),
        area="finance",
    ),
    Action(
        "export_transactions",
        "Export transactions as CSV",
        "read",
        _export,
        (
            Param("format", "string", "the file format", enum=("csv",)),
            Param("month", "string", "only this month", format="month"),
        ),
        area="finance",
    ),
)
