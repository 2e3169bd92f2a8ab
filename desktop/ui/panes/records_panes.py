"""The Workflows, Agents and Voice panes: lists over their records.

Their engines come in their own issues, so most of these lists are read-only and
each says so. The Voice pane adds commands through `add_voice_command`; the Agents
pane shows the steps, output and error of the selected run under the list.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services.container import Services
from desktop.services.records import AgentLogView, VoiceCommandView, WorkflowView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.pane_format import when
from desktop.ui.panes.records_base import RecordListPane
from desktop.ui.panes.records_model import Column

AGENT_LOG_LIMIT = 500
FAILED_COLOUR = "#c0392b"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordPanes", text)


def trigger_text(trigger: dict[str, Any]) -> str:
    """A workflow's trigger as a person reads it: `Schedule 0 8 * * 1-5`, `On message.received`."""
    kind = str(trigger.get("type", ""))
    if kind == "schedule":
        return _tr("Schedule {cron}").format(cron=trigger.get("cron", "")).strip()
    if kind == "event":
        return _tr("On {event}").format(event=trigger.get("event", ""))
    if kind == "manual":
        return _tr("By hand")
    return kind or _tr("None")


def cost_text(micros: int) -> str:
    """An agent run's cost in US dollars from micro-dollars: `$0.0123`; free runs show `–`."""
    if not micros:
        return "–"
    return f"${Decimal(micros) / Decimal(1_000_000):.4f}"


def run_status(status: str) -> str:
    """An agent run's status in words."""
    names = {"running": _tr("running"), "succeeded": _tr("succeeded"), "failed": _tr("failed")}
    return names.get(status, status)


def latency_text(ms: int | None) -> str:
    if ms is None:
        return "–"
    return f"{ms} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def rate_text(used: int, worked: int) -> str:
    """A voice command's success rate: `92 %`, `–` when it was never used."""
    return f"{round(100 * worked / used)} %" if used else "–"


class WorkflowsPane(RecordListPane[WorkflowView]):
    """Workflows, read-only until the workflow editor comes.

    Signals:
        None besides those of `RecordListPane`.
    """

    area = "workflows"

    def pane_title(self) -> str:
        return self.tr("Workflows")

    def note(self) -> str:
        return self.tr(
            "Workflows are edited in the workflow editor, coming with the workflows issue. "
            "This list is read-only."
        )

    def columns(self) -> list[Column[WorkflowView]]:
        return [
            Column(
                self.tr("Name"),
                lambda w: w.name,
                tip=lambda w: f"{w.name}\n{w.description}" if w.description else w.name,
            ),
            Column(self.tr("Trigger"), lambda w: trigger_text(w.trigger)),
            Column(
                self.tr("Enabled"),
                lambda w: self.tr("On") if w.enabled else self.tr("Off"),
                check=lambda w: w.enabled,
            ),
            Column(
                self.tr("Last run"),
                lambda w: when(w.last_run_at, self.zone, self.today) or self.tr("Never"),
                sort=lambda w: w.last_run_at.timestamp() if w.last_run_at else 0.0,
            ),
            Column(
                self.tr("Runs"),
                lambda w: str(w.run_count),
                sort=lambda w: w.run_count,
                numeric=True,
            ),
            Column(
                self.tr("Description"),
                lambda w: " ".join(w.description.split()),
                tip=lambda w: w.description,
            ),
        ]

    def stretch_column(self) -> int:
        return 5  # the description

    def fetch_records(self, services: Services) -> list[WorkflowView]:
        return services.records.workflows()

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} of {total} workflows").format(shown=shown, total=total)
        return self.tr("1 workflow") if total == 1 else self.tr("{n} workflows").format(n=total)


class AgentsPane(RecordListPane[AgentLogView]):
    """Recent agent runs, newest first, with the selected run's steps below.

    Signals:
        None besides those of `RecordListPane`.
    """

    area = "agents"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_changed.connect(self._show_detail)

    def pane_title(self) -> str:
        return self.tr("Agents")

    def note(self) -> str:
        return self.tr(
            "The last {n} agent runs. Agents are started from the command palette and the "
            "agents issue; this log is read-only."
        ).format(n=AGENT_LOG_LIMIT)

    def detail_widget(self) -> QWidget:
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Agent run details"))
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        return self.detail

    def columns(self) -> list[Column[AgentLogView]]:
        return [
            Column(
                self.tr("When"),
                lambda a: when(a.started_at, self.zone, self.today),
                sort=lambda a: a.started_at.timestamp(),
            ),
            Column(self.tr("Agent"), lambda a: a.agent),
            Column(self.tr("Provider / model"), lambda a: f"{a.provider} / {a.model}"),
            Column(
                self.tr("Status"),
                lambda a: run_status(a.status),
                tip=lambda a: a.error or run_status(a.status),
                colour=lambda a: FAILED_COLOUR if a.status == "failed" else None,
            ),
            Column(
                self.tr("Tokens in / out"),
                lambda a: f"{a.input_tokens:,} / {a.output_tokens:,}",
                sort=lambda a: a.input_tokens + a.output_tokens,
                numeric=True,
            ),
            Column(
                self.tr("Cost"),
                lambda a: cost_text(a.cost_micros),
                sort=lambda a: a.cost_micros,
                numeric=True,
            ),
            Column(
                self.tr("Latency"),
                lambda a: latency_text(a.latency_ms),
                sort=lambda a: a.latency_ms or 0,
                numeric=True,
            ),
        ]

    def default_sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder

    def stretch_column(self) -> int:
        return 2  # provider / model

    def fetch_records(self, services: Services) -> list[AgentLogView]:
        return services.records.agent_logs(AGENT_LOG_LIMIT)

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} of {total} runs").format(shown=shown, total=total)
        return self.tr("1 run") if total == 1 else self.tr("{n} runs").format(n=total)

    def _show_detail(self, run: object) -> None:
        if not isinstance(run, AgentLogView):
            self.detail.setHtml(f"<p>{html.escape(self.tr('Select a run to see its steps.'))}</p>")
            return
        self.detail.setHtml(self.detail_html(run))

    def detail_html(self, run: AgentLogView) -> str:
        """The run's prompt, steps, output and error as safe HTML (every text escaped)."""
        e = html.escape
        started = when(run.started_at, self.zone, self.today)
        line = self.tr("Started {when}, {status}").format(
            when=started, status=run_status(run.status)
        )
        parts = [
            f"<h3>{e(run.agent)} · {e(run.provider)} / {e(run.model)}</h3>",
            f"<p>{e(line)}"
            f" · {e(latency_text(run.latency_ms))} · {e(cost_text(run.cost_micros))}</p>",
            f"<p><b>{e(self.tr('Prompt'))}</b><br>{e(run.prompt)}</p>",
            f"<p><b>{e(self.tr('Steps'))}</b></p>",
        ]
        if run.steps:
            items = "".join(f"<li>{e(step_text(step))}</li>" for step in run.steps)
            parts.append(f"<ol>{items}</ol>")
        else:
            parts.append(f"<p>{e(self.tr('No tool was called.'))}</p>")
        if run.output:
            parts.append(f"<p><b>{e(self.tr('Output'))}</b><br>{e(run.output)}</p>")
        if run.error:
            parts.append(
                f"<p style='color:{FAILED_COLOUR}'><b>{e(self.tr('Error'))}</b><br>"
                f"{e(run.error)}</p>"
            )
        return "".join(parts)


def step_text(step: dict[str, Any]) -> str:
    """One tool call: `tasks.list({"status": "open"}) → 4 items`."""
    tool = str(step.get("tool") or step.get("action") or "?")
    arguments = step.get("arguments") or {}
    args = json.dumps(arguments, ensure_ascii=False, default=str) if arguments else ""
    result = step.get("result")
    text = f"{tool}({args})"
    return f"{text} → {result}" if result not in (None, "") else text


class VoiceCommandEditor(QDialog):
    """Bind a phrase to an action: Enter adds, Esc cancels; both fields are needed."""

    def __init__(self, actions: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_value: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("New voice command"))
        self.phrase = QLineEdit()
        self.phrase.setAccessibleName(self.tr("Phrase"))
        self.phrase.setPlaceholderText(self.tr("what you will say, e.g. “what is overdue”"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.setEditable(False)
        for name in actions:
            self.action.addItem(name, name)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Phrase"), self.phrase)
        form.addRow(self.tr("&Action"), self.action)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(440, 140)

    @classmethod
    def ask(cls, parent: QWidget | None, actions: Sequence[str]) -> tuple[str, str] | None:
        """(phrase, action) as the user entered them, or None when they cancelled."""
        dialog = cls(actions, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    def accept(self) -> None:
        phrase = self.phrase.text().strip()
        if not phrase:
            self.problem.setText(self.tr("Type the phrase to say."))
            self.problem.show()
            self.phrase.setFocus()
            return
        self.result_value = (phrase, str(self.action.currentData()))
        super().accept()


class VoicePane(RecordListPane[VoiceCommandView]):
    """Voice commands: list, and add new ones.

    Signals:
        None besides those of `RecordListPane`.
    """

    area = "voice"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_command_button = self.add_button(
            self.tr("&Add voice command…"), self.tr("Add voice command")
        )
        self.add_command_button.clicked.connect(self.add_command)
        self.setTabOrder(self.table, self.add_command_button)

    def pane_title(self) -> str:
        return self.tr("Voice")

    def note(self) -> str:
        return self.tr(
            "Say a phrase to run its action. Commands are added here; changing, turning "
            "off and deleting them come with the voice issue."
        )

    def columns(self) -> list[Column[VoiceCommandView]]:
        return [
            Column(self.tr("Phrase"), lambda v: v.phrase),
            Column(self.tr("Action"), lambda v: v.action),
            Column(
                self.tr("Enabled"),
                lambda v: self.tr("On") if v.enabled else self.tr("Off"),
                check=lambda v: v.enabled,
            ),
            Column(
                self.tr("Uses"),
                lambda v: str(v.usage_count),
                sort=lambda v: v.usage_count,
                numeric=True,
            ),
            Column(
                self.tr("Success rate"),
                lambda v: rate_text(v.usage_count, v.success_count),
                sort=lambda v: v.success_count / v.usage_count if v.usage_count else -1.0,
                numeric=True,
            ),
            Column(
                self.tr("Last used"),
                lambda v: when(v.last_used_at, self.zone, self.today) or self.tr("Never"),
                sort=lambda v: v.last_used_at.timestamp() if v.last_used_at else 0.0,
            ),
        ]

    def stretch_column(self) -> int:
        return 5  # when it was last used

    def fetch_records(self, services: Services) -> list[VoiceCommandView]:
        return services.records.voice_commands()

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} of {total} commands").format(shown=shown, total=total)
        return self.tr("1 command") if total == 1 else self.tr("{n} commands").format(n=total)

    def add_command(self) -> None:
        """Ask for a phrase and an action, and add the command."""
        answer = VoiceCommandEditor.ask(self, self.ctx.catalog.names())
        if answer is None:
            return
        phrase, action = answer

        def added(view: VoiceCommandView) -> None:
            self.select_after_reload(str(view.id))

        self.ctx.act(
            "add_voice_command",
            {"phrase": phrase, "action": action},
            added,
            lambda exc: show_error(self, exc, self.tr("Could not add the voice command")),
        )
