"""The reminders field of the task and event editors: a short list of offsets before
the due time or the start, added from presets (at the time, 5 min … 1 day before) or
typed as a duration ("45m", "2h", "1d"), removed with the Remove button or Delete.

Offsets are minutes; `durations()` gives them as the `reminders` parameter of the
actions takes them ("0", "10m", "1440m").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.when import parse_duration_minutes
from desktop.services.base import MAX_REMINDER_MINUTES

PRESETS = (0, 5, 10, 30, 60, 1440)
CUSTOM = -1
MINUTES_ROLE = Qt.ItemDataRole.UserRole


def duration_text(minutes: int) -> str:
    """An offset as the actions take it: '0', '10m', '90m'."""
    return "0" if minutes == 0 else f"{minutes}m"


class ReminderEdit(QWidget):
    """A list of reminder offsets with presets and a custom duration.

    Signals:
        changed(): an offset was added or removed.
        invalid(str): what the typed custom offset got wrong ('' once it is fine).
    """

    changed = Signal()
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reminders"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Reminders"))
        self.list.setMaximumHeight(70)
        self.list.installEventFilter(self)
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Remind"))
        for minutes in PRESETS:
            self.preset.addItem(self.offset_text(minutes), minutes)
        self.preset.addItem(self.tr("Custom…"), CUSTOM)
        self.preset.setCurrentIndex(PRESETS.index(10))
        self.custom = QLineEdit()
        self.custom.setAccessibleName(self.tr("Custom reminder"))
        self.custom.setPlaceholderText(self.tr("e.g. 45m, 2h, 2d"))
        self.custom.setVisible(False)
        self.custom.installEventFilter(self)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add reminder"))
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove reminder"))
        self.remove_button.setAutoDefault(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preset)
        row.addWidget(self.custom, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.setFocusProxy(self.preset)
        QWidget.setTabOrder(self.preset, self.custom)
        QWidget.setTabOrder(self.custom, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.list)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.add_button.clicked.connect(self._add_from_key)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentItemChanged.connect(lambda *_: self._sync())
        self._sync()

    # -- values ------------------------------------------------------------------------

    def set_minutes(self, minutes: tuple[int, ...] | list[int]) -> None:
        self.list.clear()
        for value in sorted(set(minutes)):
            self._add_item(value)
        self._sync()

    def minutes(self) -> list[int]:
        """The offsets listed, smallest first."""
        return sorted(int(self.list.item(i).data(MINUTES_ROLE)) for i in range(self.list.count()))

    def durations(self) -> list[str]:
        return [duration_text(value) for value in self.minutes()]

    def checked_minutes(self) -> list[int]:
        """The offsets, with a custom one still typed in its box added; UserError when
        that one is not a duration (the editors call this on saving)."""
        if self.preset.currentData() == CUSTOM and self.custom.text().strip():
            self.add_chosen()
        return self.minutes()

    def offset_text(self, minutes: int) -> str:
        """'At the time', '10 min before', '1 hour before', '1 day 2 hours before'."""
        if minutes == 0:
            return self.tr("At the time")
        days, rest = divmod(minutes, 1440)
        hours, mins = divmod(rest, 60)
        parts = []
        if days:
            parts.append(self.tr("1 day") if days == 1 else self.tr("{n} days").format(n=days))
        if hours:
            parts.append(self.tr("1 hour") if hours == 1 else self.tr("{n} hours").format(n=hours))
        if mins:
            parts.append(self.tr("{n} min").format(n=mins))
        return self.tr("{offset} before").format(offset=" ".join(parts))

    # -- editing -----------------------------------------------------------------------

    def add_chosen(self) -> None:
        """Add the chosen preset, or the typed duration (UserError when it is not one)."""
        value = int(self.preset.currentData())
        if value == CUSTOM:
            text = self.custom.text().strip()
            if not text:
                self.custom.setFocus()
                raise UserError(self.tr("Type how long before, like 45m, 2h or 2d."))
            try:
                value = 0 if text in ("0", "0m") else parse_duration_minutes(text)
            except UserError as exc:
                self.custom.setFocus()
                raise UserError(self.tr("Reminder: {error}").format(error=exc)) from None
            if value > MAX_REMINDER_MINUTES:
                raise UserError(self.tr("A reminder can be at most 60 days before."))
            self.custom.clear()
        self.add(value)

    def add(self, minutes: int) -> None:
        if minutes in self.minutes():
            return
        values = [*self.minutes(), minutes]
        self.set_minutes(values)
        self.list.setCurrentRow(sorted(values).index(minutes))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._sync()
        self.changed.emit()

    def _add_item(self, minutes: int) -> None:
        item = QListWidgetItem(self.offset_text(minutes))
        item.setData(MINUTES_ROLE, minutes)
        self.list.addItem(item)

    def _preset_chosen(self) -> None:
        custom = self.preset.currentData() == CUSTOM
        self.custom.setVisible(custom)
        if custom:
            self.custom.setFocus()

    def _sync(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)
        if not self.list.count():
            self.list.setToolTip(self.tr("No reminders"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the custom box adds it; Delete in the list removes the current one."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (
                watched is self.custom
                and plain
                and event.key()
                in (
                    Qt.Key.Key_Return,
                    Qt.Key.Key_Enter,
                )
            ):
                self._add_from_key()
                return True
            if watched is self.list and event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    def _add_from_key(self) -> None:
        try:
            self.add_chosen()
        except UserError as exc:
            self.invalid.emit(str(exc))
        else:
            self.invalid.emit("")
