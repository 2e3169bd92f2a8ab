"""Shows what a read action returned: a table for a list of records, else a list of fields."""

from __future__ import annotations

import dataclasses
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.jsonable import jsonable

MAX_COLUMNS = 7
HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at", "notes", "description", "body"})


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def rows_of(value: Any, zone: ZoneInfo) -> tuple[list[str], list[list[str]]]:
    """Column headers and rows of text for `value` (records, one record, or a plain value)."""
    plain = jsonable(value, zone)
    if isinstance(plain, list) and plain and all(isinstance(item, dict) for item in plain):
        names = [k for k in plain[0] if k not in HIDDEN_FIELDS][:MAX_COLUMNS]
        return names, [[_text(item.get(k)) for k in names] for item in plain]
    if isinstance(plain, dict):
        return ["field", "value"], [[k, _text(v)] for k, v in plain.items()]
    if isinstance(plain, list):
        return ["value"], [[_text(item)] for item in plain]
    return ["value"], [[_text(plain)]]


class ResultView(QDialog):
    """A read-only table of an action's result."""

    def __init__(self, title: str, value: Any, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("resultView")
        self.resize(760, 440)
        headers, rows = rows_of(value, zone)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setAccessibleName(self.tr("Result"))
        self.table.setHorizontalHeaderLabels([h.replace("_", " ") for h in headers])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        count = len(rows) if not dataclasses.is_dataclass(value) else 1
        summary = QLabel(self.tr("{n} result(s)").format(n=count) if rows else self.tr("Nothing"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
