"""The Projects pane: every project with its status, repository and description.

New, Edit (or Enter) and Delete (or the Delete key, after a confirmation) go through
the `add_project`, `update_project` and `delete_project` actions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.container import Services
from desktop.services.records import PROJECT_STATUSES, ProjectView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.records_base import RecordListPane
from desktop.ui.panes.records_model import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectsPane", text)


def status_names() -> dict[str, str]:
    """Project status -> its translated name."""
    return {
        "active": _tr("Active"),
        "paused": _tr("Paused"),
        "done": _tr("Done"),
        "archived": _tr("Archived"),
    }


@dataclass(frozen=True)
class ProjectFields:
    """What the project editor returns."""

    name: str
    repository_url: str
    description: str
    status: str


class ProjectEditor(QDialog):
    """Create or change a project: name, status, repository and description.

    Enter saves (from the one-line fields), Esc cancels; a project needs a name.
    """

    def __init__(self, project: ProjectView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_value: ProjectFields | None = None
        self.setWindowTitle(self.tr("New project") if project is None else self.tr("Edit project"))
        self.name = QLineEdit(project.name if project else "")
        self.name.setAccessibleName(self.tr("Project name"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Project status"))
        for status, label in status_names().items():
            self.status.addItem(label, status)
        self.status.setCurrentIndex(
            max(self.status.findData(project.status if project else "active"), 0)
        )
        self.repository = QLineEdit(project.repository_url or "" if project else "")
        self.repository.setAccessibleName(self.tr("Repository URL"))
        self.repository.setPlaceholderText("https://github.com/owner/repo")
        self.description = QPlainTextEdit(project.description if project else "")
        self.description.setAccessibleName(self.tr("Project description"))
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the project is about"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("&Repository"), self.repository)
        form.addRow(self.tr("&Description"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(480, 320)
        self.name.setFocus()
        self.name.selectAll()

    @classmethod
    def ask(cls, parent: QWidget | None, project: ProjectView | None) -> ProjectFields | None:
        """The fields the user saved, or None when they cancelled."""
        dialog = cls(project, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.problem.setText(self.tr("A project needs a name."))
            self.problem.show()
            self.name.setFocus()
            return
        self.result_value = ProjectFields(
            name,
            self.repository.text().strip(),
            self.description.toPlainText().strip(),
            str(self.status.currentData()),
        )
        super().accept()


class ConfirmDeleteProject:
    """The question asked before a project is deleted (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, name: str) -> bool:
        answer = QMessageBox.question(
            parent,
            parent.tr("Delete project"),
            parent.tr(
                "Delete the project “{name}”? Its tasks stay, without a project. "
                "This cannot be undone."
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


class ProjectsPane(RecordListPane[ProjectView]):
    """Projects: list, create, edit and delete.

    Signals:
        None besides those of `RecordListPane`.
    """

    area = "projects"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button = self.add_button(self.tr("&New project…"), self.tr("New project"))
        self.edit_button = self.add_button(self.tr("&Edit…"), self.tr("Edit project"))
        self.delete_button = self.add_button(self.tr("&Delete"), self.tr("Delete project"))
        self.new_button.clicked.connect(self.new_project)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.current_changed.connect(self._on_current_project)
        self._on_current_project(None)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.delete_button)

    def pane_title(self) -> str:
        return self.tr("Projects")

    def note(self) -> str:
        return self.tr("Press Enter to edit the selected project, Delete to delete it.")

    def columns(self) -> list[Column[ProjectView]]:
        names = status_names()
        order = {status: n for n, status in enumerate(PROJECT_STATUSES)}
        return [
            Column(self.tr("Name"), lambda p: p.name),
            Column(
                self.tr("Status"),
                lambda p: names.get(p.status, p.status),
                sort=lambda p: (order.get(p.status, 99), p.name.lower()),
            ),
            Column(self.tr("Repository"), lambda p: p.repository_url or ""),
            Column(
                self.tr("Description"),
                lambda p: " ".join(p.description.split()),
                tip=lambda p: p.description,
            ),
        ]

    def stretch_column(self) -> int:
        return 3  # the description

    def fetch_records(self, services: Services) -> list[ProjectView]:
        return services.records.projects()

    def count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{shown} of {total} projects").format(shown=shown, total=total)
        return self.tr("1 project") if total == 1 else self.tr("{n} projects").format(n=total)

    def _on_current_project(self, project: object) -> None:
        self.edit_button.setEnabled(project is not None)
        self.delete_button.setEnabled(project is not None)

    # -- actions -----------------------------------------------------------------

    def activate(self, record: ProjectView) -> None:
        self.edit(record)

    def remove(self, record: ProjectView) -> None:
        self.delete(record)

    def new_project(self) -> None:
        """Ask for a new project's fields and create it."""
        fields = ProjectEditor.ask(self, None)
        if fields is None:
            return

        def created(view: ProjectView) -> None:
            self.select_after_reload(str(view.id))
            if fields.status != "active":
                self.ctx.act(
                    "update_project",
                    {"id": str(view.id), "status": fields.status},
                    on_error=self._failed(self.tr("Could not set the project's status")),
                )

        args = {"name": fields.name, "description": fields.description}
        if fields.repository_url:
            args["repository_url"] = fields.repository_url
        self.ctx.act(
            "add_project", args, created, self._failed(self.tr("Could not create the project"))
        )

    def edit_current(self) -> None:
        project = self.current()
        if project is not None:
            self.edit(project)

    def edit(self, project: ProjectView) -> None:
        """Open the editor on `project` and store what the user saved."""
        fields = ProjectEditor.ask(self, project)
        if fields is None:
            return
        self.select_after_reload(str(project.id))
        self.ctx.act(
            "update_project",
            {
                "id": str(project.id),
                "name": fields.name,
                "repository_url": fields.repository_url,
                "description": fields.description,
                "status": fields.status,
            },
            on_error=self._failed(self.tr("Could not save the project")),
        )

    def delete_current(self) -> None:
        project = self.current()
        if project is not None:
            self.delete(project)

    def delete(self, project: ProjectView) -> None:
        """Delete `project` once the user confirms."""
        if not ConfirmDeleteProject.ask(self, project.name):
            return
        self.ctx.act(
            "delete_project",
            {"id": str(project.id)},
            on_error=self._failed(self.tr("Could not delete the project")),
        )

    def _failed(self, title: str) -> Callable[[Exception], None]:
        def report(exc: Exception) -> None:
            show_error(self, exc, title)

        return report
