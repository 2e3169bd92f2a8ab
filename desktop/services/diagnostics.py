"""Diagnostics to paste into a bug report, with every secret scrubbed.

`diagnostics()` gathers the version, the platform, Python's and Qt's versions
(the caller passes Qt's: this module never imports Qt), the profile's folders,
the settings, the keyring backend's name and the last lines of the log file.
Nothing in it reads a secret out of the keyring; `scrub()` then removes what
looks like one (passwords, tokens, Authorization headers, credentials in URLs
and DSNs, API keys, long random-looking strings) and every value the caller
names as secret, so that a secret that leaked into a log line or a setting
does not leak into the report as well.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
import sys
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.config import Paths, Settings
from desktop.core.errors import UserError

LOG_LINES = 200
REDACTED = "[redacted]"
# Setting names whose whole value is secret (a DSN carries its key).
SECRET_SETTINGS = frozenset({"crash.sentry_dsn"})
_SECRET_NAME = (
    r"(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key"
    r"|private[_-]?key|cookie|dsn)"
)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer abc / Proxy-Authorization: Basic xyz (the whole value)
    (re.compile(r"(?i)((?:proxy-)?authorization\s*[:=]\s*)[^\r\n,;]+"), r"\1" + REDACTED),
    # Bearer/Basic tokens wherever they appear
    (re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + REDACTED),
    # scheme://user:password@host (DSNs, proxies, database URLs); also scheme://key@host
    (
        re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)(?:[^/\s:@]+(?::[^/\s@]*)?|:[^/\s@]+)@"),
        r"\1" + REDACTED + "@",
    ),
    # password=..., "token": "...", api_key: ..., secret ... (keys named like secrets)
    (
        re.compile(
            rf"""(?ix)
            (["']?[\w.-]*{_SECRET_NAME}[\w.-]*["']?\s*[:=]\s*)  # the name and the separator
            (?!""|'')(?:"[^"]*"|'[^']*'|[^\s,;&}}\]]+)  # the value, quoted or bare
            """
        ),
        r"\1" + REDACTED,
    ),
    # Well-known key shapes: sk-..., ghp_..., xoxb-..., AKIA..., JWTs
    (
        re.compile(
            r"\b(?:sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}"
            r"|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})"
        ),
        REDACTED,
    ),
    # Anything long, random-looking and mixing letters and digits (hex keys, base64 keys)
    (
        re.compile(r"\b(?=[A-Za-z0-9+_-]*\d)(?=[A-Za-z0-9+_-]*[A-Za-z])[A-Za-z0-9+_-]{32,}=*"),
        REDACTED,
    ),
)


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with the listed secret values and anything that looks like a secret removed."""
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def safe_settings(values: Mapping[str, Any]) -> dict[str, Any]:
    """The settings with the secret ones blanked (whether they are set still shows)."""
    return {
        name: ((REDACTED if value else "") if name in SECRET_SETTINGS else value)
        for name, value in values.items()
    }


def current_log_file(paths: Paths) -> Path:
    """The log file the `desktop` loggers write to now, else the profile's."""
    for handler in logging.getLogger("desktop").handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return paths.log_file


def last_lines(path: Path, count: int = LOG_LINES) -> list[str]:
    """The last `count` lines of a text file; none when it is missing or unreadable."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=count)]
    except OSError:
        return []


def keyring_backend() -> str:
    """The keyring backend's name (never a stored secret)."""
    try:
        from desktop.services.secrets import keyring_status

        status = keyring_status()
    except Exception as exc:  # noqa: BLE001 - a broken keyring is itself a diagnostic
        return f"unavailable ({type(exc).__name__}: {exc})"
    return status.backend + ("" if status.secure else " (not secure)")


def diagnostics(
    paths: Paths,
    *,
    qt_version: str | None = None,
    settings: Mapping[str, Any] | None = None,
    secrets: Iterable[str] = (),
    log_lines: int = LOG_LINES,
) -> str:
    """The report as text, scrubbed; `settings` defaults to the profile's settings file."""
    if settings is None:
        try:
            settings = Settings(paths.settings).as_dict()
        except UserError as exc:
            settings = {"(unreadable)": str(exc)}
    log_file = current_log_file(paths)
    lines = [
        f"Atrium {__version__}",
        f"Platform: {platform.platform()} ({platform.machine()})",
        f"Python: {platform.python_version()} ({sys.executable})",
        f"Qt: {qt_version or 'not loaded'}",
        f"Frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Data folder: {paths.data_dir}",
        f"Log file: {log_file}",
        f"Keyring backend: {keyring_backend()}",
        "",
        "Settings:",
        *(f"  {name} = {value!r}" for name, value in safe_settings(settings).items()),
        "",
        f"Last {log_lines} log lines:",
        *(last_lines(log_file, log_lines) or ["  (the log is empty)"]),
    ]
    listed = list(secrets)
    listed += [str(settings[name]) for name in SECRET_SETTINGS if settings.get(name)]
    return scrub("\n".join(lines), listed) + "\n"
