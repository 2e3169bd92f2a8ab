"""The Voice pane: voice commands as a list over their records.

Commands are added through `add_voice_command`; the rest of voice (listening,
recognition, editing commands) comes with the voice issue. The Workflows and Agents
panes have their own modules (workflows_pane, agents_pane).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.container import Services
from desktop.services.records import VoiceCommandView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.pane_format import when
from desktop.ui.panes.records_base import RecordListPane
from desktop.ui.panes.records_model import Column

PROBLEM_COLOUR = "#c0392b"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordPanes", text)


def rate_text(used: int, worked: int) -> str:
    """A voice command's success rate: `92 %`, `–` when it was never used."""
    return f"{round(100 * worked / used)} %" if used else "–"


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
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOUR}")
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
