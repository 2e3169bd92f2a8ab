"""The command palette (Ctrl+K): every action of the catalog and every pane, fuzzy-matched.

Typing filters the entries with rapidfuzz (a prefix or word-start match ranks
first, then the fuzzy score, then what was chosen recently); Up/Down move, Enter
chooses, Esc closes. Choosing emits `chosen(entry)`; the shell runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

MAX_SHOWN = 200
MIN_SCORE = 45.0
RECENT_LIMIT = 10


@dataclass(frozen=True)
class PaletteEntry:
    """One choice: an action of the catalog or a pane (`kind`), named by `key`."""

    kind: str
    key: str
    title: str
    detail: str = ""

    @property
    def search_text(self) -> str:
        return f"{self.title} {self.key.replace('_', ' ')}"


def rank(
    entries: Sequence[PaletteEntry], query: str, recent: Sequence[str] = ()
) -> list[PaletteEntry]:
    """`entries` matching `query`, best first; all of them (recent first) when it is empty."""
    order = {key: i for i, key in enumerate(recent)}
    text = query.strip().lower()
    if not text:
        return sorted(entries, key=lambda e: (order.get(e.key, len(order)), e.kind != "pane"))
    from rapidfuzz import fuzz  # imported on the first search, not at start-up

    scored = []
    for index, entry in enumerate(entries):
        haystack = entry.search_text.lower()
        words = haystack.split()
        if haystack.startswith(text):
            tier = 0
        elif any(word.startswith(text) for word in words):
            tier = 1
        elif text in haystack:
            tier = 2
        else:
            tier = 3
        score = fuzz.WRatio(text, haystack)
        if tier == 3 and score < MIN_SCORE:
            continue
        scored.append((tier, -score, order.get(entry.key, len(order)), index, entry))
    scored.sort(key=lambda row: row[:4])
    return [row[-1] for row in scored]


class CommandPalette(QDialog):
    """A search box over a list of entries.

    Signals:
        chosen(PaletteEntry): the user picked an entry (the palette closes).
    """

    chosen = Signal(object)

    def __init__(self, entries: Sequence[PaletteEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._recent: list[str] = []
        self.setWindowTitle(self.tr("Command palette"))
        self.setObjectName("commandPalette")
        self.setModal(True)
        self.resize(560, 420)

        self._query = QLineEdit()
        self._query.setPlaceholderText(self.tr("Type an action or a pane…"))
        self._query.setAccessibleName(self.tr("Search actions and panes"))
        self._query.setClearButtonEnabled(True)
        self._list = QListWidget()
        self._list.setAccessibleName(self.tr("Matching actions and panes"))
        self._list.setUniformItemSizes(True)
        self._hint = QLabel(self.tr("Enter runs · Esc closes"))
        self._hint.setObjectName("paletteHint")

        layout = QVBoxLayout(self)
        layout.addWidget(self._query)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._hint)

        self._query.textChanged.connect(self._refilter)
        self._query.installEventFilter(self)
        self._list.itemActivated.connect(self._choose_item)
        self._refilter("")

    # -- public API --------------------------------------------------------------

    def entries(self) -> list[PaletteEntry]:
        return list(self._entries)

    @property
    def query(self) -> QLineEdit:
        return self._query

    def shown_entries(self) -> list[PaletteEntry]:
        return [
            self._list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self._list.count())
        ]

    def open_fresh(self) -> None:
        """Show the palette with an empty query, the recent choices first."""
        self._query.clear()
        self._refilter("")
        self.show()
        self.raise_()
        self.activateWindow()
        self._query.setFocus()

    def choose_current(self) -> None:
        item = self._list.currentItem()
        if item is not None:
            self._choose_item(item)

    # -- reactions ---------------------------------------------------------------

    def _refilter(self, text: str) -> None:
        self._list.clear()
        for entry in rank(self._entries, text, self._recent)[:MAX_SHOWN]:
            label = (
                entry.title
                if entry.kind == "action"
                else self.tr("Go to {pane}").format(pane=entry.title)
            )
            item = QListWidgetItem(f"{label}    {entry.detail}" if entry.detail else label)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(entry.key)
            self._list.addItem(item)
        if self._list.count():
            self._list.setCurrentRow(0)

    def _choose_item(self, item: QListWidgetItem) -> None:
        entry: PaletteEntry = item.data(Qt.ItemDataRole.UserRole)
        if entry.key in self._recent:
            self._recent.remove(entry.key)
        self._recent.insert(0, entry.key)
        del self._recent[RECENT_LIMIT:]
        self.accept()
        self.chosen.emit(entry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._list.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_current()
                return True
        return super().eventFilter(watched, event)
