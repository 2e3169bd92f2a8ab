"""Reading the store events (`desktop.store.events`) once each, in order, per device.

The running app keeps a cursor in AppMeta ("workflows.event_cursor"): the id of the
last event it dispatched. `dispatch_pending` reads the events past it, hands each one
a workflow waits for to `dispatch`, and moves the cursor past it only after `dispatch`
returned, so an event is dispatched once also across a restart (a crash in between
dispatches it again, and the workflow run's unique event key keeps that to one run).
Events no enabled workflow of this device waits for move the cursor without work.

The first time (no cursor yet) the cursor starts at the newest event: workflows do
not fire for what happened before the app ever watched.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from desktop.services.base import ServiceContext
from desktop.store import events as store_events
from desktop.store.models import AppMeta, LocalEvent, WorkflowRun

log = logging.getLogger("desktop.services")

CURSOR_KEY = "workflows.event_cursor"
DRAIN_LIMIT = 500
# Events made by a chain this many workflow runs long are not dispatched (a loop guard).
MAX_DEPTH = 3


@dataclass(frozen=True)
class StoreEvent:
    """One thing a write did: `name` ("task.created"), the row's id `ref`, its `data`."""

    id: int
    name: str
    ref: str
    data: dict[str, Any]
    depth: int
    created_at: datetime

    @property
    def noun(self) -> str:
        """What the data describes: "task", "message", "transaction"."""
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        """The trigger event's key: one workflow runs once per key.

        A completion carries its instant, so a task done, reopened and done again
        counts twice; an insert is its row's, the same on every device.
        """
        stamp = self.data.get("completed_at") if self.name == "task.completed" else None
        return f"{self.name}:{self.ref}:{stamp}" if stamp else f"{self.name}:{self.ref}"


@dataclass(frozen=True)
class DispatchReport:
    """What one `dispatch_pending` did."""

    read: int
    dispatched: int
    skipped_loops: int
    cursor: int


Dispatch = Callable[[StoreEvent], object]


class StoreEventService:
    """The events past this device's cursor, and the cursor itself."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def drain(self, after_id: int, limit: int = DRAIN_LIMIT) -> list[StoreEvent]:
        """Up to `limit` events with an id above `after_id`, oldest first."""
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(LocalEvent)
                .where(LocalEvent.id > after_id)
                .order_by(LocalEvent.id)
                .limit(max(1, limit))
            ).all()
            return [_event(row) for row in rows]

    def cursor(self) -> int:
        """The id of the last event dispatched (the newest event's id when there is none)."""
        with self.ctx.store.read() as session:
            stored = session.scalar(select(AppMeta.value).where(AppMeta.key == CURSOR_KEY))
            if stored is not None:
                return int(stored)
            newest = session.scalar(select(func.max(LocalEvent.id)))
        start = int(newest or 0)
        self.advance(start)
        return start

    def advance(self, event_id: int) -> int:
        """Move the cursor forward to `event_id` (never back); the cursor now."""
        with self.ctx.store.unit_of_work() as uow:
            row = uow.s.get(AppMeta, CURSOR_KEY)
            if row is None:
                uow.s.add(AppMeta(key=CURSOR_KEY, value=str(event_id)))
                value = event_id
            else:
                value = max(int(row.value), event_id)
                row.value = str(value)
            uow.commit()
        return value

    def dispatch_pending(
        self,
        dispatch: Dispatch,
        wanted: set[str] | None = None,
        limit: int = DRAIN_LIMIT,
    ) -> DispatchReport:
        """Hand every event past the cursor whose name is in `wanted` (None: all) to
        `dispatch`, oldest first, moving the cursor past each after `dispatch` returns.
        At most `limit` events are read in one call."""
        cursor = self.cursor()
        pending = self.drain(cursor, limit)
        dispatched = loops = 0
        for found in pending:
            if wanted is not None and found.name not in wanted:
                continue
            if found.depth >= MAX_DEPTH:
                log.warning(
                    "not dispatching %s (%s): %d workflow runs in a row led to it",
                    found.name,
                    found.ref,
                    found.depth,
                )
                loops += 1
                continue
            with store_events.chained(found.depth + 1):
                dispatch(found)
            dispatched += 1
            cursor = self.advance(found.id)
        if pending and pending[-1].id > cursor:
            cursor = self.advance(pending[-1].id)
        return DispatchReport(len(pending), dispatched, loops, cursor)

    def prune(self) -> int:
        """Delete the events older than a week (at start-up); how many went."""
        with self.ctx.store.unit_of_work() as uow:
            count = store_events.prune(uow.s, self.ctx.now())
            uow.commit()
        if count:
            log.info("pruned %d old store event(s)", count)
        return count


def known_runs(ctx: ServiceContext, workflow_ids: list[uuid.UUID], key: str) -> set[uuid.UUID]:
    """The runs these workflows already have for the trigger event `key` (an index lookup),
    so that a dispatch can tell the runs it started from earlier ones handed back."""
    with ctx.store.read() as session:
        found = session.scalars(
            select(WorkflowRun.id).where(
                WorkflowRun.workflow_id.in_(workflow_ids), WorkflowRun.event_key == key
            )
        )
        return set(found)


def _event(row: LocalEvent) -> StoreEvent:
    return StoreEvent(
        id=row.id,
        name=row.name,
        ref=row.ref,
        data=dict(row.data or {}),
        depth=row.depth,
        created_at=row.created_at,
    )
