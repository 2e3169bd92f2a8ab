"""The machinery of one demo seeding run: sizes and counts, chunked inserting, progress,
cancellation, and the clock and random helpers every kind of demo row uses.

`SeederBase` is extended by the row makers (`demo_tasks_calendar`,
`demo_inbox_finance`, `demo_notes_automation`); `demo.seed_demo` runs them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Table, select

from desktop.core.errors import UserError
from desktop.services import demo_data as words
from desktop.services.base import zone_or_none
from desktop.services.demo_writer import BulkWriter, Row, table_of
from desktop.store.models import Base, User
from desktop.store.uow import UnitOfWork

CHUNK = 5_000
CURRENCY = "EUR"


class SeedState(Protocol):
    """What a long job's state object offers: progress out, cancellation in."""

    @property
    def cancelled(self) -> bool: ...

    def set_progress(self, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class DemoSize:
    """How much of everything one size makes, and over which stretch of time."""

    tasks: int
    events: int
    messages: int
    transactions: int
    notes: int
    projects: int
    workflows: int
    agent_logs: int
    event_days: tuple[int, int]  # days into the past, days into the future
    message_days: int
    finance_months: int
    task_days: int


SIZES = {
    "small": DemoSize(200, 60, 150, 400, 30, 4, 5, 20, (14, 28), 21, 6, 60),
    "large": DemoSize(
        100_000, 20_000, 50_000, 100_000, 5_000, 40, 25, 2_000, (540, 180), 365, 36, 365
    ),
}


@dataclass(frozen=True)
class DemoCounts:
    """How many rows of each entity one seeding added."""

    projects: int = 0
    integrations: int = 0
    accounts: int = 0
    tasks: int = 0
    events: int = 0
    attendees: int = 0
    messages: int = 0
    transactions: int = 0
    budgets: int = 0
    notes: int = 0
    note_links: int = 0
    workflows: int = 0
    workflow_runs: int = 0
    voice_commands: int = 0
    agent_logs: int = 0

    @property
    def total(self) -> int:
        return sum(int(getattr(self, f.name)) for f in fields(self))


# Table name -> DemoCounts field.
COUNT_FIELDS = {
    "dev_projects": "projects",
    "integrations": "integrations",
    "accounts": "accounts",
    "tasks": "tasks",
    "calendar_events": "events",
    "attendees": "attendees",
    "messages": "messages",
    "transactions": "transactions",
    "budgets": "budgets",
    "notes": "notes",
    "note_links": "note_links",
    "workflows": "workflows",
    "workflow_runs": "workflow_runs",
    "voice_commands": "voice_commands",
    "agent_logs": "agent_logs",
}


class SeederBase:
    """One seeding run: the random source, the user's clock and zone, the ids made."""

    def __init__(
        self, uow: UnitOfWork, size: DemoSize, rng: random.Random, state: SeedState | None
    ) -> None:
        self.uow, self.size, self.rng, self.state = uow, size, rng, state
        self.now = uow.now()
        zone_name, email = uow.s.execute(
            select(User.time_zone, User.email).where(User.id == uow.user_id)
        ).one_or_none() or (None, None)
        self.zone = zone_or_none(zone_name) or ZoneInfo("UTC")
        self.zone_name = str(self.zone.key)
        self.email = email or "me@example.com"
        self.today = self.now.astimezone(self.zone).date()
        self.done = 0
        self.total = (
            size.projects
            + len(words.INTEGRATIONS)
            + len(words.ACCOUNTS)
            + size.tasks
            + size.events
            + size.messages
            + size.transactions
            + 2 * len(words.BUDGETS)
            + size.notes
            + size.workflows
            + len(words.VOICE_COMMANDS)
            + size.agent_logs
        )
        self.counts = dict.fromkeys(COUNT_FIELDS.values(), 0)
        self.writers: dict[str, BulkWriter] = {}
        self.pending: list[tuple[Table, Row]] = []  # dependent rows, inserted after a chunk
        self.projects: list[uuid.UUID] = []
        self.integrations: dict[str, uuid.UUID] = {}
        self.accounts: list[uuid.UUID] = []
        self.link_targets: dict[str, list[uuid.UUID]] = {"task": [], "event": [], "note": []}

    def _insert(self, model: type[Base], rows: Iterable[Row]) -> None:
        table, chunk = table_of(model), []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= CHUNK:
                self._flush(table, chunk)
                chunk = []
        self._flush(table, chunk)

    def _flush(self, table: Table, chunk: list[Row]) -> None:
        self._check_cancelled()
        self._execute(table, chunk)
        self.done += len(chunk)
        dependent: dict[str, tuple[Table, list[Row]]] = {}
        for other, row in self.pending:
            dependent.setdefault(other.name, (other, []))[1].append(row)
        self.pending = []
        for other, rows in dependent.values():
            for start in range(0, len(rows), CHUNK):
                self._execute(other, rows[start : start + CHUNK])
        self._report(min(self.done, self.total))

    def _execute(self, table: Table, rows: list[Row]) -> None:
        if not rows:
            return
        writer = self.writers.get(table.name)
        if writer is None:
            writer = self.writers[table.name] = BulkWriter(table, self.uow.s.get_bind().dialect)
        writer.write(self.uow.s.connection(), rows)
        self.counts[COUNT_FIELDS[table.name]] += len(rows)

    def _check_cancelled(self) -> None:
        if getattr(self.state, "cancelled", False):
            raise UserError("demo seeding was cancelled")

    def _report(self, done: int) -> None:
        if self.state is not None:
            self.state.set_progress(done, self.total)

    def _stamp(self, values: Row, at: datetime | None = None) -> Row:
        return self.uow.stamp_insert(values, min(at, self.now) if at else None)

    def _later(self, model: type[Base], values: Row, at: datetime | None = None) -> None:
        self.pending.append((table_of(model), self._stamp(values, at)))

    # -- time helpers ----------------------------------------------------------------------

    def _local(self, day: date, hour: int, minute: int = 0) -> datetime:
        """The UTC instant of a wall-clock time on `day` in the user's zone."""
        return datetime.combine(day, time(hour, minute), tzinfo=self.zone).astimezone(UTC)

    def _past(self, days: int) -> datetime:
        """A random instant in the last `days` days."""
        return self.now - timedelta(seconds=self.rng.randrange(60, max(days, 1) * 86_400))

    def _between(self, start: datetime, end: datetime) -> datetime:
        span = max(int((end - start).total_seconds()), 1)
        return start + timedelta(seconds=self.rng.randrange(span))
