"""Opening a profile's store: check, migrate, and know who and where we are.

`open_store` is the one way in. It refuses a damaged or foreign file with a
clear message (never overwriting it), upgrades the schema when it is behind,
and on first use gives the device an id and creates the local user.
"""

from __future__ import annotations

import getpass
import logging
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from desktop.core.errors import StoreError
from desktop.core.ids import new_id
from desktop.store import migrate
from desktop.store.engine import damaged_store_error, quick_check, sqlite_engine, writer
from desktop.store.models import AppMeta, User
from desktop.store.uow import (
    CLOCK_KEY,
    NestedUnitOfWork,
    Now,
    UnitOfWork,
    read_session,
    shared_unit_of_work,
    utc_now,
)

log = logging.getLogger("desktop.store")

DEVICE_KEY = "device_id"
USER_KEY = "user_id"


def local_zone_name() -> str:
    """The system's IANA time zone name, UTC when it cannot be told."""
    try:
        import tzlocal

        return tzlocal.get_localzone_name() or "UTC"
    except Exception:  # noqa: BLE001 - any failure to detect means "use UTC"
        return "UTC"


class Store:
    """An open local store: engines, this device and the local user."""

    def __init__(
        self, path: Path, engine: Engine, now: Now, integrity: Future[list[str]] | None = None
    ) -> None:
        self.path = path
        self.engine = engine
        self.write_engine = writer(engine)
        self.now = now
        # A `PRAGMA quick_check` still running: writes wait for it (see `check_integrity`).
        self.integrity = integrity
        self.device_id, self.user_id = self._identity()

    def check_integrity(self) -> None:
        """Wait for a background integrity check; StoreError when the file is damaged."""
        if self.integrity is None:
            return
        problems = self.integrity.result()
        if problems:
            raise damaged_store_error(self.path, problems)

    def unit_of_work(self) -> UnitOfWork:
        """A write transaction; commit explicitly, rollback is the default.

        While a background integrity check runs, a write waits for it, and a
        damaged file is never written to.
        """
        self.check_integrity()
        outer = shared_unit_of_work(self.write_engine)
        if outer is not None:  # joins a transaction this thread shares (a workflow step)
            return NestedUnitOfWork(outer)
        return UnitOfWork(
            self.write_engine, device_id=self.device_id, user_id=self.user_id, now=self.now
        )

    def read(self) -> AbstractContextManager[Session]:
        """A read-only session on a consistent snapshot (inside a shared unit of work on
        this thread: that unit's session, so reads see its writes)."""
        outer = shared_unit_of_work(self.write_engine)
        if outer is not None:
            return nullcontext(outer.s)
        return read_session(self.engine)

    def close(self) -> None:
        """Close every connection; a damaged file (or one not known healthy) is left as it is.

        SQLite's last connection to close copies the write-ahead log into the main file
        (a checkpoint). Into a damaged file that would write new pages beside the broken
        ones, so then a read-only connection holds the file while the engine's
        connections close (none of them is the last), and it closes last itself: a
        read-only connection never checkpoints. The log stays beside the file, where
        the next open (or `sqlite3 .recover`) reads it.
        """
        if self.known_healthy():
            self.engine.dispose()
            return
        keeper = _hold_read_only(self.path)
        try:
            self.engine.dispose()
        finally:
            if keeper is not None:
                keeper.close()

    def known_healthy(self) -> bool:
        """Whether no integrity check is pending or failed (so closing may checkpoint)."""
        if self.integrity is None:
            return True
        if not self.integrity.done() or self.integrity.exception() is not None:
            return False
        return not self.integrity.result()

    def _identity(self) -> tuple[uuid.UUID, uuid.UUID]:
        with self.read() as session:
            meta = dict(session.execute(select(AppMeta.key, AppMeta.value)).all())
        if DEVICE_KEY in meta and USER_KEY in meta:
            return uuid.UUID(meta[DEVICE_KEY]), uuid.UUID(meta[USER_KEY])
        return self._first_use()

    def _first_use(self) -> tuple[uuid.UUID, uuid.UUID]:
        self.check_integrity()  # this writes: never into a damaged file
        device_id, user_id = new_id(), new_id()
        uow = UnitOfWork(self.write_engine, device_id=device_id, user_id=user_id, now=self.now)
        with uow:
            session = uow.s
            # Another process may have won the race for the first use.
            existing = dict(session.execute(select(AppMeta.key, AppMeta.value)).all())
            if DEVICE_KEY in existing and USER_KEY in existing:
                return uuid.UUID(existing[DEVICE_KEY]), uuid.UUID(existing[USER_KEY])
            session.add_all(
                [
                    AppMeta(key=DEVICE_KEY, value=str(device_id)),
                    AppMeta(key=USER_KEY, value=str(user_id)),
                    AppMeta(key=CLOCK_KEY, value="0"),
                ]
            )
            session.flush()
            session.add(
                User(
                    id=user_id,
                    owner_id=user_id,
                    display_name=_login_name(),
                    time_zone=local_zone_name(),
                )
            )
            uow.commit()
        log.info("new profile: device %s, user %s", device_id, user_id)
        return device_id, user_id


def open_store(path: Path, *, now: Now = utc_now, integrity_check: bool | str = False) -> Store:
    """Open (creating or upgrading as needed) the store at `path`.

    `integrity_check=True` runs `PRAGMA quick_check` first and refuses a damaged
    file. `"background"` (the GUI's choice: the check takes about 0.4 s per
    450 MB) runs it on its own connection beside the first reads; writes wait
    for its verdict (`Store.check_integrity`). Before an upgrade the check
    always runs first.
    """
    existing = path.exists() and path.stat().st_size > 0
    if existing and not _looks_like_sqlite(path):
        raise damaged_store_error(path, ["not an SQLite database"])
    revision = migrate.check_revision(path)
    background = integrity_check == "background" and revision == migrate.HEAD_REVISION
    if integrity_check and existing and not background:
        problems = quick_check(path)
        if problems:
            raise damaged_store_error(path, problems)
    integrity = _check_in_background(path) if background and existing else None
    engine = sqlite_engine(path)
    try:
        if revision != migrate.HEAD_REVISION:
            log.info("upgrading %s from %s to %s", path, revision, migrate.HEAD_REVISION)
            migrate.upgrade(engine)
        return Store(path, engine, now, integrity)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise storage_error(path, exc) from exc


def _looks_like_sqlite(path: Path) -> bool:
    """Whether the file starts with SQLite's header (a quick refusal of foreign files)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return True  # let SQLite itself report what is wrong


def _check_in_background(path: Path) -> Future[list[str]]:
    """Run `quick_check` on a thread of its own; the future holds the problems found."""
    future: Future[list[str]] = Future()

    def run() -> None:
        try:
            future.set_result(quick_check(path))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            future.set_exception(exc)

    threading.Thread(target=run, name="atrium-quick-check", daemon=True).start()
    return future


def _hold_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection that has the database open (None when it cannot open it)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        log.warning("cannot hold %s read-only while closing: %s", path, exc)
        return None
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        log.warning("cannot read %s while closing: %s", path, exc)
        connection.close()
        return None
    return connection


def storage_error(path: Path, exc: BaseException) -> StoreError:
    """Turn a low-level SQLite failure into a message a person can act on."""
    text = str(getattr(exc, "orig", exc))
    if "malformed" in text or "not a database" in text:
        return damaged_store_error(path, [text])
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(f"the disk holding {path} is full; free some space and try again")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} is read-only; check its permissions")
    if "locked" in text:
        return StoreError(f"{path} is busy (locked by another program); try again in a moment")
    return StoreError(f"cannot use the database {path}: {text}")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name is not an error
        return "Me"


@contextmanager
def opened(path: Path, **kwargs: object) -> Iterator[Store]:
    """`open_store` as a context manager that closes the engine."""
    store = open_store(path, **kwargs)  # type: ignore[arg-type]
    try:
        yield store
    finally:
        store.close()
