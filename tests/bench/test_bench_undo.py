"""What recording change sets costs, and what undoing costs, against the plain writes.

An import of many tasks (Core bulk insert) and single-task edits run with and
without `collecting()`; the undo of the recorded import reverts every row
through the ORM. Figures are ratios to the plain write measured in the same run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.changeset import ChangeSet, collecting
from desktop.store.profile import open_store
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench


def _drafts(count: int) -> list[TaskDraft]:
    return [TaskDraft(title=f"Imported task {i}", notes="from a file") for i in range(count)]


def test_recording_and_undoing_an_import(tmp_path: Path) -> None:
    count = 10_000 if full_size() else 1_000
    plain_times: list[float] = []
    recorded_times: list[float] = []
    undo_times: list[float] = []
    warm = Services(open_store(tmp_path / "warm.sqlite3"), "UTC")  # imports, caches, first use
    with collecting() as collected:
        warm.tasks.add_many(_drafts(count))
    warm.undo.revert(collected.changeset())
    warm.store.close()
    for round_no in range(3):
        plain = Services(open_store(tmp_path / f"plain{round_no}.sqlite3"), "UTC")
        plain_times.append(timed(lambda s=plain: s.tasks.add_many(_drafts(count))))
        plain.store.close()

        services = Services(open_store(tmp_path / f"rec{round_no}.sqlite3"), "UTC")
        recorded: list[ChangeSet] = []

        def import_recorded(s: Services = services, out: list[ChangeSet] = recorded) -> None:
            with collecting() as collected:
                s.tasks.add_many(_drafts(count))
            out.append(collected.changeset())

        recorded_times.append(timed(import_recorded))
        assert len(recorded[0].rows) == count
        undo_times.append(timed(lambda s=services, c=recorded[0]: s.undo.revert(c)))
        assert services.tasks.list() == []
        services.store.close()
    base = median(plain_times)
    report(
        "undo_import",
        tasks=count,
        plain_s=base,
        recorded_ratio=median(recorded_times) / base,
        undo_ratio=median(undo_times) / base,
    )


def test_recording_single_edits(tmp_path: Path) -> None:
    edits = 500 if full_size() else 100
    services = Services(open_store(tmp_path / "edits.sqlite3"), "UTC")
    task = services.tasks.add(TaskDraft("Edited")).value

    def edit_all(recording: bool) -> None:
        for i in range(edits):
            if recording:
                with collecting():
                    services.tasks.update(task.id, title=f"Edit {i}")
            else:
                services.tasks.update(task.id, title=f"Edit {i}")

    plain = median([timed(lambda: edit_all(False)) for _ in range(3)])
    recorded = median([timed(lambda: edit_all(True)) for _ in range(3)])
    services.store.close()
    report("undo_edit", edits=edits, plain_ms=1000 * plain / edits, ratio=recorded / plain)
