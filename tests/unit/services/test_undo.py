"""Undo and redo of every write action of the catalog, through `UndoService.revert`."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.base import Outcome
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.services.undo import changes_of
from desktop.store.changeset import ChangeSet
from desktop.store.models import SYNC_COLUMNS, SYNCED_MODELS, Task
from desktop.store.profile import Store
from tests.conftest import FakeClock
from tests.unit.services.test_actions import seeded, smoke_arguments

__all__ = ["seeded"]  # the fixture, shared with the smoke test of every action

CATALOG = default_catalog()
WRITES = [a.name for a in CATALOG.all() if a.risk != "read"]


def arguments(services: Services, ids: dict[str, str], name: str) -> dict[str, Any]:
    """The smoke test's arguments, made to change something where they change nothing."""
    if name == "move_task":  # task2 already follows task: move task3 in between instead
        return {"id": ids["task3"], "after": ids["task"]}
    if name == "set_task_project":  # the seeded task has no project to take it out of
        project = CATALOG.call(services, "add_project", {"name": "Undo project"}).value
        return {"id": ids["task"], "project_id": str(project.id)}
    if name == "move_category_rule":  # the seeded rule is the only one: add one to pass
        CATALOG.call(services, "add_category_rule", {"category": "x", "payee_contains": "y"})
        return {"id": ids["rule"], "position": 2}
    if name == "unreconcile_transaction":  # reconcile Main first: a mark to take off
        CATALOG.call(services, "reconcile_account", {"account": "Main", "balance": "-12.00"})
    if name in ("create_bill_tasks", "complete_paid_bills"):  # a monthly bill due this week
        for month in ("2025-11-06", "2025-12-06", "2026-01-06", "2026-02-06"):
            CATALOG.call(
                services,
                "add_transaction",
                {"amount": "-30", "payee": "Fitness Club", "date": month, "account": "Main"},
            )
    if name == "complete_paid_bills":  # its task, then the payment that pays it
        CATALOG.call(services, "create_bill_tasks", {})
        CATALOG.call(
            services,
            "add_transaction",
            {"amount": "-30", "payee": "Fitness Club", "date": "2026-03-04", "account": "Main"},
        )
    if name == "apply_categories":  # give the seeded rule an uncategorised row to match
        CATALOG.call(services, "add_transaction", {"amount": "-2", "payee": "Seed cafe"})
    return smoke_arguments(ids)[name]


def snapshot(store: Store) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every table's live rows, without the sync and timestamp columns."""
    result: dict[str, dict[Any, dict[str, Any]]] = {}
    with store.read() as session:
        for model in SYNCED_MODELS:
            table = model.__table__  # type: ignore[attr-defined]
            rows = session.execute(select(table).where(table.c.deleted_hlc.is_(None)))
            result[table.name] = {
                row.id: {k: v for k, v in row._mapping.items() if k not in SYNC_COLUMNS}
                for row in rows
            }
    return result


def search_index(store: Store) -> set[tuple[str, str, str, str]]:
    """The full-text index as (kind, ref, title, body) rows."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, ref, title, body FROM search_index"))
        return {(r.kind, r.ref, r.title, r.body) for r in rows}


def search_titles(services: Services, query: str) -> set[str]:
    return {hit.title for hit in services.search.search(query)}


@pytest.mark.parametrize("name", WRITES)
def test_every_write_action_undoes_and_redoes(
    services: Services, store: Store, clock: FakeClock, seeded: dict[str, str], name: str
) -> None:
    args = arguments(services, seeded, name)
    before, index_before = snapshot(store), search_index(store)
    result = CATALOG.call(services, name, args)
    after, index_after = snapshot(store), search_index(store)
    assert after != before, f"{name} changed no row"
    assert result.undo is not None
    assert result.undo.can_undo, result.undo.reason
    assert set(changes_of(result.undo).areas()) <= set(result.changes.areas()) | {"reminders"}

    clock.advance(minutes=1)
    undone = services.undo.revert(result.undo)
    assert snapshot(store) == before
    assert search_index(store) == index_before
    assert undone.changes, "an undo announces what it changed"
    assert undone.undo is undone.value
    assert undone.value.can_undo

    clock.advance(minutes=1)
    redone = services.undo.revert(undone.value, verb="redo")
    assert snapshot(store) == after
    assert search_index(store) == index_after
    # And once more round the loop: undo the redo.
    services.undo.revert(redone.value)
    assert snapshot(store) == before


def call(services: Services, name: str, **args: Any) -> Any:
    return CATALOG.call(services, name, args)


def test_undo_is_refused_when_the_row_changed_since(services: Services, store: Store) -> None:
    task = call(services, "add_task", title="Buy milk").value
    renamed = call(services, "update_task", id=str(task.id), title="Buy oat milk")
    services.tasks.update(task.id, priority="high")  # another column: undo still fits
    services.tasks.update(task.id, title="Buy soy milk")  # the same column: it does not
    before = snapshot(store)
    assert renamed.undo is not None
    with pytest.raises(
        UserError, match=r"^the task 'Buy soy milk' was changed since; cannot undo$"
    ):
        services.undo.revert(renamed.undo)
    assert snapshot(store) == before  # nothing half-done
    # Undoing the add is refused too: the row no longer holds what the add left.
    added = call(services, "add_task", title="Walk")
    services.tasks.update(added.value.id, notes="in the park")
    with pytest.raises(UserError, match="the task 'Walk' was changed since; cannot undo"):
        services.undo.revert(added.undo)


def test_undo_of_an_unrelated_column_change_keeps_the_other_edit(services: Services) -> None:
    task = call(services, "add_task", title="Plan trip").value
    retitled = call(services, "update_task", id=str(task.id), title="Plan the trip")
    services.tasks.update(task.id, priority="urgent")
    services.undo.revert(retitled.undo)
    view = services.tasks.get(task.id)
    assert (view.title, view.priority) == ("Plan trip", "urgent")


def test_redo_is_refused_when_the_row_changed_after_the_undo(services: Services) -> None:
    note = call(services, "add_note", title="Draft")
    deleted = call(services, "delete_note", id=str(note.value.id))
    restored = services.undo.revert(deleted.undo)
    services.notes.update(note.value.id, body="edited after the undo")
    with pytest.raises(UserError, match="the note 'Draft' was changed since; cannot redo"):
        services.undo.revert(restored.value, verb="redo")


def test_search_finds_the_text_of_an_undone_delete(services: Services) -> None:
    note = call(services, "add_note", title="Quarterly", body="zanzibar itinerary")
    deleted = call(services, "delete_note", id=str(note.value.id))
    assert search_titles(services, "zanzibar") == set()
    services.undo.revert(deleted.undo)
    assert search_titles(services, "zanzibar") == {"Quarterly"}
    renamed = call(services, "update_note", id=str(note.value.id), title="Yearly")
    assert search_titles(services, "yearly") == {"Yearly"}
    services.undo.revert(renamed.undo)
    assert search_titles(services, "yearly") == set()
    assert search_titles(services, "quarterly") == {"Quarterly"}


def test_undoing_a_task_delete_brings_back_its_subtasks(services: Services, store: Store) -> None:
    parent = call(services, "add_task", title="Move house").value
    for title in ("Pack", "Book van"):
        services.tasks.add(TaskDraft(title=title, parent_id=parent.id))
    before = snapshot(store)
    deleted = call(services, "delete_task", id=str(parent.id))
    assert deleted.value == 3
    assert [c.kind for c in deleted.undo.rows] == ["delete"] * 3
    services.undo.revert(deleted.undo)
    assert snapshot(store) == before


def test_undo_stamps_sync_columns_like_any_write(
    services: Services, store: Store, clock: FakeClock
) -> None:
    task = call(services, "add_task", title="Old title").value
    result = call(services, "update_task", id=str(task.id), title="New title")
    with store.read() as session:
        edited = session.get(Task, task.id)
        assert edited is not None
    clock.advance(minutes=3)
    services.undo.revert(result.undo)
    with store.read() as session:
        undone = session.get(Task, task.id)
        assert undone is not None
    assert undone.title == "Old title"
    assert undone.hlc > edited.hlc
    assert undone.field_hlc["title"] == undone.hlc > edited.field_hlc["title"]
    assert undone.field_hlc["notes"] == edited.field_hlc["notes"]
    assert undone.updated_at == clock.current != edited.updated_at
    assert undone.created_at == edited.created_at
    assert undone.origin == store.device_id


def test_undo_of_a_delete_is_a_sync_undelete(services: Services, store: Store) -> None:
    task = call(services, "add_task", title="Keep me").value
    deleted = call(services, "delete_task", id=str(task.id))
    with store.read() as session:
        tombstone = session.get(Task, task.id)
        assert tombstone is not None
        assert tombstone.deleted_hlc is not None
    services.undo.revert(deleted.undo)
    with store.read() as session:
        back = session.get(Task, task.id)
        assert back is not None
    assert back.deleted_hlc is None
    assert back.hlc > tombstone.deleted_hlc


def test_nothing_to_undo_and_bulk_changes(services: Services) -> None:
    with pytest.raises(UserError, match="there is nothing to undo"):
        services.undo.revert(ChangeSet())
    bulk = ChangeSet(
        call(services, "add_task", title="x").undo.rows, False, "rows were written in bulk"
    )
    with pytest.raises(
        UserError, match=r"this change cannot be undone \(rows were written in bulk\)"
    ):
        services.undo.revert(bulk)


def test_reads_and_old_outcomes_carry_no_undo(services: Services) -> None:
    assert call(services, "list_tasks").undo is None
    assert Outcome(1, Changes()).undo is None
    result = call(services, "add_task", title="Areas")
    assert changes_of(result.undo) == Changes(tasks=True)
    assert services.undo.revert(result.undo).changes == Changes(tasks=True)


@pytest.mark.parametrize("name", [a.name for a in CATALOG.all() if a.risk == "read"])
def test_read_actions_record_nothing(services: Services, seeded: dict[str, str], name: str) -> None:
    assert CATALOG.call(services, name, smoke_arguments(seeded)[name]).undo is None


def test_undoing_a_time_zone_change_uses_the_old_zone_again(services: Services) -> None:
    profile_zone = Services(services.store)  # no TZ override: the profile's zone counts
    before = profile_zone.ctx.zone.key
    result = CATALOG.call(profile_zone, "update_profile", {"time_zone": "Asia/Tokyo"})
    assert profile_zone.ctx.zone.key == "Asia/Tokyo"
    assert result.undo is not None
    profile_zone.undo.revert(result.undo)
    assert profile_zone.ctx.zone.key == before != "Asia/Tokyo"
