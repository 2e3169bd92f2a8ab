"""Find time (Calendar pane › Find time…, Edit › Find free time…): free slots to book.

The dialog asks the `find_free_time` action (off the GUI thread) for free slots of
at least the chosen length between two days, within the working hours of the
settings or, when the user says so, within hours given here. It searches again a
moment after any field changes, and whenever the calendar changes. Enter or a
double-click on a slot emits `slot_chosen(start, end)` with the slot's start and
the chosen length, which the opener turns into a new event through the calendar
pane's editor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.services.actions.schedule_actions import FreeSlot
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

SEARCH_DELAY_MS = 250
DEFAULT_DAYS = 7
DEFAULT_MINUTES = 30
SLOT_ROLE = Qt.ItemDataRole.UserRole


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


def length_text(minutes: int) -> str:
    """'45 min', '1 h', '2 h 30 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


class FreeTimeDialog(QDialog):
    """Free slots between two days, of at least a length, within working hours.

    Signals:
        searched(object): a search finished; carries the list of FreeSlots shown.
        slot_chosen(object, object): the user picked a slot; its start and the start
            plus the chosen length (aware datetimes).
    """

    searched = Signal(object)
    slot_chosen = Signal(object, object)

    def __init__(
        self, ctx: PaneContext, today: date, zone: ZoneInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.slots: list[FreeSlot] = []
        self._generation = 0
        self.setObjectName("freeTimeDialog")
        self.setWindowTitle(self.tr("Find free time"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(520, 420)

        self.first = self._date_edit(today, self.tr("From"))
        self.last = self._date_edit(today + timedelta(days=DEFAULT_DAYS - 1), self.tr("To"))
        self.length = QSpinBox()
        self.length.setRange(5, 12 * 60)
        self.length.setSingleStep(15)
        self.length.setValue(DEFAULT_MINUTES)
        self.length.setSuffix(self.tr(" min"))
        self.length.setAccessibleName(self.tr("Length"))
        self.own_hours = QCheckBox(self.tr("&Only between"))
        self.own_hours.setAccessibleName(self.tr("Use other working hours"))
        self.hours_from = self._time_edit(time(9), self.tr("Working hours start"))
        self.hours_to = self._time_edit(time(17), self.tr("Working hours end"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("freeSlots")
        self.table.setAccessibleName(self.tr("Free slots"))
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Time"), self.tr("Free")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("freeTimeStatus")
        self.status.setWordWrap(True)
        self.hint = QLabel(self.tr("Enter or double-click a slot to book it."))
        self.hint.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._layout()
        self._connect()
        self._hours_toggled(False)

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def _time_edit(self, value: time, name: str) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute))
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        return edit

    def _layout(self) -> None:
        days = QHBoxLayout()
        days.addWidget(self.first)
        days.addWidget(QLabel("–"))
        days.addWidget(self.last)
        days.addStretch()
        hours = QHBoxLayout()
        hours.addWidget(self.own_hours)
        hours.addWidget(self.hours_from)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.hours_to)
        hours.addStretch()
        form = QFormLayout()
        days_label = QLabel(self.tr("&Days"))
        days_label.setBuddy(self.first)
        form.addRow(days_label, days)
        length = QHBoxLayout()
        length.addWidget(self.length)
        length.addStretch()
        length_label = QLabel(self.tr("&Length"))
        length_label.setBuddy(self.length)
        form.addRow(length_label, length)
        form.addRow(self.tr("Hours"), hours)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        order = (
            self.first,
            self.last,
            self.length,
            self.own_hours,
            self.hours_from,
            self.hours_to,
            self.table,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self._timer.timeout.connect(self.search)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _day: self._timer.start())
        self.length.valueChanged.connect(lambda _value: self._timer.start())
        self.own_hours.toggled.connect(self._hours_toggled)
        for hours in (self.hours_from, self.hours_to):
            hours.timeChanged.connect(lambda _value: self._timer.start())
        self.table.doubleClicked.connect(lambda _index: self.choose_current())
        self.buttons.rejected.connect(self.reject)
        self.ctx.events.changes_applied.connect(self._on_changes)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        """A booked slot (or any calendar change) is no longer free: search again."""
        if shiboken6.isValid(self) and changes.calendar:
            self._timer.start()

    def _hours_toggled(self, on: bool) -> None:
        self.hours_from.setEnabled(on)
        self.hours_to.setEnabled(on)
        self._timer.start()

    # -- searching ---------------------------------------------------------------------

    def arguments(self) -> dict[str, Any] | None:
        """The `find_free_time` arguments of the fields; None (with the reason shown)
        when they make no sense."""
        first, last = _date(self.first.date()), _date(self.last.date())
        if last < first:
            self._say(self.tr("The last day must not be before the first day."))
            return None
        args: dict[str, Any] = {
            "from": first.isoformat(),
            "to": last.isoformat(),
            "duration": f"{self.length.value()}m",
        }
        if self.own_hours.isChecked():
            start, end = _time(self.hours_from.time()), _time(self.hours_to.time())
            if end <= start:
                self._say(self.tr("The hours must end after they start."))
                return None
            args["hours"] = f"{start:%H:%M}-{end:%H:%M}"
        return args

    def search(self) -> None:
        """Ask for the free slots of the fields now (the fields wait 250 ms)."""
        self._timer.stop()
        args = self.arguments()
        self._generation += 1
        if args is None:
            self._show([], announce=False)
            return
        generation, catalog = self._generation, self.ctx.catalog
        self._say(self.tr("Searching…"))

        def done(slots: list[FreeSlot]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._show(slots)

        def failed(exc: Exception) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._show([], announce=False)
                self._say(self.tr("Could not search."))
                show_error(self, exc, self.tr("Could not find free time"))

        self.ctx.read(
            lambda services: catalog.call(services, "find_free_time", dict(args)).value,
            done,
            failed,
        )

    def _show(self, slots: list[FreeSlot], announce: bool = True) -> None:
        self.slots = list(slots)
        self.table.setRowCount(len(slots))
        for row, slot in enumerate(slots):
            start, end = slot.start.astimezone(self.zone), slot.end.astimezone(self.zone)
            texts = (
                start.strftime("%a %d %b"),
                f"{start:%H:%M} – {end:%H:%M}"
                if start.date() == end.date()
                else f"{start:%H:%M} – {end:%a %H:%M}",
                length_text(slot.minutes),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(SLOT_ROLE, row)
                self.table.setItem(row, column, item)
        if slots:
            self.table.selectRow(0)
        if announce:
            if not slots:
                self._say(self.tr("No free time of that length in these days."))
            elif len(slots) == 1:
                self._say(self.tr("1 free slot."))
            else:
                self._say(self.tr("{n} free slots.").format(n=len(slots)))
            self.searched.emit(self.slots)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- choosing ----------------------------------------------------------------------

    def choose_current(self) -> None:
        """Emit `slot_chosen` for the current slot: its start and the chosen length."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.slots):
            return
        start = self.slots[row].start.astimezone(self.zone)
        self.slot_chosen.emit(start, start + timedelta(minutes=self.length.value()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.choose_current()
            return True
        return super().eventFilter(watched, event)


def open_free_time(
    ctx: PaneContext, parent: QWidget, book: Callable[[datetime, datetime], None]
) -> None:
    """Show the dialog from today on (today and the zone read off the GUI thread) and
    search; `book(start, end)` is called with a chosen slot."""

    def show(found: tuple[date, ZoneInfo]) -> None:
        today, zone = found
        dialog = FreeTimeDialog(ctx, today, zone, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.slot_chosen.connect(book)
        dialog.show()
        dialog.search()

    ctx.read(
        lambda services: (services.ctx.today(), services.ctx.zone),
        show,
        lambda exc: show_error(parent, exc),
    )
