"""File › Import and Export of .ics files through the app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.ui.file_actions import CalendarFiles
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext

pytestmark = pytest.mark.gui

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ics"


@pytest.fixture
def files(main_window: MainWindow, pane_ctx: PaneContext) -> CalendarFiles:
    files = CalendarFiles(main_window, pane_ctx)
    files.told = []  # type: ignore[attr-defined]
    files.tell = files.told.append  # type: ignore[attr-defined]
    return files


def test_the_file_menu_has_import_and_export(files: CalendarFiles) -> None:
    texts = [a.text() for a in files.window.file_menu().actions() if a.text()]
    assert texts[-6:] == [
        "Import calendar…", "Export calendar…", "Import tasks…", "Export tasks…",
        "Import bank statement…", "&Quit",
    ]  # fmt: skip
    assert files.window.findChild(QAction, "ImportCalendarAction") is not None


def test_import_then_export_events(
    qtbot: QtBot, files: CalendarFiles, services: Services, tmp_path: Path
) -> None:
    files.open_path = lambda kind: str(CORPUS / "weekly_byday.ics")
    with qtbot.waitSignal(files.finished) as done:
        files.import_file("calendar")
    assert done.args[0].startswith("Imported")
    assert services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31))

    target = tmp_path / "out.ics"
    files.save_path = lambda kind: str(target)
    with qtbot.waitSignal(files.finished, timeout=5000):
        files.export_file("calendar")
    text = target.read_text()
    assert text.startswith("BEGIN:VCALENDAR")
    assert "RRULE:" in text


def test_a_bad_file_offers_to_keep_the_valid_parts(
    qtbot: QtBot, files: CalendarFiles, services: Services, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:ok-1\r\nDTSTAMP:20300101T000000Z\r\nDTSTART:20300105T090000Z\r\n"
        "DTEND:20300105T100000Z\r\nSUMMARY:Fine\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:bad-1\r\nDTSTAMP:20300101T000000Z\r\nDTSTART:20300105T090000Z\r\n"
        "DTEND:20300104T100000Z\r\nSUMMARY:Broken\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    asked: list[str] = []
    files.open_path = lambda kind: str(bad)
    files.keep_valid = lambda problem: asked.append(problem) or True
    with qtbot.waitSignal(files.finished) as done:
        files.import_file("calendar")
    assert "Broken" in asked[0]
    assert "Imported 1 new events" in done.args[0]
    assert "Left out" in done.args[0]
    titles = [o.title for o in services.calendar.occurrences(date(2030, 1, 1), date(2030, 1, 31))]
    assert titles == ["Fine"]
