"""The gallery of ready workflows, as a picker: a list of templates and what each does.

The chosen template opens in the workflow editor, so it can be adjusted (the VIPs'
addresses, the time) before it is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.panes.workflows_format import tr


class TemplatePicker(QDialog):
    """Choose a template of the gallery; `chosen()` is its `TemplateView`.

    Signals:
        None (QDialog's own).
    """

    def __init__(self, templates: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowTemplates")
        self.setWindowTitle(tr("New workflow from a template"))
        self.templates = list(templates)
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setAccessibleName(tr("Templates"))
        for template in self.templates:
            item = QListWidgetItem(template.title)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(template.description)
            self.list.addItem(item)
        self.about = QLabel()
        self.about.setObjectName("templateAbout")
        self.about.setWordWrap(True)
        self.about.setMinimumHeight(60)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        intro = QLabel(tr("&Ready workflows; the one you choose opens in the editor."))
        intro.setBuddy(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Use this one"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._show_about)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.about)
        layout.addWidget(self.buttons)
        if self.templates:
            self.list.setCurrentRow(0)
        self.list.setFocus()
        self.resize(480, 380)

    @classmethod
    def ask(cls, parent: QWidget | None, templates: list[Any]) -> Any | None:
        """The chosen template, or None when the user cancelled."""
        dialog = cls(templates, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def chosen(self) -> Any | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _show_about(self, row: int) -> None:
        template = self.templates[row] if 0 <= row < len(self.templates) else None
        self.about.setText(template.description if template is not None else "")
