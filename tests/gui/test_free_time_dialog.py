"""Find free time: the slots of `find_free_time` listed off the GUI thread, searched
again when a field or the calendar changes, and a chosen slot booked through the
calendar pane's editor (from its toolbar and from Edit › Find free time…)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.ui.dialogs.event_editor import EditorResult, EventEditor, EventFields
from desktop.ui.dialogs.free_time_dialog import FreeTimeDialog, length_text
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.calendar_pane import CalendarPane
from desktop.ui.panes.registry import pane_builders
from desktop.ui.shell import Shell

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
THU = date(2026, 3, 5)  # the fixed clock is Wed 4 March 2026, 11:00 in Berlin


def at(hour: int, minute: int = 0, day: date = THU) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def busy(services: Services) -> Services:
    """Thursday: busy 10-11 and 13-15; a transparent 16-17 that does not block."""
    services.calendar.add(EventDraft("Review", at(10), at(11)))
    services.calendar.add(EventDraft("Workshop", at(13), at(15)))
    services.calendar.add(EventDraft("Maybe gym", at(16), at(17), transparency="transparent"))
    return services


def _dialog(qtbot: QtBot, ctx: PaneContext, first: date = THU, days: int = 1) -> FreeTimeDialog:
    dialog = FreeTimeDialog(ctx, first, BERLIN)
    qtbot.addWidget(dialog)
    dialog.last.setDate(dialog.first.date().addDays(days - 1))
    dialog.show()
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.search()
    return dialog


def _rows(dialog: FreeTimeDialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_free_slots_honour_busy_events_buffers_and_working_hours(
    qtbot: QtBot, pane_ctx: PaneContext, busy: Services
) -> None:
    dialog = _dialog(qtbot, pane_ctx)
    assert _rows(dialog) == [
        ("Thu 05 Mar", "09:00 – 09:50", "50 min"),
        ("Thu 05 Mar", "11:10 – 12:50", "1 h 40 min"),
        ("Thu 05 Mar", "15:10 – 17:00", "1 h 50 min"),
    ]
    assert dialog.status.text() == "3 free slots."
    assert dialog.table.currentRow() == 0
    # What the action itself answers, for the same fields.
    args = dialog.arguments()
    assert args == {"from": "2026-03-05", "to": "2026-03-05", "duration": "30m"}
    expected = pane_ctx.catalog.call(busy, "find_free_time", args).value
    assert [s.start for s in dialog.slots] == [s.start for s in expected]


def test_a_change_of_length_or_hours_searches_again(
    qtbot: QtBot, pane_ctx: PaneContext, busy: Services
) -> None:
    dialog = _dialog(qtbot, pane_ctx)
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.length.setValue(60)  # searched a moment later
    assert [r[1] for r in _rows(dialog)] == ["11:10 – 12:50", "15:10 – 17:00"]

    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.own_hours.setChecked(True)
        dialog.hours_from.setTime(QTime(8, 0))
        dialog.hours_to.setTime(QTime(12, 0))
    assert dialog.arguments() == {
        "from": "2026-03-05",
        "to": "2026-03-05",
        "duration": "60m",
        "hours": "08:00-12:00",
    }
    assert [r[1] for r in _rows(dialog)] == ["08:00 – 09:50"]

    dialog.hours_to.setTime(QTime(7, 0))  # ends before it starts: no search
    dialog.search()
    assert dialog.status.text() == "The hours must end after they start."
    assert dialog.table.rowCount() == 0
    dialog.own_hours.setChecked(False)
    dialog.last.setDate(QDate(2026, 3, 1))
    dialog.search()
    assert dialog.status.text() == "The last day must not be before the first day."


def test_a_range_with_no_room_says_so_and_the_week_has_many_slots(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services
) -> None:
    services.calendar.add(EventDraft("Offsite", at(8), at(18)))
    dialog = _dialog(qtbot, pane_ctx)
    assert dialog.table.rowCount() == 0
    assert dialog.status.text() == "No free time of that length in these days."
    week = _dialog(qtbot, pane_ctx, THU, 7)
    days = [row[0] for row in _rows(week)]
    assert days == ["Fri 06 Mar", "Mon 09 Mar", "Tue 10 Mar", "Wed 11 Mar"]  # no weekend


def test_enter_and_double_click_choose_the_slot_with_the_chosen_length(
    qtbot: QtBot, pane_ctx: PaneContext, busy: Services
) -> None:
    dialog = _dialog(qtbot, pane_ctx)
    dialog.length.setValue(45)
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        pass
    dialog.table.setFocus()
    QTest.keyClick(dialog.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.slot_chosen) as chosen:
        QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert chosen.args == [at(11, 10), at(11, 55)]
    rect = dialog.table.visualItemRect(dialog.table.item(2, 0))
    viewport = dialog.table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.slot_chosen) as chosen:
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [at(15, 10), at(15, 55)]


def test_length_words() -> None:
    assert [length_text(m) for m in (5, 60, 150)] == ["5 min", "1 h", "2 h 30 min"]


# -- booking through the calendar pane ---------------------------------------------------


@pytest.fixture
def shell(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[Shell]:
    window = MainWindow(pane_ctx.runner, pane_ctx.events, pane_builders=pane_builders(pane_ctx))
    window.resize(1200, 800)
    qtbot.addWidget(window)
    shell = Shell(window, pane_ctx)
    with qtbot.waitSignal(window.pane_loaded, timeout=10_000):
        window.show()
    yield shell
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, FreeTimeDialog):
            widget.close()
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0, timeout=10_000)


def _opened(qtbot: QtBot) -> FreeTimeDialog:
    found: list[FreeTimeDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, FreeTimeDialog)]
        return bool(found) and found[0].isVisible()

    qtbot.waitUntil(shown, timeout=5000)
    dialog = found[0]
    qtbot.waitUntil(lambda: dialog.status.text().endswith("slots."), timeout=5000)
    return dialog


def test_the_toolbar_and_the_edit_menu_open_it_and_a_slot_is_booked_in_the_editor(
    qtbot: QtBot, shell: Shell, busy: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[EventFields] = []

    def ask(cls: type, parent: Any, fields: EventFields, **_kw: Any) -> EditorResult:
        shown.append(fields)
        return EditorResult(
            EventFields("Deep work", False, fields.start, fields.end, "Europe/Berlin")
        )

    monkeypatch.setattr(EventEditor, "ask", classmethod(ask))
    window = shell.window
    with qtbot.waitSignal(window.pane_loaded, timeout=10_000):
        window.select_pane("calendar")
    pane = window.pane_widget("calendar")
    assert isinstance(pane, CalendarPane)
    assert pane.find_button.text() == "Find time…"
    pane.find_button.click()
    dialog = _opened(qtbot)
    dialog.last.setDate(QDate(2026, 3, 5))
    dialog.first.setDate(QDate(2026, 3, 5))
    qtbot.waitUntil(lambda: len(dialog.slots) == 3 and dialog.slots[0].start == at(9))

    dialog.table.setFocus()
    dialog.table.selectRow(1)
    with qtbot.waitSignal(dialog.searched, timeout=5000):  # booked: no longer free
        QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert [(f.title, f.start, f.end) for f in shown] == [("", at(11, 10), at(11, 40))]
    titles = {o.title: o.start for o in busy.calendar.occurrences(THU, THU)}
    assert titles["Deep work"] == at(11, 10)
    assert pane.selected_day == THU
    qtbot.waitUntil(lambda: [s.start for s in dialog.slots][1] == at(11, 50))
    dialog.close()

    # Edit › Find free time… shows the calendar and opens the same dialog.
    window.select_pane("today")
    action = next(a for a in window.edit_menu().actions() if a.objectName() == "findFreeTimeAction")
    assert action.text() == "Find free &time…"
    action.trigger()
    assert window.current_pane() == "calendar"
    again = _opened(qtbot)
    assert again is not dialog
