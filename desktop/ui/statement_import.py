"""Importing a bank statement from the app: choose a file, see its preview, import it.

File › Import bank statement… and the Finance pane's Import button both run this
flow. Reading the preview and the import itself run off the GUI thread; the import
is one action (`import_transactions`), so Edit › Undo takes the whole batch back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.finance import AccountView
from desktop.services.finance_import import ImportPreview
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.finance_import_dialog import ImportPreviewDialog

FILTER = "Bank statements (*.ofx *.qfx *.qif *.csv *.txt);;All files (*)"


def read_preview(
    services: Services, path: str, account: str | None
) -> tuple[ImportPreview, list[AccountView]]:
    """The preview of `path` and the accounts; when the file does not say which account
    and there are several, the first one is previewed (the dialog lets the user change it)."""
    accounts = services.finance.accounts()
    try:
        preview = services.imports.preview(path, account=account)
    except UserError:
        usable = [a for a in accounts if not a.archived]
        if account is not None or len(usable) < 2:
            raise
        preview = services.imports.preview(path, account=str(usable[0].id))
    return preview, accounts


def import_summary(result: Any) -> str:
    """What an import did, in a sentence or two."""
    text = (
        f"Imported {result.imported} transactions into {result.account}; "
        f"{result.duplicates} were already there."
    )
    if result.suspicious:
        text += f" {result.suspicious} look like transactions you had: worth a look."
    if result.errors:
        text += f" {len(result.errors)} rows could not be read and were left out."
    return text + " Edit › Undo takes the import back."


class StatementImport(QObject):
    """The import flow, for one parent window.

    Signals:
        finished(str): an import is done; carries the summary shown.
    """

    finished = Signal(str)

    def __init__(self, parent: QWidget, ctx: PaneContext) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.ctx = ctx
        # Replaceable by tests: the file dialog, the preview dialog's answer, the report.
        self.open_path = self._ask_open_path
        self.confirm = self._run_dialog
        self.tell = self._tell

    def start(self) -> None:
        """Ask for a statement file, then preview it."""
        path = self.open_path()
        if path:
            self.preview(path)

    def preview(self, path: str, account: str | None = None) -> None:
        """Read the preview of `path` and show it."""
        self.ctx.read(
            lambda s: read_preview(s, path, account),
            lambda found: self._show(path, *found),
            lambda exc: show_error(self.parent_widget, exc, self.tr("Could not read the file")),
        )

    def _show(self, path: str, preview: ImportPreview, accounts: list[AccountView]) -> None:
        args = self.confirm(path, preview, accounts)
        if args is None:
            return
        self.ctx.act(
            "import_transactions",
            args,
            lambda result: self._report(import_summary(result)),
            lambda exc: show_error(self.parent_widget, exc, self.tr("Could not import")),
        )

    def _run_dialog(
        self, path: str, preview: ImportPreview, accounts: list[AccountView]
    ) -> dict[str, Any] | None:
        dialog: ImportPreviewDialog | None = None

        def reread(account_id: str) -> None:
            def shown(found: tuple[ImportPreview, list[AccountView]]) -> None:
                if dialog is not None:
                    dialog.show_preview(found[0])

            def failed(exc: Exception) -> None:
                if dialog is not None:
                    dialog.show_problem(str(exc))

            self.ctx.read(lambda s: read_preview(s, path, account_id), shown, failed)

        dialog = ImportPreviewDialog(preview, accounts, reread, self.parent_widget)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.arguments(path)
            return None
        finally:
            dialog.deleteLater()
            dialog = None

    def _report(self, text: str) -> None:
        self.tell(text)
        self.finished.emit(text)

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Import bank statement"), str(Path.home()), FILTER
        )
        return path

    def _tell(self, text: str) -> None:
        QMessageBox.information(self.parent_widget, self.tr("Import"), text)
