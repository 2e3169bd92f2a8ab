"""Loading the user interface's translation for the user's language at start-up.

The .ts sources and the compiled .qm files live in resources/translations
(`make translations` refreshes them with pyside6-lupdate and pyside6-lrelease).
The language comes from LANGUAGE (a colon-separated list, as gettext reads it),
then LC_ALL, LC_MESSAGES and LANG, then the system locale; English, the
language of the source, needs no file. Qt's own strings (standard buttons) are
translated too when Qt ships the language.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config import RESOURCES_DIR

log = logging.getLogger("desktop.ui")

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = "en"


class ContextFreeTranslator(QTranslator):
    """A QTranslator that falls back to the empty context.

    Module-level helpers (``_tr(text)`` calling ``QCoreApplication.translate("panes", text)``)
    hide their context from lupdate, which files their strings under the empty context
    (the Makefile passes ``-tr-function-alias tr+=_tr``); this finds them there.
    """

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # None becomes a null QString: "not here, ask the next translator". An empty
        # string would be taken as the translation and blank the text.
        return found or None  # type: ignore[return-value]


def wanted_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The user's languages, most wanted first, as Qt locale names (de_DE, de, pt_BR)."""
    env = os.environ if environ is None else environ
    names: list[str] = []
    locale = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    if env.get("LANGUAGE") and locale not in ("C", "POSIX"):
        names += env["LANGUAGE"].split(":")
    if locale:
        names.append(locale)
    if not names:
        names += QLocale.system().uiLanguages()
    wanted: list[str] = []
    for name in names:
        code = name.split(".")[0].split("@")[0].replace("-", "_")
        if not code or code in ("C", "POSIX"):
            continue
        for candidate in (code, code.split("_")[0]):
            if candidate not in wanted:
                wanted.append(candidate)
    return wanted


def translation_file(languages: list[str], folder: Path = TRANSLATIONS_DIR) -> Path | None:
    """The first .qm file for the wanted languages, before English wins; None for English."""
    for language in languages:
        if language.split("_")[0] == SOURCE_LANGUAGE:
            return None
        candidate = folder / f"atrium_{language}.qm"
        if candidate.is_file():
            return candidate
    return None


def load_translations(
    app: QApplication, environ: Mapping[str, str] | None = None
) -> list[QTranslator]:
    """Install the translators for the user's language; those installed (none for English)."""
    found = translation_file(wanted_languages(environ))
    if found is None:
        return []
    translator = ContextFreeTranslator(app)
    if not translator.load(str(found)):
        log.warning("the translation %s cannot be loaded", found)
        return []
    app.installTranslator(translator)
    installed: list[QTranslator] = [translator]
    language = found.stem.removeprefix("atrium_")
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    log.info("user interface language: %s (%s)", language, found.name)
    return installed
