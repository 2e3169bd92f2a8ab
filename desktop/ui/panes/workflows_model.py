"""The table of workflows: name, trigger, an "enabled" check box, last run, its status, runs.

A `RecordTableModel` over the service's workflow views whose Enabled column the user
can tick. Ticking does not change the store itself: the model shows the new state at
once and emits `toggle_requested`, and the pane runs enable_workflow or
disable_workflow (the reload that follows shows what the store holds).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, Signal

from desktop.ui.panes.records_model import AnyIndex, Column, RecordTableModel
from desktop.ui.panes.workflows_format import (
    moment_text,
    run_status_text,
    status_colour,
    tr,
)

ENABLED_COLUMN = 2


def workflow_columns(zone_today: Callable[[], tuple[ZoneInfo, date]]) -> list[Column[Any]]:
    """The columns of the workflows table; times shown in `zone_today()`'s zone."""

    def last_run(workflow: Any) -> str:
        zone, today = zone_today()
        return moment_text(workflow.last_run_at, zone, today)

    return [
        Column(
            tr("Name"),
            lambda w: w.name,
            tip=lambda w: f"{w.name}\n{w.description}" if w.description else w.name,
        ),
        Column(tr("Trigger"), lambda w: w.trigger_text),
        Column(
            tr("Enabled"),
            lambda w: tr("On") if w.enabled else tr("Off"),
            check=lambda w: w.enabled,
        ),
        Column(
            tr("Last run"),
            last_run,
            sort=lambda w: w.last_run_at.timestamp() if w.last_run_at else 0.0,
        ),
        Column(
            tr("Status"),
            lambda w: run_status_text(w.last_status),
            colour=lambda w: status_colour(w.last_status),
        ),
        Column(tr("Runs"), lambda w: str(w.run_count), sort=lambda w: w.run_count, numeric=True),
    ]


class WorkflowListModel(RecordTableModel[Any]):
    """Workflows as rows; the Enabled column can be ticked.

    Signals:
        toggle_requested(str, bool): the user ticked (True) or cleared (False) the
            Enabled box of the workflow with this id.
    """

    toggle_requested = Signal(str, bool)

    def __init__(
        self, zone_today: Callable[[], tuple[ZoneInfo, date]], parent: QObject | None = None
    ) -> None:
        super().__init__(workflow_columns(zone_today), parent)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ENABLED_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != ENABLED_COLUMN
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        record = self.record_at(index.row())
        if record is None:
            return False
        enabled = _checked(value)
        if enabled == bool(record.enabled):
            return True
        self._rows[index.row()] = dataclasses.replace(record, enabled=enabled)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggle_requested.emit(str(record.id), enabled)
        return True


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value
