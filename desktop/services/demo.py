"""Demo data: fill a profile with realistic, deterministic records.

``seed_demo(store, "small")`` gives a profile that looks lived in (a couple of
hundred tasks, a month of calendar, an inbox, six months of bank transactions,
notes, automations); ``"large"`` gives the volumes the benchmarks and the lazy
list models are tuned for (100k tasks, 50k messages, 100k transactions ...).
Everything is relative to ``store.now()`` and the user's time zone, and the same
seed always gives the same text and amounts (ids and HLCs are fresh).

All rows go in through SQLAlchemy Core ``executemany`` in chunks, inside one unit
of work: the ORM would be ten times slower at these volumes. Each row dict is
stamped with `UnitOfWork.stamp_insert`, so sync columns and HLCs are those of any
other local write. A `state` object reports progress and can cancel; cancelling
raises `UserError` and rolls everything back.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Dialect, Table, func, insert, select

from desktop.core.errors import UserError
from desktop.core.ids import natural_id, new_id
from desktop.core.sortkey import sequence
from desktop.services import demo_data as words
from desktop.services.base import zone_or_none
from desktop.store.models import (
    Account,
    AgentLog,
    Attendee,
    Base,
    Budget,
    CalendarEvent,
    DevProject,
    Integration,
    Message,
    Note,
    NoteLink,
    Task,
    Transaction,
    User,
    VoiceCommand,
    Workflow,
    WorkflowRun,
)
from desktop.store.profile import Store
from desktop.store.uow import UnitOfWork

CHUNK = 5_000
MAX_PARAMETERS = 32_000  # SQLite allows 32,766 bound parameters per statement
CURRENCY = "EUR"
Row = dict[str, Any]


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
_COUNT_FIELDS = {
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


def seed_demo(
    store: Store, size: str = "small", *, seed: int = 7, state: SeedState | None = None
) -> DemoCounts:
    """Add demo data of `size` ("small" or "large") to the store; all or nothing."""
    spec = SIZES.get(size)
    if spec is None:
        raise UserError(f"'{size}' is not a demo size; use one of {', '.join(SIZES)}")
    with store.unit_of_work() as uow:
        counts = _Seeder(uow, spec, random.Random(seed), state).run()
        uow.commit()
    return counts


class _BulkWriter:
    """Multi-row INSERT statements for one table, with SQLAlchemy's SQL and conversions.

    SQLite opens a statement savepoint for each INSERT that fires triggers, and FTS5
    flushes its pending index data at every savepoint: one row per statement writes
    one tiny index segment per row and is four times slower. So each statement
    carries about a thousand rows. The SQL is compiled by SQLAlchemy from the model's
    table and every value goes through its column type's own bind processor, so the
    stored text is exactly what an ORM write stores.
    """

    def __init__(self, table: Table, dialect: Dialect) -> None:
        compiled = insert(table).compile(dialect=dialect)
        head, _, values = str(compiled).partition(" VALUES ")
        self.head, self.values = head + " VALUES ", values
        self.keys = list(compiled.positiontup or ())
        self.processors = [
            table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in self.keys
        ]
        # A column the seeder does not fill takes its scalar default (None when it has none).
        self.defaults = {key: _scalar_default(table.c[key]) for key in self.keys}
        self.rows_per_statement = max(1, min(1000, MAX_PARAMETERS // len(self.keys)))
        self._sql: dict[int, str] = {}

    def write(self, connection: Connection, rows: list[Row]) -> None:
        plan = list(zip(self.keys, self.processors, strict=True))
        defaults = self.defaults
        step = self.rows_per_statement
        for start in range(0, len(rows), step):
            batch = rows[start : start + step]
            params = [
                value if convert is None else convert(value)
                for row in batch
                for key, convert in plan
                for value in (row[key] if key in row else defaults[key],)
            ]
            connection.exec_driver_sql(self._statement(len(batch)), tuple(params))

    def _statement(self, count: int) -> str:
        sql = self._sql.get(count)
        if sql is None:
            sql = self._sql[count] = self.head + ", ".join([self.values] * count)
        return sql


def _scalar_default(column: Any) -> Any:
    default = column.default
    return default.arg if default is not None and default.is_scalar else None


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


class _Seeder:
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
        self.counts = dict.fromkeys(_COUNT_FIELDS.values(), 0)
        self.writers: dict[str, _BulkWriter] = {}
        self.pending: list[tuple[Table, Row]] = []  # dependent rows, inserted after a chunk
        self.projects: list[uuid.UUID] = []
        self.integrations: dict[str, uuid.UUID] = {}
        self.accounts: list[uuid.UUID] = []
        self.link_targets: dict[str, list[uuid.UUID]] = {"task": [], "event": [], "note": []}

    # -- the run and the inserting machinery ---------------------------------------------

    def run(self) -> DemoCounts:
        self._insert(DevProject, self._projects())
        self._insert(Integration, self._integrations())
        self._insert(Account, self._accounts())
        self._insert(Task, self._tasks())
        self._insert(CalendarEvent, self._events())
        self._insert(Message, self._messages())
        self._insert(Transaction, self._transactions())
        self._insert(Budget, self._budgets())
        self._insert(Note, self._notes())
        self._insert(Workflow, self._workflows())
        self._insert(VoiceCommand, self._voice_commands())
        self._insert(AgentLog, self._agent_logs())
        self._check_cancelled()
        self._report(self.total)
        return DemoCounts(**self.counts)

    def _insert(self, model: type[Base], rows: Iterable[Row]) -> None:
        table, chunk = _table(model), []
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
            writer = self.writers[table.name] = _BulkWriter(table, self.uow.s.get_bind().dialect)
        writer.write(self.uow.s.connection(), rows)
        self.counts[_COUNT_FIELDS[table.name]] += len(rows)

    def _check_cancelled(self) -> None:
        if getattr(self.state, "cancelled", False):
            raise UserError("demo seeding was cancelled")

    def _report(self, done: int) -> None:
        if self.state is not None:
            self.state.set_progress(done, self.total)

    def _stamp(self, values: Row, at: datetime | None = None) -> Row:
        return self.uow.stamp_insert(values, min(at, self.now) if at else None)

    def _later(self, model: type[Base], values: Row, at: datetime | None = None) -> None:
        self.pending.append((_table(model), self._stamp(values, at)))

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

    # -- small tables ----------------------------------------------------------------------

    def _projects(self) -> Iterator[Row]:
        rng = self.rng
        for index in range(self.size.projects):
            if index < len(words.PROJECTS):
                name, url, description, color = words.PROJECTS[index]
            else:
                name = f"{rng.choice(words.COMPANIES)} {rng.choice(words.TASK_OBJECTS)}"
                url, description = None, words.sentences(rng, 1)
                color = f"#{rng.randrange(0x1000000):06X}"
            ident = new_id()
            self.projects.append(ident)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "repository_url": url,
                    "description": description,
                    "status": "active",
                    "color": color,
                    "integration_id": None,
                    "links": [{"title": "Repository", "url": url}] if url else [],
                },
                self._past(400),
            )

    def _integrations(self) -> Iterator[Row]:
        ages = {"connected": 3, "needs_auth": 2 * 1440, "error": 5 * 60}
        for kind, display, status, error, settings in words.INTEGRATIONS:
            ident = new_id()
            self.integrations[kind] = ident
            yield self._stamp(
                {
                    "id": ident,
                    "kind": kind,
                    "account": self.email,
                    "display_name": display,
                    "state": status,
                    "last_sync_at": self.now - timedelta(minutes=ages[status]),
                    "last_error": error,
                    "error_count": 3 if error else 0,
                    "settings": dict(settings),
                },
                self._past(200),
            )

    def _accounts(self) -> Iterator[Row]:
        for name, kind, institution, opening in words.ACCOUNTS:
            ident = new_id()
            self.accounts.append(ident)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "kind": kind,
                    "currency": CURRENCY,
                    "institution": institution,
                    "opening_balance_minor": opening,
                    "archived": False,
                },
                self.now - timedelta(days=31 * self.size.finance_months + 5),
            )

    # -- tasks -----------------------------------------------------------------------------

    def _tasks(self) -> Iterator[Row]:
        last = self.uow.s.scalar(
            select(func.max(Task.sort_key)).where(Task.owner_id == self.uow.user_id)
        )
        parents: list[uuid.UUID] = []
        anchors: list[uuid.UUID] = []
        for index, key in enumerate(sequence(self.size.tasks, last)):
            if index < len(words.ANCHOR_TASKS):
                values = self._anchor_task(index, anchors)
                anchors.append(values["id"])
            else:
                values = self._random_task(parents)
            values["sort_key"] = key
            if len(self.link_targets["task"]) < 1000:
                self.link_targets["task"].append(values["id"])
            created = values.pop("_created")
            yield self._stamp(values, created)

    def _anchor_task(self, index: int, anchors: list[uuid.UUID]) -> Row:
        title, status, priority, due, hour, tags, rule, parent = words.ANCHOR_TASKS[index]
        day: date | None = None
        if isinstance(due, str):
            weekday = words.WEEKDAY_CODES.index(due)
            day = self.today + timedelta(days=(weekday - self.today.weekday()) % 7 or 7)
        elif due is not None:
            day = self.today + timedelta(days=due)
        created = self.now - timedelta(days=7 + index)
        project = self.projects[0] if self.projects and "dev" in tags else None
        return self._task_values(
            title,
            status,
            priority,
            created,
            day,
            hour,
            list(tags),
            rule,
            anchors[parent] if parent is not None else None,
            project,
        )

    def _random_task(self, parents: list[uuid.UUID]) -> Row:
        rng = self.rng
        status = rng.choices(("todo", "in_progress", "done", "cancelled"), (55, 10, 30, 5))[0]
        parent = rng.choice(parents[-50:]) if parents and rng.random() < 0.15 else None
        day = None
        if rng.random() < 0.6:
            offset = 0 if rng.random() < 0.1 else rng.randint(-20, 45)
            day = self.today + timedelta(days=offset)
        hour = rng.randint(9, 18) if day and rng.random() < 0.25 else None
        rule = rng.choice(words.TASK_RULES) if day and rng.random() < 0.03 else None
        project = rng.choice(self.projects) if self.projects and rng.random() < 0.3 else None
        tags = rng.sample(words.TAGS, rng.choices((0, 1, 2, 3), (35, 40, 18, 7))[0])
        values = self._task_values(
            words.task_title(rng),
            status,
            rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0],
            self._past(self.size.task_days),
            day,
            hour,
            tags,
            rule,
            parent,
            project,
        )
        if parent is None:
            parents.append(values["id"])
        return values

    def _task_values(
        self,
        title: str,
        status: str,
        priority: int,
        created: datetime,
        day: date | None,
        hour: int | None,
        tags: list[str],
        rule: str | None,
        parent: uuid.UUID | None,
        project: uuid.UUID | None,
    ) -> Row:
        rng = self.rng
        due_at = self._local(day, hour) if day and hour is not None else None
        done_at = self._between(created, self.now) if status == "done" else None
        notes = words.sentences(rng, rng.randint(1, 2), words.FILLER) if rng.random() < 0.3 else ""
        return {
            "id": new_id(),
            "title": title,
            "notes": notes,
            "status": status,
            "priority": priority,
            "due_date": day if due_at is None else None,
            "due_at": due_at,
            "start_at": created if status == "in_progress" else None,
            "estimate_minutes": rng.choice(words.ESTIMATES) if rng.random() < 0.4 else None,
            "completed_at": done_at,
            "parent_id": parent,
            "project_id": project,
            "tags": tags,
            "recurrence": rule,
            "repeat_from": "due",
            "reminders": [15] if due_at else [],
            "uid": None,
            "_created": created,
        }

    # -- calendar --------------------------------------------------------------------------

    def _events(self) -> Iterator[Row]:
        past, future = self.size.event_days
        first = self.today - timedelta(days=past)
        series_count = max(len(words.SERIES), self.size.events // 200)
        for index in range(series_count):
            yield self._series(words.SERIES[index % len(words.SERIES)], first)
        for _ in range(self.size.events - series_count):
            day = self.today + timedelta(days=self.rng.randint(-past, future))
            yield self._all_day(day) if self.rng.random() < 0.12 else self._timed(day)

    def _event_values(self, title: str, calendar: str, **values: Any) -> Row:
        ident = new_id()
        if len(self.link_targets["event"]) < 1000:
            self.link_targets["event"].append(ident)
        row: Row = {
            "id": ident,
            "title": title,
            "description": "",
            "location": "",
            "all_day": False,
            "start_at": None,
            "end_at": None,
            "start_date": None,
            "end_date": None,
            "time_zone": self.zone_name,
            "rrule": None,
            "exdates": [],
            "rdates": [],
            "series_id": None,
            "recurrence_id": None,
            "transparency": "opaque",
            "status": "confirmed",
            "reminders": [10],
            "uid": f"{ident}@atrium.demo",
            "calendar": calendar,
            "integration_id": None,
            "task_id": None,
        }
        row.update(values)
        return row

    def _series(self, spec: tuple[str, str, int, int, int, int, str, str, int], first: date) -> Row:
        title, rule, weekday, hour, minute, minutes, location, calendar, guests = spec
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        start = self._local(day, hour, minute)
        values = self._event_values(
            words.fill(title, self.rng),
            calendar,
            start_at=start,
            location=location,
            end_at=start + timedelta(minutes=minutes),
            rrule=rule,
            description=words.sentences(self.rng, 1),
        )
        self._attendees(values["id"], guests, start)
        return self._stamp(values, start - timedelta(days=3))

    def _timed(self, day: date) -> Row:
        rng = self.rng
        work = rng.random() < 0.65
        if work and day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)
        pool = words.MEETINGS if work else words.PERSONAL_EVENTS
        start = self._local(
            day, rng.randint(8, 17) if work else rng.randint(7, 20), rng.choice((0, 15, 30, 45))
        )
        values = self._event_values(
            words.fill(rng.choice(pool), rng),
            "work" if work else "personal",
            start_at=start,
            end_at=start + timedelta(minutes=rng.choice((15, 30, 45, 60, 90))),
            location=rng.choice(words.LOCATIONS),
            description=words.sentences(rng, rng.randint(0, 2)),
            status=rng.choices(("confirmed", "tentative", "cancelled"), (88, 9, 3))[0],
        )
        if work and rng.random() < 0.7:
            self._attendees(values["id"], rng.randint(1, 4), start)
        return self._stamp(values, start - timedelta(days=rng.randint(1, 20)))

    def _all_day(self, day: date) -> Row:
        rng = self.rng
        values = self._event_values(
            words.fill(rng.choice(words.ALL_DAY_EVENTS), rng),
            "personal",
            all_day=True,
            start_date=day,
            end_date=day + timedelta(days=rng.choice((1, 1, 1, 2, 3, 5))),
            transparency="transparent",
            reminders=[],
        )
        return self._stamp(values, self._local(day, 12) - timedelta(days=rng.randint(5, 60)))

    def _attendees(self, event_id: uuid.UUID, guests: int, at: datetime) -> None:
        if guests == 0:
            return
        chair_name, chair_email = words.person(self.rng)
        people = [
            (chair_name, chair_email, "chair", "accepted"),
            ("Me", self.email, "required", "accepted"),
        ]
        for _ in range(guests - 1):
            name, email = words.person(self.rng)
            response = self.rng.choice(("accepted", "accepted", "tentative", "needs-action"))
            people.append((name, email, self.rng.choice(("required", "optional")), response))
        for name, email, role, response in people:
            self._later(
                Attendee,
                {
                    "event_id": event_id,
                    "email": email,
                    "name": name,
                    "role": role,
                    "response": response,
                    "id": new_id(),
                },
                at,
            )

    # -- inbox -----------------------------------------------------------------------------

    def _messages(self) -> Iterator[Row]:
        rng = self.rng
        threads: list[str] = []
        for _ in range(self.size.messages):
            platform = rng.choices(("email", "slack", "teams"), (60, 25, 15))[0]
            day = self.today - timedelta(days=rng.randrange(self.size.message_days))
            received = self._local(day, rng.randint(7, 21), rng.randrange(60))
            if received > self.now:
                received -= timedelta(days=1)
            values = self._email(threads) if platform == "email" else self._chat(platform)
            old = (self.now - received).days >= 3
            read = rng.random() < (0.95 if old else 0.5)
            values.update(
                {
                    "id": new_id(),
                    "platform": platform,
                    "received_at": received,
                    "read": read,
                    "starred": rng.random() < 0.07,
                    "body_html": None,
                    "archived": read and old and rng.random() < 0.4,
                    "integration_id": self.integrations.get(words.PLATFORM_KIND[platform]),
                }
            )
            yield self._stamp(values, received)

    def _email(self, threads: list[str]) -> Row:
        rng = self.rng
        sender, address = words.person(rng)
        subject = words.fill(rng.choice(words.EMAIL_SUBJECTS), rng)
        if subject.startswith("Re:") and threads:
            thread = rng.choice(threads[-30:])
        else:
            thread = f"<{new_id().hex}@mail.demo.example>"
            threads.append(thread)
        labels = rng.choice(([], ["work"], ["receipts"], ["newsletters"], ["important"]))
        return {
            "external_id": f"<{new_id().hex}@mail.demo.example>",
            "thread_id": thread,
            "sender": sender,
            "sender_address": address,
            "recipients": [self.email],
            "subject": subject,
            "body_text": words.email_body(rng, sender),
            "labels": labels,
            "channel": None,
        }

    def _chat(self, platform: str) -> Row:
        rng = self.rng
        sender, address = words.person(rng)
        channel = rng.choice(words.CHANNELS if platform == "slack" else ("General", "Engineering"))
        return {
            "external_id": new_id().hex,
            "thread_id": f"{platform}:{channel}",
            "sender": sender,
            "sender_address": address,
            "recipients": [],
            "subject": "",
            "labels": [],
            "body_text": words.fill(rng.choice(words.CHAT_LINES), rng),
            "channel": channel,
        }

    # -- finance ---------------------------------------------------------------------------

    def _months(self) -> list[date]:
        first = self.today.replace(day=1)
        months = [first]
        while len(months) < self.size.finance_months:
            months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
        return months

    def _transactions(self) -> Iterator[Row]:
        months = self._months()
        fixed = [
            row for month in months for row in self._monthly(month) if row["day"] <= self.today
        ]
        yield from (self._transaction(**row) for row in fixed)
        span = (self.today - months[0]).days
        for _ in range(max(self.size.transactions - len(fixed), 0)):
            yield self._spending(months[0] + timedelta(days=self.rng.randint(0, span)))

    def _monthly(self, month: date) -> Iterator[Row]:
        rng, label = self.rng, month.isoformat()[:7]
        checking, savings, card = self.accounts
        yield {
            "day": month.replace(day=25),
            "account": checking,
            "payee": "Globex GmbH",
            "category": "Income",
            "minor": words.SALARY_CENTS,
            "memo": f"Salary {label}",
        }
        for day, account, payee, category, cents, memo in words.MONTHLY_BILLS:
            amount = int(cents * rng.uniform(0.8, 1.25)) if payee == "Vattenfall" else cents
            yield {
                "day": month.replace(day=day),
                "account": self.accounts[account],
                "payee": payee,
                "category": category,
                "minor": amount,
                "memo": memo.format(month=label),
            }
        card_bill = rng.randint(30_000, 90_000)
        for day, account_id, payee, minor in (
            (26, checking, "Rainy Day Savings", -words.SAVINGS_TRANSFER_CENTS),
            (26, savings, "Everyday Checking", words.SAVINGS_TRANSFER_CENTS),
            (20, checking, "Travel Credit Card", -card_bill),
            (20, card, "Everyday Checking", card_bill),
        ):
            yield {
                "day": month.replace(day=day),
                "account": account_id,
                "payee": payee,
                "category": "Transfer",
                "minor": minor,
                "memo": "Transfer",
            }

    def _spending(self, day: date) -> Row:
        rng = self.rng
        category, payees, low, high, memos = rng.choices(words.SPENDING, words.SPENDING_WEIGHTS)[0]
        account = self.accounts[0] if rng.random() < 0.6 else self.accounts[2]
        return self._transaction(
            day, account, rng.choice(payees), category, -rng.randint(low, high), rng.choice(memos)
        )

    def _transaction(
        self, day: date, account: uuid.UUID, payee: str, category: str, minor: int, memo: str
    ) -> Row:
        fresh = (self.today - day).days < 3
        return self._stamp(
            {
                "id": new_id(),
                "account_id": account,
                "date": day,
                "amount_minor": minor,
                "currency": CURRENCY,
                "payee": payee,
                "memo": memo,
                "category": category,
                "bank_transaction_id": f"NB{self.rng.getrandbits(48):012X}",
                "import_batch": None,
                "cleared": not fresh or self.rng.random() < 0.5,
            },
            self._local(day, 12),
        )

    def _budgets(self) -> Iterator[Row]:
        current = self.today.replace(day=1)
        previous = (current - timedelta(days=1)).replace(day=1)
        wanted = {
            natural_id(self.uow.user_id, category, month): (category, month, cents)
            for month in (previous, current)
            for category, cents in words.BUDGETS
        }
        existing = set(self.uow.s.scalars(select(Budget.id).where(Budget.id.in_(list(wanted)))))
        for ident, (category, month, cents) in wanted.items():
            if ident not in existing:
                yield self._stamp(
                    {
                        "id": ident,
                        "category": category,
                        "month": month,
                        "amount_minor": cents,
                        "currency": CURRENCY,
                    }
                )

    # -- notes, automations, agents --------------------------------------------------------

    def _notes(self) -> Iterator[Row]:
        rng = self.rng
        for _ in range(self.size.notes):
            title, body, tags = words.note_text(rng.choice(words.NOTE_KINDS), rng)
            ident, created = new_id(), self._past(self.size.task_days)
            if rng.random() < 0.35:
                self._link(ident, created)
            self.link_targets["note"].append(ident)
            yield self._stamp(
                {
                    "id": ident,
                    "title": title,
                    "body": body,
                    "tags": tags,
                    "pinned": rng.random() < 0.1,
                    "archived": rng.random() < 0.05,
                },
                created,
            )

    def _link(self, note_id: uuid.UUID, at: datetime) -> None:
        kind = self.rng.choice(("task", "event", "project", "note"))
        targets = self.projects if kind == "project" else self.link_targets[kind]
        if targets:
            self._later(
                NoteLink,
                {
                    "id": new_id(),
                    "note_id": note_id,
                    "target_kind": kind,
                    "target_id": self.rng.choice(targets),
                    "label": self.rng.choice(("", "related", "follow-up", "source")),
                },
                at,
            )

    def _workflows(self) -> Iterator[Row]:
        rng = self.rng
        for index in range(self.size.workflows):
            name, description, trigger, conditions, steps = words.WORKFLOWS[
                index % len(words.WORKFLOWS)
            ]
            if index >= len(words.WORKFLOWS):
                name = f"{name} ({rng.choice(words.COMPANIES)})"
            ident = new_id()
            runs = sorted(self._past(30) for _ in range(rng.randint(0, 4)))
            for started in runs:
                self._run(ident, trigger, steps, started)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "description": description,
                    "enabled": index != 3,
                    "trigger": trigger,
                    "conditions": conditions,
                    "steps": steps,
                    "last_run_at": runs[-1] if runs else None,
                    "run_count": len(runs),
                },
                self._past(90) - timedelta(days=30),
            )

    def _run(self, workflow_id: uuid.UUID, trigger: Row, steps: list[Row], at: datetime) -> None:
        failed = self.rng.random() < 0.15
        trace = [
            {"step": n, "action": step["action"], "status": "ok", "ms": self.rng.randint(5, 900)}
            for n, step in enumerate(steps, 1)
        ]
        if failed:
            trace[-1]["status"] = "error"
        self._later(
            WorkflowRun,
            {
                "id": new_id(),
                "workflow_id": workflow_id,
                "started_at": at,
                "finished_at": at + timedelta(seconds=self.rng.randint(1, 20)),
                "status": "failed" if failed else "succeeded",
                "dry_run": False,
                "trigger_event": {"type": trigger["type"], "at": at.isoformat()},
                "trace": trace,
                "error": f"step {len(trace)} failed: the service timed out" if failed else None,
            },
            at,
        )

    def _voice_commands(self) -> Iterator[Row]:
        for phrase, action, arguments in words.VOICE_COMMANDS:
            used = self.rng.randint(0, 40)
            yield self._stamp(
                {
                    "id": new_id(),
                    "phrase": phrase,
                    "action": action,
                    "arguments": arguments,
                    "enabled": True,
                    "usage_count": used,
                    "success_count": used - self.rng.randint(0, used // 5),
                    "last_used_at": self._past(14) if used else None,
                },
                self._past(120) - timedelta(days=14),
            )

    def _agent_logs(self) -> Iterator[Row]:
        rng = self.rng
        for _ in range(self.size.agent_logs):
            agent, prompt = rng.choice(words.AGENTS)
            provider, model, in_rate, out_rate = rng.choice(words.MODELS)
            tokens_in, tokens_out = rng.randint(300, 6000), rng.randint(50, 1500)
            latency = rng.randint(300, 25_000)
            started = self._past(self.size.task_days)
            failed = rng.random() < 0.1
            tools = rng.sample(
                ("tasks.list", "calendar.agenda", "inbox.list", "finance.spending", "notes.search"),
                2,
            )
            yield self._stamp(
                {
                    "id": new_id(),
                    "agent": agent,
                    "provider": provider,
                    "model": model,
                    "prompt": words.fill(prompt, rng),
                    "steps": [
                        {"tool": tool, "arguments": {}, "result": f"{rng.randint(0, 40)} items"}
                        for tool in tools
                    ],
                    "output": "" if failed else words.sentences(rng, 2),
                    "status": "failed" if failed else "succeeded",
                    "input_tokens": tokens_in,
                    "output_tokens": tokens_out,
                    "cost_micros": (tokens_in * in_rate + tokens_out * out_rate) // 1000,
                    "latency_ms": latency,
                    "started_at": started,
                    "finished_at": started + timedelta(milliseconds=latency),
                    "error": "the provider returned HTTP 429 (rate limited)" if failed else None,
                },
                started,
            )
