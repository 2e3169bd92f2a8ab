"""The Tasks pane's widgets: the task tree (its keys) and the list of views with counts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from desktop.ui.panes.tasks_query import VIEWS

COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
MARGIN_ROWS = 20  # fetch the next page when this close to the last fetched row


class TaskTreeView(QTreeView):
    """The task list: Enter opens, Space ticks, Delete deletes, Insert adds.

    Signals:
        open_requested(): Enter or Return on a row (a double-click as well).
        delete_requested(): the Delete key on a row.
        new_requested(): the Insert key.
    """

    open_requested = Signal()
    delete_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._row_height = 0
        self.doubleClicked.connect(lambda _index: self.open_requested.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.fetch_in_sight())

    def near_the_end(self, parent: QModelIndex | None = None) -> bool:
        """Whether the last fetched rows under `parent` (the top level, or a group) are
        (nearly) in sight.

        Worked out from the row count, the expanded rows and the scroll bar, never
        from the layout, since Qt asks while laying out."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        if rows == 0:
            return True
        if not self._row_height:  # rows are uniform: measure one once
            self._row_height = self.rowHeight(model.index(0, 0))
        height = max(1, self._row_height or self.fontMetrics().height())
        top = self.verticalScrollBar().value() // height
        last = rows  # the visual row just after the last fetched one
        if parent is not None and parent.isValid():
            last = 0
            for row in range(parent.row() + 1):
                index = model.index(row, 0)
                last += 1 + (model.rowCount(index) if self.isExpanded(index) else 0)
        return top + self.viewport().height() // height + MARGIN_ROWS >= last

    def fetch_in_sight(self) -> None:
        """Fetch the next page of each expanded top-level row whose end is in sight
        (Qt itself only does this for the top level when scrolling)."""
        model = self.model()
        if model is None or not getattr(model, "grouped", False):
            return
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if self.isExpanded(index) and model.canFetchMore(index):
                model.fetchMore(index)

    def configure_columns(self) -> None:
        """Title stretches; the others fit their content (after a model is set)."""
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 80), (3, 150), (4, 70)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and current.isValid():
            self.open_requested.emit()
        elif key == Qt.Key.Key_Delete and plain and current.isValid():
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Insert and plain:
            self.new_requested.emit()
        elif key == Qt.Key.Key_Space and plain and current.isValid():
            self._toggle(current)
        else:
            super().keyPressEvent(event)

    def _toggle(self, current: QModelIndex) -> None:
        box = current.siblingAtColumn(0)
        checked = box.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        self.model().setData(box, state, Qt.ItemDataRole.CheckStateRole)


class _CountDelegate(QStyledItemDelegate):
    """Draws a view's name with its count right-aligned in a muted colour."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(option.palette.color(role))
        rect: QRect = option.rect.adjusted(0, 0, -10, 0)
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{count:,}"
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 50, max(size.height(), 28))


class ViewList(QListWidget):
    """Today / Upcoming / Overdue / All / Done, each with its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        labels = {
            "today": self.tr("Today"),
            "upcoming": self.tr("Upcoming"),
            "overdue": self.tr("Overdue"),
            "all": self.tr("All"),
            "done": self.tr("Done"),
        }
        for view in VIEWS:
            item = QListWidgetItem(labels[view])
            item.setData(VIEW_ROLE, view)
            self.addItem(item)
        self.setItemDelegate(_CountDelegate(self))
        self.setAccessibleName(self.tr("Task views"))
        self.setFixedWidth(170)
        self.setCurrentRow(0)

    def view(self) -> str:
        item = self.currentItem()
        return str(item.data(VIEW_ROLE)) if item is not None else VIEWS[0]

    def select(self, view: str) -> None:
        self.setCurrentRow(VIEWS.index(view))

    def set_counts(self, counts: dict[str, int]) -> None:
        for row, view in enumerate(VIEWS):
            item = self.item(row)
            item.setData(COUNT_ROLE, counts.get(view))
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{item.text()}: {counts.get(view, 0)}"
            )

    def count_of(self, view: str) -> int | None:
        value = self.item(VIEWS.index(view)).data(COUNT_ROLE)
        return int(value) if value is not None else None
