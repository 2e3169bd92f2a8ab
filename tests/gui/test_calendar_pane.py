"""The Calendar pane on a real store: day/week/month views, create by dragging, open,
move, resize and delete (with scopes for a series), ranges and keyboard navigation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.calendar import EventDraft, Occurrence
from desktop.services.container import Services
from desktop.ui.dialogs.event_editor import EditorResult, EventEditor, EventFields
from desktop.ui.dialogs.event_scope import DeleteQuestion, ScopeQuestion
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.calendar_pane import CalendarPane
from desktop.ui.widgets.calendar_layout import MONTH, WEEK, layout_days

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
# FIXED_NOW is Wednesday 2026-03-04 10:00 UTC (11:00 in Berlin): the week is Mar 2..8.
MON, WED, THU, FRI = date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def seeded(services: Services) -> dict[str, str]:
    cal = services.calendar
    ids = {
        "dentist": cal.add(EventDraft("Dentist", at(WED, 14), at(WED, 15))).value.id,
        "review": cal.add(EventDraft("Review", at(WED, 14, 30), at(WED, 15, 30))).value.id,
        "standup": cal.add(
            EventDraft("Standup", at(MON, 9), at(MON, 9, 30), rrule="FREQ=WEEKLY;BYDAY=MO,WE,FR")
        ).value.id,
        "offsite": cal.add(
            EventDraft("Offsite", THU, THU + timedelta(days=1), all_day=True)
        ).value.id,
    }
    return {name: str(ident) for name, ident in ids.items()}


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    window = MainWindow(
        pane_ctx.runner,
        pane_ctx.events,
        pane_builders={"calendar": lambda: CalendarPane(pane_ctx)},
    )
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


@pytest.fixture
def pane(qtbot: QtBot, window: MainWindow, seeded: dict[str, str]) -> CalendarPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "calendar"):
        window.select_pane("calendar")
    widget = window.pane_widget("calendar")
    assert isinstance(widget, CalendarPane)
    widget.setFocus()
    return widget


class Answers:
    """Stand-ins for the dialogs: record what they were asked, answer as told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.editor: list[EventFields] = []
        self.scopes: list[str] = []
        self.edit: Any = None  # function of the fields shown -> EventFields, or None
        self.scope: str | None = "all"
        self.delete: str | None = "all"
        monkeypatch.setattr(EventEditor, "ask", classmethod(self._edit))
        monkeypatch.setattr(ScopeQuestion, "ask", classmethod(self._scope))
        monkeypatch.setattr(DeleteQuestion, "ask", classmethod(self._delete))

    def _edit(self, _cls: Any, _parent: Any, fields: EventFields, **_kw: Any) -> Any:
        self.editor.append(fields)
        if self.edit is None:
            return None
        return EditorResult(self.edit(fields))

    def _scope(self, _cls: Any, _parent: Any, title: str, deleting: bool, **_kw: Any) -> Any:
        self.scopes.append(f"{'delete' if deleting else 'change'} {title}")
        return self.scope

    def _delete(self, _cls: Any, _parent: Any, title: str, recurring: bool) -> Any:
        self.scopes.append(f"delete {title}{' (series)' if recurring else ''}")
        return self.delete if not recurring else self.scope


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


def find(pane: CalendarPane, title: str, day: date | None = None) -> Occurrence:
    for occ in pane.occurrences:
        start = (
            occ.start.astimezone(BERLIN).date() if isinstance(occ.start, datetime) else occ.start
        )
        if occ.title == title and (day is None or start == day):
            return occ
    raise AssertionError(f"{title} on {day} is not shown: {[o.title for o in pane.occurrences]}")


def column_of(pane: CalendarPane, x: int) -> date:
    return pane.day_week.canvas.days[pane.day_week.canvas.day_index_at(x)]


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    middle = (start + end) / 2
    QTest.mouseMove(widget, QPoint(round(middle.x()), round(middle.y())))
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def reloads(qtbot: QtBot, pane: CalendarPane) -> Any:
    return qtbot.waitSignal(pane.loaded, timeout=5000)


# -- showing ------------------------------------------------------------------------------


def test_the_week_view_shows_timed_all_day_and_expanded_series_in_place(
    pane: CalendarPane,
) -> None:
    canvas = pane.day_week.canvas
    assert pane.mode == WEEK
    assert (pane.first, pane.last) == (MON, date(2026, 3, 8))
    assert pane.title.text() == "2 – 8 March 2026"
    assert pane.selected_day == WED  # today

    standups = [o for o in pane.occurrences if o.title == "Standup"]
    assert len(standups) == 3
    assert all(o.recurring for o in standups)
    for occ, day in zip(standups, (MON, WED, FRI), strict=True):
        rect = canvas.event_rect(occ)
        assert rect is not None
        assert column_of(pane, rect.center().x()) == day
        assert abs(rect.top() - canvas.y_of(9 * 60)) <= 2
        assert abs(rect.bottom() - canvas.y_of(9 * 60 + 30)) <= 3

    dentist = canvas.event_rect(find(pane, "Dentist"))
    review = canvas.event_rect(find(pane, "Review"))
    assert dentist is not None
    assert review is not None
    assert not dentist.intersects(review)  # side by side
    assert dentist.width() < canvas.column_width() / 2 + 2
    assert review.left() > dentist.left()
    assert column_of(pane, dentist.center().x()) == column_of(pane, review.center().x()) == WED

    offsite = find(pane, "Offsite")
    widget, rect = pane.day_week.locate(offsite)
    assert widget is pane.day_week.strip
    assert rect is not None
    assert column_of(pane, rect.center().x()) == THU
    assert pane.day_week.canvas.event_rect(offsite) is None


def test_the_time_line_and_the_working_hours_scroll(qtbot: QtBot, pane: CalendarPane) -> None:
    canvas = pane.day_week.canvas
    now = pane.now()
    assert now is not None
    assert now.astimezone(BERLIN).date() == WED
    qtbot.waitUntil(lambda: pane.day_week.scroll_area.verticalScrollBar().value() > 0)
    top = pane.day_week.scroll_area.verticalScrollBar().value()
    assert canvas.minute_at(top) == pytest.approx(8 * 60 + 30, abs=1)  # work starts at 9:00


def test_layout_puts_three_overlapping_events_in_three_columns() -> None:
    def occ(title: str, start: datetime, end: datetime) -> Occurrence:
        import uuid

        return Occurrence(uuid.uuid4(), title, start, end, False, "", False, start.isoformat())

    items = [
        occ("a", at(WED, 9), at(WED, 11)),
        occ("b", at(WED, 9, 30), at(WED, 10)),
        occ("c", at(WED, 10), at(WED, 12)),
        occ("d", at(WED, 13), at(WED, 14)),
    ]
    placed = {p.occurrence.title: p for p in layout_days(items, [WED], BERLIN)}
    assert {t: (p.column, p.columns) for t, p in placed.items()} == {
        "a": (0, 2),
        "b": (1, 2),
        "c": (1, 2),
        "d": (0, 1),
    }
    assert (placed["a"].top, placed["a"].bottom) == (540, 660)


# -- creating, opening, moving, resizing, deleting ---------------------------------------


def test_dragging_over_empty_time_creates_an_event_through_the_editor(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    canvas = pane.day_week.canvas
    answers.edit = lambda f: EventFields(
        "Planning", f.all_day, f.start, f.end, f.time_zone, location="Room 1"
    )
    with reloads(qtbot, pane):
        drag(qtbot, canvas, canvas.point_at(THU, 10 * 60 + 5), canvas.point_at(THU, 11 * 60 + 20))

    shown = answers.editor[0]
    assert (shown.title, shown.all_day, shown.time_zone) == ("", False, "Europe/Berlin")
    assert (shown.start, shown.end) == (at(THU, 10), at(THU, 11, 15))  # snapped to 15 min
    made = find(pane, "Planning")
    assert (made.start, made.end, made.location) == (at(THU, 10), at(THU, 11, 15), "Room 1")
    assert canvas.event_rect(made) is not None
    assert [o.title for o in services.calendar.occurrences(THU, THU)] == ["Offsite", "Planning"]


def test_a_cancelled_editor_creates_nothing(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    canvas = pane.day_week.canvas
    drag(qtbot, canvas, canvas.point_at(FRI, 15 * 60), canvas.point_at(FRI, 16 * 60))
    assert len(answers.editor) == 1
    assert [o.title for o in services.calendar.occurrences(FRI, FRI)] == ["Standup"]


def test_dragging_in_the_all_day_strip_creates_an_all_day_span(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    strip = pane.day_week.strip
    answers.edit = lambda f: EventFields("Trip", f.all_day, f.start, f.end, f.time_zone)
    y = strip.height() - 8
    start = QPoint(pane.day_week.canvas.point_at(FRI, 0).x(), y)
    end = QPoint(pane.day_week.canvas.point_at(date(2026, 3, 8), 0).x(), y)
    with reloads(qtbot, pane):
        drag(qtbot, strip, start, end)
    assert (answers.editor[0].start, answers.editor[0].end) == (FRI, date(2026, 3, 9))
    trip = find(pane, "Trip")
    assert (trip.all_day, trip.start, trip.end) == (True, FRI, date(2026, 3, 9))


def test_double_click_opens_the_editor_and_saves_the_changes(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services, seeded: dict[str, str]
) -> None:
    canvas = pane.day_week.canvas
    rect = canvas.event_rect(find(pane, "Dentist"))
    assert rect is not None
    answers.edit = lambda f: EventFields(
        "Dentist (Dr. Ada)",
        f.all_day,
        f.start,
        f.end,
        f.time_zone,
        location="Main St 1",
        attendees=("ada@example.com",),
    )
    QTest.mouseDClick(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    qtbot.waitUntil(lambda: find(pane, "Dentist (Dr. Ada)") is not None, timeout=5000)
    assert answers.editor[0].title == "Dentist"
    view = services.calendar.get(seeded["dentist"])
    assert (view.title, view.location) == ("Dentist (Dr. Ada)", "Main St 1")
    assert [a.email for a in view.attendees] == ["ada@example.com"]


def test_dragging_an_event_moves_it_and_its_bottom_edge_resizes_it(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services, seeded: dict[str, str]
) -> None:
    canvas = pane.day_week.canvas
    rect = canvas.event_rect(find(pane, "Dentist"))
    assert rect is not None
    grab = QPoint(rect.center().x(), rect.top() + 10)
    target = QPoint(canvas.point_at(THU, 0).x(), grab.y() + canvas.y_of(60))
    with reloads(qtbot, pane):
        drag(qtbot, canvas, grab, target)
    view = services.calendar.get(seeded["dentist"])
    assert (view.start, view.end) == (at(THU, 15), at(THU, 16))
    assert answers.scopes == []  # a single event asks nothing

    moved = find(pane, "Dentist")
    rect = canvas.event_rect(moved)
    assert rect is not None
    assert column_of(pane, rect.center().x()) == THU
    edge = QPoint(rect.center().x(), rect.bottom() - 2)
    with reloads(qtbot, pane):
        drag(qtbot, canvas, edge, canvas.point_at(THU, 16 * 60 + 45))
    view = services.calendar.get(seeded["dentist"])
    assert (view.start, view.end) == (at(THU, 15), at(THU, 16, 45))


def test_moving_one_occurrence_of_a_series_asks_the_scope(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    canvas = pane.day_week.canvas
    rect = canvas.event_rect(find(pane, "Standup", WED))
    assert rect is not None
    answers.scope = "this"
    grab = QPoint(rect.center().x(), rect.top() + 6)
    with reloads(qtbot, pane):
        drag(qtbot, canvas, grab, QPoint(grab.x(), grab.y() + canvas.y_of(120)))
    assert answers.scopes == ["change Standup"]
    starts = [o.start for o in services.calendar.occurrences(MON, FRI) if o.title == "Standup"]
    assert starts == [at(MON, 9), at(WED, 11), at(FRI, 9)]
    assert find(pane, "Standup", WED).start == at(WED, 11)


def test_cancelling_the_scope_question_leaves_the_series_alone(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    canvas = pane.day_week.canvas
    rect = canvas.event_rect(find(pane, "Standup", FRI))
    assert rect is not None
    answers.scope = None
    with reloads(qtbot, pane):  # the dragged block goes back
        drag(qtbot, canvas, rect.center(), QPoint(rect.center().x(), rect.center().y() + 90))
    starts = [o.start for o in services.calendar.occurrences(MON, FRI) if o.title == "Standup"]
    assert starts == [at(MON, 9), at(WED, 9), at(FRI, 9)]


def test_delete_key_deletes_the_selected_event_after_confirming(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    canvas = pane.day_week.canvas
    rect = canvas.event_rect(find(pane, "Dentist"))
    assert rect is not None
    QTest.mouseClick(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert pane.selected is not None
    assert pane.selected.title == "Dentist"

    answers.delete = None  # "No"
    QTest.keyClick(pane, Qt.Key.Key_Delete)
    assert answers.scopes == ["delete Dentist"]
    assert "Dentist" in [o.title for o in services.calendar.occurrences(WED, WED)]

    answers.delete = "all"
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_Delete)
    assert "Dentist" not in [o.title for o in pane.occurrences]
    assert "Dentist" not in [o.title for o in services.calendar.occurrences(WED, WED)]


def test_deleting_one_occurrence_of_a_series_keeps_the_others(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services
) -> None:
    canvas = pane.day_week.canvas
    rect = canvas.event_rect(find(pane, "Standup", MON))
    assert rect is not None
    QTest.mouseClick(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    answers.scope = "this"
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_Delete)
    assert answers.scopes == ["delete Standup (series)"]
    days = [o.start.date() for o in pane.occurrences if o.title == "Standup"]  # type: ignore[union-attr]
    assert days == [WED, FRI]


# -- views, ranges, keys ------------------------------------------------------------------


def test_month_view_shows_the_series_all_day_events_and_more(
    qtbot: QtBot, pane: CalendarPane, services: Services
) -> None:
    for hour in range(8, 16):
        services.calendar.add(EventDraft(f"Busy {hour}", at(THU, hour), at(THU, hour, 30)))
    month = pane.month
    with reloads(qtbot, pane):
        pane.mode_buttons[MONTH].click()
    assert pane.stack.currentWidget() is month
    assert pane.title.text() == "March 2026"
    assert (pane.first, pane.last) == (date(2026, 2, 23), date(2026, 4, 5))
    standups = [o for o in pane.occurrences if o.title == "Standup"]
    assert len(standups) == 15  # Mon, Wed, Fri of the five weeks from Mar 2 to Apr 5
    for occ in standups:
        day = occ.start.astimezone(BERLIN).date()  # type: ignore[union-attr]
        rect = month.event_rect(occ)
        assert rect is not None
        assert month.cell_rect(day).contains(rect.center())
    offsite = month.event_rect(find(pane, "Offsite"))
    assert offsite is not None
    assert month.cell_rect(THU).contains(offsite.center())

    shown, hidden = month.shown(THU)
    assert shown[0].title == "Offsite"  # all-day first
    assert hidden == 9 - (len(shown))
    assert hidden > 0
    more = month.more_rect(THU)
    assert more is not None
    with reloads(qtbot, pane):
        QTest.mouseClick(
            month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, more.center()
        )
    assert pane.mode == "day"
    assert (pane.first, pane.last) == (THU, THU)
    assert len(pane.day_week.canvas.placed) == 8


def test_dragging_in_the_month_view_moves_by_days(
    qtbot: QtBot, pane: CalendarPane, answers: Answers, services: Services, seeded: dict[str, str]
) -> None:
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_M)
    month = pane.month
    rect = month.event_rect(find(pane, "Dentist"))
    assert rect is not None
    with reloads(qtbot, pane):
        drag(qtbot, month, rect.center(), month.cell_rect(date(2026, 3, 10)).center())
    view = services.calendar.get(seeded["dentist"])
    assert (view.start, view.end) == (at(date(2026, 3, 10), 14), at(date(2026, 3, 10), 15))


def test_page_keys_and_buttons_change_the_range_and_t_returns_to_today(
    qtbot: QtBot, pane: CalendarPane
) -> None:
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_PageDown)
    assert (pane.first, pane.last) == (date(2026, 3, 9), date(2026, 3, 15))
    assert [o.start.date() for o in pane.occurrences] == [  # type: ignore[union-attr]
        date(2026, 3, 9),
        date(2026, 3, 11),
        date(2026, 3, 13),
    ]
    with reloads(qtbot, pane):
        pane.prev_button.click()
    with reloads(qtbot, pane):
        pane.prev_button.click()
    assert pane.title.text() == "23 February – 1 March 2026"
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_T)
    assert (pane.first, pane.selected_day) == (MON, WED)
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_D)
    assert (pane.first, pane.last) == (WED, WED)
    assert pane.title.text().startswith("Wednesday")
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_PageUp)
    assert pane.first == date(2026, 3, 3)
    with reloads(qtbot, pane):
        pane.mode_buttons[WEEK].click()
    assert (pane.first, pane.last) == (MON, date(2026, 3, 8))


def test_arrow_keys_move_the_selection_enter_opens_and_moves_past_the_week(
    qtbot: QtBot, pane: CalendarPane, answers: Answers
) -> None:
    assert pane.selected_day == WED
    QTest.keyClick(pane, Qt.Key.Key_Down)
    assert pane.selected is not None
    assert pane.selected.title == "Standup"
    QTest.keyClick(pane, Qt.Key.Key_Down)
    assert pane.selected.title == "Dentist"
    QTest.keyClick(pane, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(answers.editor) == 1)
    assert answers.editor[0].title == "Dentist"

    QTest.keyClick(pane, Qt.Key.Key_Left)
    assert (pane.selected_day, pane.selected) == (date(2026, 3, 3), None)
    QTest.keyClick(pane, Qt.Key.Key_Return)  # nothing selected: a new event that day
    assert answers.editor[1].start == at(date(2026, 3, 3), 9)
    for _ in range(4):
        QTest.keyClick(pane, Qt.Key.Key_Right)
    assert pane.selected_day == date(2026, 3, 7)
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_Right)
        QTest.keyClick(pane, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: pane.first == date(2026, 3, 9))
    assert pane.selected_day == date(2026, 3, 9)


def test_month_view_arrow_keys_move_by_weeks(qtbot: QtBot, pane: CalendarPane) -> None:
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_M)
    QTest.keyClick(pane, Qt.Key.Key_Down)
    assert pane.selected_day == date(2026, 3, 11)
    assert pane.month.selected_day == date(2026, 3, 11)
    QTest.keyClick(pane, Qt.Key.Key_Up)
    QTest.keyClick(pane, Qt.Key.Key_Up)
    assert pane.selected_day == date(2026, 2, 25)  # still in the visible six weeks


def test_it_reloads_when_another_surface_changes_the_calendar(
    qtbot: QtBot, pane: CalendarPane, pane_ctx: PaneContext
) -> None:
    with reloads(qtbot, pane):
        pane_ctx.act(
            "add_event", {"title": "From the palette", "start": at(FRI, 16), "duration": "30m"}
        )
    occ = find(pane, "From the palette")
    assert pane.day_week.canvas.event_rect(occ) is not None


def test_dragging_an_all_day_event_moves_it_by_days(
    qtbot: QtBot, pane: CalendarPane, services: Services, seeded: dict[str, str]
) -> None:
    strip = pane.day_week.strip
    rect = strip.event_rect(find(pane, "Offsite"))
    assert rect is not None
    target = QPoint(pane.day_week.canvas.point_at(date(2026, 3, 7), 0).x(), rect.center().y())
    with reloads(qtbot, pane):
        drag(qtbot, strip, rect.center(), target)
    view = services.calendar.get(seeded["offsite"])
    assert (view.start, view.end) == (date(2026, 3, 7), date(2026, 3, 8))
    moved = strip.event_rect(find(pane, "Offsite"))
    assert moved is not None
    assert column_of(pane, moved.center().x()) == date(2026, 3, 7)


def test_changing_the_rule_of_a_series_offers_following_or_all(
    qtbot: QtBot,
    pane: CalendarPane,
    answers: Answers,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[bool] = []

    def scope(_cls: Any, _parent: Any, title: str, deleting: bool, allow_this: bool = True) -> str:
        offered.append(allow_this)
        return "following"

    monkeypatch.setattr(ScopeQuestion, "ask", classmethod(scope))
    answers.edit = lambda f: EventFields(
        f.title, f.all_day, f.start, f.end, f.time_zone, rrule="FREQ=WEEKLY;BYDAY=WE"
    )
    pane.selected = find(pane, "Standup", WED)
    with reloads(qtbot, pane):
        QTest.keyClick(pane, Qt.Key.Key_Return)
    assert answers.editor[0].rrule == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    assert offered == [False]
    qtbot.waitUntil(lambda: len([o for o in pane.occurrences if o.title == "Standup"]) == 2)
    days = [
        o.start.astimezone(BERLIN).date()  # type: ignore[union-attr]
        for o in services.calendar.occurrences(MON, FRI)
        if o.title == "Standup"
    ]
    assert days == [MON, WED]
