"""A QTextBrowser that never fetches anything and only opens web and mail links.

Notes (Markdown) and mail (sanitized HTML) may reference images, style sheets and
other resources by URL; loading them would tell a sender that a message was read
or read local files. `SafeBrowser.loadResource` therefore returns nothing for
every resource, and a clicked link goes to the system browser only when it is an
`http`, `https` or `mailto` URL (see `desktop.core.html_clean.is_safe_link`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.html_clean import is_safe_link


class SafeBrowser(QTextBrowser):
    """Read-only rich text without remote (or local) content.

    Signals:
        link_refused(str): a clicked link was not opened; carries its URL.
        link_opened(str): a clicked link was handed to the system; carries its URL.
    """

    link_refused = Signal(str)
    link_opened = Signal(str)

    @staticmethod
    def open_url(url: QUrl) -> None:
        """Hand `url` to the system (tests replace this)."""
        QDesktopServices.openUrl(url)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []  # resources the document asked for, not loaded
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Nothing, whatever is asked for: images, style sheets, http(s) or file URLs."""
        self.blocked.append(url.toString() if isinstance(url, QUrl) else url)
        return None

    def clear_content(self) -> None:
        self.blocked.clear()
        self.clear()

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if is_safe_link(text):
            self.link_opened.emit(text)
            self.open_url(url)
        else:
            self.link_refused.emit(text)
