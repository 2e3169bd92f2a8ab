"""Store events: what a write did, recorded in the same transaction as the write.

Workflow triggers wait for "a task was created", "a message came in" and the like,
whoever wrote it: the app, the command line, later sync and the integrations.
Every unit of work starts an `EventCapture` on its session. It notices

- task.created (a task inserted), task.completed (a task's status set to done),
- message.received (a message inserted that is not the user's draft or outbox copy),
- transaction.imported (a transaction inserted with an import batch) and
  transaction.added (any other transaction inserted),

from ORM flushes and from Core INSERTs run through the session (the statement
import and `add_many`), and writes them to the local `local_events` table just
before the commit: a write that rolls back leaves no event. Rows written on the raw
connection (the demo seeder) make none, so seeding does not flood the triggers.
An event's `data` is small: the ids and the few fields conditions look at.

Events written while a workflow runs carry the run's `depth` (see `chained`), so
the dispatcher can stop a workflow that keeps triggering itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from desktop.core.money import to_decimal
from desktop.store.models import PRIORITIES, LocalEvent, Message, Task, Transaction

KEEP_DAYS = 7
# Labels of the user's own messages that are not received (see services.message_drafts).
OWN_LABELS = frozenset({"draft", "outbox"})
EVENT_TABLES = frozenset({"tasks", "messages", "transactions"})

_DEPTH: ContextVar[int] = ContextVar("atrium_event_depth", default=0)


@contextmanager
def chained(depth: int) -> Iterator[None]:
    """Events written inside (on this thread) are `depth` workflow runs away from a person."""
    token = _DEPTH.set(depth)
    try:
        yield
    finally:
        _DEPTH.reset(token)


def current_depth() -> int:
    return _DEPTH.get()


class EventCapture:
    """Collects one session's events and writes them just before it commits."""

    def __init__(self, session: Session, now: datetime) -> None:
        self._now = now
        self.pending: list[dict[str, Any]] = []
        # Savepoints open now, with how many events were pending when each began.
        self._savepoints: dict[int, int] = {}
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "do_orm_execute", self._on_execute)
        event.listen(session, "before_commit", self._before_commit)
        event.listen(session, "after_transaction_create", self._transaction_created)
        event.listen(session, "after_soft_rollback", self._soft_rollback)

    @classmethod
    def start(cls, session: Session, now: datetime) -> EventCapture:
        return cls(session, now)

    def add(self, name: str, ref: object, data: Mapping[str, Any]) -> None:
        """Record an event to be written with the commit."""
        self.pending.append(
            {
                "name": name,
                "ref": str(ref),
                "data": dict(data),
                "depth": _DEPTH.get(),
                "created_at": self._now,
            }
        )

    # -- session hooks -----------------------------------------------------------------

    def _after_flush(self, session: Session, _context: Any) -> None:
        # The session still shows the flushed rows as new / dirty, with their history.
        for row in session.new:
            found = inserted_event(row)
            if found is not None:
                self.add(*found)
        for row in session.dirty:
            if isinstance(row, Task) and _completed_now(row):
                self.add("task.completed", row.id, task_data(row))

    def _on_execute(self, state: ORMExecuteState) -> None:
        if not state.is_insert:
            return
        table = getattr(state.statement, "table", None)
        if not isinstance(table, Table) or table.name not in EVENT_TABLES:
            return
        params: Any = state.parameters
        rows: list[Mapping[str, Any]] = params if isinstance(params, list) else [params or {}]
        for values in rows:
            found = inserted_values_event(table.name, values)
            if found is not None:
                self.add(*found)

    def _before_commit(self, session: Session) -> None:
        # SQLAlchemy also calls this when a SAVEPOINT is released: the events wait for the
        # root commit, so a later rollback of an enclosing savepoint still takes them back.
        if not self.pending or session.in_nested_transaction():
            return
        rows, self.pending = self.pending, []
        session.connection().execute(insert(LocalEvent), rows)

    def _transaction_created(self, _session: Session, transaction: SessionTransaction) -> None:
        if transaction.nested:
            self._savepoints[id(transaction)] = len(self.pending)

    def _soft_rollback(self, _session: Session, previous: SessionTransaction) -> None:
        # A savepoint rolled back takes its writes' events with it; the whole
        # transaction rolled back takes them all.
        mark = self._savepoints.pop(id(previous), None)
        if not previous.nested:
            self.pending = []
        elif mark is not None:
            del self.pending[mark:]


def prune(session: Session, now: datetime, keep_days: int = KEEP_DAYS) -> int:
    """Delete the events older than `keep_days`; how many went."""
    cutoff = now - timedelta(days=keep_days)
    result = session.execute(delete(LocalEvent).where(LocalEvent.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


# -- what an event says -------------------------------------------------------------


Found = tuple[str, object, dict[str, Any]]


def inserted_event(row: object) -> Found | None:
    """The event an ORM row being inserted makes, if any."""
    if isinstance(row, Task):
        return "task.created", row.id, task_data(row)
    if isinstance(row, Message):
        return message_event(_attributes(row))
    if isinstance(row, Transaction):
        return transaction_event(_attributes(row))
    return None


def inserted_values_event(table: str, values: Mapping[str, Any]) -> Found | None:
    """The event a Core INSERT of `values` into `table` makes, if any."""
    if values.get("id") is None:
        return None
    if table == "tasks":
        return "task.created", values["id"], task_values(values)
    if table == "messages":
        return message_event(values)
    if table == "transactions":
        return transaction_event(values)
    return None


def task_data(row: Task) -> dict[str, Any]:
    return task_values(_attributes(row))


def task_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a task that triggers and conditions read."""
    priority = values.get("priority")
    due = values.get("due_at") or values.get("due_date")
    completed = values.get("completed_at")
    return {
        "id": str(values.get("id")),
        "title": values.get("title") or "",
        "tags": list(values.get("tags") or []),
        "priority": PRIORITIES[priority] if isinstance(priority, int) else "medium",
        "status": values.get("status") or "todo",
        "due": _iso(due),
        "project_id": _text(values.get("project_id")),
        "completed_at": _iso(completed),
    }


def message_event(values: Mapping[str, Any]) -> Found | None:
    labels = set(values.get("labels") or ())
    if labels & OWN_LABELS:
        return None
    data = {
        "id": str(values.get("id")),
        "sender": values.get("sender") or "",
        "sender_address": values.get("sender_address") or "",
        "subject": values.get("subject") or "",
        "platform": values.get("platform") or "",
        "channel": values.get("channel") or "",
    }
    return "message.received", values.get("id"), data


def transaction_event(values: Mapping[str, Any]) -> Found:
    minor = int(values.get("amount_minor") or 0)
    currency = str(values.get("currency") or "")
    batch = values.get("import_batch")
    data = {
        "id": str(values.get("id")),
        "payee": values.get("payee") or "",
        "amount": str(to_decimal(minor, currency)) if currency else str(minor),
        "amount_minor": minor,
        "currency": currency,
        "category": values.get("category") or "",
        "account_id": _text(values.get("account_id")),
        "date": _iso(values.get("date")),
        "import_batch": batch,
    }
    name = "transaction.imported" if batch else "transaction.added"
    return name, values.get("id"), data


def _completed_now(row: Task) -> bool:
    history = inspect(row).attrs.status.history
    if not history.added or history.added[-1] != "done":
        return False
    return not history.deleted or history.deleted[0] != "done"


def _attributes(row: object) -> dict[str, Any]:
    """The loaded attribute values of `row` (no lazy loads inside a flush)."""
    return {key: value for key, value in inspect(row).dict.items() if not key.startswith("_")}


def _iso(value: object) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return None


def _text(value: object) -> str | None:
    if isinstance(value, uuid.UUID):
        return str(value)
    return value if isinstance(value, str) else None
