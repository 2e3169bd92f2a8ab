"""The Today pane's data in one read: events, due tasks, unread messages and the month's money."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.services.base import ServiceContext
from desktop.services.calendar import CalendarService, Occurrence
from desktop.services.finance import FinanceService, MonthSummary
from desktop.services.messages import MessageService
from desktop.services.tasks import TaskFilter, TaskService, TaskView

TASK_LIMIT = 200  # overdue and due-today tasks shown at most


@dataclass(frozen=True)
class TodaySnapshot:
    """What the user faces today, gathered in one go."""

    today: date
    now: datetime
    zone: ZoneInfo  # the user's, to show instants in
    events: tuple[Occurrence, ...]  # today's and tomorrow's occurrences, in order
    overdue: tuple[TaskView, ...]
    due_today: tuple[TaskView, ...]
    unread: tuple[tuple[str, int], ...]  # (platform, count), most first
    month: MonthSummary


def is_overdue(task: TaskView, today: date, now: datetime) -> bool:
    """Whether an open task's due day or instant has passed."""
    if isinstance(task.due, datetime):
        return task.due < now
    return task.due is not None and task.due < today


class TodayService:
    """Reads for the Today pane."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def snapshot(self) -> TodaySnapshot:
        today, now = self.ctx.today(), self.ctx.now()
        events = CalendarService(self.ctx).occurrences(today, today + timedelta(days=1))
        due = TaskService(self.ctx).list(
            TaskFilter(due_before=today + timedelta(days=1), limit=TASK_LIMIT)
        )
        overdue = tuple(t for t in due if is_overdue(t, today, now))
        due_today = tuple(t for t in due if not is_overdue(t, today, now))
        unread = MessageService(self.ctx).unread_by_platform()
        month = FinanceService(self.ctx).summary(today.replace(day=1))
        return TodaySnapshot(
            today=today,
            now=now,
            zone=self.ctx.zone,
            events=tuple(events),
            overdue=overdue,
            due_today=due_today,
            unread=tuple(sorted(unread.items(), key=lambda item: (-item[1], item[0]))),
            month=month,
        )
