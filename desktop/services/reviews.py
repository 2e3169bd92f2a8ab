"""Summaries as text: today's agenda and the week's review (completed tasks and spending).

The workflow templates "daily-agenda" and "weekly-review" show or save these texts; the
same reads work from the palette, the CLI (`atrium do day_agenda`) and agents. Reads only.

The week runs from Monday to the day asked about; spending is money out of the user's
accounts in that span, per currency and category (a split counts in its parts'
categories; transfers between the user's own accounts are not spending).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop.services.base import ServiceContext, live
from desktop.services.calendar import CalendarService
from desktop.services.calendar_views import Occurrence
from desktop.services.finance import FinanceService, TransactionView
from desktop.services.tasks import TaskFilter, TaskService, TaskView
from desktop.services.today import is_overdue
from desktop.store.models import Task

TASK_LIMIT = 200  # tasks due today and overdue listed at most
UNCATEGORISED = "Uncategorised"


@dataclass(frozen=True)
class DayAgenda:
    """One day's events and the tasks due by then, with `text` ready to show."""

    day: date
    title: str  # "Agenda for Friday 6 March"
    text: str
    events: tuple[Occurrence, ...]
    due: tuple[TaskView, ...]
    overdue: tuple[TaskView, ...]


@dataclass(frozen=True)
class CompletedTask:
    """A task completed during the week."""

    id: str
    title: str
    completed_at: datetime


@dataclass(frozen=True)
class CategorySpending:
    """Money out in one category and currency (a positive amount)."""

    category: str
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class WeekReview:
    """The week from Monday `first` to `last`: what got done and what was spent."""

    first: date
    last: date
    title: str  # "Weekly review 2026-03-06"
    text: str  # Markdown
    completed: tuple[CompletedTask, ...]
    spending: tuple[CategorySpending, ...]


class ReviewService:
    """Reads that gather a day or a week into a short text."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def day_agenda(self, day: date | None = None) -> DayAgenda:
        """`day`'s (default: today's) events, with the tasks due that day and overdue ones."""
        today = self.ctx.today()
        day = day or today
        zone = self.ctx.zone
        events = tuple(CalendarService(self.ctx).occurrences(day, day))
        tasks = TaskService(self.ctx).list(
            TaskFilter(due_before=day + timedelta(days=1), limit=TASK_LIMIT)
        )
        now = self.ctx.now() if day == today else _day_start(day, zone)
        overdue = tuple(t for t in tasks if is_overdue(t, day, now))
        due = tuple(t for t in tasks if not is_overdue(t, day, now))
        title = f"Agenda for {day.strftime('%A')} {day.day} {day.strftime('%B')}"
        text = _agenda_text(title, events, due, overdue, zone)
        return DayAgenda(day, title, text, events, due, overdue)

    def week_review(self, day: date | None = None) -> WeekReview:
        """The week (Monday to `day`, default today) of completed tasks and spending."""
        last = day or self.ctx.today()
        first = last - timedelta(days=last.weekday())
        completed = self._completed(first, last)
        spending = self._spending(first, last)
        title = f"Weekly review {last.isoformat()}"
        text = _review_text(first, last, completed, spending)
        return WeekReview(first, last, title, text, completed, spending)

    def _completed(self, first: date, last: date) -> tuple[CompletedTask, ...]:
        zone = self.ctx.zone
        lo = _day_start(first, zone)
        hi = _day_start(last + timedelta(days=1), zone)
        query = (
            select(Task.id, Task.title, Task.completed_at)
            .where(
                live(Task),
                Task.owner_id == self.ctx.store.user_id,
                Task.status == "done",
                Task.completed_at >= lo,
                Task.completed_at < hi,
            )
            .order_by(Task.completed_at, Task.title)
        )
        with self.ctx.store.read() as session:
            rows = session.execute(query).all()
        return tuple(
            CompletedTask(str(ident), title, _utc(done)) for ident, title, done in rows if done
        )

    def _spending(self, first: date, last: date) -> tuple[CategorySpending, ...]:
        finance = FinanceService(self.ctx)
        months = {first.replace(day=1), last.replace(day=1)}
        totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for month in sorted(months):
            for tx in finance.transactions(month=month):
                if first <= tx.date <= last and tx.transfer_peer_id is None:
                    for category, amount in _parts(tx):
                        if amount < 0:
                            totals[(tx.currency, category)] += -amount
        ordered = sorted(totals.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
        return tuple(
            CategorySpending(category, amount, currency) for (currency, category), amount in ordered
        )


def _parts(tx: TransactionView) -> list[tuple[str, Decimal]]:
    """(category, amount) of a transaction, or of each part when it is split."""
    if tx.splits:
        return [(part.category or UNCATEGORISED, part.amount) for part in tx.splits]
    return [(tx.category or UNCATEGORISED, tx.amount)]


def _day_start(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone).astimezone(UTC)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _clock(value: datetime | date, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%H:%M") if isinstance(value, datetime) else ""


def _event_line(event: Occurrence, zone: ZoneInfo) -> str:
    if event.all_day:
        when = "all day"
    else:
        when = f"{_clock(event.start, zone)}–{_clock(event.end, zone)}"
    where = f" ({event.location})" if event.location else ""
    return f"- {when} {event.title}{where}"


def _task_line(task: TaskView, zone: ZoneInfo, overdue: bool) -> str:
    if overdue and task.due is not None:
        due = task.due.astimezone(zone).date() if isinstance(task.due, datetime) else task.due
        return f"- {task.title} (overdue since {due.isoformat()})"
    if isinstance(task.due, datetime):
        return f"- {task.title} (by {_clock(task.due, zone)})"
    return f"- {task.title}"


def _agenda_text(
    title: str,
    events: tuple[Occurrence, ...],
    due: tuple[TaskView, ...],
    overdue: tuple[TaskView, ...],
    zone: ZoneInfo,
) -> str:
    lines = [title]
    if not events and not due and not overdue:
        return f"{title}: nothing on the calendar and no task due."
    if events:
        lines.append(f"Events ({len(events)}):")
        lines += [_event_line(event, zone) for event in events]
    if due or overdue:
        lines.append(f"Tasks due ({len(due) + len(overdue)}):")
        lines += [_task_line(task, zone, True) for task in overdue]
        lines += [_task_line(task, zone, False) for task in due]
    return "\n".join(lines)


def _money(amount: Decimal, currency: str) -> str:
    from desktop.services.finance_alerts import money_text

    return money_text(amount, currency)


def _review_text(
    first: date,
    last: date,
    completed: tuple[CompletedTask, ...],
    spending: tuple[CategorySpending, ...],
) -> str:
    lines = [f"Week of {first.isoformat()} to {last.isoformat()}.", ""]
    lines.append(f"## Completed tasks ({len(completed)})")
    lines += [f"- {task.title}" for task in completed] or ["- none"]
    lines += ["", "## Spending"]
    if not spending:
        lines.append("- no spending")
    by_currency: dict[str, Decimal] = defaultdict(Decimal)
    for item in spending:
        by_currency[item.currency] += item.amount
        lines.append(f"- {item.category}: {_money(item.amount, item.currency)}")
    for currency, total in sorted(by_currency.items()):
        lines.append(f"- **Total {currency}: {_money(total, currency)}**")
    return "\n".join(lines)
