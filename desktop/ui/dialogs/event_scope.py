"""Questions asked before changing or deleting an event: which occurrences, and "sure?".

Both are `ask` classmethods, so tests replace them with a plain answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SCOPES = ("this", "following", "all")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventScope", text)


class ScopeQuestion:
    """Which occurrences of a recurring event a change or a deletion applies to."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, deleting: bool, allow_this: bool = True
    ) -> str | None:
        """ "this", "following" or "all"; None when the user cancelled."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_tr("Recurring event"))
        text = (
            _tr("Delete the recurring event “%1”?")
            if deleting
            else _tr("Change the recurring event “%1”?")
        )
        box.setText(text.replace("%1", title))
        box.setInformativeText(_tr("Which occurrences should this apply to?"))
        buttons: dict[object, str] = {}
        labels = {
            "this": _tr("This event"),
            "following": _tr("This and following events"),
            "all": _tr("All events"),
        }
        for scope in SCOPES:
            if scope == "this" and not allow_this:
                continue
            button = box.addButton(labels[scope], QMessageBox.ButtonRole.AcceptRole)
            button.setAccessibleName(labels[scope])
            buttons[button] = scope
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return buttons.get(box.clickedButton())


class DeleteQuestion:
    """Confirms deleting an event; for a recurring one, asks which occurrences."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, recurring: bool) -> str | None:
        """The scope to delete ("all" for a single event); None when cancelled."""
        if recurring:
            return ScopeQuestion.ask(parent, title, deleting=True)
        answer = QMessageBox.question(
            parent,
            _tr("Delete event"),
            _tr("Delete “%1”? This cannot be undone.").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return "all" if answer == QMessageBox.StandardButton.Yes else None
