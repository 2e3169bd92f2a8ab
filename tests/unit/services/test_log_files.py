"""Where the log goes and how it rotates: the platform's log folder for the default profile,
DATA_DIR/logs for a chosen one, about 1 MB per file and five old files kept."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from desktop.config import DATA_DIR_ENV, LOG_BACKUPS, LOG_BYTES, Paths, setup_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger("desktop")
    before = list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_a_chosen_data_dir_keeps_its_logs_inside(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "profile").ensure()
    assert paths.log_file == tmp_path / "profile" / "logs" / "atrium.log"
    assert paths.log_dir.is_dir()


def test_the_default_profile_logs_to_the_platform_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    paths = Paths.resolve(None).ensure()
    expected = Path(platformdirs.user_log_dir("Atrium", appauthor=False))
    assert paths.log_dir == expected
    assert str(expected).startswith(str(tmp_path / "state"))  # XDG state dir on Linux
    assert paths.data_dir == tmp_path / "data" / "Atrium"
    assert paths.log_dir.is_dir()


def test_the_log_rotates_at_about_a_megabyte_keeping_five(
    tmp_path: Path, restore_logging: None
) -> None:
    paths = Paths(tmp_path / "profile").ensure()
    setup_logging(paths)
    handlers = [
        h
        for h in logging.getLogger("desktop").handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
        and h.baseFilename == str(paths.log_file)
    ]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (LOG_BYTES, LOG_BACKUPS)
    assert LOG_BYTES == 1_000_000
    assert LOG_BACKUPS == 5
    log = logging.getLogger("desktop.test")
    line = "x" * 1000
    for _ in range(LOG_BYTES * (LOG_BACKUPS + 2) // 1000):
        log.info(line)
    handlers[0].flush()
    files = sorted(p.name for p in paths.log_dir.iterdir())
    assert files == ["atrium.log", *(f"atrium.log.{n}" for n in range(1, LOG_BACKUPS + 1))]
    assert all(p.stat().st_size <= LOG_BYTES for p in paths.log_dir.iterdir())
