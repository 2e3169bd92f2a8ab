"""A table model over a list of records (frozen dataclasses), described by columns.

The Projects, Workflows, Agents and Voice panes each list one kind of record; a
`Column` says how one column shows a record (its text, its sort key, a check mark,
its alignment). `RecordFilter` sorts by the columns' keys and filters by words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a record.

    `text` is what is shown; `sort` (default: the text, without case) orders the rows;
    `check`, when given, adds a read-only check mark; `tip` is the tooltip (default:
    the text); `numeric` aligns the column right; `colour` may name a text colour.
    """

    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    check: Callable[[R], bool] | None = None
    tip: Callable[[R], str] | None = None
    numeric: bool = False
    colour: Callable[[R], str | None] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Records as rows, one column per `Column`; the record's `id` identifies its row.

    Signals:
        None (the standard model signals only).
    """

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[R] = []

    # -- Qt interface ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        record, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(record) if column.tip else column.text(record) or None
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            checked = column.check(record)
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QColor(colour) if colour else None
        if role == SORT_ROLE:
            return column.sort(record) if column.sort else column.text(record).lower()
        if role == SEARCH_ROLE:
            return " ".join(c.text(record) for c in self.columns).lower()
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return str(getattr(record, "id", ""))
        return None

    # -- content -----------------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ident: object) -> int:
        """The row of the record whose id is `ident`, or -1."""
        wanted = str(ident)
        for row, record in enumerate(self._rows):
            if str(getattr(record, "id", "")) == wanted:
                return row
        return -1

    def records(self) -> list[R]:
        return list(self._rows)


class RecordFilter(QSortFilterProxyModel):
    """Sorts by the columns' sort keys and keeps the rows holding every typed word.

    Signals:
        None (the standard model signals only).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = str(model.index(source_row, 0, source_parent).data(SEARCH_ROLE) or "")
        return all(word in haystack for word in self._words)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
