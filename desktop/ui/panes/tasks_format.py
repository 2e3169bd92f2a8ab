"""How the Tasks pane words and colours a task's fields: due dates in the user's zone
("Today", "Friday"), overdue in red, priorities, tags, estimates."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.tasks import Due, TaskView
from desktop.ui.panes.tasks_query import TaskRow

COLUMNS = ("title", "due", "priority", "tags", "estimate")
OVERDUE = QColor("#c62828")
FINISHED = QColor("#888888")
PRIORITY_COLOURS = {"urgent": QColor("#c62828"), "high": QColor("#e65100")}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaskFormat", text)


def local_due(due: Due, zone: tzinfo) -> tuple[date, datetime | None]:
    """The local day of a due date or instant, and the local instant if it has a time."""
    if isinstance(due, datetime):
        local = due.astimezone(zone)
        return local.date(), local
    return due, None


def day_text(day: date, today: date) -> str:
    """'Today', 'Tomorrow', 'Yesterday', a weekday name within the coming week, else the date."""
    delta = (day - today).days
    if delta == 0:
        return _tr("Today")
    if delta == 1:
        return _tr("Tomorrow")
    if delta == -1:
        return _tr("Yesterday")
    if 1 < delta < 7:
        return _tr(WEEKDAYS[day.weekday()])
    if day.year == today.year:
        return f"{day.day} {_tr(day.strftime('%b'))}"
    return day.isoformat()


def due_text(due: Due | None, today: date, zone: tzinfo) -> str:
    """A due date as the list shows it: 'Today 17:00', 'Friday', '20 Mar', ''."""
    if due is None:
        return ""
    day, local = local_due(due, zone)
    text = day_text(day, today)
    return f"{text} {local:%H:%M}" if local is not None else text


def is_overdue(due: Due | None, now: datetime, today: date) -> bool:
    """Due before now (an instant) or before today (a day)."""
    if due is None:
        return False
    if isinstance(due, datetime):
        return due < now
    return due < today


def editable_due(due: Due | None, zone: tzinfo) -> str:
    """A due date as the editor shows it, in a form `parse_when` reads back."""
    if due is None:
        return ""
    day, local = local_due(due, zone)
    return f"{local:%Y-%m-%d %H:%M}" if local is not None else day.isoformat()


def estimate_text(minutes: int | None) -> str:
    """'45m', '2h', '1h30m' or ''."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}m"
    return f"{hours}h{rest}m" if rest else f"{hours}h"


def tags_text(tags: tuple[str, ...] | list[str]) -> str:
    """'#home #errand'."""
    return " ".join(f"#{tag}" for tag in tags)


def parse_tags(text: str) -> list[str]:
    """Tags typed as '#home, errand' as ['home', 'errand']."""
    words = text.replace(",", " ").split()
    return [word.lstrip("#") for word in words if word.lstrip("#")]


def column_titles() -> tuple[str, ...]:
    return (_tr("Task"), _tr("Due"), _tr("Priority"), _tr("Tags"), _tr("Estimate"))


def priority_text(priority: str) -> str:
    labels = {"low": _tr("Low"), "medium": _tr("Medium"), "high": _tr("High")}
    return labels.get(priority, _tr("Urgent") if priority == "urgent" else priority)


def finished(task: TaskView) -> bool:
    return task.status in ("done", "cancelled")


def cell_text(row: TaskRow, column: str, today: date, zone: tzinfo) -> str:
    """What a column shows for a row; the title carries the number of subtasks."""
    task = row.task
    if column == "title":
        return f"{task.title}  ({row.subtasks})" if row.subtasks else task.title
    if column == "due":
        return due_text(task.due, today, zone)
    if column == "priority":
        return priority_text(task.priority)
    if column == "tags":
        return tags_text(task.tags)
    return estimate_text(task.estimate_minutes)


def cell_colour(task: TaskView, column: str, now: datetime, today: date) -> QColor | None:
    """Grey for finished tasks, red for an overdue date, warm colours for high priorities."""
    if finished(task):
        return FINISHED
    if column == "due" and is_overdue(task.due, now, today):
        return OVERDUE
    if column == "priority":
        return PRIORITY_COLOURS.get(task.priority)
    return None


def row_tooltip(row: TaskRow) -> str:
    """The title, the number of subtasks and the first line of the notes."""
    lines = [row.task.title]
    if row.subtasks:
        one = row.subtasks == 1
        lines.append(_tr("1 subtask") if one else _tr("{n} subtasks").format(n=row.subtasks))
    if row.task.notes:
        lines.append(row.task.notes.splitlines()[0][:200])
    return "\n".join(lines)
