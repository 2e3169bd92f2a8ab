"""TaskService against a real SQLite store, and the sync columns its writes stamp."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, inspect, select

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.hlc import millis_of
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft, TaskFilter, TaskView
from desktop.store.models import SYNC_COLUMNS, Task
from desktop.store.profile import Store, open_store
from tests.conftest import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
TASKS_ONLY = Changes(tasks=True)


def add(services: Services, title: str, **fields: object) -> TaskView:
    outcome = services.tasks.add(TaskDraft(title=title, **fields))  # type: ignore[arg-type]
    assert outcome.changes == TASKS_ONLY
    return outcome.value


def titles(tasks: list[TaskView]) -> list[str]:
    return [task.title for task in tasks]


def raw(store: Store, task_id: uuid.UUID) -> Task:
    """The stored row, deleted or not."""
    with store.read() as session:
        row = session.get(Task, task_id)
        assert row is not None
        return row


# -- adding and validating ------------------------------------------------------------


def test_add_with_every_field(services: Services, store: Store, clock: FakeClock) -> None:
    project = services.records.add_project("Atrium").value
    parent = add(services, "Release 1.0")
    start = datetime(2026, 3, 5, 8, 0, tzinfo=BERLIN)
    due = datetime(2026, 3, 6, 17, 0, tzinfo=BERLIN)

    task = add(
        services,
        "  Write the changelog  ",
        notes="List every fix",
        priority="urgent",
        due=due,
        start=start,
        estimate_minutes=90,
        parent_id=str(parent.id),
        project_id=project.id,
        tags=["#Work", "release", "work"],
        recurrence="rrule:freq=weekly;byday=mo",
        status="in_progress",
    )

    assert task.title == "Write the changelog"
    assert task.notes == "List every fix"
    assert task.priority == "urgent"
    assert task.status == "in_progress"
    assert task.due == due
    assert task.start == start
    assert task.estimate_minutes == 90
    assert task.parent_id == parent.id
    assert task.project_id == project.id
    assert task.tags == ("Work", "release")  # '#' stripped, duplicates (any case) dropped
    assert task.recurrence == "FREQ=WEEKLY;BYDAY=MO"
    assert task.completed_at is None
    assert task.created_at == task.updated_at == clock.current
    # Read back from the database, not from the object the service built.
    stored = services.tasks.get(task.id)
    assert stored == task
    assert stored.due == due
    assert stored.due.tzinfo is not None
    row = raw(store, task.id)
    assert row.due_at == due
    assert row.due_date is None
    assert services.tasks.subtasks(parent.id) == [stored]


def test_add_with_a_due_date_keeps_a_date(services: Services, store: Store) -> None:
    task = add(services, "Pay rent", due=date(2026, 3, 31))
    assert task.due == date(2026, 3, 31)
    assert not isinstance(task.due, datetime)
    row = raw(store, task.id)
    assert row.due_date == date(2026, 3, 31)
    assert row.due_at is None


def test_add_defaults(services: Services) -> None:
    task = add(services, "Buy milk")
    assert (task.priority, task.status, task.notes, task.tags) == ("medium", "todo", "", ())
    assert task.due is None
    assert task.parent_id is None
    assert task.recurrence is None


def test_add_done_sets_completed_at(services: Services, clock: FakeClock) -> None:
    task = add(services, "Already done", status="done")
    assert task.completed_at == clock.current


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "title cannot be empty"),
        ({"title": "x" * 501}, "longer than 500"),
        ({"priority": "critical"}, "'critical' is not a priority; use one of low, medium"),
        ({"status": "waiting"}, "'waiting' is not a task status"),
        ({"estimate_minutes": 0}, "estimate must be between 1 minute"),
        ({"estimate_minutes": -5}, "estimate must be between 1 minute"),
        ({"estimate_minutes": 100_001}, "estimate must be between 1 minute"),
        ({"recurrence": "every monday"}, "'every monday' is not a recurrence rule"),
        ({"recurrence": "FREQ=SOMETIMES"}, "not a valid recurrence rule"),
        ({"tags": ["two words"]}, "'two words' is not a tag"),
        ({"tags": ["x" * 65]}, "is not a tag"),
        ({"due": datetime(2026, 3, 5, 9, 0)}, "needs a time zone"),
        ({"parent_id": "not-an-id"}, "'not-an-id' is not a task id"),
        ({"parent_id": str(uuid.uuid4())}, "there is no parent task with id"),
        ({"project_id": str(uuid.uuid4())}, "there is no project with id"),
    ],
)
def test_add_rejects_bad_input(services: Services, fields: dict[str, object], message: str) -> None:
    draft = {"title": "A task", **fields}
    with pytest.raises(UserError, match=message):
        services.tasks.add(TaskDraft(**draft))  # type: ignore[arg-type]
    assert services.tasks.count(TaskFilter(status="all")) == 0


def test_unknown_parent_is_a_not_found_error(services: Services) -> None:
    with pytest.raises(NotFoundError):
        add(services, "Orphan", parent_id=uuid.uuid4())


def test_deleted_parent_is_refused(services: Services) -> None:
    parent = add(services, "Gone")
    services.tasks.delete(parent.id)
    with pytest.raises(NotFoundError, match="parent task"):
        add(services, "Child", parent_id=parent.id)


def test_naive_start_is_a_user_error(services: Services) -> None:
    with pytest.raises(UserError, match="time zone"):
        add(services, "Naive start", start=datetime(2026, 3, 5, 9, 0))


# -- listing ---------------------------------------------------------------------------


def test_status_filters(services: Services) -> None:
    add(services, "todo")
    add(services, "doing", status="in_progress")
    add(services, "done", status="done")
    add(services, "dropped", status="cancelled")

    assert sorted(titles(services.tasks.list())) == ["doing", "todo"]
    assert titles(services.tasks.list(TaskFilter(status="done"))) == ["done"]
    assert titles(services.tasks.list(TaskFilter(status="cancelled"))) == ["dropped"]
    assert sorted(titles(services.tasks.list(TaskFilter(status="all")))) == [
        "doing",
        "done",
        "dropped",
        "todo",
    ]
    assert services.tasks.count() == 2
    assert services.tasks.count(TaskFilter(status="all")) == 4
    with pytest.raises(UserError, match="'overdue' is not a status filter"):
        services.tasks.list(TaskFilter(status="overdue"))


def test_done_list_is_newest_completion_first(services: Services, clock: FakeClock) -> None:
    first = add(services, "first")
    second = add(services, "second")
    services.tasks.complete(first.id)
    clock.advance(hours=1)
    services.tasks.complete(second.id)
    assert titles(services.tasks.list(TaskFilter(status="done"))) == ["second", "first"]


def test_tag_filter_is_case_insensitive(services: Services) -> None:
    add(services, "report", tags=["Work"])
    add(services, "groceries", tags=["home"])
    add(services, "untagged")
    assert titles(services.tasks.list(TaskFilter(tag="work"))) == ["report"]
    assert titles(services.tasks.list(TaskFilter(tag="#WORK"))) == ["report"]
    assert titles(services.tasks.list(TaskFilter(tag="garden"))) == []


def test_search_uses_the_full_text_index(services: Services) -> None:
    add(services, "Call the dentist", notes="ask about the appointment on Friday")
    add(services, "Buy groceries", notes="milk, bread and eggs")
    add(services, "Write report")

    def found(words: str) -> list[str]:
        return sorted(titles(services.tasks.list(TaskFilter(search=words))))

    assert found("dentist") == ["Call the dentist"]
    assert found("appointment") == ["Call the dentist"]  # a word of the notes
    assert found("appoint") == ["Call the dentist"]  # the last word is a prefix
    assert found("bread milk") == ["Buy groceries"]  # every word, any order
    assert found("milk dentist") == []
    assert found("REPORT") == ["Write report"]
    assert found('"report') == ["Write report"]  # FTS syntax is neutralised
    with pytest.raises(UserError, match="no words"):
        services.tasks.list(TaskFilter(search="  ?! "))


def test_search_sees_edits_and_not_deleted_tasks(services: Services) -> None:
    task = add(services, "Plan the holiday")
    services.tasks.update(task.id, title="Plan the trip")
    assert titles(services.tasks.list(TaskFilter(search="trip"))) == ["Plan the trip"]
    assert services.tasks.list(TaskFilter(search="holiday")) == []
    services.tasks.delete(task.id)
    assert services.tasks.list(TaskFilter(search="trip", status="all")) == []


def test_due_before_a_date_is_in_the_users_zone(services: Services) -> None:
    add(services, "date 3-4", due=date(2026, 3, 4))
    add(services, "date 3-5", due=date(2026, 3, 5))
    add(services, "23:30 Berlin 3-4", due=datetime(2026, 3, 4, 23, 30, tzinfo=BERLIN))
    # 00:30 Berlin on the 5th is 23:30 UTC on the 4th: it is not before the 5th here.
    add(services, "00:30 Berlin 3-5", due=datetime(2026, 3, 5, 0, 30, tzinfo=BERLIN))
    add(services, "undated")

    found = titles(services.tasks.list(TaskFilter(due_before=date(2026, 3, 5))))
    assert sorted(found) == ["23:30 Berlin 3-4", "date 3-4"]


def test_due_before_a_datetime(services: Services) -> None:
    add(services, "date 3-4", due=date(2026, 3, 4))
    add(services, "date 3-5", due=date(2026, 3, 5))
    add(services, "09:00 3-5", due=datetime(2026, 3, 5, 9, 0, tzinfo=BERLIN))
    add(services, "13:00 3-5", due=datetime(2026, 3, 5, 13, 0, tzinfo=BERLIN))
    add(services, "undated")

    limit = datetime(2026, 3, 5, 12, 0, tzinfo=BERLIN)
    found = titles(services.tasks.list(TaskFilter(due_before=limit)))
    assert sorted(found) == ["09:00 3-5", "date 3-4"]
    # The same instant in UTC selects the same tasks.
    utc = titles(services.tasks.list(TaskFilter(due_before=limit.astimezone(UTC))))
    assert sorted(utc) == sorted(found)


def test_limit_and_offset(services: Services) -> None:
    services.tasks.add_many([TaskDraft(title=f"t{i:02d}") for i in range(10)])
    everything = titles(services.tasks.list())
    assert everything == [f"t{i:02d}" for i in range(10)]
    assert titles(services.tasks.list(TaskFilter(limit=3))) == ["t00", "t01", "t02"]
    assert titles(services.tasks.list(TaskFilter(limit=3, offset=4))) == ["t04", "t05", "t06"]
    assert titles(services.tasks.list(TaskFilter(offset=8))) == ["t08", "t09"]
    assert services.tasks.count(TaskFilter(limit=3)) == 10


def test_order_is_due_then_undated_then_priority(services: Services) -> None:
    add(services, "undated low", priority="low")
    add(services, "undated urgent", priority="urgent")
    add(services, "friday", due=date(2026, 3, 6))
    add(services, "thursday low", due=date(2026, 3, 5), priority="low")
    add(services, "thursday high", due=date(2026, 3, 5), priority="high")
    add(services, "today 15:00", due=datetime(2026, 3, 4, 15, 0, tzinfo=BERLIN))
    add(services, "yesterday", due=date(2026, 3, 3))
    add(services, "undated medium a")
    add(services, "undated medium b")

    assert titles(services.tasks.list()) == [
        "yesterday",
        "today 15:00",
        "thursday high",
        "thursday low",
        "friday",
        "undated urgent",
        "undated medium a",
        "undated medium b",
        "undated low",
    ]


def test_order_by_due_compares_local_days(store: Store) -> None:
    new_york = ZoneInfo("America/New_York")
    services = Services(store, "America/New_York")
    add(services, "thursday (date)", due=date(2026, 3, 5))
    add(services, "wednesday 20:00", due=datetime(2026, 3, 4, 20, 0, tzinfo=new_york))
    assert titles(services.tasks.list()) == ["wednesday 20:00", "thursday (date)"]


# -- updating --------------------------------------------------------------------------


def test_update_changes_only_given_fields(services: Services, clock: FakeClock) -> None:
    due = date(2026, 3, 10)
    task = add(
        services, "Draft", notes="keep", priority="high", due=due, tags=["a"], estimate_minutes=30
    )
    clock.advance(hours=1)

    outcome = services.tasks.update(task.id, title="Final")
    assert outcome.changes == TASKS_ONLY
    updated = services.tasks.get(task.id)
    assert updated.title == "Final"
    assert (
        updated.notes,
        updated.priority,
        updated.due,
        updated.tags,
        updated.estimate_minutes,
    ) == ("keep", "high", due, ("a",), 30)
    assert updated.updated_at == clock.current
    assert updated.created_at == task.created_at

    services.tasks.update(task.id, priority="LOW", tags=["b", "#c"], estimate_minutes=None)
    updated = services.tasks.get(task.id)
    assert (updated.title, updated.priority, updated.tags, updated.estimate_minutes) == (
        "Final",
        "low",
        ("b", "c"),
        None,
    )
    assert updated.due == due


def test_update_due_none_clears_and_types_switch(services: Services, store: Store) -> None:
    task = add(services, "Due", due=date(2026, 3, 10))
    at = datetime(2026, 3, 10, 9, 0, tzinfo=BERLIN)
    services.tasks.update(task.id, due=at)
    row = raw(store, task.id)
    assert (row.due_date, row.due_at) == (None, at)
    services.tasks.update(task.id, due=None)
    row = raw(store, task.id)
    assert (row.due_date, row.due_at) == (None, None)
    assert services.tasks.get(task.id).due is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"notes": "x" * 100_001}, "notes is longer"),
        ({"priority": "asap"}, "not a priority"),
        ({"status": "finished"}, "not a task status"),
        ({"estimate_minutes": 0}, "estimate"),
        ({"tags": ["a b"]}, "not a tag"),
        ({"due": datetime(2026, 3, 5, 9, 0)}, "time zone"),
        ({"project_id": str(uuid.uuid4())}, "no project"),
    ],
)
def test_update_rejects_bad_input_and_changes_nothing(
    services: Services, fields: dict[str, object], message: str
) -> None:
    task = add(services, "Stable", priority="high")
    with pytest.raises(UserError, match=message):
        services.tasks.update(task.id, title="Changed", **fields)  # type: ignore[arg-type]
    assert services.tasks.get(task.id) == task
    with pytest.raises(UserError, match="title cannot be empty"):
        services.tasks.update(task.id, title="  ", notes="changed")
    assert services.tasks.get(task.id) == task


def test_update_unknown_task(services: Services) -> None:
    with pytest.raises(NotFoundError, match="there is no task"):
        services.tasks.update(uuid.uuid4(), title="x")
    with pytest.raises(UserError, match="is not a task id"):
        services.tasks.update("nope", title="x")


def test_parent_cycles_are_refused(services: Services) -> None:
    root = add(services, "root")
    child = add(services, "child", parent_id=root.id)
    grandchild = add(services, "grandchild", parent_id=child.id)
    other = add(services, "other")

    for parent in (root.id, child.id, grandchild.id):
        with pytest.raises(UserError, match="cannot be its own parent"):
            services.tasks.update(root.id, parent_id=parent)
    with pytest.raises(UserError, match="cannot be its own parent"):
        services.tasks.update(child.id, parent_id=grandchild.id)
    with pytest.raises(NotFoundError, match="parent task"):
        services.tasks.update(child.id, parent_id=uuid.uuid4())

    services.tasks.update(grandchild.id, parent_id=other.id)
    assert services.tasks.get(grandchild.id).parent_id == other.id
    services.tasks.update(grandchild.id, parent_id=None)
    assert services.tasks.get(grandchild.id).parent_id is None
    assert services.tasks.get(root.id).parent_id is None


def test_complete_and_reopen(services: Services, clock: FakeClock) -> None:
    task = add(services, "Finish")
    clock.advance(hours=2)
    done = services.tasks.complete(task.id)
    assert done.changes == TASKS_ONLY
    assert done.value.status == "done"
    assert done.value.completed_at == clock.current
    finished_at = clock.current

    clock.advance(hours=1)
    services.tasks.complete(task.id)  # completing again keeps the first completion time
    assert services.tasks.get(task.id).completed_at == finished_at

    reopened = services.tasks.update(task.id, status="todo").value
    assert reopened.status == "todo"
    assert reopened.completed_at is None
    services.tasks.update(task.id, status="in-progress")
    assert services.tasks.get(task.id).status == "in_progress"


# -- deleting --------------------------------------------------------------------------


def test_delete_tombstones_the_task_and_all_descendants(services: Services, store: Store) -> None:
    root = add(services, "root")
    child = add(services, "child", parent_id=root.id)
    grandchild = add(services, "grandchild", parent_id=child.id)
    sibling = add(services, "sibling", parent_id=root.id)
    keeper = add(services, "keeper")

    outcome = services.tasks.delete(root.id)
    assert outcome.value == 4
    assert outcome.changes == TASKS_ONLY

    for task in (root, child, grandchild, sibling):
        row = raw(store, task.id)
        assert row.deleted_hlc is not None
        assert row.hlc == row.deleted_hlc
        with pytest.raises(NotFoundError):
            services.tasks.get(task.id)
    assert raw(store, keeper.id).deleted_hlc is None
    assert titles(services.tasks.list(TaskFilter(status="all"))) == ["keeper"]
    assert services.tasks.subtasks(root.id) == []
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Task)) == 5
    with pytest.raises(NotFoundError):
        services.tasks.delete(root.id)


# -- statistics ------------------------------------------------------------------------


def test_stats_in_the_users_zone(services: Services, clock: FakeClock) -> None:
    # Now is 2026-03-04 11:00 in Berlin.
    add(services, "late tonight", due=datetime(2026, 3, 4, 23, 30, tzinfo=BERLIN))
    add(services, "just after midnight", due=datetime(2026, 3, 5, 0, 30, tzinfo=BERLIN))
    add(services, "today (date)", due=date(2026, 3, 4))
    add(services, "yesterday (date)", due=date(2026, 3, 3))
    add(
        services,
        "last night",
        due=datetime(2026, 3, 3, 23, 30, tzinfo=BERLIN),
        status="in_progress",
    )
    add(services, "done overdue", due=date(2026, 3, 1), status="done")
    add(services, "cancelled", status="cancelled")
    add(services, "undated")
    clock.advance(days=-8)
    old = add(services, "done long ago")
    services.tasks.complete(old.id)
    clock.advance(days=8)
    recent = add(services, "done now")
    services.tasks.complete(recent.id)

    stats = services.tasks.stats()
    assert stats.open == 6
    assert stats.in_progress == 1
    assert stats.done == 3
    assert stats.cancelled == 1
    # Overdue: yesterday's date and last night's instant (not today's date, not tonight).
    assert stats.overdue == 2
    # Due today in Berlin: today's date and 23:30 tonight (22:30 UTC). 00:30 tomorrow in
    # Berlin is 23:30 UTC today, and is not today here; 23:30 last night is 22:30 UTC.
    assert stats.due_today == 2
    # Completed within 7 days: "done overdue" (added done) and "done now", not the old one.
    assert stats.completed_last_7_days == 2


# -- moving ----------------------------------------------------------------------------


def test_move_reorders_by_sort_key(services: Services) -> None:
    a, b, c = (add(services, name) for name in "abc")
    assert titles(services.tasks.list()) == ["a", "b", "c"]

    moved = services.tasks.move(c.id, after=str(a.id), before=str(b.id))
    assert moved.changes == TASKS_ONLY
    assert titles(services.tasks.list()) == ["a", "c", "b"]
    services.tasks.move(a.id, after=str(b.id), before=None)
    assert titles(services.tasks.list()) == ["c", "b", "a"]
    services.tasks.move(a.id, after=None, before=str(c.id))
    assert titles(services.tasks.list()) == ["a", "c", "b"]
    # Many moves into the same gap always find room.
    for _ in range(10):
        services.tasks.move(b.id, after=str(a.id), before=str(c.id))
        services.tasks.move(c.id, after=str(a.id), before=str(b.id))
    assert titles(services.tasks.list()) == ["a", "c", "b"]


def test_move_errors(services: Services) -> None:
    a, b = add(services, "a"), add(services, "b")
    with pytest.raises(UserError, match="say which task"):
        services.tasks.move(a.id, after=None, before=None)
    with pytest.raises(UserError, match="must come before"):
        services.tasks.move(a.id, after=str(b.id), before=str(a.id))
    with pytest.raises(NotFoundError):
        services.tasks.move(a.id, after=str(uuid.uuid4()), before=None)
    with pytest.raises(NotFoundError):
        services.tasks.move(uuid.uuid4(), after=str(a.id), before=None)
    assert titles(services.tasks.list()) == ["a", "b"]


# -- adding many -----------------------------------------------------------------------


def test_add_many_inserts_all_in_order_after_existing(services: Services, store: Store) -> None:
    first = add(services, "existing")
    parent = add(services, "parent")
    drafts = [
        TaskDraft(
            title=f"bulk {i:04d}",
            tags=["bulk"],
            parent_id=parent.id if i % 100 == 0 else None,
            due=date(2026, 4, 1) if i == 5 else None,
        )
        for i in range(1000)
    ]

    outcome = services.tasks.add_many(drafts)
    assert outcome.value == 1000
    assert outcome.changes == TASKS_ONLY

    with store.read() as session:
        rows = session.scalars(select(Task).order_by(Task.sort_key)).all()
    assert [row.title for row in rows] == ["existing", "parent"] + [d.title for d in drafts]
    keys = [row.sort_key for row in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    bulk = rows[2:]
    assert all(row.owner_id == store.user_id and row.origin == store.device_id for row in bulk)
    assert all(row.deleted_hlc is None and row.tags == ["bulk"] for row in bulk)
    hlcs = [row.hlc for row in bulk]
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == 1000
    assert hlcs[0] > raw(store, first.id).hlc
    data_columns = {c.key for c in inspect(Task).column_attrs} - SYNC_COLUMNS
    assert all(set(row.field_hlc) == data_columns for row in bulk)
    assert services.tasks.count(TaskFilter(tag="bulk")) == 1000
    assert len(services.tasks.subtasks(parent.id)) == 10
    assert services.tasks.get(bulk[5].id).due == date(2026, 4, 1)
    # A task added afterwards goes after all of them, and so do later bulk inserts.
    last = add(services, "after")
    more = services.tasks.add_many([TaskDraft(title="more 1"), TaskDraft(title="more 2")])
    assert more.value == 2
    listed = titles(services.tasks.list(TaskFilter(limit=None)))
    assert listed[0] == "bulk 0005"  # the only dated one
    assert listed[-3:] == [last.title, "more 1", "more 2"]
    assert listed[1:4] == ["existing", "parent", "bulk 0000"]
    assert raw(store, last.id).hlc > hlcs[-1]  # the bulk path saved the clock too


@pytest.mark.parametrize(
    "bad",
    [
        TaskDraft(title=""),
        TaskDraft(title="x", priority="none"),
        TaskDraft(title="x", parent_id=uuid.uuid4()),
        TaskDraft(title="x", tags=["a tag"]),
    ],
)
def test_add_many_is_all_or_nothing(services: Services, bad: TaskDraft) -> None:
    add(services, "existing")
    drafts = [TaskDraft(title=f"ok {i}") for i in range(50)]
    drafts.insert(25, bad)
    with pytest.raises(UserError):
        services.tasks.add_many(drafts)
    assert titles(services.tasks.list(TaskFilter(status="all"))) == ["existing"]


def test_add_many_of_nothing(services: Services) -> None:
    outcome = services.tasks.add_many([])
    assert outcome.value == 0
    assert not outcome.changes


def test_every_write_reports_task_changes(services: Services) -> None:
    task = services.tasks.add(TaskDraft("a"))
    other = services.tasks.add(TaskDraft("b"))
    outcomes = [
        task,
        other,
        services.tasks.update(task.value.id, notes="n"),
        services.tasks.complete(task.value.id),
        services.tasks.move(other.value.id, after=None, before=str(task.value.id)),
        services.tasks.add_many([TaskDraft("c")]),
        services.tasks.delete(task.value.id),
    ]
    assert all(outcome.changes == TASKS_ONLY for outcome in outcomes)


# -- sync columns ----------------------------------------------------------------------


def test_add_stamps_the_sync_columns(services: Services, store: Store, clock: FakeClock) -> None:
    task = add(services, "Stamped", tags=["x"])
    row = raw(store, task.id)
    assert row.owner_id == store.user_id
    assert row.origin == store.device_id
    assert row.hlc > 0
    assert row.deleted_hlc is None
    assert millis_of(row.hlc) == int(clock.current.timestamp() * 1000)
    data_columns = {c.key for c in inspect(Task).column_attrs} - SYNC_COLUMNS
    assert set(row.field_hlc) == data_columns
    assert set(row.field_hlc.values()) == {row.hlc}
    assert row.created_at == row.updated_at == clock.current


def test_title_update_moves_only_the_title_hlc(
    services: Services, store: Store, clock: FakeClock
) -> None:
    task = add(services, "Before", notes="n", priority="high")
    before = dict(raw(store, task.id).field_hlc)
    clock.advance(minutes=1)

    services.tasks.update(task.id, title="After")

    row = raw(store, task.id)
    assert row.field_hlc["title"] > before["title"]
    assert row.hlc == row.field_hlc["title"]
    assert {k: v for k, v in row.field_hlc.items() if k != "title"} == {
        k: v for k, v in before.items() if k != "title"
    }
    assert row.updated_at == clock.current
    assert row.origin == store.device_id


def test_status_update_stamps_status_and_completion(services: Services, store: Store) -> None:
    task = add(services, "Complete me")
    before = dict(raw(store, task.id).field_hlc)
    services.tasks.complete(task.id)
    row = raw(store, task.id)
    grown = {k for k, v in row.field_hlc.items() if v != before[k]}
    assert grown == {"status", "completed_at"}


def test_hlcs_strictly_increase_when_the_clock_stands_still(
    services: Services, store: Store
) -> None:
    ids = [add(services, f"t{i}").id for i in range(5)]
    services.tasks.update(ids[0], title="edited")
    services.tasks.delete(ids[1])
    hlcs = [raw(store, i).hlc for i in ids[2:]] + [
        raw(store, ids[0]).hlc,
        raw(store, ids[1]).deleted_hlc,
    ]
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == len(hlcs)
    assert all(millis_of(h) == millis_of(hlcs[0]) for h in hlcs)  # same millisecond


def test_the_clock_is_persisted_across_store_objects(
    services: Services, store: Store, clock: FakeClock
) -> None:
    last = max(raw(store, add(services, f"t{i}").id).hlc for i in range(3))
    # A new store object on the same file, whose wall clock is an hour behind.
    behind = FakeClock(clock.current - timedelta(hours=1))
    reopened = open_store(store.path, now=behind)
    try:
        assert reopened.device_id == store.device_id
        task = Services(reopened, "Europe/Berlin").tasks.add(TaskDraft("later")).value
        with reopened.read() as session:
            row = session.get(Task, task.id)
            assert row is not None
            assert row.hlc > last
    finally:
        reopened.close()
    # And the first store continues above what the second wrote.
    again = add(services, "again")
    assert raw(store, again.id).hlc > row.hlc
