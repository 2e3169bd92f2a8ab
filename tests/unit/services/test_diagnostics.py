"""Diagnostics for bug reports: complete enough to help, and never carrying a secret.

A real keyring (keyrings.alt's plaintext file backend, in a temporary file) holds a
planted token, the settings hold a Sentry DSN and a server URL with a password,
and the log file holds lines that leaked them; the report must hold none of them
and still show the useful lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from desktop import __version__
from desktop.config import Paths, Settings, setup_logging
from desktop.services.diagnostics import REDACTED, diagnostics, scrub
from desktop.services.secrets import load_secret, store_secret

TOKEN = "ghp_Zq8xKd02LmNpQrStUvWx9yAbCdEfGhIj1234"  # shaped like a GitHub token
PASSWORD = "correct-horse-battery"
DSN = "https://5f0e1d2c3b4a@o4501.ingest.sentry.io/4505"
SERVER_PASSWORD = "s3rverPa55"
OPAQUE = "plum-tulip-velvet"  # no shape at all: only the caller knows it is secret


@pytest.fixture
def plaintext_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")  # type: ignore[misc]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Paths]:
    paths = Paths(tmp_path / "profile").ensure()
    setup_logging(paths)
    yield paths
    root = logging.getLogger("desktop")
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler) and str(tmp_path) in handler.baseFilename:
            root.removeHandler(handler)
            handler.close()


def _flush() -> None:
    for handler in logging.getLogger("desktop").handlers:
        handler.flush()


def test_the_report_holds_no_secret_from_the_keyring_the_settings_or_the_log(
    plaintext_keyring: PlaintextKeyring, profile: Paths
) -> None:
    store_secret("github.token", TOKEN, allow_insecure=True)
    store_secret("imap.password", PASSWORD, allow_insecure=True)
    assert load_secret("github.token") == TOKEN  # really planted
    settings = Settings(profile.settings)
    settings.set("crash.sentry_dsn", DSN)
    settings.set("sync.server", f"https://alice:{SERVER_PASSWORD}@sync.example.org/db")
    log = logging.getLogger("desktop.integrations.test")
    log.info("synced 3 tasks from the server")
    log.info("GET /user with headers {'Authorization': 'token %s'}", TOKEN)
    log.info("logging in with password=%s", PASSWORD)
    log.info('config {"api_key": "sk-proj-AbCdEfGhIjKlMnOpQrSt123456"}')
    log.warning("cannot reach postgresql://bob:%s@db.example.org/atrium", SERVER_PASSWORD)
    log.info("sentry dsn %s", DSN)
    log.info("the passphrase is %s", OPAQUE)
    _flush()

    report = diagnostics(profile, qt_version="6.11.0", secrets=[OPAQUE])

    for secret in (TOKEN, PASSWORD, DSN, SERVER_PASSWORD, OPAQUE, "5f0e1d2c3b4a", "sk-proj"):
        assert secret not in report, secret
    assert f"Atrium {__version__}" in report
    assert "Qt: 6.11.0" in report
    assert "keyrings.alt.file.PlaintextKeyring (not secure)" in report
    assert str(profile.data_dir) in report
    assert "synced 3 tasks from the server" in report  # the useful lines stay
    assert "https://[redacted]@sync.example.org/db" in report
    assert re.search(r"crash\.sentry_dsn = '?\[redacted\]", report)  # set, but not shown
    assert "appearance.theme = 'system'" in report


def test_only_the_last_lines_of_the_log_are_kept(profile: Paths) -> None:
    log = logging.getLogger("desktop.test")
    for number in range(250):
        log.info("line number %d", number)
    _flush()
    report = diagnostics(profile, log_lines=200)
    assert "line number 249" in report
    assert "line number 50\n" in report
    assert "line number 49\n" not in report


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Authorization: Basic dXNlcjpwYXNz", "Authorization: "),
        ("proxy-authorization=Bearer abc.def.ghi", "proxy-authorization="),
        ("token=abc123", "token="),
        ('{"client_secret": "xyz"}', '{"client_secret": '),
        ("redis://:hunter2@cache:6379/0", "redis://"),
        ("key AKIAIOSFODNN7EXAMPLE in use", "key "),
        ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpM", "jwt "),
        ("hex 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "hex "),
    ],
)
def test_scrub_removes_what_looks_like_a_secret(text: str, kept: str) -> None:
    cleaned = scrub(text)
    assert REDACTED in cleaned
    assert cleaned.startswith(kept)
    secret_part = text[len(kept) :]
    assert secret_part not in cleaned


def test_scrub_keeps_ordinary_text() -> None:
    text = "2026-03-04 10:00:00 INFO desktop.app: opened /tmp/profile-1/atrium.sqlite3 in 0.2 s"
    assert scrub(text) == text
