"""Where a profile's files live: the default profile follows the platform, --data-dir is whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.config import SETTINGS_FILE, Paths, Settings


def test_a_chosen_profile_keeps_everything_together(tmp_path: Path) -> None:
    paths = Paths.resolve(str(tmp_path / "profile")).ensure()
    assert paths.settings == tmp_path / "profile" / SETTINGS_FILE
    assert paths.log_dir == tmp_path / "profile" / "logs"


def test_the_default_profile_follows_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ATRIUM_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    paths = Paths.resolve().ensure()
    assert paths.database.is_relative_to(tmp_path / "data")
    assert paths.settings.is_relative_to(tmp_path / "config")
    assert paths.log_dir.is_relative_to(tmp_path / "state")


def test_settings_of_an_earlier_version_move_to_the_config_directory(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    data.mkdir()
    Settings(data / SETTINGS_FILE).set("work.hours", "08:00-16:00")
    paths = Paths(data, tmp_path / "logs", config).ensure()
    assert not (data / SETTINGS_FILE).exists()
    assert Settings(paths.settings).get("work.hours") == "08:00-16:00"
    # Once moved, a second start changes nothing.
    assert Paths(data, tmp_path / "logs", config).ensure().settings == config / SETTINGS_FILE
