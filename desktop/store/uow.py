"""The unit of work: one SQLite write transaction that stamps every synced row.

``with store.unit_of_work() as uow: ...; uow.commit()`` — rollback is the
default. Inside, every new or changed synced row gets its sync columns
(SYNC.md "Rows") at flush time: a fresh HLC for the row and for each changed
column, this device as `origin`, the owner, and the instants. The device's
clock is read and saved inside the same transaction (which holds SQLite's
write lock from BEGIN IMMEDIATE), so HLCs stay strictly increasing even when
the GUI, the CLI and the sync worker write to one file at once. Bulk paths
that insert with SQLAlchemy Core call `stamp_insert` on their row dicts.
While change sets are collected (`desktop.store.changeset.collecting`), the
unit of work records what its commit does to rows, so that it can be undone.
It also records the store events its writes make (`desktop.store.events`),
in the same transaction, for the workflow triggers.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event, inspect, select, update
from sqlalchemy.orm import Session

from desktop.core.hlc import HybridClock
from desktop.store.changeset import ChangeRecorder, ChangeSet
from desktop.store.events import EventCapture
from desktop.store.models import SYNC_COLUMNS, AppMeta, Synced

CLOCK_KEY = "hlc"

Now = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """One write transaction over the local store."""

    def __init__(
        self, write_engine: Engine, *, device_id: uuid.UUID, user_id: uuid.UUID, now: Now
    ) -> None:
        self._engine = write_engine
        self.device_id = device_id
        self.user_id = user_id
        self._now = now
        self.session: Session | None = None
        self.clock = HybridClock(physical=lambda: int(self._now().timestamp() * 1000))
        self._committed = False
        self.recorder: ChangeRecorder | None = None
        self.changeset: ChangeSet | None = None  # what the commit did, when recorded
        self.events: EventCapture | None = None  # store events for workflow triggers

    def __enter__(self) -> UnitOfWork:
        self.session = Session(self._engine, expire_on_commit=False, autoflush=True)
        event.listen(self.session, "before_flush", self._before_flush)
        self.recorder = ChangeRecorder.start(self.session)
        self.events = EventCapture.start(self.session, self._now())
        stored = self.session.scalar(select(AppMeta.value).where(AppMeta.key == CLOCK_KEY))
        self.clock.last = int(stored) if stored else 0
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.session is not None
        if not self._committed:
            self.session.rollback()
        self.session.close()

    @property
    def s(self) -> Session:
        """The session of this unit of work (only valid inside ``with``)."""
        if self.session is None:
            raise RuntimeError("the unit of work is not open")
        return self.session

    def now(self) -> datetime:
        return self._now()

    def commit(self) -> None:
        """Flush, save the device clock and commit: all or nothing."""
        session = self.s
        session.flush()
        if self.recorder is not None:
            self.changeset = self.recorder.finish(session)
        session.execute(
            update(AppMeta).where(AppMeta.key == CLOCK_KEY).values(value=str(self.clock.last))
        )
        session.commit()
        self._committed = True

    @contextmanager
    def shared(self) -> Iterator[UnitOfWork]:
        """While inside, the units of work and reads this thread opens on the same store
        join this transaction (a SAVEPOINT each) instead of starting their own, so that
        several services' writes commit (or roll back) as one; see `NestedUnitOfWork`."""
        previous = getattr(_SHARED, "outer", None)
        _SHARED.outer = self
        try:
            yield self
        finally:
            _SHARED.outer = previous

    def tombstone(self, row: Synced) -> None:
        """Delete a synced row the sync way: keep it, marked with the delete's HLC."""
        row.deleted_hlc = self.clock.tick()

    def stamp_insert(self, values: dict[str, Any], now: datetime | None = None) -> dict[str, Any]:
        """Fill the sync columns of a row dict about to be inserted with Core."""
        hlc = self.clock.tick()
        if self.recorder is not None:
            self.recorder.stamped += 1
        moment = now or self._now()
        values.setdefault("owner_id", self.user_id)
        values["hlc"] = hlc
        values["origin"] = self.device_id
        values["deleted_hlc"] = None
        values["created_at"] = moment
        values["updated_at"] = moment
        values["field_hlc"] = {key: hlc for key in values if key not in SYNC_COLUMNS}
        return values

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        moment = self._now()
        for row in session.new:
            if isinstance(row, Synced):
                self._stamp_new(row, moment)
        for row in session.dirty:
            if isinstance(row, Synced) and session.is_modified(row, include_collections=False):
                self._stamp_changed(row, moment)

    def _stamp_new(self, row: Synced, moment: datetime) -> None:
        hlc = self.clock.tick()
        if row.id is None:
            from desktop.core.ids import new_id

            row.id = new_id()
        if row.owner_id is None:
            row.owner_id = self.user_id
        row.hlc = hlc
        row.origin = self.device_id
        row.created_at = row.created_at or moment
        row.updated_at = moment
        mapper = inspect(type(row))
        row.field_hlc = {
            attr.key: hlc for attr in mapper.column_attrs if attr.key not in SYNC_COLUMNS
        }

    def _stamp_changed(self, row: Synced, moment: datetime) -> None:
        state = inspect(row)
        changed = [
            attr.key
            for attr in state.attrs
            if attr.key not in SYNC_COLUMNS and attr.history.has_changes()
        ]
        deleted_changed = state.attrs.deleted_hlc.history.has_changes()
        if not changed and not deleted_changed:
            return
        hlc = row.deleted_hlc if deleted_changed and row.deleted_hlc else self.clock.tick()
        row.hlc = hlc
        row.origin = self.device_id
        row.updated_at = moment
        if changed:
            row.field_hlc = {**(row.field_hlc or {}), **dict.fromkeys(changed, hlc)}


_SHARED = threading.local()


def shared_unit_of_work(write_engine: Engine) -> UnitOfWork | None:
    """The open unit of work this thread shares (`UnitOfWork.shared`) on that engine, if any."""
    outer: UnitOfWork | None = getattr(_SHARED, "outer", None)
    if outer is None or outer._engine is not write_engine or outer.session is None:
        return None
    return outer


class NestedUnitOfWork(UnitOfWork):
    """A unit of work inside a shared one: a SAVEPOINT in the outer transaction.

    Its `commit` releases the savepoint (the outer commit makes it durable); leaving
    without `commit` rolls back only its own writes.
    """

    def __init__(self, outer: UnitOfWork) -> None:
        super().__init__(
            outer._engine, device_id=outer.device_id, user_id=outer.user_id, now=outer._now
        )
        self.outer = outer
        self.clock = outer.clock
        self._savepoint: Any = None

    def __enter__(self) -> UnitOfWork:
        self.session = self.outer.s
        self._savepoint = self.session.begin_nested()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._committed and self._savepoint.is_active:
            self._savepoint.rollback()

    def commit(self) -> None:
        self.s.flush()
        self._savepoint.commit()
        self._committed = True


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A read-only session (a consistent WAL snapshot); flushing in it is a bug."""
    session = Session(engine, autoflush=False, expire_on_commit=False)

    def _refuse(*_args: Any) -> None:
        if session.new or session.dirty or session.deleted:
            raise RuntimeError("writes must go through a unit of work")

    event.listen(session, "before_flush", _refuse)
    try:
        yield session
    finally:
        # close() ends the transaction without expiring what was loaded, so the
        # rows stay readable after the block (rollback() would expire them).
        session.close()
