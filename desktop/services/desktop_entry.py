"""The Linux desktop's view of Atrium: its application id, its command line and autostart.

"Start with the system" writes an XDG autostart entry,
``$XDG_CONFIG_HOME/autostart/io.github.atrium.Atrium.desktop``, and removes it
again; the desktop session starts every entry there when the user logs in. The
entry runs the same `atrium` that runs now (the frozen executable, the venv's
script, or the one on PATH) on the same profile. No Qt here: the Preferences
dialog and the `atrium desktop` commands both call it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from desktop.config import APP_NAME
from desktop.core.errors import UserError

APP_ID = "io.github.atrium.Atrium"
DESKTOP_FILE = f"{APP_ID}.desktop"
# Characters the Desktop Entry spec wants quoted inside an Exec argument.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def xdg_config_home() -> Path:
    """Where the desktop keeps per-user configuration (autostart lives below it)."""
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".config"


def xdg_data_home() -> Path:
    """Where the desktop looks for per-user applications, icons and metainfo."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def autostart_file() -> Path:
    return xdg_config_home() / "autostart" / DESKTOP_FILE


def atrium_command() -> str:
    """The program that starts this Atrium: frozen executable, the venv's script, or PATH's."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve())
    beside = Path(sys.executable).parent / "atrium"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("atrium") or "atrium"


def exec_quote(argument: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry spec asks."""
    if argument and not _RESERVED.intersection(argument):
        return argument.replace("%", "%%")
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + escaped.replace("%", "%%") + '"'


def exec_line(arguments: list[str]) -> str:
    return " ".join(exec_quote(a) for a in [atrium_command(), *arguments])


def autostart_entry(data_dir: Path | None = None) -> str:
    """The text of the autostart entry (the profile in `data_dir`, or the default one)."""
    arguments = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Atrium",
            "Comment=Start Atrium when you log in",
            f"Exec={exec_line(arguments)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "# Written by Atrium (Preferences > Appearance > Start with the system).",
            "",
        ]
    )


def autostart_enabled() -> bool:
    return autostart_file().is_file()


def enable_autostart(data_dir: Path | None = None) -> Path:
    """Write the autostart entry; returns where it went."""
    target = autostart_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(autostart_entry(data_dir), encoding="utf-8")
    except OSError as exc:
        raise UserError(
            f"cannot write the autostart entry {target}: {exc.strerror}; "
            "check that the folder is writable"
        ) from None
    return target


def disable_autostart() -> bool:
    """Remove the autostart entry; whether there was one."""
    target = autostart_file()
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise UserError(f"cannot remove the autostart entry {target}: {exc.strerror}") from None
    return True


def set_autostart(enabled: bool, data_dir: Path | None = None) -> None:
    """Make the autostart entry match the `system.autostart` setting for the profile in
    `data_dir` (the default profile is started without --data-dir)."""
    if not enabled:
        disable_autostart()
        return
    import platformdirs

    default = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)).resolve()
    chosen = data_dir.resolve() if data_dir is not None else None
    enable_autostart(None if chosen in (None, default) else chosen)
