"""The event editor: fields, inline validation, recurrence to RRULE and back, attendees,
all-day spans, Enter to save, Esc to cancel, Delete with confirmation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.core.recurrence import expand_timed
from desktop.ui.dialogs.event_editor import EventEditor, EventFields
from desktop.ui.dialogs.event_scope import DeleteQuestion
from desktop.ui.widgets.recurrence_edit import (
    FREQUENCIES,
    RecurrenceSpec,
    build_rrule,
    parse_rrule,
)

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = BERLIN) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def timed(**changes: Any) -> EventFields:
    values: dict[str, Any] = {
        "title": "Review",
        "all_day": False,
        "start": at(date(2026, 3, 4), 14),
        "end": at(date(2026, 3, 4), 15),
        "time_zone": "Europe/Berlin",
    }
    values.update(changes)
    return EventFields(**values)


def editor(qtbot: QtBot, fields: EventFields, **kw: Any) -> EventEditor:
    dialog = EventEditor(fields, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save(dialog: EventEditor) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def set_wall(edit: Any, day: date, hour: int, minute: int = 0) -> None:
    edit.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute)))


def test_it_shows_the_fields_and_returns_them_on_enter(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed(location="Room 2", description="Bring notes"))
    assert dialog.windowTitle() == "New event"
    assert dialog.title.text() == "Review"
    assert dialog.start.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-04 14:00"
    assert dialog.zone.currentText() == "Europe/Berlin"
    assert dialog.recurrence.freq.currentData() == "NONE"
    assert dialog.delete_button is None  # only existing events can be deleted

    dialog.title.setText("Design review")
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    got = dialog.result_value.fields
    assert (got.title, got.location, got.description) == (
        "Design review",
        "Room 2",
        "Bring notes",
    )
    assert (got.start, got.end, got.rrule) == (
        at(date(2026, 3, 4), 14),
        at(date(2026, 3, 4), 15),
        None,
    )


def test_escape_cancels(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed())
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.result_value is None


def test_errors_show_inline_and_keep_the_dialog_open(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed())
    dialog.title.setText("   ")
    save(dialog)
    assert dialog.isVisible()
    assert dialog.result_value is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Give the event a title."

    dialog.title.setText("Review")
    set_wall(dialog.end, date(2026, 3, 4), 13)
    save(dialog)
    assert dialog.error.text() == "The end must be after the start."

    set_wall(dialog.end, date(2026, 3, 4), 16)
    dialog.zone.setCurrentText("Mars/Olympus")
    save(dialog)
    assert "is not a time zone" in dialog.error.text()

    dialog.zone.setCurrentText("America/New_York")
    dialog.recurrence.freq.setCurrentIndex(FREQUENCIES.index("CUSTOM"))
    dialog.recurrence.custom.setText("every tuesday")
    save(dialog)
    assert "is not a recurrence rule" in dialog.error.text()

    dialog.recurrence.custom.setText("FREQ=MONTHLY;BYDAY=-1FR")
    save(dialog)
    assert dialog.result_value is not None
    got = dialog.result_value.fields
    # Wall times are read in the chosen zone.
    ny = ZoneInfo("America/New_York")
    assert (got.start, got.end) == (
        at(date(2026, 3, 4), 14, zone=ny),
        at(date(2026, 3, 4), 16, zone=ny),
    )
    assert (got.time_zone, got.rrule) == ("America/New_York", "FREQ=MONTHLY;BYDAY=-1FR")


def test_moving_the_start_keeps_the_length(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed())
    set_wall(dialog.start, date(2026, 3, 5), 9, 30)
    assert dialog.end.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-05 10:30"


def test_weekly_recurrence_with_weekdays_and_a_count(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed())
    rec = dialog.recurrence
    rec.freq.setCurrentIndex(FREQUENCIES.index("WEEKLY"))
    assert rec.days.isVisibleTo(dialog)
    assert rec.day_boxes["WE"].isChecked()
    rec.day_boxes["MO"].setChecked(True)
    rec.interval.setValue(2)
    rec.ends.setCurrentIndex(2)  # after N times
    rec.count.setValue(6)
    save(dialog)
    assert dialog.result_value is not None
    assert dialog.result_value.fields.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6"


def test_until_is_the_end_of_the_last_day_in_utc_and_reads_back() -> None:
    spec = RecurrenceSpec("DAILY", 1, (), "until", date(2026, 3, 31))
    rule = build_rrule(spec, BERLIN, all_day=False)
    assert rule == "FREQ=DAILY;UNTIL=20260331T215959Z"  # 23:59:59 CEST
    assert parse_rrule(rule, BERLIN) == spec
    # The last occurrence is on the last day, at the series' time.
    start = at(date(2026, 3, 29), 9)
    window = (at(date(2026, 3, 1), 0), at(date(2026, 4, 30), 0))
    starts = expand_timed(rule, start, BERLIN, window, duration=start - start)
    assert [s.astimezone(BERLIN).day for s in starts] == [29, 30, 31]
    assert build_rrule(spec, BERLIN, all_day=True) == "FREQ=DAILY;UNTIL=20260331"


@pytest.mark.parametrize(
    "rule",
    ["FREQ=MONTHLY;BYDAY=-1FR", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=DAILY;BYSETPOS=1"],
)
def test_rules_the_controls_cannot_show_are_custom_and_kept(qtbot: QtBot, rule: str) -> None:
    assert parse_rrule(rule, BERLIN) is None
    dialog = editor(qtbot, timed(rrule=rule), existing=True, recurring=True)
    assert dialog.recurrence.freq.currentData() == "CUSTOM"
    assert dialog.recurrence.custom.isVisibleTo(dialog)
    assert dialog.recurrence.custom.text() == rule
    save(dialog)
    assert dialog.result_value is not None
    assert dialog.result_value.fields.rrule == rule


def test_an_existing_simple_rule_shows_in_the_controls(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed(rrule="FREQ=WEEKLY;BYDAY=MO,WE,FR"), existing=True)
    rec = dialog.recurrence
    assert rec.freq.currentData() == "WEEKLY"
    assert [c for c, box in rec.day_boxes.items() if box.isChecked()] == ["MO", "WE", "FR"]
    assert rec.ends.currentData() == "never"
    assert not dialog.zone.isEnabled()
    assert not dialog.all_day.isEnabled()
    rec.freq.setCurrentIndex(0)
    save(dialog)
    assert dialog.result_value is not None
    assert dialog.result_value.fields.rrule is None


def test_attendees_are_checked_added_and_new_ones_removed(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed(attendees=("ann@example.com",)), existing=True)
    dialog.attendee_edit.setText("not-an-address")
    QTest.keyClick(dialog.attendee_edit, Qt.Key.Key_Return)
    assert dialog.error.text() == "“not-an-address” is not an email address."
    assert dialog.result_value is None  # Enter in the field does not save

    dialog.attendee_edit.setText("Bob@Example.com")
    QTest.keyClick(dialog.attendee_edit, Qt.Key.Key_Return)
    assert dialog._emails() == ["ann@example.com", "bob@example.com"]
    assert not dialog.error.isVisible()

    dialog.attendees.setCurrentRow(0)  # an invited attendee cannot be removed here
    assert not dialog.remove_attendee.isEnabled()
    dialog.attendees.setCurrentRow(1)
    dialog.remove_attendee.click()
    assert dialog._emails() == ["ann@example.com"]

    dialog.attendee_edit.setText("cy@example.org")  # typed but not added: saved too
    save(dialog)
    assert dialog.result_value is not None
    assert dialog.result_value.fields.attendees == ("ann@example.com", "cy@example.org")


def test_all_day_spans_show_the_last_day_and_return_an_exclusive_end(qtbot: QtBot) -> None:
    fields = EventFields("Offsite", True, date(2026, 3, 5), date(2026, 3, 7), "Europe/Berlin")
    dialog = editor(qtbot, fields)
    assert dialog.start.displayFormat() == "ddd yyyy-MM-dd"
    assert dialog.end.date().toPython() == date(2026, 3, 6)
    save(dialog)
    assert dialog.result_value is not None
    got = dialog.result_value.fields
    assert (got.all_day, got.start, got.end) == (True, date(2026, 3, 5), date(2026, 3, 7))

    dialog = editor(qtbot, fields)
    dialog.end.setDate(QDate(2026, 3, 4))
    save(dialog)
    assert dialog.error.text() == "The last day must not be before the first day."

    dialog = editor(qtbot, timed())
    dialog.all_day.setChecked(True)
    save(dialog)
    assert dialog.result_value is not None
    got = dialog.result_value.fields
    assert (got.start, got.end) == (date(2026, 3, 4), date(2026, 3, 5))


def test_delete_asks_for_confirmation(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[str | None] = [None, "following"]
    asked: list[tuple[str, bool]] = []

    def ask(_cls: Any, _parent: Any, title: str, recurring: bool) -> str | None:
        asked.append((title, recurring))
        return answers.pop(0)

    monkeypatch.setattr(DeleteQuestion, "ask", classmethod(ask))
    dialog = editor(qtbot, timed(), existing=True, recurring=True)
    assert dialog.delete_button is not None
    dialog.delete_button.click()
    assert dialog.isVisible()
    assert dialog.result_value is None
    dialog.delete_button.click()
    assert asked == [("Review", True), ("Review", True)]
    assert dialog.result_value is not None
    assert dialog.result_value.delete_scope == "following"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def cancel() -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, EventEditor)
        active.reject()

    QTimer.singleShot(50, cancel)
    assert EventEditor.ask(None, timed()) is None


def test_reminders_show_and_come_back_with_presets_and_a_custom_offset(qtbot: QtBot) -> None:
    dialog = editor(qtbot, timed(reminders=(10, 1440)))
    assert dialog.reminders.minutes() == [10, 1440]
    texts = [dialog.reminders.list.item(i).text() for i in range(2)]
    assert texts == ["10 min before", "1 day before"]

    dialog.reminders.preset.setCurrentIndex(dialog.reminders.preset.findData(0))
    dialog.reminders.add_button.click()  # "At the time"
    dialog.reminders.preset.setCurrentIndex(dialog.reminders.preset.count() - 1)  # Custom…
    assert dialog.reminders.custom.isVisibleTo(dialog)
    QTest.keyClicks(dialog.reminders.custom, "2x")
    QTest.keyClick(dialog.reminders.custom, Qt.Key.Key_Return)  # not a duration
    assert dialog.error.isVisible()
    assert "Reminder:" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reminders.custom.setText("1h30m")
    QTest.keyClick(dialog.reminders.custom, Qt.Key.Key_Return)
    assert not dialog.error.isVisible()
    dialog.reminders.list.setCurrentRow(dialog.reminders.minutes().index(1440))
    QTest.keyClick(dialog.reminders.list, Qt.Key.Key_Delete)
    assert dialog.reminders.durations() == ["0", "10m", "90m"]

    dialog.reminders.custom.setText("5m")  # typed but not added: saving adds it
    save(dialog)
    assert dialog.result_value is not None
    assert dialog.result_value.fields.reminders == (0, 5, 10, 90)
