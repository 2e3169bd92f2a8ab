"""How the Agents pane words things: providers, statuses, steps, costs, and its table columns.

Each table of the pane (the current run's steps, the approvals waiting, the history
of runs, the per-agent figures) is a `RecordTableModel` described by the columns
built here, so every cell's text is defined once and can be tested without a window.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desktop.services.agent_logs import AgentRunView, AgentStats, AgentStepView, PendingApproval
from desktop.ui.panes.pane_format import short_received, when
from desktop.ui.panes.records_model import Column

FAILED_COLOUR = "#c0392b"
WAITING_COLOUR = "#b9770e"
SHORT_ARGS = 160
SHORT_RESULT = 160
SHORT_PROMPT = 120


def tr(text: str) -> str:
    return QCoreApplication.translate("AgentsPane", text)


def provider_text(provider: str, model: str, base_url: str = "") -> str:
    """The configured model as a person reads it: `Offline planner`, `OpenAI gpt-4o-mini`."""
    if provider == "offline":
        return tr("Offline planner")
    names = {"openai": "OpenAI", "anthropic": "Anthropic", "local": tr("Local server")}
    name = names.get(provider, provider)
    text = f"{name} {model}".strip()
    return f"{text} ({base_url})" if provider == "local" and base_url else text


def run_status_text(status: str, short: bool = False) -> str:
    """A run's status in words (`short`: as few as a narrow column holds)."""
    if short and status in ("pending", "step_limit"):
        return tr("to approve") if status == "pending" else tr("step limit")
    names = {
        "running": tr("running"),
        "done": tr("done"),
        "pending": tr("waiting for approval"),
        "step_limit": tr("stopped at the step limit"),
        "error": tr("failed"),
        "cancelled": tr("cancelled"),
    }
    return names.get(status, status)


def step_status_text(step: AgentStepView) -> str:
    """What became of a step: its result, `waiting for approval`, `denied`, or the error."""
    if step.status == "pending":
        return tr("waiting for approval")
    if step.status == "denied":
        return tr("denied")
    if step.status == "error":
        return tr("error: {message}").format(message=step.error or "")
    return shorten(result_text(step.result), SHORT_RESULT) or tr("done")


def result_text(result: Any) -> str:
    """A step's result in one line: a list's size and first items, a record's title."""
    if result is None or result == "":
        return ""
    if isinstance(result, list):
        titles = [_title(item) for item in result[:3]]
        head = ", ".join(t for t in titles if t)
        count = tr("{n} items").format(n=len(result)) if len(result) != 1 else tr("1 item")
        return f"{count}: {head}" if head else count
    if isinstance(result, dict):
        return _title(result) or json.dumps(result, ensure_ascii=False, default=str)
    return str(result)


def _title(item: Any) -> str:
    if isinstance(item, dict):
        for key in ("title", "name", "subject", "summary", "description"):
            if item.get(key):
                return str(item[key])
        return ""
    return str(item)


def args_text(args: dict[str, Any], limit: int = SHORT_ARGS) -> str:
    """Arguments in one short line: `title="Call mom", due="tomorrow"`."""
    parts = [
        f"{key}={json.dumps(value, ensure_ascii=False, default=str)}" for key, value in args.items()
    ]
    return shorten(", ".join(parts), limit)


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at `limit` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def cost_text(micros: int) -> str:
    """Micro-dollars as dollars: `$0.0123`; free runs show `$0`."""
    if not micros:
        return "$0"
    return f"${Decimal(micros) / Decimal(1_000_000):.4f}"


def latency_text(ms: float | None) -> str:
    if ms is None:
        return "–"
    return f"{round(ms)} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def rate_text(rate: float | None) -> str:
    return "–" if rate is None else f"{round(100 * rate)} %"


def run_summary(run: AgentRunView, zone: ZoneInfo, today: date) -> str:
    """One line about a finished run: `Scheduler · Today 10:02 · done · 120 ms · $0`."""
    return " · ".join(
        [
            run.agent,
            when(run.started_at, zone, today),
            run_status_text(run.status),
            latency_text(run.latency_ms),
            cost_text(run.cost_micros),
        ]
    )


def step_columns() -> list[Column[AgentStepView]]:
    return [
        Column("#", lambda s: str(s.number), sort=lambda s: s.number, numeric=True),
        Column(tr("Tool"), lambda s: s.tool),
        Column(tr("Arguments"), lambda s: args_text(s.args), tip=lambda s: _json(s.args)),
        Column(
            tr("Result"),
            step_status_text,
            tip=lambda s: _json(s.result) if s.status == "done" else step_status_text(s),
            colour=_step_colour,
        ),
    ]


def approval_columns() -> list[Column[PendingApproval]]:
    return [
        Column(tr("Agent"), lambda p: p.agent, tip=lambda p: p.prompt),
        Column(tr("Action"), lambda p: p.step.tool, tip=lambda p: p.step.note or p.step.tool),
        Column(tr("Risk"), lambda p: risk_text(p.step.risk), tip=lambda p: p.step.note),
        Column(tr("Arguments"), lambda p: args_text(p.step.args), tip=lambda p: _json(p.step.args)),
    ]


def risk_text(risk: str) -> str:
    """A risk level in words: `write`, `outbound`, `destructive`."""
    names = {
        "read": tr("read"),
        "write": tr("write"),
        "outbound": tr("outbound"),
        "destructive": tr("destructive"),
    }
    return names.get(risk, risk)


def history_columns(zone: ZoneInfo, today: date) -> list[Column[AgentRunView]]:
    return [
        Column(
            tr("When"),
            lambda r: short_received(r.started_at, zone, today),
            sort=lambda r: r.started_at.timestamp(),
            tip=lambda r: when(r.started_at, zone, today),
        ),
        Column(tr("Agent"), lambda r: r.agent),
        Column(tr("Prompt"), lambda r: shorten(r.prompt, SHORT_PROMPT), tip=lambda r: r.prompt),
        Column(
            tr("Status"),
            lambda r: run_status_text(r.status, short=True),
            tip=lambda r: r.error or run_status_text(r.status),
            colour=_run_colour,
        ),
        Column(
            tr("Cost"),
            lambda r: cost_text(r.cost_micros),
            sort=lambda r: r.cost_micros,
            numeric=True,
        ),
        Column(
            tr("Latency"),
            lambda r: latency_text(r.latency_ms),
            sort=lambda r: r.latency_ms or 0,
            numeric=True,
        ),
    ]


def stats_columns() -> list[Column[AgentStats]]:
    return [
        Column(tr("Agent"), lambda s: s.agent),
        Column(tr("Runs"), lambda s: str(s.runs), sort=lambda s: s.runs, numeric=True),
        Column(
            tr("Success rate"),
            lambda s: rate_text(s.success_rate),
            sort=lambda s: -1.0 if s.success_rate is None else s.success_rate,
            numeric=True,
        ),
        Column(
            tr("Median latency"),
            lambda s: latency_text(s.median_latency_ms),
            sort=lambda s: s.median_latency_ms or 0.0,
            numeric=True,
        ),
        Column(
            tr("Cost this month"),
            lambda s: cost_text(s.cost_micros_this_month),
            sort=lambda s: s.cost_micros_this_month,
            numeric=True,
        ),
    ]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def _step_colour(step: AgentStepView) -> str | None:
    if step.status == "pending":
        return WAITING_COLOUR
    return FAILED_COLOUR if step.status in ("error", "denied") else None


def _run_colour(run: AgentRunView) -> str | None:
    if run.status in ("error", "step_limit"):
        return FAILED_COLOUR
    return WAITING_COLOUR if run.status == "pending" else None
