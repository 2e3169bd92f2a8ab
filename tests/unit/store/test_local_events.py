"""Store events: written with the write that made them, by any process (real SQLite)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.message_drafts import draft_reply, queue_message
from desktop.services.messages import IncomingMessage
from desktop.services.store_events import StoreEventService
from desktop.services.tasks import TaskDraft
from desktop.store import events as store_events
from desktop.store.models import LocalEvent, Task
from desktop.store.profile import Store, open_store
from tests.conftest import FakeClock

IMPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def events(store: Store) -> list[LocalEvent]:
    with store.read() as session:
        return list(session.scalars(select(LocalEvent).order_by(LocalEvent.id)).all())


def names(store: Store) -> list[str]:
    return [row.name for row in events(store)]


def test_a_new_task_makes_task_created_with_the_fields_conditions_read(
    services: Services, store: Store, clock: FakeClock
) -> None:
    task = services.tasks.add(
        TaskDraft(title="Pay rent", tags=["home"], priority="high", due=datetime(2026, 3, 6).date())
    ).value
    [row] = events(store)
    assert (row.name, row.ref, row.depth) == ("task.created", str(task.id), 0)
    assert row.data["title"] == "Pay rent"
    assert row.data["tags"] == ["home"]
    assert row.data["priority"] == "high"
    assert row.data["due"] == "2026-03-06"
    assert row.created_at == clock.current


def test_a_rolled_back_write_leaves_no_event(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.s.add(Task(title="Never", sort_key="a"))
        uow.s.flush()  # flushed (the event is noted) but never committed

    def failing_write() -> None:
        with store.unit_of_work() as uow:
            uow.s.add(Task(title="Fails", sort_key="b"))
            uow.s.flush()
            raise RuntimeError("the write fails after its flush")

    with pytest.raises(RuntimeError):
        failing_write()
    assert events(store) == []
    with store.unit_of_work() as uow:
        uow.s.add(Task(title="Kept", sort_key="c"))
        uow.commit()
    assert [row.data["title"] for row in events(store)] == ["Kept"]


def test_a_savepoint_rolled_back_takes_only_its_own_events(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.s.add(Task(title="Outer", sort_key="a"))
        uow.s.flush()
        savepoint = uow.s.begin_nested()
        uow.s.add(Task(title="Inner", sort_key="b"))
        uow.s.flush()
        savepoint.rollback()
        uow.commit()
    assert [row.data["title"] for row in events(store)] == ["Outer"]


def test_completing_a_task_makes_task_completed_once(services: Services, store: Store) -> None:
    task = services.tasks.add(TaskDraft(title="Water plants")).value
    services.tasks.update(task.id, title="Water the plants")
    assert names(store) == ["task.created"]
    services.tasks.complete(task.id)
    services.tasks.update(task.id, title="Watered")  # still done: no second completion
    assert names(store) == ["task.created", "task.completed"]
    completed = events(store)[-1]
    assert completed.ref == str(task.id)
    assert completed.data["status"] == "done"
    assert completed.data["completed_at"] is not None


def test_bulk_added_tasks_make_events_too(services: Services, store: Store) -> None:
    count = services.tasks.add_many([TaskDraft(title=f"Item {n}") for n in range(3)]).value
    assert count == 3
    found = events(store)
    assert [row.name for row in found] == ["task.created"] * 3
    assert sorted(row.data["title"] for row in found) == ["Item 0", "Item 1", "Item 2"]


def test_received_messages_make_events_and_own_drafts_do_not(
    services: Services, store: Store
) -> None:
    received = services.messages.receive(
        IncomingMessage(
            platform="email",
            sender="Ann Lee",
            sender_address="ann@example.com",
            subject="Lunch?",
            body_text="Tomorrow at noon",
        )
    ).value
    draft_reply(services.ctx, received.id, "Yes, gladly")
    queue_message(services.ctx, ["bob@example.com"], "Hello", "Hi Bob")
    [row] = events(store)
    assert row.name == "message.received"
    assert row.ref == str(received.id)
    assert row.data["sender_address"] == "ann@example.com"
    assert row.data["subject"] == "Lunch?"
    assert row.data["platform"] == "email"


def test_imported_transactions_and_added_ones_are_told_apart(
    services: Services, store: Store
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_transaction(
        TransactionDraft(amount="-12.50", payee="Bakery", date=datetime(2026, 3, 3).date())
    )
    result = services.imports.commit(IMPORTS / "march.csv").value
    found = events(store)
    added = [row for row in found if row.name == "transaction.added"]
    imported = [row for row in found if row.name == "transaction.imported"]
    assert [row.data["payee"] for row in added] == ["Bakery"]
    assert added[0].data["amount"] == "-12.50"
    assert len(imported) == result.imported
    assert {row.data["import_batch"] for row in imported} == {result.batch}
    rent = next(row for row in imported if row.data["amount_minor"] == -80000)
    assert rent.data["amount"] == "-800.00"
    assert rent.data["currency"] == "EUR"


def test_demo_seeding_makes_no_events(store: Store) -> None:
    from desktop.services.demo import seed_demo

    counts = seed_demo(store, "small")
    assert counts.tasks > 0
    assert events(store) == []


def test_events_inside_a_workflow_chain_carry_its_depth(services: Services, store: Store) -> None:
    with store_events.chained(2):
        services.tasks.add(TaskDraft(title="Made by a workflow"))
    services.tasks.add(TaskDraft(title="Made by hand"))
    assert [(row.data["title"], row.depth) for row in events(store)] == [
        ("Made by a workflow", 2),
        ("Made by hand", 0),
    ]


def test_events_older_than_a_week_are_pruned(
    services: Services, store: Store, clock: FakeClock
) -> None:
    services.tasks.add(TaskDraft(title="Old"))
    clock.advance(days=6)
    services.tasks.add(TaskDraft(title="Recent"))
    clock.advance(days=2)
    assert StoreEventService(services.ctx).prune() == 1
    assert [row.data["title"] for row in events(store)] == ["Recent"]
    # Ids keep growing after a prune (AUTOINCREMENT): a cursor never sees an id twice.
    last = events(store)[-1].id
    services.tasks.add(TaskDraft(title="Later"))
    assert events(store)[-1].id > last


def test_a_command_line_write_makes_an_event_the_app_reads(tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    data_dir.mkdir()
    opened = open_store(data_dir / "atrium.sqlite3", now=lambda: datetime.now(UTC))
    try:
        app_side = StoreEventService(Services(opened, "UTC").ctx)
        cursor = app_side.cursor()
        added = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--data-dir",
                str(data_dir),
                "task",
                "add",
                "From CLI",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert added.returncode == 0, added.stderr
        found = app_side.drain(cursor)
        assert [(e.name, e.data["title"]) for e in found] == [("task.created", "From CLI")]
        assert found[0].created_at > datetime.now(UTC) - timedelta(minutes=5)
    finally:
        opened.close()
