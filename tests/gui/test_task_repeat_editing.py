"""Recurring tasks in the app: the task editor sets, shows and clears a repeat rule."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.ui.dialogs.task_editor import TaskEditor
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.tasks_edits import TaskEdits
from desktop.ui.panes.tasks_pane import TasksPane

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def editor(qtbot: QtBot, task: object = None) -> TaskEditor:
    dialog = TaskEditor(None, task, [], NOW, BERLIN)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_a_weekly_repeat_from_completion(qtbot: QtBot) -> None:
    dialog = editor(qtbot)
    dialog.title_edit.setText("Water plants")
    dialog.repeat.freq.setCurrentIndex(dialog.repeat.freq.findData("WEEKLY"))
    dialog.repeat_from_box.setCurrentIndex(1)
    dialog.accept()
    edit = dialog.edit()
    assert edit is not None
    assert edit.recurrence is not None
    assert edit.recurrence.startswith("FREQ=WEEKLY")
    assert edit.repeat_from == "completion"


def test_an_existing_rule_is_shown_and_can_be_cleared(qtbot: QtBot, services: Services) -> None:
    task = services.tasks.add(
        TaskDraft("Pay rent", due=date(2026, 4, 1), recurrence="FREQ=MONTHLY;BYMONTHDAY=1")
    ).value
    dialog = editor(qtbot, task)
    # A rule the simple choices cannot show is kept as it is, as custom text.
    assert dialog.repeat.freq.currentData() == "CUSTOM"
    assert dialog.repeat.custom.text() == "FREQ=MONTHLY;BYMONTHDAY=1"
    dialog.repeat.freq.setCurrentIndex(dialog.repeat.freq.findData("NONE"))
    dialog.accept()
    edit = dialog.edit()
    assert edit is not None
    assert edit.recurrence is None


def test_saving_through_the_pane_stores_the_rule(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services
) -> None:
    pane = TasksPane(pane_ctx)
    qtbot.addWidget(pane)
    dialog = editor(qtbot)
    dialog.title_edit.setText("Stretch")
    dialog.due_edit.setText("2026-03-05")
    dialog.repeat.freq.setCurrentIndex(dialog.repeat.freq.findData("DAILY"))
    dialog.accept()
    edit = dialog.edit()
    assert edit is not None
    with qtbot.waitSignal(pane_ctx.events.changes_applied):
        TaskEdits(pane)._save(None, edit)
    [task] = services.tasks.list()
    assert task.recurrence is not None
    assert task.recurrence.startswith("FREQ=DAILY")
    assert task.repeat_from == "due"
