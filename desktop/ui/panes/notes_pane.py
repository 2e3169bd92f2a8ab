"""The Notes pane: a searchable, tag-filtered list beside a Markdown editor with a live preview.

Edits are saved with Ctrl+S and automatically after a pause in typing, through the
`update_note` action; `add_note` and `delete_note` (after a confirmation) create
and remove notes. The preview never loads images or other resources.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.services.notes import NoteView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.notes_model import NotesModel, parse_tags
from desktop.ui.panes.pane_format import heading
from desktop.ui.panes.safe_browser import SafeBrowser

AUTOSAVE_MS = 1500


class ConfirmDeleteNote:
    """The question asked before a note is deleted (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, title: str) -> bool:
        answer = QMessageBox.question(
            parent,
            parent.tr("Delete note"),
            parent.tr("Delete the note “{title}”? This cannot be undone.").format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


class NotesPane(Pane):
    """Notes: list, search, tags, and a Markdown editor with preview.

    Signals:
        saved(str): a note's edits were stored; carries its id.
    """

    saved = Signal(str)
    area = "notes"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = NotesModel()
        self.current: NoteView | None = None
        self.dirty = False
        self._generation = 0  # bumped by every edit, to tell whether a save is still current
        self._filling = False  # the editor is being filled by code, not typed into
        self._select_after: str | None = None
        self._first_load = True

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search notes"))
        self.search.setAccessibleName(self.tr("Search notes"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(self.tr("Show notes with tag"))
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setStyleSheet("QListView::item { padding: 4px 2px; }")
        self.new_button = QPushButton(self.tr("&New note"))
        self.new_button.setAccessibleName(self.tr("New note"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete note"))
        self.count_label = QLabel()
        self.count_label.setEnabled(False)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Note title"))
        self.title_edit.setPlaceholderText(self.tr("Title"))
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_edit.setFont(font)
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Note tags"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, e.g. #work #ideas"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Note text (Markdown)"))
        self.body_edit.setPlaceholderText(self.tr("Write in Markdown…"))
        self.body_edit.setTabChangesFocus(True)
        self.preview = SafeBrowser()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.status = QLabel()
        self.status.setObjectName("noteStatus")
        self.status.setEnabled(False)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save)

        self._build_layout()
        self._connect()
        self._set_editor_enabled(False)

    def _build_layout(self) -> None:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(heading(self.tr("Notes"), 1.6))
        left_box.addWidget(self.search)
        left_box.addWidget(self.tag_filter)
        left_box.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_box.addLayout(buttons)
        left_box.addWidget(self.count_label)

        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(self.body_edit)
        texts.addWidget(self.preview)
        texts.setChildrenCollapsible(False)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.title_edit)
        right_box.addWidget(self.tags_edit)
        right_box.addWidget(texts, 1)
        right_box.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 700])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(split)
        for first, second in (
            (self.search, self.tag_filter),
            (self.tag_filter, self.list),
            (self.list, self.new_button),
            (self.new_button, self.delete_button),
            (self.delete_button, self.title_edit),
            (self.title_edit, self.tags_edit),
            (self.tags_edit, self.body_edit),
            (self.body_edit, self.preview),
        ):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._apply_filter)
        self.tag_filter.currentIndexChanged.connect(self._apply_filter)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_note)
        self.delete_button.clicked.connect(self.delete_current)
        self.title_edit.textEdited.connect(self._on_edited)
        self.tags_edit.textEdited.connect(self._on_edited)
        self.body_edit.textChanged.connect(self._on_body_changed)
        self.title_edit.returnPressed.connect(self.body_edit.setFocus)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_now)
        for widget in (self.list, self.search, self.title_edit, self.tags_edit, self.body_edit):
            widget.installEventFilter(self)

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        self.fetch(lambda services: services.notes.list(), self._show)

    def _show(self, notes: list[NoteView]) -> None:
        created = self._select_after
        keep = created or (str(self.current.id) if self.current else None)
        self._select_after = None
        old_row = self.model.row_of(keep)
        self.model.set_notes(notes)
        self._fill_tags()
        fresh = self.model.find(keep) if keep else None
        if fresh is None and self.current is not None:  # deleted here or elsewhere
            rows = self.model.rowCount()
            self._open(self.model.note_at(min(old_row, rows - 1)) if old_row >= 0 else None)
        elif fresh is not None and not self.dirty:
            self._open(fresh, keep_cursor=True)
        if self.current is None and self._first_load and self.model.rowCount():
            self._open(self.model.note_at(0))
        self._first_load = False
        self._select_current()
        if created is not None and self.current is not None and str(self.current.id) == created:
            self.title_edit.setFocus()
            self.title_edit.selectAll()
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.total(), self.model.rowCount()
        if shown != total:
            text = self.tr("{shown} of {total} notes").format(shown=shown, total=total)
        else:
            text = self.tr("1 note") if total == 1 else self.tr("{n} notes").format(n=total)
        self.count_label.setText(text)

    def _fill_tags(self) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in self.model.tags():
            self.tag_filter.addItem(f"#{tag}", tag)
        index = self.tag_filter.findData(chosen) if chosen else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    def _select_current(self) -> None:
        row = self.model.row_of(self.current.id) if self.current else -1
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            selection.clear()
        selection.blockSignals(False)
        self.list.viewport().update()

    # -- the editor --------------------------------------------------------------

    def _open(self, note: NoteView | None, keep_cursor: bool = False) -> None:
        """Show `note` in the editor (None: nothing selected)."""
        self.autosave_timer.stop()
        self.current, self.dirty = note, False
        self._filling = True
        try:
            if note is None:
                self.title_edit.clear()
                self.tags_edit.clear()
                self.body_edit.clear()
                self.preview.clear_content()
                self.status.clear()
            else:
                same = (
                    keep_cursor
                    and self.title_edit.text() == note.title
                    and self.body_edit.toPlainText() == note.body
                )
                if not same:
                    self.title_edit.setText(note.title)
                    self.body_edit.setPlainText(note.body)
                    self.preview.setMarkdown(note.body)
                if not keep_cursor or tuple(parse_tags(self.tags_edit.text())) != note.tags:
                    self.tags_edit.setText(" ".join(f"#{t}" for t in note.tags))
                self.status.setText(self.tr("Saved"))
        finally:
            self._filling = False
        self._set_editor_enabled(note is not None)

    def _set_editor_enabled(self, enabled: bool) -> None:
        for widget in (self.title_edit, self.tags_edit, self.body_edit, self.delete_button):
            widget.setEnabled(enabled)

    def _on_body_changed(self) -> None:
        if self._filling:
            return
        self.preview.setMarkdown(self.body_edit.toPlainText())
        self._on_edited()

    def _on_edited(self, *_args: Any) -> None:
        if self._filling or self.current is None:
            return
        self.dirty = True
        self._generation += 1
        self.status.setText(self.tr("Unsaved changes"))
        self.autosave_timer.start()

    def save_now(self) -> None:
        """Ctrl+S: store the edits now; a missing title is reported."""
        self.save(explicit=True)

    def save(self, explicit: bool = False) -> None:
        """Store the current note's edits, if any (the autosave passes `explicit=False`)."""
        self.autosave_timer.stop()
        note = self.current
        if note is None or not self.dirty:
            return
        title = self.title_edit.text().strip()
        if not title:
            self.status.setText(self.tr("Not saved: a note needs a title"))
            if explicit:
                show_error(self, UserError(self.tr("A note needs a title; type one first.")))
            return
        generation = self._generation
        self.status.setText(self.tr("Saving…"))
        args = {
            "id": str(note.id),
            "title": title,
            "body": self.body_edit.toPlainText(),
            "tags": parse_tags(self.tags_edit.text()),
        }

        def done(view: NoteView) -> None:
            if self.current is not None and self.current.id == view.id:
                self.current = view
                if generation == self._generation:
                    self.dirty = False
                    self.status.setText(self.tr("Saved"))
            self.saved.emit(str(view.id))

        def failed(exc: Exception) -> None:
            self.status.setText(self.tr("Not saved"))
            show_error(self, exc, self.tr("Could not save the note"))

        self.ctx.act("update_note", args, done, failed, initiator=self)

    # -- list actions ------------------------------------------------------------

    def _apply_filter(self, *_args: Any) -> None:
        self.model.set_filter(self.search.text(), self.tag_filter.currentData())
        self._select_current()
        self._update_count()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        note = self.model.note_at(current.row()) if current.isValid() else None
        if note is None or (self.current is not None and note.id == self.current.id):
            return
        self.save()
        self._open(note)

    def new_note(self) -> None:
        """Create an untitled note and open it, its title selected for typing."""
        self.save()

        def done(view: NoteView) -> None:
            self._select_after = str(view.id)  # opened by the reload the change causes

        self.ctx.act(
            "add_note",
            {"title": self.tr("Untitled note")},
            done,
            lambda exc: show_error(self, exc, self.tr("Could not create a note")),
            initiator=self,
        )

    def delete_current(self) -> None:
        """Delete the open note after the user confirms."""
        note = self.current
        if note is None or not ConfirmDeleteNote.ask(self, note.title):
            return
        self.autosave_timer.stop()
        self.dirty = False
        self.ctx.act(
            "delete_note",
            {"id": str(note.id)},
            on_error=lambda exc: show_error(self, exc, self.tr("Could not delete the note")),
            initiator=self,
        )

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the pane (or closing the window) saves what was typed."""
        self.save()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Save):
            self.save_now()
            return True
        if watched is self.list and key == Qt.Key.Key_Delete:
            self.delete_current()
            return True
        if watched is self.list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.body_edit.setFocus()
            return True
        if watched is self.search and key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        if watched is self.search and key == Qt.Key.Key_Down:
            self.list.setFocus()
            return True
        if watched in (self.title_edit, self.tags_edit, self.body_edit) and (
            key == Qt.Key.Key_Escape
        ):
            self.save()
            self.list.setFocus()
            return True
        return super().eventFilter(watched, event)
