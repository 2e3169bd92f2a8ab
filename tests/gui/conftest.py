"""Fixtures for pane and dialog tests: a real store and services behind a real TaskRunner."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner
from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext, PaneFactory


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A real runner: database jobs on its serial executor, outcomes on the GUI thread."""
    runner = TaskRunner()
    yield runner
    runner.shutdown(wait=True)


@pytest.fixture
def pane_ctx(runner: TaskRunner, services: Services) -> PaneContext:
    """What a pane needs, over the `services` fixture's store (fixed clock, Europe/Berlin)."""
    return PaneContext(runner, AppEvents(), services)


@pytest.fixture
def main_window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    """A shown main window over `pane_ctx` whose panes stay empty placeholders (none is built);
    idle again at the end."""
    window = MainWindow(pane_ctx.runner, pane_ctx.events, {})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


@pytest.fixture
def pane_window(
    qtbot: QtBot, pane_ctx: PaneContext
) -> Iterator[Callable[[str, PaneFactory], MainWindow]]:
    """Makes a shown, active main window whose pane `name` is the real one `factory` builds
    (the other panes stay empty placeholders); the runner is idle again at the end."""

    def make(name: str, factory: PaneFactory) -> MainWindow:
        window = MainWindow(
            pane_ctx.runner,
            pane_ctx.events,
            pane_builders={name: lambda: factory(pane_ctx)},
        )
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        return window

    yield make
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
