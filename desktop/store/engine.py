"""The SQLite engine: pragmas, explicit transactions, integrity checks.

WAL mode with ``synchronous=FULL`` (a committed write survives power loss),
foreign keys on, a busy timeout so that the GUI, the CLI and the sync worker
can share one file. pysqlite's own transaction handling is switched off and
SQLAlchemy's "begin" event issues ``BEGIN`` (readers) or ``BEGIN IMMEDIATE``
(writers, which then never fail half-way with SQLITE_BUSY on upgrade).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from desktop.core.errors import StoreError

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "atrium_write"

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32000",
)


def sqlite_engine(path: Path) -> Engine:
    """An engine on the SQLite file at `path` (created if missing)."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            for pragma in _PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (and pool) whose transactions take the write lock at BEGIN."""
    return engine.execution_options(**{WRITE_OPTION: True})


def quick_check(path: Path) -> list[str]:
    """Problems `PRAGMA quick_check` finds in the file (empty when healthy).

    A file that is not a database at all is reported, never overwritten.
    """
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        connection.close()
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def damaged_store_error(path: Path, problems: list[str]) -> StoreError:
    """The message shown for a damaged database file."""
    detail = "; ".join(problems[:3])
    return StoreError(
        f"the database {path} is damaged ({detail}). Atrium has not changed it. "
        "Restore it from a backup, or move it away to start a new, empty profile "
        "(`sqlite3 FILE .recover` can often rescue its rows)"
    )
