"""Recording change sets in the unit of work, merging them, and applying them in reverse."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert, update

from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.changeset import ChangeSet, RowChange, collecting, revert
from desktop.store.models import AppMeta, Note, Task
from desktop.store.profile import Store
from desktop.store.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.unit.services.test_actions import seeded
from tests.unit.services.test_undo import WRITES, arguments, snapshot

__all__ = ["seeded"]  # the fixture of the action smoke test

CATALOG = default_catalog()


def add_task(store: Store, title: str, **values: Any) -> Task:
    with store.unit_of_work() as uow:
        task = Task(title=title, sort_key="U", **values)
        uow.s.add(task)
        uow.commit()
    return task


def made(uow: UnitOfWork) -> ChangeSet:
    """The change set the unit of work recorded at its commit."""
    assert uow.changeset is not None
    return uow.changeset


def by_key(changeset: ChangeSet) -> dict[tuple[str, Any], RowChange]:
    return {(row.table, row.id): row for row in changeset.rows}


def test_nothing_is_recorded_outside_collecting(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.s.add(Task(title="Plain", sort_key="U"))
        uow.commit()
    assert uow.recorder is None
    assert uow.changeset is None


def test_insert_update_and_tombstone_are_recorded(store: Store) -> None:
    with collecting() as recorded, store.unit_of_work() as uow:
        task = Task(title="Write report", sort_key="U", notes="draft")
        uow.s.add(task)
        uow.commit()
    assert made(uow) == recorded.changeset()
    (row,) = made(uow).rows
    assert (row.kind, row.table, row.id) == ("insert", "tasks", task.id)
    assert row.before is None
    assert row.after is not None
    assert row.after["title"] == "Write report"
    assert row.after["notes"] == "draft"
    assert not {"id", "hlc", "field_hlc", "updated_at", "deleted_hlc"} & set(row.after)

    with collecting(), store.unit_of_work() as uow:
        found = uow.s.get(Task, task.id)
        assert found is not None
        found.title, found.notes, found.priority = "Write the report", "draft", 2
        uow.commit()
    (row,) = made(uow).rows
    assert row.kind == "update"
    assert row.before == {"title": "Write report", "priority": 1}
    assert row.after == {"title": "Write the report", "priority": 2}

    with collecting(), store.unit_of_work() as uow:
        found = uow.s.get(Task, task.id)
        assert found is not None
        uow.tombstone(found)
        uow.commit()
    (row,) = made(uow).rows
    assert row.kind == "delete"
    assert row.after is None
    assert row.before is not None
    assert row.before["title"] == "Write the report"


def test_the_first_state_before_and_the_last_after_are_kept(store: Store) -> None:
    kept = add_task(store, "Kept")
    with collecting() as recorded:
        with store.unit_of_work() as uow:
            fresh = Task(title="Fresh", sort_key="V")
            uow.s.add(fresh)
            uow.s.flush()
            fresh.title = "Fresher"
            row = uow.s.get(Task, kept.id)
            assert row is not None
            row.title = "Kept once"
            uow.commit()
        with store.unit_of_work() as uow:
            row = uow.s.get(Task, kept.id)
            assert row is not None
            row.title = "Kept twice"
            uow.commit()
        with store.unit_of_work() as uow:  # rolled back: not part of the change set
            row = uow.s.get(Task, kept.id)
            assert row is not None
            row.title = "Never"
            uow.s.flush()
    rows = by_key(recorded.changeset())
    assert rows["tasks", fresh.id].kind == "insert"
    assert rows["tasks", fresh.id].after["title"] == "Fresher"  # type: ignore[index]
    assert rows["tasks", kept.id].before == {"title": "Kept"}
    assert rows["tasks", kept.id].after == {"title": "Kept twice"}


def test_a_nested_collection_is_part_of_the_outer_one(store: Store) -> None:
    with collecting() as outer:
        first = add_task(store, "Outer")
        with collecting() as inner:
            second = add_task(store, "Inner")
        with store.unit_of_work() as uow:
            row = uow.s.get(Task, second.id)
            assert row is not None
            row.title = "Inner, renamed"
            uow.commit()
    assert list(by_key(inner.changeset())) == [("tasks", second.id)]
    rows = by_key(outer.changeset())
    assert set(rows) == {("tasks", first.id), ("tasks", second.id)}
    assert rows["tasks", second.id].kind == "insert"
    assert rows["tasks", second.id].after["title"] == "Inner, renamed"  # type: ignore[index]


def test_a_row_added_and_deleted_in_one_action_leaves_nothing(store: Store) -> None:
    with collecting() as recorded:
        task = add_task(store, "Short-lived")
        with store.unit_of_work() as uow:
            row = uow.s.get(Task, task.id)
            assert row is not None
            uow.tombstone(row)
            uow.commit()
    changeset = recorded.changeset()
    assert changeset.rows == ()
    assert not changeset.can_undo


def test_core_inserts_with_ids_are_recorded(services: Services, store: Store) -> None:
    with collecting() as recorded:
        services.tasks.add_many([TaskDraft("One"), TaskDraft("Two")])
    changeset = recorded.changeset()
    assert changeset.undoable
    assert sorted(r.after["title"] for r in changeset.rows if r.after) == ["One", "Two"]
    with store.unit_of_work() as uow:
        revert(uow, changeset)
        uow.commit()
    assert services.tasks.list() == []


def test_bulk_writes_make_a_change_set_not_undoable(store: Store) -> None:
    task = add_task(store, "Bulk")
    with collecting(), store.unit_of_work() as uow:  # stamped, then written on the raw connection
        values = uow.stamp_insert({"title": "Raw", "sort_key": "W"})
        uow.s.connection().execute(insert(Task.__table__), [values])  # type: ignore[arg-type]
        uow.commit()
    assert not made(uow).undoable
    assert made(uow).reason == "rows were written in bulk"

    with collecting(), store.unit_of_work() as uow:
        uow.s.execute(update(Task).where(Task.id == task.id).values(title="All"))
        uow.commit()
    assert made(uow).reason == "tasks were changed in bulk"
    refused = pytest.raises(UserError, match=r"cannot be undone \(tasks were changed in bulk\)")
    with refused, store.unit_of_work() as again:
        revert(again, made(uow))

    with collecting(), store.unit_of_work() as uow:
        row = uow.s.get(Task, task.id)
        uow.s.delete(row)
        uow.commit()
    assert made(uow).reason == "rows were deleted for good"


def test_local_tables_are_not_part_of_a_change_set(store: Store) -> None:
    with collecting(), store.unit_of_work() as uow:
        uow.s.add(AppMeta(key="window", value="big"))
        uow.s.execute(update(AppMeta).where(AppMeta.key == "window").values(value="small"))
        uow.commit()
    assert made(uow) == ChangeSet()


def test_inverse_twice_is_the_change_set(store: Store) -> None:
    with collecting() as recorded:
        add_task(store, "Twice")
    changeset = recorded.changeset()
    assert changeset.inverse().inverse() == changeset
    assert [r.kind for r in changeset.inverse().rows] == ["delete"]


def test_revert_restores_a_tombstone_and_the_redo_deletes_it(
    store: Store, clock: FakeClock
) -> None:
    with store.unit_of_work() as uow:
        note = Note(title="Ideas", body="zanzibar")
        uow.s.add(note)
        uow.commit()
    with collecting() as recorded, store.unit_of_work() as uow:
        row = uow.s.get(Note, note.id)
        assert row is not None
        uow.tombstone(row)
        uow.commit()
    clock.advance(minutes=1)
    with collecting() as undone, store.unit_of_work() as uow:
        revert(uow, recorded.changeset())
        uow.commit()
    assert undone.changeset() == recorded.changeset().inverse()
    with store.read() as session:
        back = session.get(Note, note.id)
        assert back is not None
    assert back.deleted_hlc is None
    assert back.updated_at == clock.current


@pytest.mark.parametrize("name", WRITES)
def test_each_write_action_records_exactly_what_changed(
    services: Services, store: Store, seeded: dict[str, str], name: str
) -> None:
    args = arguments(services, seeded, name)
    before = snapshot(store)
    result = CATALOG.call(services, name, args)
    after = snapshot(store)
    expected: dict[tuple[str, Any], tuple[Any, Any]] = {}
    for table in before:
        for ident in set(before[table]) | set(after[table]):
            old, new = before[table].get(ident), after[table].get(ident)
            if old is not None and new is not None:
                changed = [k for k in new if old[k] != new[k]]
                old, new = {k: old[k] for k in changed}, {k: new[k] for k in changed}
            if old != new:
                expected[table, ident] = (old, new)
    assert result.undo is not None
    assert result.undo.undoable
    assert {key: (r.before, r.after) for key, r in by_key(result.undo).items()} == expected
