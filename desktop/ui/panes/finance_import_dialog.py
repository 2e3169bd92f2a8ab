"""The import preview: what a bank statement would add before anything is written.

The Finance pane asks for a file, reads its preview (`preview_import`, off the GUI
thread) and shows this dialog: every row with its status — new, duplicate (left
out) or suspicious (imported, but alike an existing transaction) — the file's
problems, the account it goes to (changeable: the preview is read again) and, when
some rows could not be read, the choice to import the valid ones. Accepting runs
`import_transactions` as one undoable batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.finance import AccountView
from desktop.services.finance_import import ImportPreview, PreviewRow
from desktop.ui.panes.column_table import AnyIndex, ColumnTableModel
from desktop.ui.panes.pane_format import money, tr

STATUS_TEXT = {"new": "New", "duplicate": "Already there", "suspicious": "Check"}
SUSPICIOUS_COLOUR = "#b9770e"


class PreviewModel(ColumnTableModel):
    """The preview's rows: status, date, payee, category, amount; why, as a tooltip.

    Signals:
        None (the standard model signals only).
    """

    COLUMNS = ("Status", "Date", "Payee", "Category", "Amount")
    AMOUNT = 4

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PreviewRow] = []

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> PreviewRow:
        return self._rows[index]

    def shown_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                tr(STATUS_TEXT.get(row.status, row.status)),
                row.date.isoformat(),
                row.payee,
                row.category,
                money(row.amount, row.currency),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{tr('Line')} {row.line}", f"{tr('Bank text')}: {row.original_payee}"]
            if row.memo:
                parts.append(row.memo)
            if row.reason:
                parts.append(row.reason)
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "duplicate":
                return QBrush(QColor("#808080"))
            if row.status == "suspicious" and column == 0:
                return QBrush(QColor(SUSPICIOUS_COLOUR))
        if role == Qt.ItemDataRole.FontRole and row.status == "suspicious" and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ImportPreviewDialog(QDialog):
    """Shows an import's preview; accepting asks for the import.

    `reread(account_id)` is called when the user picks another account; it must
    call `show_preview` with the new preview (or `show_problem`).

    Signals:
        None (accepted/rejected as every QDialog).
    """

    def __init__(
        self,
        preview: ImportPreview,
        accounts: Sequence[AccountView],
        reread: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {name}").format(name=preview.source))
        self.resize(760, 520)
        self.preview = preview
        self._reread = reread
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account to import into"))
        for account in accounts:
            if not account.archived:
                self.account.addItem(f"{account.name} ({account.currency})", str(account.id))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PreviewModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Rows of the statement"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c0392b;")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_valid = QCheckBox(self.tr("Import the rows that could be read"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.keep_valid.toggled.connect(self._update_button)

        form = QFormLayout()
        form.addRow(self.tr("&Into account"), self.account)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.keep_valid)
        layout.addWidget(self.buttons)
        self.show_preview(preview)
        self.account.currentIndexChanged.connect(self._on_account_changed)
        self.table.setFocus()

    def show_preview(self, preview: ImportPreview) -> None:
        """Show `preview` (the first one, or one read again for another account)."""
        self.preview = preview
        index = self.account.findData(str(preview.account_id))
        if index >= 0 and index != self.account.currentIndex():
            self.account.blockSignals(True)
            self.account.setCurrentIndex(index)
            self.account.blockSignals(False)
        self.model.set_rows(preview.rows)
        for column, width in ((0, 110), (1, 96), (3, 130), (4, 110)):
            self.table.horizontalHeader().resizeSection(column, width)
        text = self.tr(
            "{new} new, {duplicates} already there (left out), {suspicious} to check "
            "(imported, but alike a transaction you have)."
        ).format(new=preview.new, duplicates=preview.duplicates, suspicious=preview.suspicious)
        if preview.notes:
            text += "\n" + "\n".join(preview.notes)
        self.summary.setText(text)
        problems = [str(p) for p in preview.problems]
        shown = problems[:8]
        more = len(problems) - len(shown)
        self.problems.setText(
            self.tr("These rows could not be read:")
            + "\n"
            + "\n".join(shown)
            + (f"\n… {more} more" if more > 0 else "")
            if problems
            else ""
        )
        self.problems.setVisible(bool(problems))
        self.keep_valid.setVisible(bool(problems))
        self._update_button()

    def show_problem(self, message: str) -> None:
        """The preview could not be read again (e.g. the file's currency does not fit)."""
        self.model.set_rows([])
        self.summary.setText(message)
        self.problems.setVisible(False)
        self.keep_valid.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def arguments(self, path: str) -> dict[str, Any]:
        """The `import_transactions` arguments for what the dialog shows."""
        args: dict[str, Any] = {"path": path, "account": str(self.preview.account_id)}
        if self.preview.format:
            args["format"] = self.preview.format
        if self.keep_valid.isVisible() and self.keep_valid.isChecked():
            args["keep_valid"] = True
        return args

    def _update_button(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        blocked = bool(self.preview.problems) and not self.keep_valid.isChecked()
        ok.setEnabled(self.preview.new + self.preview.suspicious > 0 and not blocked)
        ok.setText(self.tr("Import {n}").format(n=self.preview.new + self.preview.suspicious))

    def _on_account_changed(self, index: int) -> None:
        ident = self.account.itemData(index)
        if isinstance(ident, str):
            self.summary.setText(self.tr("Reading the statement again…"))
            self._reread(ident)
