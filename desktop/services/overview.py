"""Read-only overviews of each area for the main window's panes.

Each pane of the minimal window is a summary line and a table of text; the
full desktop shell replaces these with its own views. Everything here is read
through the services, so the panes show exactly what the CLI and agents see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.tasks import TaskFilter

PANES = (
    "today", "tasks", "calendar", "inbox", "finance", "notes",
    "workflows", "agents", "voice", "projects", "health",
)  # fmt: skip
ROW_LIMIT = 500


@dataclass(frozen=True)
class PaneData:
    """What one pane lists: a title line, column headers and rows of text."""

    pane: str
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def pane_data(services: Services, pane: str) -> PaneData:
    """The overview of one pane (blocking: run it off the GUI thread)."""
    try:
        build = _BUILDERS[pane]
    except KeyError:
        raise UserError(f"there is no pane named '{pane}'") from None
    return build(services)


def _when(value: date | datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%a %d %b %H:%M")
    return value.strftime("%a %d %b")


def _today(s: Services) -> PaneData:
    zone, today = s.ctx.zone, s.ctx.today()
    stats = s.tasks.stats()
    events = s.calendar.occurrences(today, today + timedelta(days=1))
    unread = s.messages.unread_by_platform()
    month = s.finance.summary(today.replace(day=1))
    rows = [("Event", _when(o.start, zone), o.title) for o in events]
    due = s.tasks.list(TaskFilter(due_before=today + timedelta(days=1), limit=50))
    rows += [("Task", _when(t.due, zone), t.title) for t in due]
    rows += [("Unread", platform, f"{count} unread") for platform, count in sorted(unread.items())]
    rows += [
        ("Budget", b.category, f"{b.spent} of {b.budget} {b.currency} spent") for b in month.budgets
    ]
    summary = (
        f"{len(events)} events today and tomorrow · {stats.overdue} overdue · "
        f"{stats.due_today} due today · {sum(unread.values())} unread · "
        f"{month.expenses} {month.currency} spent this month"
    )
    return PaneData("today", summary, ("What", "When", "Item"), tuple(rows))


def _tasks(s: Services) -> PaneData:
    zone = s.ctx.zone
    tasks = s.tasks.list(TaskFilter(limit=ROW_LIMIT))
    rows = tuple(
        (t.title, _when(t.due, zone), t.priority, t.status, " ".join(f"#{x}" for x in t.tags))
        for t in tasks
    )
    return PaneData(
        "tasks",
        f"{s.tasks.count()} open tasks",
        ("Title", "Due", "Priority", "Status", "Tags"),
        rows,
    )


def _calendar(s: Services) -> PaneData:
    zone, today = s.ctx.zone, s.ctx.today()
    found = s.calendar.occurrences(today, today + timedelta(days=13))
    rows = tuple((_when(o.start, zone), _when(o.end, zone), o.title, o.location) for o in found)
    return PaneData(
        "calendar",
        f"{len(found)} events in the next two weeks",
        ("Start", "End", "Title", "Location"),
        rows[:ROW_LIMIT],
    )


def _inbox(s: Services) -> PaneData:
    zone = s.ctx.zone
    found = s.messages.list(limit=ROW_LIMIT)
    rows = tuple(
        ("" if m.read else "●", m.platform, m.sender, m.subject or m.snippet,
         _when(m.received_at, zone))
        for m in found
    )  # fmt: skip
    unread = sum(s.messages.unread_by_platform().values())
    return PaneData(
        "inbox", f"{unread} unread", ("", "Platform", "From", "Subject", "Received"), rows
    )


def _finance(s: Services) -> PaneData:
    month = s.finance.summary(s.ctx.today().replace(day=1))
    rows = tuple(
        (str(t.date), t.payee, t.category, f"{t.amount} {t.currency}", t.account)
        for t in s.finance.transactions(limit=ROW_LIMIT)
    )
    summary = (
        f"{month.month}: income {month.income}, expenses {month.expenses}, "
        f"net {month.net} {month.currency}"
    )
    return PaneData("finance", summary, ("Date", "Payee", "Category", "Amount", "Account"), rows)


def _notes(s: Services) -> PaneData:
    zone = s.ctx.zone
    found = s.notes.list(limit=ROW_LIMIT)
    rows = tuple(
        (n.title, " ".join(f"#{t}" for t in n.tags), _when(n.updated_at, zone)) for n in found
    )
    return PaneData("notes", f"{len(found)} notes", ("Title", "Tags", "Updated"), rows)


def _workflows(s: Services) -> PaneData:
    found = s.records.workflows()
    rows = tuple(
        (w.name, "on" if w.enabled else "off", str(w.trigger.get("type", "")), str(w.run_count))
        for w in found
    )
    return PaneData("workflows", f"{len(found)} workflows", ("Name", "Enabled", "Trigger", "Runs"),
                    rows)  # fmt: skip


def _agents(s: Services) -> PaneData:
    zone = s.ctx.zone
    found = s.records.agent_logs(ROW_LIMIT)
    rows = tuple(
        (_when(a.started_at, zone), a.agent, a.provider, a.status, a.prompt[:80]) for a in found
    )
    return PaneData("agents", f"{len(found)} recent agent runs",
                    ("Started", "Agent", "Provider", "Status", "Prompt"), rows)  # fmt: skip


def _voice(s: Services) -> PaneData:
    found = s.records.voice_commands()
    rows = tuple((v.phrase, v.action, str(v.usage_count), str(v.success_count)) for v in found)
    return PaneData("voice", f"{len(found)} voice commands", ("Phrase", "Action", "Used", "Worked"),
                    rows)  # fmt: skip


def _projects(s: Services) -> PaneData:
    found = s.records.projects()
    rows = tuple((p.name, p.status, p.repository_url or "", p.description[:80]) for p in found)
    return PaneData("projects", f"{len(found)} projects",
                    ("Name", "Status", "Repository", "Description"), rows)  # fmt: skip


def _health(s: Services) -> PaneData:
    path = s.store.path
    size = path.stat().st_size if path.exists() else 0
    integrations = s.records.integrations()
    rows: list[tuple[str, ...]] = [
        ("Database", str(path), f"{size / 1_048_576:.1f} MB"),
        ("Device", str(s.store.device_id), ""),
    ]
    rows += [
        ("Integration", f"{i.display_name} ({i.kind})", i.state + (f": {i.last_error}"
                                                                   if i.last_error else ""))
        for i in integrations
    ]  # fmt: skip
    attention = sum(1 for i in integrations if i.state in ("needs_auth", "error"))
    summary = f"{attention} integrations need attention" if attention else "All is well"
    return PaneData("health", summary, ("Check", "Subject", "State"), tuple(rows))


_BUILDERS: dict[str, Callable[[Services], PaneData]] = {
    "today": _today, "tasks": _tasks, "calendar": _calendar, "inbox": _inbox,
    "finance": _finance, "notes": _notes, "workflows": _workflows, "agents": _agents,
    "voice": _voice, "projects": _projects, "health": _health,
}  # fmt: skip
