"""Profile paths and typed, versioned settings.

A profile is one directory holding the SQLite store, the settings file and the
logs. `--data-dir DIR` (or ``ATRIUM_DATA_DIR``) picks one; otherwise the
platform's user data directory is used. Settings are declared once here (name,
type, default, description) and carried forward by numbered migration steps;
nothing else reads or writes the settings file. Secrets never live here: they
go to the OS keyring.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError

APP_NAME = "Atrium"
DATA_DIR_ENV = "ATRIUM_DATA_DIR"
DATABASE_FILE = "atrium.sqlite3"
SETTINGS_FILE = "settings.json"


def bundle_root() -> Path:
    """Where resources/ and migrations/ live: the checkout, or the PyInstaller bundle when frozen.

    A frozen app (``sys.frozen``) unpacks its data files into ``sys._MEIPASS``: the one-folder
    build's ``_internal/`` or the one-file build's temporary folder (packaging/atrium.spec).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle).resolve()
    return Path(__file__).resolve().parents[1]


# Icons and other files the app shows, kept beside the package (bundled by the build).
RESOURCES_DIR = bundle_root() / "resources"
APP_ICON = RESOURCES_DIR / "icons" / "atrium.svg"


@dataclass(frozen=True)
class Paths:
    """Where one profile keeps its files."""

    data_dir: Path
    # Where the logs go; None keeps them in the profile (DATA_DIR/logs). The default profile
    # logs to the platform's log (state) directory.
    logs: Path | None = None
    # Where settings.json lives; None keeps it in the profile. The default profile keeps it in
    # the platform's config directory (a profile chosen with --data-dir is self-contained).
    config: Path | None = None

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def settings(self) -> Path:
        return (self.config if self.config is not None else self.data_dir) / SETTINGS_FILE

    @property
    def log_dir(self) -> Path:
        return self.logs if self.logs is not None else self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "atrium.log"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """The profile named by the argument, the environment or the platform."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        import platformdirs

        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    def ensure(self) -> Paths:
        """Create the profile directory (private to the user) if it is missing."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.config is not None:
                self.config.mkdir(parents=True, exist_ok=True, mode=0o700)
                older = self.data_dir / SETTINGS_FILE  # where earlier versions kept it
                if older.exists() and not self.settings.exists():
                    older.replace(self.settings)
        except OSError as exc:
            raise UserError(
                f"cannot create the data directory {self.data_dir}: {exc.strerror}; "
                "choose another one with --data-dir"
            ) from None
        return self


@dataclass(frozen=True)
class Setting:
    """One declared setting."""

    name: str
    kind: type
    default: Any
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("appearance.theme", str, "system", "Colour scheme: system, light or dark."),
    Setting("window.last_pane", str, "today", "The pane shown when Atrium starts."),
    Setting("window.geometry", str, "", "Where the main window was and how big (saved on quit)."),
    Setting(
        "window.close_to_tray", bool, False, "Keep running in the tray when the window closes."
    ),
    Setting("notifications.enabled", bool, True, "Show reminders as notifications."),
    Setting("work.hours", str, "09:00-17:00", "Working hours used to find free time."),
    Setting("log.level", str, "INFO", "Level of the log file: DEBUG, INFO or WARNING."),
    Setting("sync.server", str, "", "The sync server's address (set when logging in)."),
    Setting("voice.wake_phrase", str, "hey atrium", "The phrase that wakes voice commands."),
    Setting("agents.provider", str, "offline", "Agents' model: offline, openai, anthropic, local."),
    Setting("agents.model", str, "", "The model agents use (empty: the provider's default)."),
    Setting(
        "agents.base_url",
        str,
        "http://127.0.0.1:11434/v1",
        "The OpenAI-compatible server of the 'local' provider (Ollama, llama.cpp, LM Studio).",
    ),
    Setting("agents.approve_writes", bool, False, "Ask before an agent's changes (else undoable)."),
    Setting("agents.max_steps", int, 8, "Most tool calls an agent makes in one run."),
    Setting("agents.timeout_seconds", int, 60, "How long to wait for a model's answer."),
    Setting("first_run.done", bool, False, "Whether the welcome was completed or skipped."),
    Setting("work.days", str, "mon-fri", "Working days used to find free time, e.g. mon-fri."),
    Setting("schedule.buffer_minutes", int, 10, "Minutes kept free before and after every event."),
    Setting(
        "schedule.focus_block_minutes",
        int,
        90,
        "Longest focus block auto-scheduling makes; longer tasks are split.",
    ),
    Setting("schedule.min_block_minutes", int, 25, "Shortest focus block auto-scheduling makes."),
    Setting("system.autostart", bool, False, "Start Atrium when you log in (XDG autostart)."),
    Setting(
        "calendar.colours",
        dict,
        {},
        "Each calendar's colour (#rrggbb by calendar name), kept as calendars appear or picked.",
    ),
    Setting("bills.days_ahead", int, 7, "Bills due within this many days become tasks."),
    Setting(
        "bills.reminder_minutes",
        int,
        1440,
        "A bill's task reminds this many minutes before its day's 09:00 (1440: the day before).",
    ),
    Setting(
        "crash.sentry_dsn",
        str,
        "",
        "Opt-in: a Sentry DSN that receives crash reports (scrubbed); empty sends nothing.",
    ),
)
SETTINGS_VERSION = 1
_BY_NAME = {setting.name: setting for setting in SETTINGS}

# Steps that carry an older settings document forward: version -> function.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class Settings:
    """The profile's settings file, read once and written atomically."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self.path = path
        self._values: dict[str, Any] = {}
        self._load()

    def get(self, name: str) -> Any:
        setting = _declared(name)
        return self._values.get(name, setting.default)

    def set(self, name: str, value: Any) -> None:
        setting = _declared(name)
        if not isinstance(value, setting.kind):
            raise UserError(f"setting {name} takes a {setting.kind.__name__}, not {value!r}")
        self._reread()  # another part of the app (or process) may have saved since
        self._values[name] = value
        self._save()

    def _reread(self) -> None:
        """Take in what is on disk now (a bad file is left to `_save` to replace)."""
        try:
            self._load()
        except UserError:
            pass

    def as_dict(self) -> dict[str, Any]:
        return {s.name: self._values.get(s.name, s.default) for s in SETTINGS}

    def _load(self) -> None:
        if not self._path.exists():
            return
        try:
            document = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(
                f"the settings file {self._path} cannot be read ({exc}); "
                "fix it or move it away to start with default settings"
            ) from None
        if not isinstance(document, dict):
            raise UserError(f"the settings file {self._path} is not a JSON object; move it away")
        version = int(document.get("version", 1))
        if version > SETTINGS_VERSION:
            raise UserError(
                f"the settings file {self._path} was written by a newer Atrium; update Atrium"
            )
        values = dict(document.get("values", {}))
        for step in range(version, SETTINGS_VERSION):
            values = _MIGRATIONS[step](values)
        self._values = {k: v for k, v in values.items() if k in _BY_NAME}

    def _save(self) -> None:
        document = {"version": SETTINGS_VERSION, "values": self._values}
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=self._path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(document, handle, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise UserError(f"cannot save settings to {self._path}: {exc.strerror}") from None


def _declared(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UserError(f"there is no setting named {name}") from None


LOG_BYTES = 1_000_000  # one log file grows to about 1 MB, then rotates
LOG_BACKUPS = 5  # atrium.log.1 .. atrium.log.5 are kept


def setup_logging(paths: Paths) -> None:
    """Send the `desktop` loggers to the profile's rotating log file (once per profile)."""
    root = logging.getLogger("desktop")
    target = str(paths.log_file)
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if old.baseFilename == target:
            return
        root.removeHandler(old)
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
