"""The SQLite engine's pragmas, opening a profile, and damaged files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.core.errors import StoreError
from desktop.store.engine import quick_check
from desktop.store.migrate import HEAD_REVISION, sqlite_revision
from desktop.store.models import AppMeta, Task, User
from desktop.store.profile import Store, open_store


def test_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


def test_first_open_creates_identity_and_user(store: Store) -> None:
    with store.read() as session:
        user = session.get(User, store.user_id)
        meta = dict(session.execute(select(AppMeta.key, AppMeta.value)).all())
    assert user is not None
    assert user.owner_id == store.user_id
    assert user.time_zone
    assert meta["device_id"] == str(store.device_id)
    assert sqlite_revision(store.path) == HEAD_REVISION


def test_reopening_keeps_identity(tmp_path: Path) -> None:
    first = open_store(tmp_path / "a.sqlite3")
    ids = (first.device_id, first.user_id)
    first.close()
    again = open_store(tmp_path / "a.sqlite3", integrity_check=True)
    assert (again.device_id, again.user_id) == ids
    again.close()


def test_garbage_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "atrium.sqlite3"
    garbage = b"this is not a database, it is a shopping list\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError, match="has not changed it"):
        open_store(path, integrity_check=True)
    with pytest.raises(StoreError):
        open_store(path)
    assert path.read_bytes() == garbage


def test_corrupted_pages_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "atrium.sqlite3"
    store = open_store(path)
    with store.unit_of_work() as uow:
        uow.s.add_all(
            Task(title=f"task {i} " + "x" * 200, sort_key=f"U{i:05d}") for i in range(400)
        )
        uow.commit()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12), page):
        data[offset + 8 : offset + 600] = b"\xde\xad\xbe\xef" * 148
    path.write_bytes(bytes(data))
    assert quick_check(path)
    with pytest.raises(StoreError, match="damaged"):
        open_store(path, integrity_check=True)


def _damaged_profile(path: Path, pages: range) -> None:
    store = open_store(path)
    with store.unit_of_work() as uow:
        uow.s.add_all(
            Task(title=f"task {i} " + "x" * 200, sort_key=f"U{i:05d}") for i in range(400)
        )
        uow.commit()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page_count = len(data) // 4096
    for page in pages:
        offset = 4096 * (page % page_count)
        if offset + 600 <= len(data):
            data[offset + 8 : offset + 600] = b"\xde\xad\xbe\xef" * 148
    path.write_bytes(bytes(data))


def test_a_background_check_lets_reads_start_and_stops_writes_to_a_damaged_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "atrium.sqlite3"
    _damaged_profile(path, range(-12, -2))  # the last pages: task rows, not the profile's
    before = path.read_bytes()
    store = open_store(path, integrity_check="background")
    try:
        assert store.integrity is not None
        assert store.integrity.result(timeout=30)  # problems found
        with pytest.raises(StoreError, match="damaged"):
            store.unit_of_work()
    finally:
        store.close()
    assert path.read_bytes() == before


def test_a_damaged_profile_record_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "atrium.sqlite3"
    _damaged_profile(path, range(3, 12))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        open_store(path, integrity_check="background")
    assert path.read_bytes() == before


def test_a_background_check_of_a_healthy_file_lets_writes_through(tmp_path: Path) -> None:
    path = tmp_path / "atrium.sqlite3"
    open_store(path).close()
    store = open_store(path, integrity_check="background")
    try:
        with store.unit_of_work() as uow:
            uow.s.add(Task(title="fine", sort_key="U1"))
            uow.commit()
        assert store.integrity is not None
        assert store.integrity.result() == []
    finally:
        store.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "atrium.sqlite3"
    open_store(path).close()
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StoreError, match="newer Atrium"):
        open_store(path)


def test_two_writers_take_turns(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE + busy timeout: concurrent writers queue instead of failing."""
    path = tmp_path / "atrium.sqlite3"
    stores = [open_store(path), open_store(path)]
    errors: list[BaseException] = []

    def write(store: Store, prefix: str) -> None:
        try:
            for i in range(40):
                with store.unit_of_work() as uow:
                    uow.s.scalar(select(Task.id).limit(1))  # read first, then write
                    uow.s.add(Task(title=f"{prefix}{i}", sort_key=f"{prefix}{i:03d}"))
                    uow.commit()
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(s, p)) for s, p in zip(stores, "ab", strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with stores[0].read() as session:
        rows = session.scalars(select(Task.hlc)).all()
    assert len(rows) == 80
    assert len(set(rows)) == 80
    for store in stores:
        store.close()
