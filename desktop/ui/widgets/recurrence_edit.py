"""The recurrence part of the event editor, and the RRULE text it reads and writes.

`RecurrenceSpec` is what the widget can show: none, daily, weekly on some weekdays,
monthly or yearly, every N periods, ending never, on a date or after N times. A rule
with anything else (BYSETPOS, ordinals, BYMONTHDAY lists ...) is kept as "custom"
text, shown as is and saved unchanged unless the user edits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("NONE", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "CUSTOM")
ENDS = ("never", "until", "count")


@dataclass(frozen=True)
class RecurrenceSpec:
    """A rule the editor can show with its controls."""

    freq: str = "NONE"  # one of FREQUENCIES except CUSTOM
    interval: int = 1
    weekdays: tuple[str, ...] = ()
    ends: str = "never"
    until: date | None = None  # the last day, inclusive (in the event's zone)
    count: int = 10


def build_rrule(spec: RecurrenceSpec, zone: ZoneInfo, all_day: bool) -> str | None:
    """The RRULE text of `spec` (None: does not repeat). A timed rule's UNTIL is the end
    of the last day in `zone`, written in UTC as RFC 5545 asks."""
    if spec.freq == "NONE":
        return None
    parts = [f"FREQ={spec.freq}"]
    if spec.interval > 1:
        parts.append(f"INTERVAL={spec.interval}")
    if spec.freq == "WEEKLY" and spec.weekdays:
        parts.append("BYDAY=" + ",".join(d for d in WEEKDAYS if d in spec.weekdays))
    if spec.ends == "count":
        parts.append(f"COUNT={spec.count}")
    elif spec.ends == "until" and spec.until is not None:
        if all_day:
            parts.append(f"UNTIL={spec.until:%Y%m%d}")
        else:
            last = datetime.combine(spec.until, time(23, 59, 59), zone).astimezone(UTC)
            parts.append(f"UNTIL={last:%Y%m%dT%H%M%S}Z")
    return ";".join(parts)


def parse_rrule(text: str | None, zone: ZoneInfo) -> RecurrenceSpec | None:
    """The spec of `text`, `RecurrenceSpec()` for no rule, None when only "custom" fits."""
    if not text:
        return RecurrenceSpec()
    body = text.strip().upper().removeprefix("RRULE:")
    try:
        parts = dict(part.split("=", 1) for part in body.split(";") if part)
    except ValueError:
        return None
    freq = parts.pop("FREQ", "")
    if freq not in FREQUENCIES[1:5]:
        return None
    interval = parts.pop("INTERVAL", "1")
    weekdays: tuple[str, ...] = ()
    if "BYDAY" in parts:
        weekdays = tuple(parts.pop("BYDAY").split(","))
        if freq != "WEEKLY" or any(day not in WEEKDAYS for day in weekdays):
            return None
    parts.pop("WKST", None)
    ends, until, count = "never", None, 10
    if "COUNT" in parts:
        ends, count = "count", _int(parts.pop("COUNT"))
    elif "UNTIL" in parts:
        ends, until = "until", _until_day(parts.pop("UNTIL"), zone)
    if parts or not interval.isdigit() or count < 1 or (ends == "until" and until is None):
        return None
    return RecurrenceSpec(freq, max(1, int(interval)), weekdays, ends, until, count)


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _until_day(text: str, zone: ZoneInfo) -> date | None:
    try:
        if len(text) == 8:
            return datetime.strptime(text, "%Y%m%d").date()
        if text.endswith("Z"):
            moment = datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return moment.astimezone(zone).date()
        return datetime.strptime(text, "%Y%m%dT%H%M%S").date()
    except ValueError:
        return None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RecurrenceEdit(QWidget):
    """Controls for how an event repeats.

    Signals:
        changed(): the rule shown changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.freq = QComboBox()
        self.freq.setAccessibleName(self.tr("Repeats"))
        labels = (
            self.tr("Does not repeat"),
            self.tr("Daily"),
            self.tr("Weekly"),
            self.tr("Monthly"),
            self.tr("Yearly"),
            self.tr("Custom rule"),
        )
        for code, label in zip(FREQUENCIES, labels, strict=True):
            self.freq.addItem(label, code)
        self.interval = QSpinBox()
        self.interval.setRange(1, 99)
        self.interval.setPrefix(self.tr("every "))
        self.interval.setAccessibleName(self.tr("Repeat interval"))
        self.day_boxes: dict[str, QCheckBox] = {}
        days_row = QHBoxLayout()
        days_row.setContentsMargins(0, 0, 0, 0)
        for index, code in enumerate(WEEKDAYS):
            name = self.locale().dayName(index + 1, self.locale().FormatType.ShortFormat)
            box = QCheckBox(name)
            box.setAccessibleName(self.tr("Repeat on %1").replace("%1", name))
            self.day_boxes[code] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.days = QWidget()
        self.days.setLayout(days_row)
        self.ends = QComboBox()
        self.ends.setAccessibleName(self.tr("Ends"))
        for code, label in zip(
            ENDS, (self.tr("never"), self.tr("on date"), self.tr("after")), strict=True
        ):
            self.ends.addItem(label, code)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("Last day"))
        self.count = QSpinBox()
        self.count.setRange(1, 999)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" times"))
        self.count.setAccessibleName(self.tr("Number of times"))
        self.custom = QLineEdit()
        self.custom.setPlaceholderText("FREQ=MONTHLY;BYDAY=-1FR")
        self.custom.setAccessibleName(self.tr("Custom recurrence rule"))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.freq)
        top.addWidget(self.interval)
        self.ends_label = QLabel(self.tr("Ends"))
        top.addWidget(self.ends_label)
        top.addWidget(self.ends)
        top.addWidget(self.until)
        top.addWidget(self.count)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.days)
        layout.addWidget(self.custom)
        for signal in (self.freq.currentIndexChanged, self.ends.currentIndexChanged):
            signal.connect(self._sync)
        for widget in (self.freq, self.ends):
            widget.currentIndexChanged.connect(self.changed)
        self.custom.textChanged.connect(self.changed)
        self._sync()

    def set_rule(self, text: str | None, zone: ZoneInfo, first_day: date) -> None:
        """Show `text` (an RRULE or None) for an event starting on `first_day`."""
        spec = parse_rrule(text, zone)
        self.until.setDate(_qdate(first_day + timedelta(days=30)))
        self.day_boxes[WEEKDAYS[first_day.weekday()]].setChecked(True)
        if spec is None:
            self.freq.setCurrentIndex(FREQUENCIES.index("CUSTOM"))
            self.custom.setText(text or "")
        else:
            self.freq.setCurrentIndex(FREQUENCIES.index(spec.freq))
            self.interval.setValue(spec.interval)
            if spec.weekdays:
                for code, box in self.day_boxes.items():
                    box.setChecked(code in spec.weekdays)
            self.ends.setCurrentIndex(ENDS.index(spec.ends))
            if spec.until is not None:
                self.until.setDate(_qdate(spec.until))
            self.count.setValue(spec.count)
        self._sync()

    def spec(self) -> RecurrenceSpec:
        until = self.until.date().toPython()
        assert isinstance(until, date)
        return RecurrenceSpec(
            freq=str(self.freq.currentData()),
            interval=self.interval.value(),
            weekdays=tuple(code for code, box in self.day_boxes.items() if box.isChecked()),
            ends=str(self.ends.currentData()),
            until=until,
            count=self.count.value(),
        )

    def rule(self, zone: ZoneInfo, all_day: bool) -> str | None:
        """The RRULE shown (custom text as typed), or None when it does not repeat."""
        if self.freq.currentData() == "CUSTOM":
            return self.custom.text().strip() or None
        return build_rrule(self.spec(), zone, all_day)

    def _sync(self) -> None:
        freq = self.freq.currentData()
        repeating = freq not in ("NONE", "CUSTOM")
        for widget in (self.interval, self.ends_label, self.ends):
            widget.setVisible(repeating)
        self.days.setVisible(freq == "WEEKLY")
        self.until.setVisible(repeating and self.ends.currentData() == "until")
        self.count.setVisible(repeating and self.ends.currentData() == "count")
        self.custom.setVisible(freq == "CUSTOM")
