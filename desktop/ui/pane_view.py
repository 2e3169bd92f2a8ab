"""One pane of the main window: a title, a summary line and a read-only table of rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.overview import PaneData

COLUMN_PADDING = 24  # pixels between a column's widest text and the next column
MAX_COLUMN_WIDTH = 420


class PaneView(QWidget):
    """Shows the `PaneData` of one pane; until data arrives, or when it has no rows, a message.

    Signals:
        None.
    """

    def __init__(self, pane: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.setObjectName(f"pane_{pane}")
        self._data: PaneData | None = None

        self._title = QLabel(title)
        self._title.setObjectName("paneTitle")
        title_font = QFont(self._title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self._title.setFont(title_font)

        self._summary = QLabel()
        self._summary.setObjectName("paneSummary")
        self._summary.setWordWrap(True)
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._table = QTreeWidget()
        self._table.setObjectName("paneTable")
        self._table.setAccessibleName(self.tr("{title} list").format(title=title))
        self._table.setRootIsDecorated(False)
        self._table.setUniformRowHeights(True)
        self._table.setAlternatingRowColors(True)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.header().setStretchLastSection(True)

        self._message = QLabel(self.tr("Loading…"))
        self._message.setObjectName("paneMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setEnabled(False)  # drawn in the palette's muted colour
        message_font = QFont(self._message.font())
        message_font.setPointSizeF(message_font.pointSizeF() * 1.3)
        self._message.setFont(message_font)

        self._stack = QStackedWidget()
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(6)
        layout.addWidget(self._title)
        layout.addWidget(self._summary)
        layout.addWidget(self._stack, 1)

    @property
    def data(self) -> PaneData | None:
        """The data shown last, None before the first load."""
        return self._data

    @property
    def table(self) -> QTreeWidget:
        return self._table

    def summary_text(self) -> str:
        return self._summary.text()

    def message_text(self) -> str:
        """The centered message, empty while the table is shown."""
        return "" if self.showing_table() else self._message.text()

    def showing_table(self) -> bool:
        return self._stack.currentWidget() is self._table

    def show_data(self, data: PaneData) -> None:
        """Replace what is shown; an empty list shows a friendly message instead."""
        self._data = data
        self._summary.setText(data.summary)
        self._table.clear()
        self._table.setColumnCount(max(1, len(data.columns)))
        self._table.setHeaderLabels(list(data.columns))
        self._table.setHeaderHidden(not data.columns)
        self._table.addTopLevelItems([QTreeWidgetItem(list(row)) for row in data.rows])
        if data.rows:
            for column in range(self._table.columnCount() - 1):
                self._table.resizeColumnToContents(column)
                width = self._table.columnWidth(column) + COLUMN_PADDING
                self._table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))
            self._stack.setCurrentWidget(self._table)
        else:
            self._message.setText(self.tr("Nothing here yet"))
            self._stack.setCurrentWidget(self._message)

    def show_failure(self) -> None:
        """Loading failed: keep the last data if there is some, otherwise say so."""
        if self._data is None:
            self._message.setText(self.tr("This pane could not be loaded. Press F5 to retry."))
            self._stack.setCurrentWidget(self._message)
