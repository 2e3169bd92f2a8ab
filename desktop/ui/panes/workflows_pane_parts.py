"""Pieces of the Workflows pane: its heading with the buttons, its table, the delete question."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QWidget,
)

from desktop.ui.messages import confirm
from desktop.ui.panes.pane_format import heading
from desktop.ui.panes.workflows_format import tr

# Button key -> (text with its mnemonic, accessible name, tooltip).
BUTTONS = {
    "new": ("&New…", "New workflow", "Build a workflow in the editor"),
    "template": ("From &template…", "New workflow from a template", "Start from a ready one"),
    "edit": ("&Edit…", "Edit the workflow", "Change the selected workflow (Enter)"),
    "delete": ("&Delete…", "Delete the workflow", "Delete the selected workflow (Del)"),
    "run": ("&Run now", "Run the workflow now", "Run the selected workflow now"),
    "dry_run": (
        "Dr&y run",
        "Dry run of the workflow",
        "Show what the selected workflow would do, without doing it",
    ),
}


class ConfirmWorkflowDelete:
    """The question asked before a workflow is deleted (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        return confirm(parent, title, text)


def button_row(parent: QWidget) -> tuple[dict[str, QPushButton], QHBoxLayout]:
    """The pane's heading and its buttons (by key), in one row."""
    row = QHBoxLayout()
    row.addWidget(heading(tr("Workflows"), 1.6))
    row.addStretch(1)
    buttons: dict[str, QPushButton] = {}
    for key, (text, name, tip) in BUTTONS.items():
        button = QPushButton(tr(text), parent)
        button.setObjectName(f"workflow_{key}")
        button.setAccessibleName(tr(name))
        button.setToolTip(tr(tip))
        buttons[key] = button
        row.addWidget(button)
    return buttons, row


def workflow_table(model: QSortFilterProxyModel) -> QTreeView:
    """The sortable table of workflows."""
    table = QTreeView()
    table.setObjectName("workflowsTable")
    table.setAccessibleName(tr("Workflows"))
    table.setModel(model)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate((240, 260, 90, 130, 150, 60)):
        table.setColumnWidth(column, width)
    return table
