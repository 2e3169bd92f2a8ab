"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli, make_cli


@pytest.fixture
def cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Cli:
    """A profile with a database, TZ=Europe/Berlin, and `atrium` run in this process."""
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory)
