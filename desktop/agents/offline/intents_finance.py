"""Intents on money: spending and income of a month, balances, budgets, recording a payment."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.agents.offline import answers
from desktop.agents.offline.arguments import money, month
from desktop.agents.offline.intent import Intent, first, intent, items
from desktop.agents.offline.steps import Request, Step, ToolResult, call, say


def _month_words(value: str) -> str:
    return f"{date.fromisoformat(value + '-01'):%B %Y}"


@intent(
    "spending",
    r"\bhow much (?:did|have) i (spen[dt]|earn(?:ed)?|made?|get|got|received?)\b"
    r"(?: on| for)?(?: (?!this |last |in )([\w &-]+?))?"
    r"(?: (?:this|last|in|during) .*)?$|\b(?:spending|expenses|income) (?:this|last|in)\b",
    ("month_summary",),
    "sum up your spending and income",
)
def spending(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    summary = first(done, "month_summary")
    if summary is None:
        return call("month_summary", month=month(req))
    v: dict[str, Any] = summary.value if isinstance(summary.value, dict) else {}
    cur, when = str(v.get("currency", "")), _month_words(str(v.get("month", "")))
    earning = bool(m.group(1) and not m.group(1).startswith("spen")) or "income" in req.lower
    if earning:
        return say(f"Your income in {when}: {answers.money(v.get('income', '0'), cur)}.")
    category = (m.group(2) or "").strip()
    by_category: dict[str, Any] = v.get("by_category") or {}
    if category:
        match = next((k for k in by_category if k.casefold() == category.casefold()), None)
        if match is None:
            known = ", ".join(sorted(by_category)) or "none"
            return say(
                f"Nothing was spent on {category} in {when} (categories with spending: {known})."
            )
        return say(f"You spent {answers.money(by_category[match], cur)} on {match} in {when}.")
    top = sorted(by_category.items(), key=lambda kv: -float(kv[1]))[:3]
    biggest = ", ".join(f"{k} {answers.money(a, cur)}" for k, a in top)
    tail = f"; the most on {biggest}" if biggest else ""
    return say(f"You spent {answers.money(v.get('expenses', '0'), cur)} in {when}{tail}.")


@intent(
    "balances",
    r"\b(?:balances?|how much money do i have|my accounts|what(?:'s| is) in my account)\b",
    ("list_accounts",),
    "show account balances",
)
def balances(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_accounts")
    if listed is None:
        return call("list_accounts")
    accounts = [a for a in items(listed) if not a.get("archived")]
    if not accounts:
        return say("You have no money accounts yet.")
    lines = [f"{a['name']}: {a['balance']} {a['currency']}" for a in accounts]
    return say(f"{answers.plural(len(accounts), 'account')}:\n{answers.bullet_list(lines)}")


@intent(
    "budgets",
    r"\bbudgets?\b(?!.* (?:of|to) \d)|\bover budget\b",
    ("list_budgets",),
    "check your budgets",
)
def budgets(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_budgets")
    if listed is None:
        return call("list_budgets", month=month(req))
    rows = items(listed)
    if not rows:
        return say("You have no budgets for that month.")
    lines = [
        f"{b.get('category')}: {b.get('spent')} of {b.get('amount') or b.get('limit')} "
        f"{b.get('currency', '')}".strip()
        for b in rows
    ]
    return say(f"{answers.plural(len(rows), 'budget')}:\n{answers.bullet_list(lines)}")


@intent(
    "add_transaction",
    r"^(?:i )?(?:spent|paid|record|log|add) (?:an? )?(?:expense of |payment of )?"
    r"(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur|euros?|\$|usd|dollars?)?"
    r"(?: (?:on|for) ([\w&' -]+?))?(?: (?:at|to|from) ([\w&' .-]+?))?"
    r"(?: (?:on|for) ([\w&' -]+?))?$",
    ("add_transaction",),
    "record what you spent",
)
def add_transaction(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    added = first(done, "add_transaction")
    if added is not None:
        t = added.value if isinstance(added.value, dict) else {}
        kind = "category " + str(t["category"]) if t.get("category") else "no category"
        return say(
            f"Recorded {answers.money(t.get('amount', ''), str(t.get('currency', '')))} "
            f"to {t.get('payee', '')} {answers.on_day(t.get('date'), req.today)} ({kind})."
        )
    amount = money(m.group(1)) or m.group(1)
    category = (m.group(2) or m.group(4) or "").strip() or None
    payee = req.words(m, 3) if m.group(3) else (category or "unknown")
    return call("add_transaction", amount=f"-{amount}", payee=payee, category=category)


@intent(
    "list_transactions",
    r"\b(?:show|list|see)(?: me)? (?:my )?(?:recent |last |latest )?"
    r"(?:transactions|payments|purchases)"
    r"(?: (?:in|for|on) (?!this |last )([\w-]+))?",
    ("list_transactions",),
    "list transactions",
)
def transactions(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_transactions")
    if listed is None:
        return call("list_transactions", category=m.group(1), month=month(req), limit=20)
    rows = items(listed)
    if not rows:
        return say("No transactions found.")
    lines = [
        f"{answers.when(t.get('date'), req.today)}: {t.get('payee')} "
        f"{t.get('amount')} {t.get('currency')}"
        + (f" ({t['category']})" if t.get("category") else "")
        for t in rows
    ]
    return say(f"{answers.plural(len(rows), 'transaction')}:\n{answers.bullet_list(lines)}")


@intent(
    "subscriptions",
    r"\b(?:subscriptions?|recurring (?:payments|charges))\b",
    ("list_recurring",),
    "list subscriptions",
)
def subscriptions(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_recurring")
    if listed is None:
        return call("list_recurring")
    rows = items(listed)
    if not rows:
        return say("I found no recurring payments.")
    lines = [f"{r.get('payee')}: {r.get('amount')} {r.get('currency', '')}".strip() for r in rows]
    return say(f"{answers.plural(len(rows), 'recurring payment')}:\n{answers.bullet_list(lines)}")


INTENTS: tuple[Intent, ...] = (
    add_transaction,
    spending,
    budgets,
    balances,
    transactions,
    subscriptions,
)
