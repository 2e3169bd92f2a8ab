"""The event editor: title, all-day, start and end, time zone, location, recurrence,
attendees, reminders and description, with inline validation and a Delete button.

`EventEditor.ask(parent, fields, existing=..., recurring=...)` returns an
`EditorResult` (the edited `EventFields`, or the scope to delete) or None when the
user cancelled; tests replace `ask`. Times are shown as wall time in the event's
time zone. The actions cannot change the time zone, the all-day flag or remove
attendees of an existing event, so those controls are read-only there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule
from desktop.ui.dialogs.event_scope import DeleteQuestion
from desktop.ui.widgets.recurrence_edit import RecurrenceEdit
from desktop.ui.widgets.reminder_edit import ReminderEdit

TIMED_FORMAT = "ddd yyyy-MM-dd  HH:mm"
DAY_FORMAT = "ddd yyyy-MM-dd"


@dataclass(frozen=True)
class EventFields:
    """What the editor edits. All-day spans are dates with an exclusive end."""

    title: str
    all_day: bool
    start: datetime | date
    end: datetime | date
    time_zone: str
    location: str = ""
    description: str = ""
    rrule: str | None = None
    attendees: tuple[str, ...] = ()
    reminders: tuple[int, ...] = ()  # minutes before the start


@dataclass(frozen=True)
class EditorResult:
    """The edited fields, or (when `delete_scope` is set) a confirmed deletion."""

    fields: EventFields
    delete_scope: str | None = None


def looks_like_email(text: str) -> bool:
    local, at, domain = text.partition("@")
    return bool(at and local and "." in domain and not any(c.isspace() for c in text))


class EventEditor(QDialog):
    """Edits one event (or a new one)."""

    def __init__(
        self,
        fields: EventFields,
        existing: bool = False,
        recurring: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventEditor")
        self.setWindowTitle(self.tr("Edit event") if existing else self.tr("New event"))
        self.setMinimumWidth(560)
        self.original = fields
        self.existing, self.recurring = existing, recurring
        self.result_value: EditorResult | None = None
        self._build()
        self._load(fields)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        fields: EventFields,
        existing: bool = False,
        recurring: bool = False,
    ) -> EditorResult | None:
        dialog = cls(fields, existing, recurring, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("Add a title"))
        self.all_day = QCheckBox(self.tr("All day"))
        self.all_day.setAccessibleName(self.tr("All day"))
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit, name in ((self.start, self.tr("Starts")), (self.end, self.tr("Ends"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(available_timezones()))
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(sorted(available_timezones()), self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        self.zone.setAccessibleName(self.tr("Time zone"))
        self.location = QLineEdit()
        self.location.setAccessibleName(self.tr("Location"))
        self.recurrence = RecurrenceEdit()
        self.attendees = QListWidget()
        self.attendees.setAccessibleName(self.tr("Attendees"))
        self.attendees.setMaximumHeight(80)
        self.attendee_edit = QLineEdit()
        self.attendee_edit.setPlaceholderText(self.tr("name@example.com"))
        self.attendee_edit.setAccessibleName(self.tr("Attendee email"))
        self.attendee_edit.installEventFilter(self)
        self.add_attendee = QPushButton(self.tr("Add"))
        self.add_attendee.setAccessibleName(self.tr("Add attendee"))
        self.add_attendee.setAutoDefault(False)
        self.remove_attendee = QPushButton(self.tr("Remove"))
        self.remove_attendee.setAccessibleName(self.tr("Remove attendee"))
        self.remove_attendee.setAutoDefault(False)
        self.reminders = ReminderEdit()
        self.reminders.setToolTip(self.tr("Reminders before the event starts"))
        self.reminders.invalid.connect(self._reminder_problem)
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.error = QLabel()
        self.error.setObjectName("editorError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setAccessibleName(self.tr("Save"))
        self.delete_button: QPushButton | None = None
        if self.existing:
            self.delete_button = self.buttons.addButton(
                self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.delete_button.setAccessibleName(self.tr("Delete event"))
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self._delete)

        when = QHBoxLayout()
        when.addWidget(self.start)
        when.addWidget(QLabel("–"))
        when.addWidget(self.end)
        when.addWidget(self.all_day)
        people = QHBoxLayout()
        people.addWidget(self.attendee_edit, 1)
        people.addWidget(self.add_attendee)
        people.addWidget(self.remove_attendee)
        people_box = QVBoxLayout()
        people_box.addWidget(self.attendees)
        people_box.addLayout(people)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self._buddy(self.tr("&When"), self.start), when)
        form.addRow(self.tr("Time &zone"), self.zone)
        form.addRow(self.tr("&Location"), self.location)
        form.addRow(self.tr("&Repeats"), self.recurrence)
        form.addRow(self._buddy(self.tr("&Attendees"), self.attendee_edit), people_box)
        form.addRow(self.tr("Re&minders"), self.reminders)
        form.addRow(self.tr("&Description"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        chain = (self.title, self.start, self.end, self.all_day, self.zone, self.location)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.location, self.recurrence.freq)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.all_day.toggled.connect(self._show_all_day)
        self._last_start = self.start.dateTime()
        self.start.dateTimeChanged.connect(self._start_moved)
        self.add_attendee.clicked.connect(self._add_attendee)
        self.remove_attendee.clicked.connect(self._remove_attendee)
        self.attendees.currentItemChanged.connect(lambda *_: self._sync_remove())

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _load(self, fields: EventFields) -> None:
        zone = ZoneInfo(fields.time_zone)
        self.title.setText(fields.title)
        self.all_day.setChecked(fields.all_day)
        self._show_all_day(fields.all_day)
        if isinstance(fields.start, datetime) and isinstance(fields.end, datetime):
            self._set_wall(self.start, fields.start.astimezone(zone))
            self._set_wall(self.end, fields.end.astimezone(zone))
        else:
            self._set_wall(self.start, datetime.combine(fields.start, time(9)))
            last = max(fields.start, fields.end - timedelta(days=1))
            self._set_wall(self.end, datetime.combine(last, time(10)))
        self._last_start = self.start.dateTime()
        self.zone.setCurrentText(fields.time_zone)
        self.location.setText(fields.location)
        self.description.setPlainText(fields.description)
        first_day = fields.start.date() if isinstance(fields.start, datetime) else fields.start
        self.recurrence.set_rule(fields.rrule, zone, first_day)
        self.reminders.set_minutes(fields.reminders)
        for email in fields.attendees:
            item = QListWidgetItem(email)
            item.setData(Qt.ItemDataRole.UserRole, self.existing)
            self.attendees.addItem(item)
        self.zone.setEnabled(not self.existing)
        self.all_day.setEnabled(not self.existing)
        self._sync_remove()
        self.title.setFocus()
        self.title.selectAll()

    @staticmethod
    def _set_wall(edit: QDateTimeEdit, moment: datetime) -> None:
        edit.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day),
                QTime(moment.hour, moment.minute),
            )
        )

    @staticmethod
    def _wall(edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0, tzinfo=None)

    # -- reactions ---------------------------------------------------------------------

    def _show_all_day(self, all_day: bool) -> None:
        for edit in (self.start, self.end):
            edit.setDisplayFormat(DAY_FORMAT if all_day else TIMED_FORMAT)

    def _start_moved(self, value: QDateTime) -> None:
        """Keep the length of the event when its start moves."""
        delta = self._last_start.secsTo(value)
        self._last_start = value
        self.end.setDateTime(self.end.dateTime().addSecs(delta))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.attendee_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.attendee_edit.text().strip()
        ):
            self._add_attendee()
            return True
        return super().eventFilter(watched, event)

    def _add_attendee(self) -> None:
        text = self.attendee_edit.text().strip()
        if not text:
            return
        if not looks_like_email(text):
            self._show_error(self.tr("“%1” is not an email address.").replace("%1", text))
            return
        if text.lower() not in self._emails():
            item = QListWidgetItem(text.lower())
            item.setData(Qt.ItemDataRole.UserRole, False)
            self.attendees.addItem(item)
        self.attendee_edit.clear()
        self.error.setVisible(False)

    def _remove_attendee(self) -> None:
        item = self.attendees.currentItem()
        if item is not None and not item.data(Qt.ItemDataRole.UserRole):
            self.attendees.takeItem(self.attendees.row(item))
        self._sync_remove()

    def _sync_remove(self) -> None:
        item = self.attendees.currentItem()
        self.remove_attendee.setEnabled(
            item is not None and not item.data(Qt.ItemDataRole.UserRole)
        )

    def _emails(self) -> list[str]:
        return [self.attendees.item(i).text() for i in range(self.attendees.count())]

    def _reminder_problem(self, message: str) -> None:
        if message:
            self._show_error(message)
        else:
            self.error.setVisible(False)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    # -- results -----------------------------------------------------------------------

    def fields(self) -> EventFields:
        """The fields as entered; UserError names the first problem."""
        title = self.title.text().strip()
        if not title:
            raise UserError(self.tr("Give the event a title."))
        zone_name = self.zone.currentText().strip()
        if zone_name not in available_timezones():
            raise UserError(
                self.tr("“%1” is not a time zone; pick one from the list.").replace("%1", zone_name)
            )
        zone = ZoneInfo(zone_name)
        all_day = self.all_day.isChecked()
        start_wall, end_wall = self._wall(self.start), self._wall(self.end)
        start: datetime | date
        end: datetime | date
        if all_day:
            start, last = start_wall.date(), end_wall.date()
            if last < start:
                raise UserError(self.tr("The last day must not be before the first day."))
            end = last + timedelta(days=1)
        else:
            start, end = start_wall.replace(tzinfo=zone), end_wall.replace(tzinfo=zone)
            if end <= start:
                raise UserError(self.tr("The end must be after the start."))
        rule = self.recurrence.rule(zone, all_day)
        if rule is not None:
            rule = check_rrule(rule)
        pending = self.attendee_edit.text().strip()
        if pending and not looks_like_email(pending):
            raise UserError(self.tr("“%1” is not an email address.").replace("%1", pending))
        emails = self._emails() + ([pending.lower()] if pending else [])
        reminders = tuple(self.reminders.checked_minutes())
        return EventFields(
            title=title,
            all_day=all_day,
            start=start,
            end=end,
            time_zone=zone_name,
            location=self.location.text().strip(),
            description=self.description.toPlainText().strip(),
            rrule=rule,
            attendees=tuple(dict.fromkeys(emails)),
            reminders=reminders,
        )

    def _save(self) -> None:
        try:
            fields = self.fields()
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.result_value = EditorResult(fields)
        self.accept()

    def _delete(self) -> None:
        scope = DeleteQuestion.ask(self, self.original.title, self.recurring)
        if scope is None:
            return
        self.result_value = EditorResult(replace(self.original), scope)
        self.accept()
