"""The frame the record list panes (Projects, Workflows, Agents, Voice) share.

A heading, a note on what can be done here, a search field, a sortable table of
records and a row of buttons. Subclasses give the columns, how to load the records
(`load`, run on the database executor) and what Enter and Delete do on a row. The
selection survives reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.container import Services
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.pane_format import heading
from desktop.ui.panes.records_model import Column, RecordFilter, RecordTableModel

R = TypeVar("R")
FIT_ROWS = 60


@dataclass(frozen=True)
class Loaded(Generic[R]):
    """What one reload brings: the records and how to show times (zone, today)."""

    records: list[R]
    zone: ZoneInfo
    today: date


class RecordListPane(Pane, Generic[R]):
    """A pane listing one kind of record. Subclasses set `title`, `note`, `noun` and
    implement `columns`, `fetch_records`; they may override `activate` and `remove`.

    Signals:
        current_changed(object): another record (or None) became the current one.
    """

    current_changed = Signal(object)

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.zone = ZoneInfo("UTC")
        self.today = date.today()
        self.model: RecordTableModel[R] = RecordTableModel(self.columns(), self)
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(self.model)
        self._keep: str | None = None
        self._first_load = True

        self.title_label = heading(self.pane_title(), 1.6)
        self.note_label = QLabel(self.note())
        self.note_label.setObjectName("paneNote")
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setAccessibleName(self.tr("Search {what}").format(what=self.pane_title()))
        self.search.setClearButtonEnabled(True)
        self.table = QTreeView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.pane_title())
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(FIT_ROWS)  # fit columns to the first rows only
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.stretch_column(), QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setEnabled(False)
        self.buttons = QHBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.search)
        self.search.setMaximumWidth(320)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.addLayout(top)
        self.body.addWidget(self.note_label)
        detail = self.detail_widget()
        if detail is None:
            self.body.addWidget(self.table, 1)
        else:
            split = QSplitter(Qt.Orientation.Vertical)
            split.addWidget(self.table)
            split.addWidget(detail)
            split.setChildrenCollapsible(False)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            self.body.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addLayout(self.buttons)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        self.body.addLayout(bottom)
        self.setTabOrder(self.search, self.table)

        self.search.textChanged.connect(self._on_search)
        self.table.selectionModel().currentChanged.connect(self._on_current)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)

    # -- what subclasses give ------------------------------------------------------

    def pane_title(self) -> str:
        raise NotImplementedError

    def note(self) -> str:
        """A line under the title saying what can (and cannot yet) be done here."""
        return ""

    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def fetch_records(self, services: Services) -> list[R]:
        """The records to list (runs on the database executor)."""
        raise NotImplementedError

    def detail_widget(self) -> QWidget | None:
        """A widget shown under the list (for the current record's details), or None."""
        return None

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} of {total} shown").format(shown=shown, total=total)
        return self.tr("{n} in all").format(n=total)

    def activate(self, record: R) -> None:
        """Enter or a double click on a record (default: nothing)."""

    def remove(self, record: R) -> None:
        """The Delete key on a record (default: nothing)."""

    def add_button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        self.buttons.addWidget(button)
        return button

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        def load(services: Services) -> Loaded[R]:
            ctx = services.ctx
            return Loaded(self.fetch_records(services), ctx.zone, ctx.today())

        self.fetch(load, self._show)

    def _show(self, loaded: Loaded[R]) -> None:
        self.zone, self.today = loaded.zone, loaded.today
        current = self.current()
        keep = self._keep or (str(getattr(current, "id", "")) if current is not None else None)
        self._keep = None
        old_row = self.table.currentIndex().row()
        self.model.set_records(loaded.records)
        if self._first_load:
            self._first_load = False
            self.table.sortByColumn(self.default_sort_column(), self.default_sort_order())
            self._fit_columns()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.select_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        elif self.proxy.rowCount():
            self.select_row(min(max(old_row, 0), self.proxy.rowCount() - 1))
        self._on_current(self.table.currentIndex(), QModelIndex())
        self._update_count()

    def stretch_column(self) -> int:
        """The column that takes the width the others leave (default: the first)."""
        return 0

    def default_sort_column(self) -> int:
        return 0

    def default_sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.AscendingOrder

    def _fit_columns(self) -> None:
        header = self.table.header()
        for column in range(self.model.columnCount()):
            if column == self.stretch_column():
                continue
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, min(max(header.sectionSize(column) + 16, 70), 320))

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.proxy.rowCount(), self.model.rowCount()))

    # -- selection ---------------------------------------------------------------

    def current(self) -> R | None:
        """The record of the current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(self.proxy.mapToSource(index).row())

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def select_after_reload(self, ident: str) -> None:
        """Make the record `ident` current once the next reload shows it."""
        self._keep = ident

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.current())

    def _on_search(self, text: str) -> None:
        self.proxy.set_words(text)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.select_row(0)
        self._on_current(self.table.currentIndex(), QModelIndex())
        self._update_count()

    def _on_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(self.proxy.mapToSource(index).row())
        if record is not None:
            self.activate(record)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.table and key == Qt.Key.Key_Delete:
            record = self.current()
            if record is not None:
                self.remove(record)
            return True
        if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            record = self.current()
            if record is not None:
                self.activate(record)
            return True
        if watched is self.search and key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        if watched is self.search and key == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)
