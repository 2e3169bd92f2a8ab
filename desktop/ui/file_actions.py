"""File › Import and Export of iCalendar files (events and tasks) in the app, and the
entry for importing bank statements (its flow lives in `statement_import`).

Import asks for an .ics file, imports what is valid when the user agrees after
a first strict attempt found errors, and reports what it did. Export writes all
events (or all tasks) to the file the user names. Reading the file, the import
and the export run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.errors import UserError
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

if TYPE_CHECKING:
    from desktop.ui.statement_import import StatementImport

FILTER = "iCalendar files (*.ics *.ical *.ifb);;All files (*)"
MAX_ERRORS_SHOWN = 8


def import_summary(result: Any, what: str) -> str:
    """'Imported 3 events, updated 1, skipped 0.' plus the errors that were left out."""
    text = (
        f"Imported {result.created} new {what}, updated {result.updated}, skipped {result.skipped}."
    )
    errors = list(getattr(result, "errors", ()) or ())
    if errors:
        shown = "\n".join(str(e) for e in errors[:MAX_ERRORS_SHOWN])
        more = len(errors) - MAX_ERRORS_SHOWN
        text += f"\n\nLeft out:\n{shown}" + (f"\n… and {more} more" if more > 0 else "")
    return text


class CalendarFiles(QObject):
    """The File menu's import and export entries.

    Signals:
        finished(str): an import or export is done; carries the summary shown.
    """

    finished = Signal(str)

    def __init__(self, window: MainWindow, ctx: PaneContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        # Replaceable by tests: the file dialogs and the questions.
        self.open_path = self._ask_open_path
        self.save_path = self._ask_save_path
        self.keep_valid = self._ask_keep_valid
        self.tell = self._tell
        self._statements: StatementImport | None = None
        self._install()

    # -- public API --------------------------------------------------------------

    def import_file(self, kind: str) -> None:
        """Ask for a file and import its events ("calendar") or tasks ("tasks")."""
        path = self.open_path(kind)
        if path:
            self._import(kind, path, keep_valid=False)

    def export_file(self, kind: str) -> None:
        """Ask where to and export every event ("calendar") or task ("tasks")."""
        path = self.save_path(kind)
        if not path:
            return
        target = Path(path)

        def written(result: Any) -> None:
            self.ctx.runner.run_io(
                lambda: target.write_text(result.text, encoding="utf-8"),
                lambda _n: self._report(f"Exported {result.count} to {target}."),
                lambda exc: show_error(self.window, exc, f"Could not write {target}"),
            )

        self.ctx.act(f"export_{kind}", {}, written, lambda exc: show_error(self.window, exc))

    def import_statement(self) -> None:
        """Ask for a bank statement, preview it and import it (see statement_import)."""
        # Imported on first use: the statement parsers are not needed to start the app.
        from desktop.ui.statement_import import StatementImport

        if self._statements is None:
            self._statements = StatementImport(self.window, self.ctx)
        self._statements.start()

    # -- helpers -----------------------------------------------------------------

    def _install(self) -> None:
        menu = self.window.file_menu()
        quit_action = menu.actions()[-1]
        entries = (
            ("Import calendar…", lambda: self.import_file("calendar")),
            ("Export calendar…", lambda: self.export_file("calendar")),
            ("Import tasks…", lambda: self.import_file("tasks")),
            ("Export tasks…", lambda: self.export_file("tasks")),
            ("Import bank statement…", self.import_statement),
        )
        for text, slot in entries:
            action = QAction(self.tr(text), self.window)
            action.setObjectName(text.split("…")[0].title().replace(" ", "") + "Action")
            action.triggered.connect(slot)
            menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)

    def _import(self, kind: str, path: str, keep_valid: bool) -> None:
        what = "events" if kind == "calendar" else "tasks"
        args = {"path": path, "keep_valid": keep_valid}

        def done(result: Any) -> None:
            self._report(import_summary(result, what))

        def failed(exc: Exception) -> None:
            if isinstance(exc, UserError) and not keep_valid and self.keep_valid(str(exc)):
                self._import(kind, path, keep_valid=True)
                return
            show_error(self.window, exc)

        self.ctx.act(f"import_{kind}", args, done, failed)

    def _report(self, text: str) -> None:
        self.tell(text)
        self.finished.emit(text)

    def _ask_open_path(self, kind: str) -> str:
        title = self.tr("Import calendar") if kind == "calendar" else self.tr("Import tasks")
        path, _ = QFileDialog.getOpenFileName(self.window, title, str(Path.home()), FILTER)
        return path

    def _ask_save_path(self, kind: str) -> str:
        name = "atrium-calendar.ics" if kind == "calendar" else "atrium-tasks.ics"
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export"), str(Path.home() / name), FILTER
        )
        return path

    def _ask_keep_valid(self, problem: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Import"),
            self.tr("{problem}\n\nImport the valid parts and leave the rest out?").format(
                problem=problem
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _tell(self, text: str) -> None:
        QMessageBox.information(self.window, self.tr("Atrium"), text)
