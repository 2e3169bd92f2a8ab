"""The unit of work's sync stamping and the FTS5 index kept by triggers."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text

from desktop.store.models import Note, Task, Transaction
from desktop.store.profile import Store, open_store
from tests.conftest import FakeClock


def _fts(store: Store, query: str) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text("SELECT kind, title FROM search_index WHERE search_index MATCH :q"),
                {"q": query},
            )
        ]


def test_new_rows_get_sync_columns(store: Store, clock: FakeClock) -> None:
    with store.unit_of_work() as uow:
        task = Task(title="Write report", sort_key="U")
        uow.s.add(task)
        uow.commit()
    assert task.owner_id == store.user_id
    assert task.origin == store.device_id
    assert task.hlc > 0
    assert task.deleted_hlc is None
    assert task.created_at == clock.current == task.updated_at
    assert set(task.field_hlc) >= {"title", "notes", "status", "due_date", "tags"}
    assert set(task.field_hlc.values()) == {task.hlc}


def test_update_stamps_only_changed_columns(store: Store, clock: FakeClock) -> None:
    with store.unit_of_work() as uow:
        task = Task(title="Write report", sort_key="U")
        uow.s.add(task)
        uow.commit()
    before = dict(task.field_hlc)
    clock.advance(minutes=5)
    with store.unit_of_work() as uow:
        row = uow.s.get(Task, task.id)
        assert row is not None
        row.title = "Write the report"
        uow.commit()
    assert row.field_hlc["title"] > before["title"]
    assert {k: v for k, v in row.field_hlc.items() if k != "title"} == {
        k: v for k, v in before.items() if k != "title"
    }
    assert row.hlc == row.field_hlc["title"]
    assert row.updated_at == clock.current


def test_unchanged_assignment_does_not_stamp(store: Store) -> None:
    with store.unit_of_work() as uow:
        task = Task(title="Same", sort_key="U")
        uow.s.add(task)
        uow.commit()
    with store.unit_of_work() as uow:
        row = uow.s.get(Task, task.id)
        assert row is not None
        row.title = "Same"
        uow.commit()
    assert row.hlc == task.hlc


def test_rollback_is_the_default(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.s.add(Task(title="never saved", sort_key="U"))
        uow.s.flush()
    with store.read() as session:
        assert session.scalar(select(Task.id)) is None


def test_read_sessions_refuse_writes(store: Store) -> None:
    with store.read() as session:
        session.add(Task(title="sneaky", sort_key="U"))
        with pytest.raises(RuntimeError, match="unit of work"):
            session.flush()


def test_clock_survives_reopening(tmp_path, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.sqlite3"
    first = open_store(path, now=clock)
    with first.unit_of_work() as uow:
        uow.s.add_all([Task(title=str(i), sort_key=f"U{i}") for i in range(5)])
        uow.commit()
    with first.read() as session:
        highest = max(session.scalars(select(Task.hlc)))
    first.close()
    clock.advance(days=-1)  # the wall clock went back a day
    second = open_store(path, now=clock)
    with second.unit_of_work() as uow:
        late = Task(title="later", sort_key="V")
        uow.s.add(late)
        uow.commit()
    assert late.hlc > highest
    second.close()


def test_bulk_insert_stamps(store: Store) -> None:
    with store.unit_of_work() as uow:
        rows = [
            uow.stamp_insert(
                {
                    "title": f"bulk {i}",
                    "sort_key": f"U{i:03d}",
                    "notes": "",
                    "status": "todo",
                    "priority": 1,
                    "tags": [],
                    "repeat_from": "due",
                    "reminders": [],
                    "id": __import__("desktop.core.ids", fromlist=["x"]).new_id(),
                }
            )
            for i in range(3)
        ]
        uow.s.execute(insert(Task), rows)
        uow.commit()
    hlcs = [r["hlc"] for r in rows]
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == 3
    assert all(r["field_hlc"]["title"] == r["hlc"] for r in rows)
    assert len(_fts(store, "bulk")) == 3


def test_search_index_follows_insert_update_delete_undelete(store: Store) -> None:
    with store.unit_of_work() as uow:
        note = Note(title="Dentist", body="bring the insurance card")
        tx = Transaction(
            account_id=store.user_id,
            date=store.now().date(),
            amount_minor=-500,
            currency="EUR",
            payee="Bakery Schmidt",
            category="groceries",
        )
        uow.s.add_all([note, tx])
        uow.commit()
    assert _fts(store, "insurance") == [("note", "Dentist")]
    assert _fts(store, "groceries") == [("transaction", "Bakery Schmidt")]
    with store.unit_of_work() as uow:
        row = uow.s.get(Note, note.id)
        assert row is not None
        row.body = "bring the passport"
        uow.commit()
    assert _fts(store, "insurance") == []
    assert _fts(store, "passport") == [("note", "Dentist")]
    with store.unit_of_work() as uow:
        row = uow.s.get(Note, note.id)
        assert row is not None
        uow.tombstone(row)
        uow.commit()
    assert _fts(store, "passport") == []
    with store.unit_of_work() as uow:
        row = uow.s.get(Note, note.id)
        assert row is not None
        row.deleted_hlc = None
        uow.commit()
    assert _fts(store, "passport") == [("note", "Dentist")]
    with store.unit_of_work() as uow:
        row = uow.s.get(Note, note.id)
        uow.s.delete(row)
        uow.commit()
    assert _fts(store, "passport") == []
    with store.engine.connect() as conn:
        mapped = conn.execute(text("SELECT count(*) FROM search_map")).scalar()
        indexed = conn.execute(text("SELECT count(*) FROM search_index")).scalar()
    assert mapped == indexed == 1  # only the transaction is left
