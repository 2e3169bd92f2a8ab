"""Budget alerts: tell the user once when a budget passes 80 % and once when it passes 100 %.

`due_alerts(month)` looks at the month's budgets (`FinanceInsightService.month`: what is
available counts the rollover) and returns those that reached a threshold not yet
announced; `mark_announced` records them. What was announced is kept per (budget category,
month, threshold) in the local `app_meta` table, one small JSON document per month
(key ``finance.alerts.YYYY-MM``: category -> highest threshold announced).

That table is NOT synced, on purpose: each device notifies its own user once, so someone
with two devices may see the same alert on each. Announcing the 100 % threshold also
counts as announcing 80 % (a budget that jumps straight past its limit alerts once), and a
budget that falls back under a threshold (a refund) and passes it again stays quiet for
the rest of the month.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select

from desktop.services.base import ServiceContext
from desktop.services.finance import month_bounds
from desktop.services.finance_insight import BudgetInsight, FinanceInsightService
from desktop.store.models import AppMeta

ANNOUNCED_PREFIX = "finance.alerts."
# Months of announcements kept; older documents are dropped when a new one is written.
KEEP_MONTHS = 3
THRESHOLDS = (80, 100)
_SYMBOLS = {
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "¥",
    "INR": "₹",
    "KRW": "₩",
    "ILS": "₪",
    "NGN": "₦",
    "UAH": "₴",
    "PHP": "₱",
    "VND": "₫",
    "TRY": "₺",
}


def money_text(amount: Decimal, currency: str) -> str:
    """An amount for people: '€420', '€12.99', '-$3.50', 'CHF 80' (whole amounts lose '.00')."""
    size = abs(amount)
    digits = format(size, "f") if size != size.to_integral_value() else str(int(size))
    symbol = _SYMBOLS.get(currency)
    text = f"{symbol}{digits}" if symbol else f"{currency} {digits}"
    return f"-{text}" if amount < 0 else text


@dataclass(frozen=True)
class BudgetNotice:
    """A budget that reached `level` % of what is available, to be announced once."""

    key: str  # "budget:<month>:<category casefold>:<level>", stable for one announcement
    category: str
    month: str  # YYYY-MM
    level: int  # 80 or 100
    used_percent: float | None  # None when nothing was available
    spent: Decimal
    available: Decimal
    remaining: Decimal
    currency: str
    days_left: int  # days of the month from today on (today counts); 0 for a past month
    text: str


class FinanceAlertService:
    """Which budget alerts are due, and remembering the ones announced (on this device)."""

    def __init__(self, ctx: ServiceContext, insight: FinanceInsightService | None = None) -> None:
        self.ctx = ctx
        self.insight = insight or FinanceInsightService(ctx)

    def due_alerts(self, month: date | None = None) -> list[BudgetNotice]:
        """Budgets of `month` (default: this one) past a threshold not yet announced."""
        day = month or self.ctx.today()
        insight = self.insight.month(day)
        announced = self._announced(insight.month)
        days_left = _days_left(day, self.ctx.today())
        found = []
        for budget in insight.budgets:
            level = budget.alert
            if level is None or announced.get(budget.category.casefold(), 0) >= level:
                continue
            found.append(_notice(budget, level, days_left))
        return sorted(found, key=lambda n: (-n.level, n.category.casefold()))

    def mark_announced(self, notices: Iterable[BudgetNotice]) -> list[BudgetNotice]:
        """Remember these alerts as shown (a higher threshold covers the lower).

        Returns the ones that were not already remembered: when two runs found the same
        alert, only the first to mark it gets it back, so it is shown once.
        """
        by_month: dict[str, list[BudgetNotice]] = {}
        for notice in notices:
            by_month.setdefault(notice.month, []).append(notice)
        if not by_month:
            return []
        fresh: list[BudgetNotice] = []
        with self.ctx.store.unit_of_work() as uow:
            for month, items in by_month.items():
                key = ANNOUNCED_PREFIX + month
                row = uow.s.get(AppMeta, key)
                levels = _parse(row.value if row is not None else "")
                for notice in items:
                    name = notice.category.casefold()
                    if levels.get(name, 0) >= notice.level:
                        continue
                    levels[name] = notice.level
                    fresh.append(notice)
                text = json.dumps(levels, sort_keys=True, ensure_ascii=False)
                if row is None:
                    uow.s.add(AppMeta(key=key, value=text))
                else:
                    row.value = text
            oldest = _months_before(self.ctx.today(), KEEP_MONTHS)
            stale = [
                key
                for key in uow.s.scalars(
                    select(AppMeta.key).where(AppMeta.key.startswith(ANNOUNCED_PREFIX))
                )
                if key[len(ANNOUNCED_PREFIX) :] < oldest
            ]
            if stale:
                uow.s.execute(delete(AppMeta).where(AppMeta.key.in_(stale)))
            uow.commit()
        return fresh

    def take_due(self, month: date | None = None) -> list[BudgetNotice]:
        """The due alerts, already marked as announced (what a notifier shows once)."""
        return self.mark_announced(self.due_alerts(month))

    def _announced(self, month: str) -> dict[str, int]:
        with self.ctx.store.read() as session:
            value = session.scalar(
                select(AppMeta.value).where(AppMeta.key == ANNOUNCED_PREFIX + month)
            )
        return _parse(value or "")


def _parse(text: str) -> dict[str, int]:
    """The stored {category: level} document; anything unreadable counts as nothing announced."""
    try:
        loaded = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {str(k): int(v) for k, v in loaded.items() if isinstance(v, int)}


def _days_left(month: date, today: date) -> int:
    first, following = month_bounds(month)
    if today >= following:
        return 0
    return (following - max(first, today)).days


def _months_before(today: date, months: int) -> str:
    index = today.year * 12 + today.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _notice(budget: BudgetInsight, level: int, days_left: int) -> BudgetNotice:
    code = budget.currency
    spent, available = budget.spent, budget.available
    left = available - spent
    if available < 0:
        usage = f"nothing left after last month's overspending ({money_text(spent, code)} spent)"
    elif budget.used_percent is None:
        usage = f"nothing left ({money_text(spent, code)} spent of {money_text(available, code)})"
    else:
        usage = (
            f"{int(budget.used_percent)} % used "
            f"({money_text(spent, code)} of {money_text(available, code)})"
        )
    if left >= 0 and budget.used_percent is not None:
        rest = f"{money_text(left, code)} left"
        rest += f" for {_days(days_left)}" if days_left else ""
    else:
        rest = f"{money_text(-left, code)} over" if left < 0 else "nothing left"
        rest += f" with {_days(days_left)} to go" if days_left else ""
    return BudgetNotice(
        key=f"budget:{budget.month}:{budget.category.casefold()}:{level}",
        category=budget.category,
        month=budget.month,
        level=level,
        used_percent=budget.used_percent,
        spent=spent,
        available=available,
        remaining=budget.remaining,
        currency=code,
        days_left=days_left,
        text=f"{budget.category[:1].upper()}{budget.category[1:]} budget: {usage}, {rest}",
    )


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"
