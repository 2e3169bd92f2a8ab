"""The node table under the Tasks pane's model: tree structure, item flags, drag to reorder.

`TaskTree` keeps every fetched row as a `Node` in a table keyed by an integer
(`internalId`), so that an index outliving its row can never dangle, and answers
Qt's structural questions (index, parent, row and column counts) from it. Dropping
a row between two others moves it at once and asks the pane, through
`move_requested`, to store the new order. `task_model.TaskTreeModel` adds the
fetching and the cell data on top.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.services.tasks import TaskView
from desktop.ui.models.task_nodes import MIME_TYPE, Node, drop_target
from desktop.ui.panes.tasks_format import COLUMNS
from desktop.ui.panes.tasks_query import TaskRow

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class TaskTree(QAbstractItemModel):
    """Fetched task rows (and group heads) as a tree of nodes, reorderable by drag and drop.

    Signals:
        move_requested(object, object, object): a task id was dropped after one task
            id and before another (None at an end of the list).
    """

    move_requested = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = itertools.count(1)
        self._root = Node(0, None, None, 0)
        self._nodes: dict[int, Node] = {}
        self._generation = 0  # bumped when the rows are replaced
        self._reorderable = False
        self._set_flags(False)

    @property
    def reorderable(self) -> bool:
        return self._reorderable

    def top_level_count(self) -> int:
        """How many top-level rows (tasks, or groups) are fetched so far."""
        return len(self._root.children)

    def task_at(self, index: Index) -> TaskView | None:
        node = self._node(index)
        return node.data.task if node.data is not None else None

    def subtask_count(self, index: Index) -> int:
        node = self._node(index)
        return node.data.subtasks if node.data is not None else 0

    def index_of(self, task_id: uuid.UUID, column: int = 0) -> QModelIndex:
        """The first fetched row of `task_id` (top level first); invalid when not fetched."""
        for node in itertools.chain(self._root.children, self._nodes.values()):
            if node.data is not None and node.data.task.id == task_id:
                return self.createIndex(node.row, column, node.key)
        return QModelIndex()

    def _new_node(self, row: TaskRow, parent: Node, position: int) -> Node:
        node = Node(next(self._keys), row, parent, position)
        self._nodes[node.key] = node
        return node

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    def _index_for(self, node: Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.key)

    # -- structure -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row].key)

    def parent(self, child: Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        node = self._nodes.get(child.internalId())
        if node is None or node.parent is None:
            return QModelIndex()
        return self._index_for(node.parent)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return len(COLUMNS)

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        if parent.column() > 0:
            return False
        node = self._node(parent)
        if node is self._root:
            return bool(node.children) or node.more
        return node.has_children()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return self._flags[0]
        if index.column() != 0:
            return self._flags[2]
        node = self._nodes.get(index.internalId())
        if node is not None and node.group is not None:
            return self._flags[2]
        if self._reorderable and node is not None and node.children:
            # A parent takes drops between its subtasks; a leaf takes none, so
            # that a drop anywhere on it means above or below it.
            return self._flags[1] | Qt.ItemFlag.ItemIsDropEnabled
        return self._flags[1]

    def _set_flags(self, reorderable: bool) -> None:
        """Flags of the root, of titles and of other cells (computed once, not per paint)."""
        item = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        root = Qt.ItemFlag.NoItemFlags
        if reorderable:
            item |= Qt.ItemFlag.ItemIsDragEnabled
            root = Qt.ItemFlag.ItemIsDropEnabled
        self._flags = (root, item | Qt.ItemFlag.ItemIsUserCheckable, item)

    # -- drag to reorder -----------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        tasks = [self.task_at(index) for index in indexes if index.column() == 0]
        if tasks and tasks[0] is not None:
            data.setData(MIME_TYPE, tasks[0].id.hex.encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._target(data, action, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self._target(data, action, row, parent)
        if target is None:
            return False
        node, position = target
        siblings = node.parent.children if node.parent is not None else []
        others = [sibling for sibling in siblings if sibling is not node]
        after = others[position - 1].task().id if position > 0 else None
        before = others[position].task().id if position < len(others) else None
        parent_index = self._index_for(node.parent) if node.parent is not None else QModelIndex()
        destination = position + 1 if position > node.row else position
        if self.beginMoveRows(parent_index, node.row, node.row, parent_index, destination):
            siblings.remove(node)
            siblings.insert(position, node)
            for i, sibling in enumerate(siblings):
                sibling.row = i
            self.endMoveRows()
        self.move_requested.emit(node.task().id, after, before)
        return True

    def _target(
        self, data: QMimeData, action: Qt.DropAction, row: int, parent: Index
    ) -> tuple[Node, int] | None:
        if not self._reorderable or action != Qt.DropAction.MoveAction:
            return None
        return drop_target(self._node(parent), data, row)
