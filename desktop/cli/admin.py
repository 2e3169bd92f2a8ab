"""Administrative commands: demo data, the database file, and `doctor`."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.cli.output import emit_json, say
from desktop.config import Paths

if TYPE_CHECKING:
    from desktop.services.container import Services


class _ProgressLine:
    """A progress reporter for long jobs: a line on stderr when it is a terminal."""

    cancelled = False

    def set_progress(self, done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done * 100 // max(total, 1)}%")
            sys.stderr.flush()


def demo_seed(args: argparse.Namespace, services: Services) -> int:
    from desktop.services.demo import seed_demo

    started = time.perf_counter()
    counts = seed_demo(services.store, args.size, state=_ProgressLine())
    seconds = round(time.perf_counter() - started, 2)
    if sys.stderr.isatty():
        sys.stderr.write("\r")
    if args.json:
        emit_json({"size": args.size, "seconds": seconds, "counts": counts}, services.ctx.zone)
    else:
        made = ", ".join(
            f"{number} {name.replace('_', ' ')}" for name, number in asdict(counts).items()
        )
        say(f"Seeded the {args.size} demo in {seconds} s: {made}.")
    return 0


def db_upgrade(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.store import migrate
    from desktop.store.profile import open_store

    before = migrate.check_revision(paths.database)
    store = open_store(paths.database, integrity_check=True)
    store.close()
    result = {"database": str(paths.database), "from": before, "to": migrate.HEAD_REVISION}
    if args.json:
        emit_json(result, _utc())
    elif before == migrate.HEAD_REVISION:
        say(f"The schema of {paths.database} is up to date ({before}).")
    else:
        say(f"Upgraded {paths.database} from {before or 'nothing'} to {migrate.HEAD_REVISION}.")
    return 0


def db_check(args: argparse.Namespace, paths: Paths) -> int:
    report = _database_report(paths)
    if args.json:
        emit_json(report, _utc())
    elif report["problems"]:
        for problem in report["problems"]:
            sys.stderr.write(f"error: {problem}\n")
    elif not report["database_exists"]:
        say(f"{paths.database}: no database yet; Atrium creates it on first use.")
    else:
        say(f"{paths.database}: integrity ok, schema {report['schema_revision']}.")
    return 1 if report["problems"] else 0


def doctor(args: argparse.Namespace, paths: Paths) -> int:
    from desktop.services.secrets import keyring_status

    if getattr(args, "diagnostics", False):
        from desktop.services.diagnostics import diagnostics

        qt = _qt_report().get("qt")
        sys.stdout.write(diagnostics(paths, qt_version=str(qt) if qt else None))
        return 0

    report: dict[str, Any] = {
        "version": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "data_dir": str(paths.data_dir),
        "log_file": str(paths.log_file),
        "settings_file": str(paths.settings),
        **_database_report(paths),
    }
    keyring = keyring_status()
    report["keyring_backend"] = keyring.backend
    report["keyring_secure"] = keyring.secure
    if not keyring.secure:
        report["warnings"].append(keyring.advice)
    report.update(_qt_report())
    report["time_zone"] = _zone_name(paths)
    if args.json:
        emit_json(report, _utc())
    else:
        for key, value in report.items():
            if key not in ("problems", "warnings"):
                say(f"{key + ':':<18} {value}")
        for warning in report["warnings"]:
            say(f"warning: {warning}")
        for problem in report["problems"]:
            say(f"problem: {problem}")
        if not report["problems"]:
            say("No problems found.")
    return 1 if report["problems"] else 0


def _database_report(paths: Paths) -> dict[str, Any]:
    from desktop.core.errors import StoreError
    from desktop.store import migrate
    from desktop.store.engine import quick_check

    database = paths.database
    report: dict[str, Any] = {"database": str(database), "problems": [], "warnings": []}
    if not database.exists():
        report.update(
            database_exists=False,
            schema_revision=None,
            schema_head=migrate.HEAD_REVISION,
            integrity="no database yet",
        )
        return report
    report["database_exists"] = True
    report["database_bytes"] = database.stat().st_size
    problems = quick_check(database)
    report["integrity"] = "ok" if not problems else "damaged"
    report["problems"].extend(f"the database is damaged: {p}" for p in problems[:5])
    report["schema_head"] = migrate.HEAD_REVISION
    try:
        revision = migrate.check_revision(database)
        report["schema_revision"] = revision
        if revision != migrate.HEAD_REVISION:
            report["warnings"].append(
                f"the schema is at {revision}; it is upgraded on the next start "
                "(or run `atrium db upgrade`)"
            )
    except StoreError as exc:
        report["schema_revision"] = None
        if not problems:
            report["problems"].append(str(exc))
    return report


def _qt_report() -> dict[str, Any]:
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError as exc:
        return {"qt": None, "qt_problem": f"PySide6 cannot be imported: {exc}"}
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
    platform_name = os.environ.get("QT_QPA_PLATFORM") or ("default" if display else "none")
    return {"qt": pyside_version, "qt_platform": platform_name, "display": display or None}


def _zone_name(paths: Paths) -> str | None:
    """TZ when set, else the profile's zone (read without opening the store)."""
    from desktop.services.base import env_zone

    if env_zone():
        return env_zone()
    if not paths.database.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT time_zone FROM users LIMIT 1").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _utc() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("UTC")
