"""Edit › Undo and Redo: a QUndoStack of the write actions run through `PaneContext.act`.

`UndoHistory` is installed by the Shell on the main window. Every successful
write action whose change set was recorded row by row becomes an
`ActionCommand` (its first `redo` is a no-op: the action already ran). Undo
and redo revert the command's change set with `services.undo` on the database
executor, announce `AppEvents.changes_applied` so the panes refresh, and keep
the change set that goes the other way. A refused revert (the row was changed
since) is shown through `show_error`, and the stack stays where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from desktop.services.undo import ChangeSet
from desktop.ui.action_form import title_of
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

# Steps kept: each holds the rows its action touched (an import holds all it added).
UNDO_LIMIT = 100


class ActionCommand(QUndoCommand):
    """One write action on the undo stack, holding the change set of its last run."""

    def __init__(self, history: UndoHistory, title: str, changeset: ChangeSet) -> None:
        super().__init__(title)
        self.history = history
        self.forward = changeset  # what the action (or the last redo) did
        self.backward: ChangeSet | None = None  # what the last undo did
        self._ran = True  # the action itself already did the first redo

    def undo(self) -> None:
        self.history.revert(self, "undo")

    def redo(self) -> None:
        if self._ran:
            self._ran = False
            return
        self.history.revert(self, "redo")


class UndoHistory(QObject):
    """The window's undo stack and its Edit menu entries.

    Signals:
        reverted(str): an undo or redo reached the store; carries "undo" or "redo".
        refused(str): an undo or redo failed; carries the message.
    """

    reverted = Signal(str)
    refused = Signal(str)

    def __init__(self, window: MainWindow, ctx: PaneContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self._busy = False  # a revert is running on the database executor
        self._replaying = False  # moving the index back after a refusal: commands do nothing
        self.undo_action = self._make_action("undoAction", [QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = self._make_action(
            "redoAction", [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        )
        self.redo_action.triggered.connect(self.redo)
        edit = window.edit_menu()
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        window.addActions([self.undo_action, self.redo_action])
        self.stack.indexChanged.connect(self._update_actions)
        self._update_actions()
        ctx.history = self

    # -- public API --------------------------------------------------------------

    def record(self, action: str, changeset: ChangeSet) -> None:
        """Put the action `action`, which just did `changeset`, on the stack."""
        title = title_of(self.ctx.catalog.get(action))
        self.stack.push(ActionCommand(self, title, changeset))

    def undo(self) -> None:
        if not self._busy and self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if not self._busy and self.stack.canRedo():
            self.stack.redo()

    @property
    def busy(self) -> bool:
        return self._busy

    # -- running a revert --------------------------------------------------------

    def revert(self, command: ActionCommand, verb: str) -> None:
        """Called by the stack: revert `command` off the GUI thread (undo or redo)."""
        if self._replaying or self.ctx.runner.closed:
            return
        changeset = command.forward if verb == "undo" else command.backward
        if changeset is None:  # an undo never ran: nothing to redo (cannot happen)
            return
        before = self.stack.index()  # the stack moves only after this call returns
        services, events = self.ctx.services, self.ctx.events

        def run() -> ChangeSet:
            outcome = services.undo.revert(changeset, verb=verb)
            events.changes_applied.emit(outcome.changes, None)
            return outcome.value

        def done(other: ChangeSet) -> None:
            if verb == "undo":
                command.backward = other
            else:
                command.forward = other
            self._finish()
            self.reverted.emit(verb)

        def failed(exc: Exception) -> None:
            self._replaying = True
            try:
                self.stack.setIndex(before)
            finally:
                self._replaying = False
            self._finish()
            show_error(self.window, exc)
            self.refused.emit(str(exc))

        self._busy = True
        self._update_actions()
        self.ctx.runner.run_db(run, done, failed)

    def _finish(self) -> None:
        self._busy = False
        self._update_actions()

    # -- the menu entries --------------------------------------------------------

    def _make_action(self, name: str, keys: list[QKeySequence]) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        return action

    def _update_actions(self, *_args: Any) -> None:
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.undo_action.setText(
            self.tr("&Undo {title}").format(title=undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {title}").format(title=redo_text) if redo_text else self.tr("&Redo")
        )
        self.undo_action.setEnabled(not self._busy and self.stack.canUndo())
        self.redo_action.setEnabled(not self._busy and self.stack.canRedo())
