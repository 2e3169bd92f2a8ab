"""Quick add (Ctrl+N, the tray, `atrium --quick-add`): a line of natural language, a preview.

As the user types, the line is read by the natural-language parser (the
`parse_phrase` action, off the GUI thread, debounced; stale answers are
dropped) and the preview says what was understood and what stays the title.
Enter saves through `quick_add`; Esc closes without saving.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.rrule_text import describe_rrule
from desktop.services.container import Services
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

DEBOUNCE_MS = 120
KINDS = (("auto", None), ("task", "task"), ("event", "event"))


def _when(text: str | None) -> str:
    if not text:
        return ""
    if len(text) == 10:
        return f"{date.fromisoformat(text):%a %d %b %Y}"
    moment = datetime.fromisoformat(text)
    return f"{moment:%a %d %b %Y, %H:%M}"


def _span(found: dict[str, Any]) -> str:
    """'Wed 02 Dec 2026, 09:30–09:45', or start → end across days."""
    start, end = found["start"], found.get("end")
    if not end:
        return _when(start)
    if found.get("all_day"):
        last = date.fromordinal(date.fromisoformat(end).toordinal() - 1)  # end is exclusive
        first = date.fromisoformat(start)
        return _when(start) if last <= first else f"{_when(start)} → {last:%a %d %b %Y}"
    begin, finish = datetime.fromisoformat(start), datetime.fromisoformat(end)
    if begin.date() == finish.date():
        return f"{_when(start)}–{finish:%H:%M}"
    return f"{_when(start)} → {_when(end)}"


def preview_html(found: dict[str, Any]) -> str:
    """The parser's reading as a few lines of rich text."""
    kind = found["kind"]
    lines = [f"<b>{'Task' if kind == 'task' else 'Event'}:</b> {html.escape(found['title'])}"]
    if kind == "task" and found.get("due"):
        lines.append(f"<b>Due:</b> {_when(found['due'])}")
    if kind == "event" and found.get("start"):
        lines.append(f"<b>{'Days' if found.get('all_day') else 'When'}:</b> {_span(found)}")
    if found.get("rrule"):
        lines.append(f"<b>Repeats:</b> {html.escape(describe_rrule(found['rrule']))}")
    labels = (
        ("priority", "Priority"),
        ("estimate_minutes", "Estimate (min)"),
        ("project", "Project"),
        ("location", "Where"),
    )
    for key, label in labels:
        if found.get(key):
            lines.append(f"<b>{label}:</b> {html.escape(str(found[key]))}")
    for key, label in (("tags", "Tags"), ("attendees", "With")):
        if found.get(key):
            lines.append(f"<b>{label}:</b> {html.escape(', '.join(found[key]))}")
    for note in found.get("notes", []):
        lines.append(f"<i>{html.escape(note)}</i>")
    return "<br>".join(lines)


class QuickAddDialog(QDialog):
    """A line, its preview, and Add.

    Signals:
        added(object): the task or event was saved; carries what the action returned.
        previewed(dict): a fresh preview is shown; carries the parser's reading.
    """

    added = Signal(object)
    previewed = Signal(dict)

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Quick add"))
        self.setObjectName("quickAdd")
        self.resize(560, 220)
        self._asked = 0  # the newest preview request; older answers are dropped
        self._saving = False

        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("Call dentist tomorrow 5pm !high #health"))
        self.line.setAccessibleName(self.tr("What to add"))
        self.kind = QComboBox()
        self.kind.addItems([self.tr("Auto"), self.tr("Task"), self.tr("Event")])
        self.kind.setAccessibleName(self.tr("Add as"))
        self.preview = QLabel()
        self.preview.setObjectName("quickAddPreview")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setDefault(True)
        self.add_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.line, 1)
        top.addWidget(self.kind)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Enter adds · Esc closes")))
        bottom.addStretch(1)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.request_preview)
        self.line.textChanged.connect(self._typed)
        self.kind.currentIndexChanged.connect(lambda _i: self._typed(self.line.text()))
        self.line.returnPressed.connect(self.submit)
        self.add_button.clicked.connect(self.submit)

    def open_with(self, text: str = "") -> None:
        """Show the dialog with `text` in the line (empty for a fresh one)."""
        self.line.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.line.setFocus()
        if text:
            self.request_preview()

    def chosen_kind(self) -> str | None:
        return KINDS[self.kind.currentIndex()][1]

    def request_preview(self) -> None:
        text = self.line.text().strip()
        self._asked += 1
        if not text:
            self.preview.clear()
            return
        asked, kind = self._asked, self.chosen_kind()
        catalog = self.ctx.catalog
        args: dict[str, Any] = {"text": text} | ({"kind": kind} if kind else {})

        def read(services: Services) -> dict[str, Any]:
            found: dict[str, Any] = catalog.call(services, "parse_phrase", args).value
            return found

        def shown(found: dict[str, Any]) -> None:
            if asked != self._asked:
                return
            self.preview.setText(preview_html(found))
            self.add_button.setEnabled(bool(found["title"]))
            self.previewed.emit(found)

        def failed(exc: Exception) -> None:
            if asked == self._asked:
                self.preview.setText(html.escape(str(exc)))
                self.add_button.setEnabled(False)

        self.ctx.read(read, shown, failed)

    def submit(self) -> None:
        text = self.line.text().strip()
        if not text or self._saving:  # a second Enter while saving adds nothing twice
            return
        self._saving = True
        kind = self.chosen_kind()
        args: dict[str, Any] = {"text": text} | ({"kind": kind} if kind else {})
        self.add_button.setEnabled(False)

        def done(value: Any) -> None:
            self._saving = False
            self.added.emit(value)
            self.line.clear()
            self.preview.clear()
            self.accept()

        def failed(exc: Exception) -> None:
            self._saving = False
            self.add_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.act("quick_add", args, done, failed)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # no preview for a closed dialog
        super().hideEvent(event)

    def _typed(self, _text: str) -> None:
        self.add_button.setEnabled(False)
        self._timer.start()
