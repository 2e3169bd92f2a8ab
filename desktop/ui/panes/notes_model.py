"""The list model of the Notes pane: every note, filtered in memory by words and a tag."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.services.notes import NoteView

ID_ROLE = Qt.ItemDataRole.UserRole
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


def parse_tags(text: str) -> list[str]:
    """`#work, ideas  home` as ["work", "ideas", "home"] (order kept, repeats dropped)."""
    seen: dict[str, None] = {}
    for word in text.replace(",", " ").split():
        tag = word.strip().lstrip("#")
        if tag and tag.lower() not in {t.lower() for t in seen}:
            seen[tag] = None
    return list(seen)


def matches(note: NoteView, words: Sequence[str], tag: str | None) -> bool:
    """Whether every word is in the note's title, text or tags, and it carries `tag`."""
    if tag and tag.lower() not in (t.lower() for t in note.tags):
        return False
    haystack = " ".join((note.title, note.body, *note.tags)).lower()
    return all(word in haystack for word in words)


class NotesModel(QAbstractListModel):
    """Notes as rows: the title, with tags and pin shown beside it.

    Signals:
        None (the standard model signals only).
    """

    def __init__(self) -> None:
        super().__init__()
        self._all: list[NoteView] = []
        self._shown: list[NoteView] = []
        self._words: list[str] = []
        self._tag: str | None = None

    # -- Qt interface ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        note = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ("★ " if note.pinned else "") + note.title
        if role == Qt.ItemDataRole.ToolTipRole:
            tags = " ".join(f"#{t}" for t in note.tags)
            return f"{note.title}\n{tags}" if tags else note.title
        if role == Qt.ItemDataRole.FontRole and note.pinned:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return str(note.id)
        if role == NOTE_ROLE:
            return note
        return None

    # -- content -----------------------------------------------------------------

    def set_notes(self, notes: Sequence[NoteView]) -> None:
        self.beginResetModel()
        self._all = list(notes)
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str, tag: str | None) -> None:
        self.beginResetModel()
        self._words = [w.lower() for w in text.split()]
        self._tag = tag or None
        self._shown = self._filtered()
        self.endResetModel()

    def tags(self) -> list[str]:
        """Every tag of every note, sorted without case."""
        found: dict[str, str] = {}
        for note in self._all:
            for tag in note.tags:
                found.setdefault(tag.lower(), tag)
        return [found[key] for key in sorted(found)]

    def note_at(self, row: int) -> NoteView | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, note_id: uuid.UUID | str | None) -> int:
        """The row showing `note_id`, or -1."""
        for row, note in enumerate(self._shown):
            if str(note.id) == str(note_id):
                return row
        return -1

    def find(self, note_id: uuid.UUID | str) -> NoteView | None:
        """The note `note_id` among all loaded notes (shown or filtered out)."""
        return next((n for n in self._all if str(n.id) == str(note_id)), None)

    def total(self) -> int:
        return len(self._all)

    def _filtered(self) -> list[NoteView]:
        if not self._words and not self._tag:
            return list(self._all)
        return [n for n in self._all if matches(n, self._words, self._tag)]
