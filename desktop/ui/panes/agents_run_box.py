"""The run box of the Agents pane: pick an agent, type a prompt, watch the answer and steps.

Ctrl+Enter in the prompt runs it (Enter makes a new line, Tab moves on). The output
is plain, selectable text that grows as the model streams; the steps table lists the
run's tool calls as the loop takes them. The same box shows a run from the history
when one is opened.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.runtime.agent_worker import AgentChoice
from desktop.services.agent_logs import AgentStepView
from desktop.ui.panes.agents_format import step_columns
from desktop.ui.panes.pane_format import heading
from desktop.ui.panes.records_model import RecordTableModel

RUN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def table_view(model: QAbstractItemModel, name: str, stretch: tuple[int, ...] = ()) -> QTreeView:
    """A read-only, row-selecting table over `model`, named for screen readers.

    Columns fit their contents; the columns `stretch` (default: the last) share the
    room left and elide their text, so that the table needs no horizontal scrolling.
    """
    view = QTreeView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setAllColumnsShowFocus(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch or (model.columnCount() - 1,):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


class RunBox(QWidget):
    """Agent picker, prompt, Run and Stop, the streaming output and the run's steps.

    Signals:
        run_requested(str, str): Run (or Ctrl+Enter) with the agent's name and the prompt.
        stop_requested(): Stop was pressed.
    """

    run_requested = Signal(str, str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agent_combo = QComboBox()
        self.agent_combo.setAccessibleName(self.tr("Agent"))
        self.agent_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.agent_note = QLabel()
        self.agent_note.setWordWrap(True)
        self.agent_note.setEnabled(False)
        self.prompt = QPlainTextEdit()
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.setPlaceholderText(
            self.tr("What should the agent do? e.g. “add a task to call mom tomorrow”")
        )
        self.prompt.setTabChangesFocus(True)
        self.prompt.setMaximumHeight(90)
        self.prompt.installEventFilter(self)
        self.run_button = QPushButton(self.tr("&Run"))
        self.run_button.setAccessibleName(self.tr("Run the agent"))
        self.run_button.setToolTip(self.tr("Run the agent on the prompt (Ctrl+Enter)"))
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the agent"))
        self.stop_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("runStatus")
        self.status.setWordWrap(True)
        self.run_title = QLabel()
        self.run_title.setObjectName("runTitle")
        self.run_title.setWordWrap(True)
        self.run_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setAccessibleName(self.tr("Agent output"))
        self.output.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.output.setTabChangesFocus(True)
        self.output.setPlaceholderText(self.tr("The agent's answer appears here."))
        self.steps_model: RecordTableModel[AgentStepView] = RecordTableModel(step_columns(), self)
        self.steps = table_view(self.steps_model, self.tr("Steps of the run"), stretch=(2, 3))
        self._after_step = False  # a step came since the last text: start a new paragraph
        self._build_layout()
        self.agent_combo.currentIndexChanged.connect(self._show_agent_note)
        self.run_button.clicked.connect(self.request_run)
        self.stop_button.clicked.connect(self.stop_requested)

    def _build_layout(self) -> None:
        picker = QHBoxLayout()
        agent_label = QLabel(self.tr("A&gent"))
        agent_label.setBuddy(self.agent_combo)
        picker.addWidget(agent_label)
        picker.addWidget(self.agent_combo)
        picker.addWidget(self.agent_note, 1)
        prompt_label = QLabel(self.tr("Pr&ompt (Ctrl+Enter runs)"))
        prompt_label.setBuddy(self.prompt)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.status, 1)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addLayout(picker)
        top_box.addWidget(prompt_label)
        top_box.addWidget(self.prompt)
        top_box.addLayout(buttons)
        top_box.addWidget(heading(self.tr("Output")))
        top_box.addWidget(self.run_title)
        top_box.addWidget(self.output, 1)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(heading(self.tr("Steps")))
        bottom_box.addWidget(self.steps, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setChildrenCollapsible(False)
        split.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        chain = (
            self.agent_combo,
            self.prompt,
            self.run_button,
            self.stop_button,
            self.output,
            self.steps,
        )
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # -- the agents --------------------------------------------------------------------

    def set_agents(self, agents: Sequence[AgentChoice]) -> None:
        """Offer `agents`, keeping the chosen one when it is still there."""
        chosen = self.agent_combo.currentData()
        self.agent_combo.blockSignals(True)
        self.agent_combo.clear()
        for agent in agents:
            self.agent_combo.addItem(agent.title, agent.name)
            self.agent_combo.setItemData(
                self.agent_combo.count() - 1, agent.description, Qt.ItemDataRole.ToolTipRole
            )
        index = self.agent_combo.findData(chosen) if chosen else 0
        self.agent_combo.setCurrentIndex(max(index, 0))
        self.agent_combo.blockSignals(False)
        self._show_agent_note()

    def choose_agent(self, name: str) -> None:
        index = self.agent_combo.findData(name)
        if index >= 0:
            self.agent_combo.setCurrentIndex(index)

    def _show_agent_note(self, *_args: object) -> None:
        tip = self.agent_combo.currentData(Qt.ItemDataRole.ToolTipRole)
        self.agent_note.setText(str(tip or ""))

    # -- running -----------------------------------------------------------------------

    def request_run(self) -> None:
        """Ask for a run of the chosen agent on the prompt (nothing while one runs)."""
        if not self.run_button.isEnabled():
            return
        agent = self.agent_combo.currentData()
        prompt = self.prompt.toPlainText().strip()
        if not prompt:
            self.status.setText(self.tr("Type what the agent should do first."))
            self.prompt.setFocus()
            return
        if not agent:
            self.status.setText(self.tr("No agent to run: the agents have not loaded."))
            return
        self.run_requested.emit(str(agent), prompt)

    def set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.agent_combo.setEnabled(not running)
        if not running and self.stop_button.hasFocus():
            self.prompt.setFocus()

    def begin(self, title: str) -> None:
        """Clear the output and steps for a new run titled `title`."""
        self.run_title.setText(title)
        self.output.clear()
        self._after_step = False
        self.steps_model.set_records([])
        self.status.setText(self.tr("Running…"))

    def append_text(self, text: str) -> None:
        """Add streamed text at the end, keeping the reader's selection and scroll."""
        if self._after_step and self.output.document().characterCount() > 1:
            text = "\n\n" + text  # the model speaks again after a tool call
        self._after_step = False
        bar = self.output.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        cursor = QTextCursor(self.output.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        if at_end:
            bar.setValue(bar.maximum())

    def add_step(self, step: AgentStepView) -> None:
        """Show `step` (replacing an earlier report of the same step)."""
        steps = [s for s in self.steps_model.records() if s.number != step.number]
        steps.append(step)
        self.steps_model.set_records(sorted(steps, key=lambda s: s.number))
        self._after_step = True
        self.steps.scrollToBottom()

    def show_result(self, title: str, output: str, steps: Sequence[AgentStepView]) -> None:
        """Show a finished run: the final output (kept as streamed when it says the same)."""
        self.run_title.setText(title)
        streamed = self.output.toPlainText().strip()
        final = output.strip()
        if not streamed:
            self.output.setPlainText(output)
        elif final and final not in streamed:
            self._after_step = False
            self.append_text(f"\n\n{output}")
        self.steps_model.set_records(list(steps))

    def show_run(self, title: str, output: str, steps: Sequence[AgentStepView]) -> None:
        """Show a run from the history in place of the current one."""
        self.run_title.setText(title)
        self.output.setPlainText(output)
        self.steps_model.set_records(list(steps))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.prompt
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in RUN_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.request_run()
            return True
        return super().eventFilter(watched, event)
