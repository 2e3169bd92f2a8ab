"""Change sets: what a unit of work did to rows, recorded so that it can be undone.

While `collecting()` is active on a thread, every unit of work committed on it
records, per synced row it touched, the row's state before (read from the
database the first time the row is about to be flushed) and after (read back
just before the commit). A state is the row's non-sync columns, or None when
the row is not live (absent or tombstoned). `ChangeSet` keeps only what
differs: the changed columns of an updated row, every column of an inserted or
tombstoned one.

`revert(uow, changeset)` applies the reverse in another unit of work, through
the ORM, so sync columns are stamped like any write and the search triggers
fire: an inserted row is tombstoned, changed columns get their old values,
a tombstoned row is restored. It refuses when a row no longer holds what the
change set left. Recording that unit of work gives the change set that redoes.

Bulk writes this cannot see row by row (Core UPDATE or DELETE, rows written on
the raw connection, deletes for good) make the change set "not undoable" with
the reason, instead of recording something wrong.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from desktop.core.errors import UserError
from desktop.store.models import SYNC_COLUMNS, SYNCED_MODELS, Synced

if TYPE_CHECKING:
    from desktop.store.uow import UnitOfWork

State = Mapping[str, Any] | None
Key = tuple[str, uuid.UUID]

MODELS: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
# What a row is called in messages, and the column that names it.
NOUNS = {
    "tasks": ("task", "title"),
    "calendar_events": ("event", "title"),
    "notes": ("note", "title"),
    "messages": ("message", "subject"),
    "transactions": ("transaction", "payee"),
    "accounts": ("account", "name"),
    "budgets": ("budget", "category"),
    "dev_projects": ("project", "name"),
    "workflows": ("workflow", "name"),
    "voice_commands": ("voice command", "phrase"),
    "users": ("profile", "display_name"),
    "reminder_states": ("reminder", ""),
}
CHUNK = 500


@dataclass(frozen=True)
class RowChange:
    """One row's change: `before` and `after` are column values, None when not live."""

    table: str
    id: uuid.UUID
    before: State
    after: State

    @property
    def kind(self) -> str:
        """insert, delete (a tombstone) or update."""
        if self.before is None:
            return "insert"
        return "delete" if self.after is None else "update"

    def inverse(self) -> RowChange:
        return RowChange(self.table, self.id, self.after, self.before)


@dataclass(frozen=True)
class ChangeSet:
    """What one commit (or one action's commits) did to rows."""

    rows: tuple[RowChange, ...] = ()
    undoable: bool = True
    reason: str = ""

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def can_undo(self) -> bool:
        """True when there is something to undo and it was recorded row by row."""
        return self.undoable and bool(self.rows)

    def tables(self) -> set[str]:
        return {row.table for row in self.rows}

    def inverse(self) -> ChangeSet:
        return ChangeSet(tuple(r.inverse() for r in self.rows), self.undoable, self.reason)

    @classmethod
    def from_states(
        cls, states: Mapping[Key, tuple[State, State]], problems: list[str]
    ) -> ChangeSet:
        rows = [_reduced(table, ident, b, a) for (table, ident), (b, a) in states.items()]
        kept = tuple(row for row in rows if row is not None)
        return cls(kept, not problems, "; ".join(dict.fromkeys(problems)))


def _reduced(table: str, ident: uuid.UUID, before: State, after: State) -> RowChange | None:
    if before is None or after is None:
        return None if before is after else RowChange(table, ident, before, after)
    changed = [k for k in after if before.get(k) != after[k]]
    if not changed:
        return None
    return RowChange(
        table, ident, {k: before.get(k) for k in changed}, {k: after[k] for k in changed}
    )


# -- collecting the change sets of the units of work run on this thread ------------------


class Collected:
    """The merged states of every unit of work committed while collecting."""

    def __init__(self) -> None:
        self.states: dict[Key, tuple[State, State]] = {}
        self.problems: list[str] = []

    def add(self, states: Mapping[Key, tuple[State, State]], problems: list[str]) -> None:
        for key, (before, after) in states.items():
            first = self.states.get(key, (before, after))[0]
            self.states[key] = (first, after)
        self.problems.extend(problems)

    def changeset(self) -> ChangeSet:
        return ChangeSet.from_states(self.states, self.problems)


_COLLECTING: ContextVar[Collected | None] = ContextVar("atrium_changeset", default=None)


@contextmanager
def collecting() -> Iterator[Collected]:
    """Record the change sets of the units of work committed inside (on this thread).

    Nested (an action that runs actions), what the inner block recorded is part
    of the outer block's change set too.
    """
    outer = _COLLECTING.get()
    collected = Collected()
    token = _COLLECTING.set(collected)
    try:
        yield collected
    finally:
        _COLLECTING.reset(token)
        if outer is not None:
            outer.add(collected.states, collected.problems)


# -- recording one unit of work -----------------------------------------------------------


class ChangeRecorder:
    """Records the row states one session's flushes change (see the module docstring)."""

    def __init__(self, session: Session, collected: Collected) -> None:
        self._collected = collected
        self.before: dict[Key, State] = {}
        self.problems: list[str] = []
        self.stamped = 0  # rows given sync columns for a Core insert
        self._core_inserted = 0
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "do_orm_execute", self._on_execute)

    @classmethod
    def start(cls, session: Session) -> ChangeRecorder | None:
        """A recorder on `session` when change sets are being collected, else None."""
        collected = _COLLECTING.get()
        return None if collected is None else cls(session, collected)

    def finish(self, session: Session) -> ChangeSet:
        """Read the rows' states after the last flush and hand them to the collector."""
        if self.stamped > self._core_inserted:
            self.problems.append("rows were written in bulk")
        after: dict[Key, State] = {}
        for table, ids in _by_table(self.before):
            found = read_states(session.connection(), table, ids)
            after.update({(table.name, i): found.get(i) for i in ids})
        states = {key: (before, after[key]) for key, before in self.before.items()}
        self._collected.add(states, self.problems)
        return ChangeSet.from_states(states, self.problems)

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        for row in session.new:
            if isinstance(row, Synced):
                self.before.setdefault((_table_of(row), row.id), None)
        unknown = {
            (_table_of(row), row.id)
            for row in session.dirty
            if isinstance(row, Synced)
            and (_table_of(row), row.id) not in self.before
            and session.is_modified(row, include_collections=False)
        }
        for table, ids in _by_table(unknown):
            found = read_states(session.connection(), table, ids)
            self.before.update({(table.name, i): found.get(i) for i in ids})
        if any(isinstance(row, Synced) for row in session.deleted):
            self.problems.append("rows were deleted for good")

    def _on_execute(self, state: ORMExecuteState) -> None:
        if not (state.is_insert or state.is_update or state.is_delete):
            return
        table = getattr(state.statement, "table", None)
        if not isinstance(table, Table) or table.name not in MODELS:
            return
        if not state.is_insert:
            self.problems.append(f"{table.name} were changed in bulk")
            return
        params: Any = state.parameters
        rows: list[Mapping[str, Any]] = params if isinstance(params, list) else [params or {}]
        for values in rows:
            ident = values.get("id")
            if not isinstance(ident, uuid.UUID):
                self.problems.append(f"{table.name} were inserted without ids")
                continue
            self.before.setdefault((table.name, ident), None)
            self._core_inserted += 1


def _table_of(row: Synced) -> str:
    return type(row).__tablename__  # type: ignore[attr-defined,no-any-return]


def _by_table(keys: Iterable[Key]) -> Iterator[tuple[Table, list[uuid.UUID]]]:
    grouped: dict[str, list[uuid.UUID]] = {}
    for table, ident in keys:
        grouped.setdefault(table, []).append(ident)
    for name, ids in grouped.items():
        yield MODELS[name].__table__, ids  # type: ignore[attr-defined]


def read_states(
    connection: Connection, table: Table, ids: list[uuid.UUID]
) -> dict[uuid.UUID, State]:
    """The live rows among `ids` as {id: non-sync column values}; others are None."""
    data = [c for c in table.columns if c.name not in SYNC_COLUMNS]
    found: dict[uuid.UUID, State] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(table.c.id, table.c.deleted_hlc, *data).where(
            table.c.id.in_(ids[start : start + CHUNK])
        )
        for row in connection.execute(query):
            values = row._mapping
            live = values["deleted_hlc"] is None
            found[values["id"]] = {c.name: values[c.name] for c in data} if live else None
    return found


# -- applying a change set in reverse ------------------------------------------------------


def revert(uow: UnitOfWork, changeset: ChangeSet, verb: str = "undo") -> None:
    """Take the rows back from `changeset`'s after states to its before states.

    Raises UserError when the change set was not recorded row by row, or when a
    row no longer holds what the change set left (changed since, here or by sync).
    """
    if not changeset.undoable:
        raise UserError(f"this change cannot be undone ({changeset.reason})")
    session = uow.s
    current: dict[Key, State] = {}
    for table, ids in _by_table((r.table, r.id) for r in changeset.rows):
        found = read_states(session.connection(), table, ids)
        current.update({(table.name, i): found.get(i) for i in ids})
    for change in changeset.rows:
        now = current[(change.table, change.id)]
        if not _holds(now, change.after):
            raise UserError(f"{describe(change, now)} was changed since; cannot {verb}")
    loaded: dict[Key, Synced] = {}  # held here: the session only keeps weak references
    for table, ids in _by_table((r.table, r.id) for r in changeset.rows):
        model = MODELS[table.name]
        for start in range(0, len(ids), CHUNK):
            query = select(model).where(model.id.in_(ids[start : start + CHUNK]))
            loaded.update({(table.name, row.id): row for row in session.scalars(query)})
    for change in changeset.rows:
        row = loaded.get((change.table, change.id))
        if row is None:
            raise UserError(f"{describe(change)} is gone; cannot {verb}")
        _apply(uow, row, change)
    session.flush()


def _holds(current: State, expected: State) -> bool:
    if expected is None or current is None:
        return current is expected
    return all(current.get(k) == v for k, v in expected.items())


def _apply(uow: UnitOfWork, row: Synced, change: RowChange) -> None:
    model = type(row)
    if change.before is None:
        if row.deleted_hlc is None:
            uow.tombstone(row)
        return
    if row.deleted_hlc is not None:
        row.deleted_hlc = None
    mapper = inspect(model)
    for name, value in change.before.items():
        key = mapper.get_property_by_column(model.__table__.c[name]).key  # type: ignore[attr-defined]
        setattr(row, key, value)


def describe(change: RowChange, state: State = None) -> str:
    """'the task 'Buy milk'' and the like, for messages (named from `state` when given)."""
    noun, column = NOUNS.get(change.table, (change.table.rstrip("s").replace("_", " "), ""))
    values = {**(change.before or {}), **(change.after or {}), **(state or {})}
    name = str(values.get(column) or "") if column else ""
    return f"the {noun} '{name}'" if name else f"the {noun}"
