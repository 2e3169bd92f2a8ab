"""The trigger part of the workflow editor: when a workflow runs.

A choice of kind, and for each kind its own fields: for a time trigger a time of
day with weekdays, a cron expression or every N minutes, and what happens to a run
missed while Atrium was closed; for a store event the event and its filter fields;
for voice the phrase; manual has none. `trigger()` gives the trigger as the file
format writes it, `set_trigger` shows one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.actions.registry import Param
from desktop.services.workflow_spec import EVENTS, MISSED_POLICIES, TRIGGER_KINDS, WEEKDAYS
from desktop.services.workflow_spec_parse import EVENT_FILTERS
from desktop.ui.panes.workflows_format import FAILED_COLOUR, FILTER_HINTS, tr
from desktop.ui.panes.workflows_params import ParamsForm

KIND_NAMES = {
    "time": "At a time",
    "event": "When something happens",
    "voice": "When I say a phrase",
    "manual": "Only when I run it",
}
TIME_MODES = (("at", "At a time of day"), ("cron", "Cron expression"), ("every", "Every N minutes"))
DAYS_ROW = 2  # the row of the weekday boxes in the time form
MISSED_NAMES = {"run_once": "Run once when Atrium starts", "skip": "Skip it"}


class TriggerForm(QWidget):
    """Edits a workflow's trigger.

    Signals:
        edited(): the user changed something.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("triggerKind")
        self.kind.setAccessibleName(tr("Trigger kind"))
        for kind in TRIGGER_KINDS:
            self.kind.addItem(tr(KIND_NAMES.get(kind, kind)), kind)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._time_page())
        self.pages.addWidget(self._event_page())
        self.pages.addWidget(self._voice_page())
        self.pages.addWidget(QLabel(tr("Runs from the Run now button, the palette or the CLI.")))
        self.problem = QLabel()
        self.problem.setObjectName("triggerProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(tr("&Runs"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    # -- the pages ---------------------------------------------------------------------

    def _time_page(self) -> QWidget:
        page = QWidget()
        self.time_mode = QComboBox()
        self.time_mode.setObjectName("timeMode")
        self.time_mode.setAccessibleName(tr("How the time is given"))
        for mode, text in TIME_MODES:
            self.time_mode.addItem(tr(text), mode)
        self.at = QTimeEdit(QTime(8, 0))
        self.at.setObjectName("triggerAt")
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName(tr("Time of day"))
        self.day_boxes: dict[str, QCheckBox] = {}
        days = QHBoxLayout()
        for day in WEEKDAYS:
            box = QCheckBox(day.capitalize())
            box.setAccessibleName(tr("On {day}").format(day=day))
            box.toggled.connect(lambda _on: self.edited.emit())
            self.day_boxes[day] = box
            days.addWidget(box)
        self.cron = QLineEdit()
        self.cron.setObjectName("triggerCron")
        self.cron.setPlaceholderText("0 8 * * 1-5")
        self.cron.setAccessibleName(tr("Cron expression"))
        self.every = QSpinBox()
        self.every.setObjectName("triggerEvery")
        self.every.setRange(1, 7 * 24 * 60)
        self.every.setValue(60)
        self.every.setSuffix(tr(" minutes"))
        self.every.setAccessibleName(tr("Every so many minutes"))
        self.missed = QComboBox()
        self.missed.setObjectName("triggerMissed")
        self.missed.setAccessibleName(tr("A run missed while Atrium was closed"))
        for policy in MISSED_POLICIES:
            self.missed.addItem(tr(MISSED_NAMES.get(policy, policy)), policy)
        self.time_form = QFormLayout(page)
        self.time_form.addRow(tr("&Given as"), self.time_mode)
        self.time_form.addRow(tr("&At"), self.at)
        self.time_form.addRow(tr("On"), days)
        self.time_form.addRow(tr("&Cron"), self.cron)
        self.time_form.addRow(tr("&Every"), self.every)
        self.time_form.addRow(tr("&Missed run"), self.missed)
        self.time_mode.currentIndexChanged.connect(self._time_mode_changed)
        for signal in (self.at.timeChanged, self.cron.textEdited, self.every.valueChanged):
            signal.connect(lambda *_: self.edited.emit())
        self._time_mode_changed()
        return page

    def _event_page(self) -> QWidget:
        page = QWidget()
        self.event_box = QComboBox()
        self.event_box.setObjectName("triggerEvent")
        self.event_box.setAccessibleName(tr("Event"))
        self.event_box.addItems(list(EVENTS))
        self.filters = ParamsForm()
        self.filters.setObjectName("triggerFilters")
        form = QFormLayout(page)
        form.addRow(tr("&Event"), self.event_box)
        form.addRow(tr("Only when"), self.filters)
        self.event_box.currentIndexChanged.connect(lambda _i: self._show_filters({}))
        self.filters.edited.connect(self.edited)
        self._show_filters({})
        return page

    def _voice_page(self) -> QWidget:
        page = QWidget()
        self.phrase = QLineEdit()
        self.phrase.setObjectName("triggerPhrase")
        self.phrase.setPlaceholderText(tr("e.g. start my morning"))
        self.phrase.setAccessibleName(tr("Voice phrase"))
        self.phrase.textEdited.connect(lambda _t: self.edited.emit())
        form = QFormLayout(page)
        form.addRow(tr("&Phrase"), self.phrase)
        return page

    def _show_filters(self, values: dict[str, Any]) -> None:
        params = [
            Param(name, *FILTER_HINTS.get(name, ("string", name.replace("_", " "))))
            for name in EVENT_FILTERS.get(self.event_box.currentText(), ())
        ]
        self.filters.set_params(params, values)

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(max(0, self.kind.currentIndex()))
        self.edited.emit()

    def _time_mode_changed(self) -> None:
        mode = self.time_mode.currentData()
        for widget, shown in (
            (self.at, mode == "at"),
            (self.cron, mode == "cron"),
            (self.every, mode == "every"),
        ):
            self.time_form.setRowVisible(widget, shown)
        self.time_form.setRowVisible(DAYS_ROW, mode == "at")
        self.edited.emit()

    # -- value -------------------------------------------------------------------------

    def trigger(self) -> dict[str, Any]:
        """The trigger as the workflow file writes it."""
        kind = str(self.kind.currentData())
        out: dict[str, Any] = {"kind": kind}
        if kind == "time":
            mode = self.time_mode.currentData()
            if mode == "at":
                out["at"] = self.at.time().toString("HH:mm")
                out["days"] = [d for d, box in self.day_boxes.items() if box.isChecked()]
            elif mode == "cron":
                out["cron"] = self.cron.text().strip()
            else:
                out["every_minutes"] = self.every.value()
            out["missed"] = self.missed.currentData()
        elif kind == "event":
            out["event"] = self.event_box.currentText()
            out["filter"] = self.filters.values()
        elif kind == "voice":
            out["phrase"] = self.phrase.text().strip()
        return out

    def set_trigger(self, trigger: dict[str, Any]) -> None:
        """Show `trigger` (a dict of the file format)."""
        kind = str(trigger.get("kind", "manual"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        if trigger.get("cron"):
            mode = "cron"
            self.cron.setText(str(trigger["cron"]))
        elif trigger.get("every_minutes"):
            mode = "every"
            self.every.setValue(int(trigger["every_minutes"]))
        else:
            mode = "at"
            at = QTime.fromString(str(trigger.get("at") or "08:00"), "HH:mm")
            self.at.setTime(at if at.isValid() else QTime(8, 0))
        days = set(trigger.get("days") or ())
        for day, box in self.day_boxes.items():
            box.setChecked(day in days)
        self.time_mode.setCurrentIndex(max(0, self.time_mode.findData(mode)))
        self.missed.setCurrentIndex(max(0, self.missed.findData(trigger.get("missed", "run_once"))))
        if trigger.get("event"):
            self.event_box.setCurrentIndex(max(0, self.event_box.findText(str(trigger["event"]))))
        self._show_filters(dict(trigger.get("filter") or {}))
        self.phrase.setText(str(trigger.get("phrase") or ""))

    def show_problem(self, path: str, message: str) -> None:
        """Say what is wrong with the trigger; mark a filter field when the path names one."""
        name = path.rsplit(".", 1)[-1] if path.startswith("trigger.filter.") else None
        if not self.filters.show_problem(name, message):
            self.problem.setText(f"{path}: {message}" if path else message)
            self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()
        self.filters.clear_problems()
