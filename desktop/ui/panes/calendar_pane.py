"""The Calendar pane: day, week and month views over expanded occurrences.

Only the visible range is read, off the GUI thread (`Pane.fetch`), and read again when
the calendar changes. Creating (drag over empty time), opening (double-click,
Enter), moving and resizing (drag) and deleting (Delete) go through the catalog
actions; an occurrence of a series asks "this / following / all" and uses the scoped
actions. Keys: arrows move the selected day (Up/Down pick the day's events in the day
and week views), Enter opens, Delete deletes, T today, PageUp/PageDown the range,
D/W/M the view. A legend under the toolbar shows each calendar in its colour; clicking
one lets the user pick its colour (kept in the settings, see `calendar_legend`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.freetime import WorkingHours
from desktop.services.calendar import EventView, Occurrence
from desktop.services.container import Services
from desktop.ui.dialogs.event_editor import EditorResult, EventEditor, EventFields
from desktop.ui.dialogs.event_scope import DeleteQuestion, ScopeQuestion
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.calendar_edits import (
    add_args,
    changed_args,
    delete_call,
    editor_fields,
    move_args,
    reminder_args,
    scoped,
)
from desktop.ui.widgets.calendar_colours import CalendarColours, assign
from desktop.ui.widgets.calendar_day_week import DayWeekView
from desktop.ui.widgets.calendar_layout import (
    DAY,
    MODES,
    MONTH,
    WEEK,
    covers,
    days_of,
    same_occurrence,
    step,
    visible_range,
)
from desktop.ui.widgets.calendar_legend import CalendarLegend, pick_colour, remember_colours
from desktop.ui.widgets.calendar_month import MonthView

MODE_KEYS = {Qt.Key.Key_D: DAY, Qt.Key.Key_W: WEEK, Qt.Key.Key_M: MONTH}


@dataclass(frozen=True)
class Loaded:
    """One read of the visible range (reads run in order, so the last one shown wins)."""

    anchor: date
    first: date
    last: date
    occurrences: list[Occurrence]
    zone: ZoneInfo
    now: datetime
    hours: WorkingHours | None
    colours: dict[str, str]  # calendar key -> "#rrggbb", every calendar shown included


class CalendarPane(Pane):
    """Day, week and month views of the calendar with create, edit, move and delete."""

    area = "calendar"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calendarPane")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.mode = WEEK
        self.anchor: date | None = None
        self.first = self.last = date.min
        self.zone = ZoneInfo("UTC")
        self.occurrences: list[Occurrence] = []
        self.selected_day: date | None = None
        self.selected: Occurrence | None = None
        self.hours: WorkingHours | None = None
        self._scrolled = False
        self._now: datetime | None = None
        self._since_load = QElapsedTimer()
        self.colours = CalendarColours()
        self._build()
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self._show_now)
        self._tick.start()

    def _build(self) -> None:
        self.today_button = self._tool(self.tr("Today"), self.tr("Go to today (T)"))
        self.prev_button = self._tool("‹", self.tr("Previous (Page Up)"), self.tr("Previous"))
        self.next_button = self._tool("›", self.tr("Next (Page Down)"), self.tr("Next"))
        self.title = QLabel()
        self.title.setObjectName("calendarRangeTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.new_button = self._tool(self.tr("New event"), self.tr("Create an event"))
        self.find_button = self._tool(
            self.tr("Find time…"), self.tr("Find free time and book it"), self.tr("Find time")
        )
        self.find_button.setObjectName("findTimeButton")
        self.mode_buttons: dict[str, QToolButton] = {}
        self.mode_group = QButtonGroup(self)
        labels = {DAY: self.tr("Day"), WEEK: self.tr("Week"), MONTH: self.tr("Month")}
        keys = {DAY: "D", WEEK: "W", MONTH: "M"}
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        for button in (self.today_button, self.prev_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(8)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.find_button)
        bar.addSpacing(12)
        for mode in MODES:
            button = self._tool(
                labels[mode],
                self.tr("%1 view (%2)").replace("%1", labels[mode]).replace("%2", keys[mode]),
            )
            button.setCheckable(True)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            bar.addWidget(button)
        self.mode_buttons[self.mode].setChecked(True)

        self.day_week = DayWeekView()
        self.month = MonthView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.day_week)
        self.stack.addWidget(self.month)
        for painted in (self.day_week.canvas, self.day_week.strip, self.month):
            painted.colours = self.colours  # one object: a new assignment shows everywhere
        self.legend = CalendarLegend()
        self.legend.colour_chosen.connect(self.set_calendar_colour)
        for view in (self.day_week, self.month):
            view.create_requested.connect(self.create_event)
            view.open_requested.connect(self.open_event)
            view.reschedule_requested.connect(self.reschedule)
            view.clicked.connect(self._clicked)
            view.day_activated.connect(self.show_day)
        for widget in (
            self.day_week.canvas,
            self.day_week.scroll_area,
            self.day_week.strip,
            self.month,
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.stack, 1)

        self.today_button.clicked.connect(self.go_today)
        self.prev_button.clicked.connect(lambda: self.move_range(-1))
        self.next_button.clicked.connect(lambda: self.move_range(1))
        self.new_button.clicked.connect(self._new_on_selected_day)
        self.find_button.clicked.connect(self.find_time)
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))

    def _tool(self, text: str, tip: str, name: str | None = None) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(name or text)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumWidth(32)
        return button

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        mode, anchor, hours = self.mode, self.anchor, self.hours

        def load(services: Services) -> Loaded:
            day = anchor or services.ctx.today()
            first, last = visible_range(mode, day)
            working = hours
            if working is None:
                try:
                    working = services.schedule.options.working_hours()
                except UserError:
                    working = None
            occurrences = services.calendar.occurrences(first, last)
            names = {o.calendar for o in occurrences}
            try:
                colours = remember_colours(services.settings_path, names)
            except UserError:  # an unreadable settings file: colours for now, kept nowhere
                colours = assign({}, names)
            return Loaded(
                day,
                first,
                last,
                occurrences,
                services.ctx.zone,
                services.ctx.now(),
                working,
                colours,
            )

        self.fetch(load, self._show)

    def _show(self, data: Loaded) -> None:
        self.zone, self.hours = data.zone, data.hours
        self.anchor, self.first, self.last = data.anchor, data.first, data.last
        self.occurrences = data.occurrences
        self.colours.assigned = data.colours
        self.legend.set_calendars([o.calendar for o in self.occurrences], self.colours)
        self._now = data.now
        self._since_load.start()
        if self.selected_day is None or not self.first <= self.selected_day <= self.last:
            today = data.now.astimezone(self.zone).date()
            self.selected_day = today if self.first <= today <= self.last else data.anchor
        self.selected = next(
            (o for o in self.occurrences if same_occurrence(o, self.selected)), None
        )
        days = days_of(self.first, self.last)
        if self.mode == MONTH:
            self.month.set_data(days, data.anchor.month, self.occurrences, self.zone)
            self.stack.setCurrentWidget(self.month)
        else:
            self.day_week.set_data(days, self.occurrences, self.zone, self.hours)
            self.stack.setCurrentWidget(self.day_week)
            if not self._scrolled:
                self._scrolled = True
                start = self.hours.ranges[0][0] if self.hours and self.hours.ranges else 8 * 60
                QTimer.singleShot(0, lambda: self.day_week.scroll_to_minutes(max(0, start - 30)))
        self._show_now()
        self._show_selection()
        self.title.setText(self.range_title())

    def now(self) -> datetime | None:
        """The clock at the last read, moved on by the time since (for the time line)."""
        if self._now is None:
            return None
        return self._now + timedelta(milliseconds=self._since_load.elapsed())

    def _show_now(self) -> None:
        self.day_week.set_now(self.now())
        self.month.set_now(self.now())

    def _show_selection(self) -> None:
        self.day_week.set_selection(self.selected_day, self.selected)
        self.month.set_selection(self.selected_day, self.selected)

    def range_title(self) -> str:
        locale = self.locale()
        if self.anchor is None:
            return ""
        if self.mode == DAY:
            return str(
                locale.toString(
                    QDate(self.anchor.year, self.anchor.month, self.anchor.day),
                    locale.FormatType.LongFormat,
                )
            )
        if self.mode == MONTH:
            return f"{locale.standaloneMonthName(self.anchor.month)} {self.anchor.year}"
        first, last = self.first, self.last
        if first.month == last.month:
            return f"{first.day} – {last.day} {locale.monthName(last.month)} {last.year}"
        head = f"{first.day} {locale.monthName(first.month)}"
        if first.year != last.year:
            head += f" {first.year}"
        return f"{head} – {last.day} {locale.monthName(last.month)} {last.year}"

    # -- navigation --------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        if self.selected_day is not None:
            self.anchor = self.selected_day
        self.reload()

    def move_range(self, count: int) -> None:
        if self.anchor is None:
            return
        self.anchor = step(self.mode, self.anchor, count)
        self.selected_day, self.selected = self.anchor, None
        self.reload()

    def go_today(self) -> None:
        now = self.now()
        if now is None:
            return
        self.anchor = self.selected_day = now.astimezone(self.zone).date()
        self.selected = None
        self.reload()

    def show_day(self, day: date) -> None:
        self.selected_day, self.selected = day, None
        self.anchor = day
        self.mode = DAY
        self.mode_buttons[DAY].setChecked(True)
        self.reload()

    def select_day(self, day: date) -> None:
        """Select `day`; move the visible range when it lies outside."""
        self.selected_day, self.selected = day, None
        if not self.first <= day <= self.last:
            self.anchor = day
            self.reload()
        else:
            self._show_selection()

    def day_events(self, day: date) -> list[Occurrence]:
        found = [o for o in self.occurrences if covers(o, day, self.zone)]
        return sorted(found, key=lambda o: (not o.all_day, str(o.start), o.title))

    def _clicked(self, day: date, occurrence: Occurrence | None) -> None:
        self.setFocus()
        self.selected_day, self.selected = day, occurrence
        self._show_selection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or self.selected_day is None:
            return super().keyPressEvent(event)
        day = self.selected_day
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.select_day(day + timedelta(days=-1 if key == Qt.Key.Key_Left else 1))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            forward = key == Qt.Key.Key_Down
            if self.mode == MONTH:
                self.select_day(day + timedelta(days=7 if forward else -7))
            else:
                self._step_event(day, forward)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected is not None:
                self.open_event(self.selected)
            else:
                self._new_on_selected_day()
        elif key == Qt.Key.Key_Delete:
            if self.selected is not None:
                self.delete_event(self.selected)
        elif key == Qt.Key.Key_T:
            self.go_today()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.move_range(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key in MODE_KEYS:
            self.set_mode(MODE_KEYS[key])
        else:
            return super().keyPressEvent(event)
        event.accept()

    def _step_event(self, day: date, forward: bool) -> None:
        events = self.day_events(day)
        if not events:
            return
        index = next((i for i, o in enumerate(events) if same_occurrence(o, self.selected)), None)
        if index is None:
            index = 0 if forward else len(events) - 1
        else:
            index = max(0, min(len(events) - 1, index + (1 if forward else -1)))
        self.selected = events[index]
        self._show_selection()

    # -- editing -----------------------------------------------------------------------

    def _new_on_selected_day(self) -> None:
        day = self.selected_day or self.anchor
        if day is None:
            return
        start = datetime.combine(day, time(9), self.zone)
        self.create_event(start, start + timedelta(hours=1), False)

    def create_event(self, start: datetime | date, end: datetime | date, all_day: bool) -> None:
        """Open the editor pre-filled with start..end; save what it returns."""
        fields = EventFields("", all_day, start, end, self.zone.key)
        result = EventEditor.ask(self, fields)
        if result is not None and result.delete_scope is None:
            self._act("add_event", add_args(result.fields), self.tr("Could not add the event"))

    def find_time(self) -> None:
        """Open the free-time dialog; a slot chosen there opens the editor as a new event."""
        from desktop.ui.dialogs.free_time_dialog import open_free_time  # built on first use

        open_free_time(self.ctx, self, self.book_slot)

    def book_slot(self, start: datetime, end: datetime) -> None:
        """Show the slot's day and open the editor for a new event from start to end."""
        self.select_day(start.astimezone(self.zone).date())
        self.create_event(start.astimezone(self.zone), end.astimezone(self.zone), False)

    def open_event(self, occurrence: Occurrence) -> None:
        """Read the event, open it in the editor, then save or delete what it returns."""

        def load(services: Services) -> tuple[EventView, str | None]:
            view = services.calendar.get(occurrence.event_id)
            rule = view.rrule
            if view.series_id is not None:
                rule = services.calendar.get(view.series_id).rrule
            return view, rule

        def edit(found: tuple[EventView, str | None]) -> None:
            view, rule = found
            before = editor_fields(occurrence, view, rule)
            result = EventEditor.ask(self, before, existing=True, recurring=occurrence.recurring)
            if result is not None:
                self._apply_edit(occurrence, before, result)

        self.ctx.read(
            load, edit, lambda exc: show_error(self, exc, self.tr("Could not open the event"))
        )

    def _apply_edit(
        self, occurrence: Occurrence, before: EventFields, result: EditorResult
    ) -> None:
        if result.delete_scope is not None:
            name, args = delete_call(occurrence, result.delete_scope)
            self._act(name, args, self.tr("Could not delete the event"))
            return
        reminders = reminder_args(before, result.fields)
        if reminders:
            args = {"id": str(occurrence.event_id), **reminders}
            self._act("update_event", args, self.tr("Could not save the reminders"))
        changes = changed_args(before, result.fields)
        if not changes:
            return
        scope = None
        if occurrence.recurring:
            scope = ScopeQuestion.ask(
                self,
                before.title,
                deleting=False,
                allow_this="rrule" not in changes and "clear_rrule" not in changes,
            )
            if scope is None:
                return
        name, args = scoped(changes, occurrence, scope)
        self._act(name, args, self.tr("Could not save the event"))

    def reschedule(
        self, occurrence: Occurrence, start: datetime | date, end: datetime | date
    ) -> None:
        """Move or resize `occurrence` to start..end (asking the scope for a series)."""
        scope = None
        if occurrence.recurring:
            scope = ScopeQuestion.ask(self, occurrence.title, deleting=False)
            if scope is None:
                self.reload()  # put the dragged block back
                return
        name, args = scoped(move_args(occurrence, start, end), occurrence, scope)
        self._act(name, args, self.tr("Could not move the event"))

    def delete_event(self, occurrence: Occurrence) -> None:
        """Delete `occurrence` after confirming (and choosing the scope for a series)."""
        scope = DeleteQuestion.ask(self, occurrence.title, occurrence.recurring)
        if scope is None:
            return
        name, args = delete_call(occurrence, scope)
        self.selected = None
        self._act(name, args, self.tr("Could not delete the event"))

    def set_calendar_colour(self, name: str, colour: str) -> None:
        """Keep `colour` ("#rrggbb", or "" for an automatic one) for calendar `name`."""
        names = [o.calendar for o in self.occurrences]

        def shown(assigned: dict[str, str]) -> None:
            self.colours.assigned = assigned
            self.legend.set_calendars(names, self.colours)
            for view in (self.day_week.canvas, self.day_week.strip, self.month):
                view.update()

        self.ctx.read(
            lambda services: pick_colour(services.settings_path, name, colour or None, names),
            shown,
            lambda exc: show_error(self, exc, self.tr("Could not keep the calendar's colour")),
        )

    def _act(self, name: str, args: dict[str, Any], what: str) -> None:
        def failed(exc: Exception) -> None:
            show_error(self, exc, what)
            self.reload()

        # No initiator: the main window refreshes every pane of the area, this one too.
        self.ctx.act(name, args, None, failed)
