"""The one place that turns an exception into something the user sees."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import UserError
from desktop.runtime.task_runner import describe_error

log = logging.getLogger("desktop.ui")


def show_error(parent: QWidget | None, exc: BaseException, what: str = "") -> None:
    """Tell the user what went wrong: bad input as a warning, anything else as an error.

    Errors that are not the user's are logged with their traceback first.
    """
    title = parent.tr("Atrium") if parent is not None else "Atrium"
    text = f"{what}: {describe_error(exc)}" if what else describe_error(exc)
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, title, text)
        return
    log.error("%s", what or "unexpected error", exc_info=exc)
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a Yes/Cancel question (Cancel the default); True when the user chose Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
