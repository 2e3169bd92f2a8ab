"""Closing a store found damaged writes nothing into it: no checkpoint of the write-ahead log.

The damaged profile is made for real: rows written and checkpointed, a later write left
in the WAL as a crash leaves it (the files copied while the writer still has them open),
then pages of the main file overwritten with garbage.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core.errors import StoreError
from desktop.store.engine import quick_check
from desktop.store.models import Note, Task
from desktop.store.profile import open_store

PAGE = 4096


def _profile_with_pending_wal(source: Path, target: Path) -> None:
    """A profile at `target` whose last write is still only in its `-wal` file."""
    store = open_store(source)
    with store.unit_of_work() as uow:
        uow.s.add_all(
            Task(title=f"task {i} " + "x" * 200, sort_key=f"U{i:05d}") for i in range(400)
        )
        uow.commit()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with store.unit_of_work() as uow:
        uow.s.add(Note(title="Written just before the crash", body="kept in the WAL"))
        uow.commit()
    # A crash: the files as they are while the store is still open.
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    store.close()
    assert Path(f"{target}-wal").stat().st_size > 0


def _damage(path: Path, pages: range) -> None:
    data = bytearray(path.read_bytes())
    count = len(data) // PAGE
    for page in pages:
        offset = PAGE * (page % count)
        data[offset + 8 : offset + 600] = b"\xde\xad\xbe\xef" * 148
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "crashed" / "atrium.sqlite3"
    path.parent.mkdir()
    _profile_with_pending_wal(tmp_path / "atrium.sqlite3", path)
    _damage(path, range(-12, -2))  # the last pages of the main file: task rows
    assert quick_check(path)
    return path


def test_closing_a_store_found_damaged_leaves_the_file_and_its_log_alone(damaged: Path) -> None:
    wal = Path(f"{damaged}-wal")
    before, log_before = damaged.read_bytes(), wal.read_bytes()
    store = open_store(damaged, integrity_check="background")
    with store.read() as session:  # the GUI reads while the check runs
        assert session.query(Note).count() == 1  # the WAL's row is seen
    assert store.integrity is not None
    assert store.integrity.result(timeout=30)
    assert not store.known_healthy()
    with pytest.raises(StoreError, match="damaged"):
        store.unit_of_work()
    store.close()

    assert damaged.read_bytes() == before
    assert wal.exists()
    assert wal.read_bytes() == log_before


def test_closing_before_the_check_has_answered_does_not_checkpoint(damaged: Path) -> None:
    store = open_store(damaged)
    before = damaged.read_bytes()
    from concurrent.futures import Future

    store.integrity = Future()  # a check still running
    with store.read() as session:
        session.query(Task).count()
    store.close()
    assert damaged.read_bytes() == before
    assert Path(f"{damaged}-wal").exists()


def test_a_healthy_store_still_checkpoints_on_close(tmp_path: Path) -> None:
    path = tmp_path / "healthy" / "atrium.sqlite3"
    path.parent.mkdir()
    _profile_with_pending_wal(tmp_path / "atrium.sqlite3", path)
    before = path.read_bytes()
    store = open_store(path, integrity_check="background")
    assert store.integrity is not None
    assert store.integrity.result(timeout=30) == []
    assert store.known_healthy()
    store.close()
    # The last connection folded the log into the file and removed it.
    assert path.read_bytes() != before
    assert not Path(f"{path}-wal").exists()
    with open_store(path).read() as session:
        assert session.query(Note).one().title == "Written just before the crash"
