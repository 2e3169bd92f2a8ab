"""How the Workflows pane words things: run and step statuses, arguments, results, times.

The pane's tables (the runs of a workflow and the trace of one run) are
`RecordTableModel`s described by the columns built here, so every cell's text is
defined once and can be tested without a window. A trace step is the engine's plain
dict (index, path, kind, action, args, status, result or error, ms).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desktop.ui.panes.pane_format import when
from desktop.ui.panes.records_model import Column

FAILED_COLOUR = "#c0392b"
WAITING_COLOUR = "#b9770e"
QUIET_COLOUR = "#7f8c8d"
SHORT_TEXT = 160

# What the filter keys of store events mean (which event takes which key:
# workflow_spec_parse.EVENT_FILTERS): key -> (parameter type, what it means).
FILTER_HINTS: dict[str, tuple[str, str]] = {
    "minutes_before": ("integer", "minutes before the start"),
    "title_contains": ("string", "the title contains"),
    "tag": ("string", "it has this tag"),
    "sender_contains": ("string", "the sender contains"),
    "subject_contains": ("string", "the subject contains"),
    "platform": ("string", "only from this platform (email, slack …)"),
    "min_amount": ("number", "the amount is at least (absolute)"),
    "category": ("string", "only in this category"),
    "payee_contains": ("string", "the payee contains"),
    "percent": ("number", "spent at least this percent of the budget"),
}

# Fields a condition may test, offered in the editor (any dotted path into the
# trigger's data works too).
CONDITION_FIELDS = (
    "time.hour",
    "time.weekday",
    "calendar.free_next_minutes",
    "task.title",
    "task.priority",
    "message.sender",
    "message.subject",
    "event.title",
    "transaction.amount",
    "transaction.category",
    "budget.percent",
)


def tr(text: str) -> str:
    return QCoreApplication.translate("WorkflowsPane", text)


def shorten(text: str, limit: int = SHORT_TEXT) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def json_text(value: Any) -> str:
    """A value as compact JSON (text stays text)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str, separators=(", ", ": "))


def run_status_text(status: str | None) -> str:
    """A run's status in words; `None` (never ran) is an empty cell."""
    if not status:
        return ""
    names = {
        "done": tr("done"),
        "failed": tr("failed"),
        "stopped": tr("stopped"),
        "pending_approval": tr("waiting for approval"),
        "skipped": tr("skipped"),
        "running": tr("running"),
    }
    return names.get(status, status)


def step_status_text(status: str) -> str:
    """A traced step's status in words."""
    names = {
        "done": tr("done"),
        "failed": tr("failed"),
        "skipped": tr("skipped"),
        "would_run": tr("would run"),
        "pending_approval": tr("waiting for approval"),
        "stopped": tr("stopped"),
        "denied": tr("denied"),
    }
    return names.get(status, status)


def status_colour(status: str | None) -> str | None:
    """The text colour of a run or step status (failures red, waiting amber)."""
    if status in ("failed", "denied"):
        return FAILED_COLOUR
    if status == "pending_approval":
        return WAITING_COLOUR
    if status in ("skipped", "would_run"):
        return QUIET_COLOUR
    return None


def run_summary(run: Any) -> str:
    """What a run did, in a sentence: `“Plants” ran: 1 step(s) done.`"""
    texts = {
        "done": tr("“{name}” ran: {n} step(s) done."),
        "failed": tr("“{name}” failed: {error}"),
        "pending_approval": tr("“{name}” waits for your approval (below)."),
        "stopped": tr("“{name}” stopped."),
        "skipped": tr("“{name}” was skipped: its conditions do not hold."),
    }
    if run.dry_run:
        text = tr("Dry run of “{name}”: {n} step(s) would run; nothing was changed.")
    else:
        text = texts.get(run.status, tr("“{name}”: {status}"))
    steps = [s for s in run.trace or () if s.get("status") in ("done", "would_run")]
    name = getattr(run, "workflow", "") or ""
    return text.format(name=name, n=len(steps), error=run.error or "", status=run.status)


def moment_text(value: datetime | None, zone: ZoneInfo, today: date) -> str:
    """An instant as the user reads it (`Today 08:00`), `Never` when there is none."""
    return when(value, zone, today) or tr("Never")


def step_target(step: dict[str, Any]) -> str:
    """What a traced step does: its action, or its kind for steps that are not actions."""
    return str(step.get("action") or step.get("kind") or "")


def step_number(step: dict[str, Any]) -> str:
    """A traced step's place, counted from 1: `2`, or `3.then.1` inside a branch."""
    if "path" not in step and "index" not in step:
        return str(step.get("step", ""))  # runs written before the engine: counted from 1
    raw = str(step.get("path", step.get("index", "")))
    return ".".join(str(int(p) + 1) if p.isdigit() else p for p in raw.split("."))


def step_outcome(step: dict[str, Any]) -> str:
    """A traced step's result, or its error."""
    if step.get("error"):
        return str(step["error"])
    result = step.get("result")
    return "" if result is None else json_text(result)


def ms_text(ms: Any) -> str:
    if ms is None or ms == "":
        return "–"
    try:
        value = float(ms)
    except (TypeError, ValueError):
        return str(ms)
    return f"{value:.0f} ms" if value < 1000 else f"{value / 1000:.1f} s"


def trace_columns() -> list[Column[dict[str, Any]]]:
    """The columns of a run's trace: step, status, action, arguments, result or error, time."""

    def status(step: dict[str, Any]) -> str:
        return str(step.get("status", ""))

    return [
        Column(tr("Step"), step_number, sort=lambda s: str(s.get("path", "")), numeric=True),
        Column(
            tr("Status"),
            lambda s: step_status_text(status(s)),
            colour=lambda s: status_colour(status(s)),
        ),
        Column(tr("Action"), step_target),
        Column(
            tr("Arguments"),
            lambda s: shorten(json_text(s.get("args") or {})),
            tip=lambda s: json.dumps(s.get("args") or {}, ensure_ascii=False, indent=2),
        ),
        Column(
            tr("Result or error"),
            lambda s: shorten(step_outcome(s)),
            tip=step_outcome,
            colour=lambda s: FAILED_COLOUR if s.get("error") else None,
        ),
        Column(tr("Time"), lambda s: ms_text(s.get("ms")), sort=lambda s: s.get("ms") or 0),
    ]


def run_columns(zone_today: Any) -> list[Column[Any]]:
    """The columns of a workflow's runs: started, status, dry run, trigger event, steps.

    `zone_today()` gives the (zone, today) to show times in, read when a cell is drawn.
    """

    def started(run: Any) -> str:
        zone, today = zone_today()
        return moment_text(run.started_at, zone, today)

    def trigger(run: Any) -> str:
        event = run.trigger_event or {}
        name = event.get("event") or event.get("type")
        return tr("by hand") if name in (None, "", "manual") else str(name)

    return [
        Column(
            tr("Started"),
            started,
            sort=lambda r: r.started_at.timestamp() if r.started_at else 0.0,
        ),
        Column(
            tr("Status"),
            lambda r: run_status_text(r.status),
            colour=lambda r: status_colour(r.status),
        ),
        Column(tr("Kind"), lambda r: tr("dry run") if r.dry_run else tr("real")),
        Column(tr("Trigger"), trigger, tip=lambda r: json_text(r.trigger_event or {})),
        Column(tr("Steps"), lambda r: str(len(r.trace or ())), numeric=True),
    ]
