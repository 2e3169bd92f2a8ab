"""A flat table model whose columns are a fixed tuple of titles.

`ColumnTableModel` answers `rowCount`, `columnCount` and the horizontal header
(the titles translated) for models that keep their rows in a list; a subclass
names its `COLUMNS`, says how many rows it shows (`shown_count`) and answers `data`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.panes.pane_format import tr

AnyIndex = QModelIndex | QPersistentModelIndex


class ColumnTableModel(QAbstractTableModel):
    """A list of rows shown under the fixed, translated column titles `COLUMNS`.

    Signals:
        None (the standard model signals only).
    """

    COLUMNS: tuple[str, ...] = ()

    def shown_count(self) -> int:
        """How many rows the table shows."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return tr(self.COLUMNS[section])
        return None
