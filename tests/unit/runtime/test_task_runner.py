"""TaskRunner: outcomes come back on the GUI thread, errors are never lost, db work is serial."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import functools
import logging
import threading
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.errors import UserError
from desktop.runtime.task_runner import TaskRunner

WAIT = 0.5  # seconds a worker waits for a partner job that only a parallel executor could run


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    qtbot.waitUntil(lambda: runner.busy_count == 0)
    runner.shutdown(wait=True)


def _boom() -> int:
    raise ValueError("boom")


def test_result_is_delivered_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    main = threading.get_ident()
    worker: list[int] = []
    delivered: list[tuple[int, int]] = []

    def job() -> int:
        worker.append(threading.get_ident())
        return 42

    runner.run_db(job, lambda value: delivered.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 1)

    assert delivered == [(42, main)]
    assert len(worker) == 1
    assert worker[0] != main


def test_io_results_are_delivered_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    main = threading.get_ident()
    delivered: list[tuple[str, int, int]] = []

    def job() -> tuple[str, int]:
        return "fetched", threading.get_ident()

    runner.run_io(job, lambda out: delivered.append((out[0], out[1], threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 1)

    text, worker, receiver = delivered[0]
    assert text == "fetched"
    assert worker != main
    assert receiver == main


def test_an_exception_goes_to_on_error_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[tuple[Exception, int]] = []
    failures: list[str] = []
    runner.failed.connect(failures.append)

    runner.run_db(_boom, lambda _: None, lambda exc: errors.append((exc, threading.get_ident())))
    qtbot.waitUntil(lambda: len(errors) == 1)

    exc, thread = errors[0]
    assert isinstance(exc, ValueError)
    assert str(exc) == "boom"
    assert thread == threading.get_ident()
    qtbot.waitUntil(lambda: runner.busy_count == 0)
    assert failures == []  # handled by on_error: not reported twice


def test_an_unhandled_exception_is_logged_and_announced(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.ERROR, logger="desktop.runtime"),
        qtbot.waitSignal(runner.failed) as failed,
    ):
        runner.run_io(_boom, lambda _: None)

    assert failed.args == ["ValueError: boom"]
    [record] = [r for r in caplog.records if r.name == "desktop.runtime"]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], ValueError)


def test_our_own_errors_are_announced_with_their_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def job() -> None:
        raise UserError("the ledger is locked; close the other program")

    with qtbot.waitSignal(runner.failed) as failed:
        runner.run_db(job, lambda _: None)

    assert failed.args == ["the ledger is locked; close the other program"]


def test_a_failing_result_handler_is_reported(qtbot: QtBot, runner: TaskRunner) -> None:
    def handler(value: int) -> None:
        raise KeyError(value)

    with qtbot.waitSignal(runner.failed) as failed:
        runner.run_db(lambda: 7, handler)

    assert failed.args == ["KeyError: 7"]
    qtbot.waitUntil(lambda: runner.busy_count == 0)


def _pair_of_jobs(
    log: list[str], lock: threading.Lock
) -> tuple[Callable[[], bool], Callable[[], bool]]:
    """Two jobs: the first waits for the second to start, which only a parallel executor allows."""
    second_started = threading.Event()

    def first() -> bool:
        with lock:
            log.append("first start")
        met = second_started.wait(WAIT)
        with lock:
            log.append("first end")
        return met

    def second() -> bool:
        second_started.set()
        with lock:
            log.append("second start")
        return True

    return first, second


def test_db_jobs_never_overlap(qtbot: QtBot, runner: TaskRunner) -> None:
    log: list[str] = []
    lock = threading.Lock()
    first, second = _pair_of_jobs(log, lock)
    met: list[bool] = []

    runner.run_db(first, met.append)
    runner.run_db(second, lambda _: None)
    qtbot.waitUntil(lambda: runner.busy_count == 0, timeout=5000)

    assert met == [False]  # the second job could not start while the first ran
    assert log == ["first start", "first end", "second start"]


def test_io_jobs_do_run_in_parallel(qtbot: QtBot, runner: TaskRunner) -> None:
    # The same pair of jobs on the pool: proves the test above can tell the difference.
    log: list[str] = []
    lock = threading.Lock()
    first, second = _pair_of_jobs(log, lock)
    met: list[bool] = []

    runner.run_io(first, met.append)
    runner.run_io(second, lambda _: None)
    qtbot.waitUntil(lambda: runner.busy_count == 0, timeout=5000)

    assert met == [True]


def test_many_db_jobs_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    lock = threading.Lock()
    active = 0
    most = 0
    results: list[int] = []

    def job(number: int) -> int:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        sum(range(20_000))  # a little real work
        with lock:
            active -= 1
        return number

    for number in range(20):
        runner.run_db(functools.partial(job, number), results.append)
    qtbot.waitUntil(lambda: len(results) == 20)

    assert most == 1
    assert results == list(range(20))


def test_busy_changed_counts_jobs_until_delivered(qtbot: QtBot, runner: TaskRunner) -> None:
    counts: list[int] = []
    runner.busy_changed.connect(counts.append)
    gate = threading.Event()

    runner.run_io(lambda: gate.wait(5), lambda _: None)
    runner.run_io(lambda: gate.wait(5), lambda _: None)
    assert runner.busy_count == 2
    assert counts == [1, 2]

    gate.set()
    qtbot.waitUntil(lambda: runner.busy_count == 0)
    assert counts == [1, 2, 1, 0]


def test_run_on_main_from_a_worker_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    called: list[int] = []
    thread = threading.Thread(
        target=lambda: runner.run_on_main(lambda: called.append(threading.get_ident()))
    )
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(called) == 1)
    assert called == [threading.get_ident()]


def test_shutdown_waits_for_running_jobs_and_refuses_new_ones(qtbot: QtBot) -> None:
    runner = TaskRunner()
    finished = threading.Event()
    runner.run_db(finished.set, lambda _: None)

    runner.shutdown(wait=True)

    assert finished.is_set()
    with pytest.raises(RuntimeError, match="shut down"):
        runner.run_db(lambda: 1, lambda _: None)
    qtbot.waitUntil(lambda: runner.busy_count == 0)  # the posted outcome is still delivered
