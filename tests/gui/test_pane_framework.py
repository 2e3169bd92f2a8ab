"""Real panes: built on first show, fed off the GUI thread, refreshed by changes of their area."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import Pane, PaneContext

pytestmark = pytest.mark.gui


class CountingTasksPane(Pane):
    """A small real pane: the number of open tasks, read through the services."""

    area = "tasks"
    built = 0

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        CountingTasksPane.built += 1
        self.label = QLabel("…")
        QVBoxLayout(self).addWidget(self.label)
        self.threads: list[int] = []
        self.fail_next = False

    def reload(self) -> None:
        def count(services: Services) -> int:
            self.threads.append(threading.get_ident())
            if self.fail_next:
                self.fail_next = False
                raise UserError("the disk is gone")
            return services.tasks.count()

        self.fetch(count, lambda n: self.label.setText(f"{n} open"))


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    CountingTasksPane.built = 0
    window = MainWindow(
        pane_ctx.runner,
        pane_ctx.events,
        pane_builders={"tasks": lambda: CountingTasksPane(pane_ctx)},
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def _open_tasks(qtbot: QtBot, window: MainWindow) -> CountingTasksPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        window.select_pane("tasks")
    pane = window.pane_widget("tasks")
    assert isinstance(pane, CountingTasksPane)
    return pane


def test_a_real_pane_is_built_on_first_show_and_loads_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert CountingTasksPane.built == 0
    assert window.pane_widget("tasks").objectName() == "placeholder_tasks"

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        window.select_pane("tasks")

    pane = window.pane_widget("tasks")
    assert isinstance(pane, CountingTasksPane)
    assert CountingTasksPane.built == 1
    assert pane.label.text() == "0 open"
    assert threading.get_ident() not in pane.threads
    assert window.findChild(type(pane), "pane_tasks") is pane
    window.select_pane("today")
    window.select_pane("tasks")
    assert CountingTasksPane.built == 1


def test_an_action_refreshes_the_panes_of_its_area(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext
) -> None:
    pane = _open_tasks(qtbot, window)

    with qtbot.waitSignal(pane.loaded):
        pane_ctx.act("add_task", {"title": "From the UI", "due": "tomorrow"})

    assert pane.label.text() == "1 open"
    # A change of another area does not reload it.
    loads = len(pane.threads)
    with qtbot.waitSignal(pane_ctx.events.changes_applied):
        pane_ctx.act("add_note", {"title": "A note"})
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    assert len(pane.threads) == loads


def test_a_failed_load_shows_in_the_status_bar_and_retries_when_shown_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = _open_tasks(qtbot, window)

    pane.fail_next = True
    with qtbot.waitSignal(pane.failed):
        window.refresh()
    assert "the disk is gone" in window.statusBar().currentMessage()

    window.select_pane("today")
    with qtbot.waitSignal(pane.loaded):
        window.select_pane("tasks")
    assert window.statusBar().currentMessage() == ""


def test_an_action_error_reaches_its_handler(qtbot: QtBot, pane_ctx: PaneContext) -> None:
    errors: list[Exception] = []
    pane_ctx.act("add_task", {"title": "  "}, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], UserError)


def test_a_read_aside_runs_beside_a_busy_database_queue(
    qtbot: QtBot, pane_ctx: PaneContext
) -> None:
    gate = threading.Event()
    order: list[str] = []
    pane_ctx.read(lambda services: gate.wait(10), lambda _v: order.append("queued read"))
    pane_ctx.read_aside(
        lambda services: services.tasks.count(), lambda n: order.append(f"aside {n}")
    )
    qtbot.waitUntil(lambda: order == ["aside 0"])  # not stuck behind the blocked queue
    gate.set()
    qtbot.waitUntil(lambda: order == ["aside 0", "queued read"])
