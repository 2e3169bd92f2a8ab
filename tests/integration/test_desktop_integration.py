"""Linux desktop integration: the entry and metainfo validate, install/uninstall, autostart.

The validators are the freedesktop tools themselves (desktop-file-utils, appstream;
scripts/setup.sh installs them); the install runs the real `atrium desktop` commands
into a temporary prefix and checks that uninstall leaves exactly nothing behind.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_helpers import REPO, Cli, make_cli

from desktop.services import desktop_entry
from desktop.services.desktop_entry import APP_ID

LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


@pytest.fixture
def cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: run scripts/setup.sh (it installs it)")
    return found


def _entry(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def test_the_desktop_entry_validates_and_has_its_actions() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint
    entry = _entry(DESKTOP)
    main = entry["Desktop Entry"]
    assert main["Icon"] == APP_ID
    assert main["StartupWMClass"] == "Atrium"
    assert main["Actions"].rstrip(";").split(";") == ["new-task", "quick-add"]
    assert entry["Desktop Action new-task"]["Name"] == "New task"
    assert entry["Desktop Action quick-add"]["Exec"] == 'atrium --quick-add ""'


def test_the_metainfo_validates() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_install_then_uninstall_leaves_nothing_behind(cli: Cli, tmp_path: Path) -> None:
    prefix = tmp_path / "share"
    prefix.mkdir()
    (prefix / "applications").mkdir()
    (prefix / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    before = _tree(prefix)

    installed = cli.json("desktop", "install", "--prefix", str(prefix))

    files = _tree(prefix) - before
    assert f"applications/{APP_ID}.desktop" in files
    assert f"metainfo/{APP_ID}.metainfo.xml" in files
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in files
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in files
    assert set(installed["files"]) <= files
    entry = prefix / "applications" / f"{APP_ID}.desktop"
    check = subprocess.run(
        [_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    command = _entry(entry)["Desktop Entry"]["Exec"]
    assert Path(command).name == "atrium"  # this installation's atrium, as an absolute path
    png = prefix / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    assert png.read_bytes().startswith(b"\x89PNG")

    cli.ok("desktop", "install", "--prefix", str(prefix))  # again: replaces, no duplicates
    removed = cli.json("desktop", "uninstall", "--prefix", str(prefix))["removed"]

    assert _tree(prefix) == before  # the user's own entry stays, our folders go
    assert len(removed) == len(installed["files"])
    message = cli.fails("desktop", "uninstall", "--prefix", str(prefix))
    assert "not installed" in message
    assert "--prefix" in message


def test_install_into_a_new_prefix_and_uninstall_removes_the_prefix(
    cli: Cli, tmp_path: Path
) -> None:
    prefix = tmp_path / "new" / "share"
    cli.ok("desktop", "install", "--prefix", str(prefix))
    assert (prefix / "applications" / f"{APP_ID}.desktop").is_file()
    cli.ok("desktop", "uninstall", "--prefix", str(prefix))
    assert not prefix.exists()
    assert (tmp_path / "new").is_dir()  # only what install created goes


def test_install_defaults_to_the_xdg_data_home(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    cli.ok("desktop", "install")
    assert (tmp_path / "xdg" / "applications" / f"{APP_ID}.desktop").is_file()
    cli.ok("desktop", "uninstall")
    assert not (tmp_path / "xdg").exists()


def test_autostart_is_written_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    target = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert not desktop_entry.autostart_enabled()

    profile = tmp_path / "my profile"
    desktop_entry.set_autostart(True, profile)

    assert desktop_entry.autostart_enabled()
    check = subprocess.run(
        [_tool("desktop-file-validate"), str(target)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    command = _entry(target)["Desktop Entry"]["Exec"]
    assert command.endswith(f'--data-dir "{profile}"')  # quoted: the path has a space

    desktop_entry.set_autostart(False)
    assert not target.exists()
    assert desktop_entry.disable_autostart() is False  # removing twice is fine


def test_autostart_of_the_default_profile_has_no_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    default = Path(platformdirs.user_data_dir("Atrium", appauthor=False))
    desktop_entry.set_autostart(True, default)
    text = (tmp_path / "autostart" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "--data-dir" not in text
    desktop_entry.set_autostart(False)


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    assert desktop_entry.exec_quote("plain") == "plain"
    assert desktop_entry.exec_quote("a b") == '"a b"'
    assert desktop_entry.exec_quote('say "hi" $x') == '"say \\"hi\\" \\$x"'
    assert desktop_entry.exec_quote("100%") == "100%%"


def test_doctor_diagnostics_prints_a_scrubbed_report(cli: Cli) -> None:
    from desktop.config import Settings

    Settings(cli.data_dir / "settings.json").set("crash.sentry_dsn", "https://k3y0123456@s.io/1")
    out = cli.ok("doctor", "--diagnostics").out
    assert out.startswith("Atrium ")
    assert f"Data folder: {cli.data_dir}" in out
    assert "Keyring backend:" in out
    assert "Last 200 log lines:" in out
    assert "k3y0123456" not in out
