"""The German translation: complete, compiled, and loaded for LANGUAGE=de / LANG=de_DE."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.health_pane import HealthPane
from desktop.ui.translations import (
    TRANSLATIONS_DIR,
    load_translations,
    translation_file,
    wanted_languages,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def german(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QTranslator]]:
    monkeypatch.setenv("LANGUAGE", "de")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = load_translations(app)
    yield installed
    for translator in installed:
        app.removeTranslator(translator)


def test_language_de_translates_a_pane(
    german: list[QTranslator], qtbot: QtBot, pane_ctx: PaneContext
) -> None:
    assert german, "no translator was installed for LANGUAGE=de"
    pane = HealthPane(pane_ctx)
    qtbot.addWidget(pane)
    assert pane.copy_button.text() == "&Diagnose kopieren"
    assert pane.check_button.text() == "&Integrität jetzt prüfen"
    assert QCoreApplication.translate("app", "&Preferences…") == "&Einstellungen…"
    assert pane.tr("CPU") == "CPU"  # the same in German: kept, not blanked
    assert QCoreApplication.translate("HealthPane", "Connected") == "Verbunden"  # via _tr()
    assert pane.tr("A text no catalog has") == "A text no catalog has"


def test_english_needs_no_translation(qtbot: QtBot, pane_ctx: PaneContext) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert load_translations(app, {"LANGUAGE": "en", "LANG": "de_DE.UTF-8"}) == []
    assert load_translations(app, {"LANG": "C"}) == []
    pane = HealthPane(pane_ctx)
    qtbot.addWidget(pane)
    assert pane.copy_button.text() == "Copy &diagnostics"


@pytest.mark.parametrize(
    ("environ", "first"),
    [
        ({"LANGUAGE": "de:en", "LANG": "en_US.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8"}, "de_AT"),
        ({"LC_ALL": "de_CH.utf8@euro", "LANG": "en_GB"}, "de_CH"),
        ({"LANGUAGE": "de", "LC_ALL": "C"}, None),  # gettext ignores LANGUAGE under C
    ],
)
def test_the_language_follows_the_environment(environ: dict[str, str], first: str | None) -> None:
    wanted = wanted_languages(environ)
    assert (wanted[0] if wanted else None) == first
    if first is not None:
        found = translation_file(wanted)
        assert found is not None
        assert found.name == "atrium_de.qm"


def test_the_german_translation_is_complete() -> None:
    tree = ET.parse(TRANSLATIONS_DIR / "atrium_de.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 500
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
    ]
    assert unfinished == []


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    compiled = tmp_path / "atrium_de.qm"
    subprocess.run(
        [str(lrelease), str(TRANSLATIONS_DIR / "atrium_de.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (TRANSLATIONS_DIR / "atrium_de.qm").read_bytes(), (
        "run `make translations` and commit the .qm"
    )
