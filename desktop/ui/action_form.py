"""A form built from an action's parameters: how the palette asks for an action's arguments.

Each parameter becomes a field: text (with the format's hint), a choice for an
enum, a check box for a boolean, a comma-separated list for an array. Empty
optional fields are left out, so the action uses its defaults. The catalog
validates the values when the action runs (dates, durations, ids), and its
`UserError` comes back to the user in words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.actions.registry import Action, Param

_HINTS = {
    "when": "e.g. tomorrow 9:00, fri, 2026-03-01T14:30",
    "date": "e.g. today, mon, 2026-03-01",
    "month": "YYYY-MM",
    "duration": "e.g. 30m, 1h30m",
    "id": "the record's id",
}


def title_of(action: Action) -> str:
    """The action as a menu entry: its description up to the first parenthesis."""
    return action.description.split(" (")[0].strip()


class ActionForm(QDialog):
    """Asks for the arguments of one action; `values()` gives them as the catalog takes them."""

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(title_of(action))
        self.setObjectName("actionForm")
        self._fields: dict[str, QWidget] = {}

        form = QFormLayout()
        for param in action.params:
            field = self._field(param)
            field.setObjectName(f"field_{param.name}")
            field.setAccessibleName(param.name.replace("_", " "))
            field.setToolTip(param.description)
            label = param.name.replace("_", " ").capitalize() + (" *" if param.required else "")
            form.addRow(label, field)
            self._fields[param.name] = field
            if isinstance(field, QLineEdit):
                field.textChanged.connect(self._update_ok)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        if action.risk in ("outbound", "destructive"):
            ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(self.tr("Delete") if action.risk == "destructive" else self.tr("Send"))

        layout = QVBoxLayout(self)
        intro = QLabel(action.description)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._buttons)
        self._update_ok()

    @classmethod
    def ask(cls, action: Action, parent: QWidget | None = None) -> dict[str, Any] | None:
        """The arguments the user gave, or None when cancelled."""
        form = cls(action, parent)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        return form.values()

    def field(self, name: str) -> QWidget:
        return self._fields[name]

    def values(self) -> dict[str, Any]:
        """The filled fields, typed as the catalog expects; blank optional ones left out."""
        out: dict[str, Any] = {}
        for param in self.action.params:
            field = self._fields[param.name]
            if isinstance(field, QCheckBox):
                if field.isChecked():
                    out[param.name] = True
            elif isinstance(field, QComboBox):
                if field.currentIndex() > 0 or param.required:
                    out[param.name] = field.currentText()
            elif isinstance(field, QLineEdit):
                text = field.text().strip()
                if not text:
                    continue
                if param.type == "array":
                    out[param.name] = [item.strip() for item in text.split(",") if item.strip()]
                else:
                    out[param.name] = text
        return out

    def _field(self, param: Param) -> QWidget:
        if param.type == "boolean":
            return QCheckBox()
        if param.enum:
            combo = QComboBox()
            if not param.required:
                combo.addItem("")
            combo.addItems(list(param.enum))
            return combo
        edit = QLineEdit()
        if param.type == "array":
            edit.setPlaceholderText(self.tr("several, separated by commas"))
        elif param.format:
            edit.setPlaceholderText(_HINTS.get(param.format, ""))
        elif param.type in ("integer", "number"):
            edit.setPlaceholderText(self.tr("a number"))
        return edit

    def _update_ok(self) -> None:
        missing = [
            p.name
            for p in self.action.params
            if p.required
            and isinstance(self._fields[p.name], QLineEdit)
            and not self._fields[p.name].text().strip()  # type: ignore[attr-defined]
        ]
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
