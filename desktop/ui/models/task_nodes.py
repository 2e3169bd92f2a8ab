"""The nodes of the Tasks pane's tree model, and where a dragged row may land.

A `Node` is one row (a task or a group head) or the invisible root, with what is
known of its children; `drop_target` works out, from the dragged task id and the
row Qt proposes, which node moves and to which place among its siblings.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QMimeData

from desktop.services.tasks import TaskView
from desktop.ui.panes.tasks_query import TaskGroup, TaskRow

MIME_TYPE = "application/x-atrium-task-id"


class Node:
    """One row (or the invisible root) and what is known of its children."""

    __slots__ = (
        "children",
        "data",
        "group",
        "key",
        "loaded",
        "loading",
        "more",
        "parent",
        "row",
        "texts",
    )

    def __init__(
        self,
        key: int,
        data: TaskRow | None,
        parent: Node | None,
        row: int,
        group: TaskGroup | None = None,
    ) -> None:
        self.key = key
        self.data = data
        self.group = group  # a group head (then `data` is None)
        self.parent = parent
        self.children: list[Node] = []
        self.row = row
        self.more = group is not None and group.count > 0  # the root, a group: pages wait
        self.loading = False
        self.loaded = False  # a task: its subtasks were fetched; a group: its first page
        self.texts: tuple[str, ...] | None = None  # what each column shows, once asked

    def task(self) -> TaskView:
        assert self.data is not None
        return self.data.task

    def has_children(self) -> bool:
        if self.children:
            return True
        if self.group is not None:
            return self.more
        return self.data is not None and self.data.subtasks > 0 and not self.loaded


def drop_target(home: Node, data: QMimeData, row: int) -> tuple[Node, int] | None:
    """The dragged node and its new position among the children of `home`, if the drop
    at `row` is a move to another place between the same siblings."""
    if row < 0 or not data.hasFormat(MIME_TYPE):
        return None
    try:
        task_id = uuid.UUID(bytes(data.data(MIME_TYPE).data()).decode())
    except ValueError:
        return None
    node = next(
        (n for n in home.children if n.data is not None and n.data.task.id == task_id), None
    )
    if node is None or row > len(home.children):
        return None
    position = row - 1 if row > node.row else row
    if position == node.row:
        return None
    return node, position
