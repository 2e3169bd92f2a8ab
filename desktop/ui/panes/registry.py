"""Which panes have a real widget, and how to build each (imported only by the app).

A pane's module is imported when the pane is first built, not at start-up, so
starting Atrium pays only for the pane it shows first.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

from desktop.ui.panes.base import Pane, PaneContext, PaneFactory

# Pane name -> "module:class" of its widget.
PANES_WITH_WIDGETS = {
    "today": "desktop.ui.panes.today_pane:TodayPane",
    "tasks": "desktop.ui.panes.tasks_pane:TasksPane",
    "calendar": "desktop.ui.panes.calendar_pane:CalendarPane",
    "inbox": "desktop.ui.panes.inbox_pane:InboxPane",
    "finance": "desktop.ui.panes.finance_pane:FinancePane",
    "notes": "desktop.ui.panes.notes_pane:NotesPane",
    "workflows": "desktop.ui.panes.workflows_pane:WorkflowsPane",
    "agents": "desktop.ui.panes.agents_pane:AgentsPane",
    "voice": "desktop.ui.panes.records_panes:VoicePane",
    "projects": "desktop.ui.panes.projects_pane:ProjectsPane",
    "health": "desktop.ui.panes.health_pane:HealthPane",
}


def load_factory(name: str) -> PaneFactory:
    """The class that builds the pane `name` (importing its module now)."""
    module, _, attribute = PANES_WITH_WIDGETS[name].partition(":")
    factory: PaneFactory = getattr(importlib.import_module(module), attribute)
    return factory


def pane_factories() -> dict[str, PaneFactory]:
    """Pane name -> the class that builds its widget (imports every pane module)."""
    return {name: load_factory(name) for name in PANES_WITH_WIDGETS}


def _build(name: str, ctx: PaneContext) -> Pane:
    return load_factory(name)(ctx)


def pane_builders(ctx: PaneContext) -> dict[str, Callable[[], Pane]]:
    """Builders bound to `ctx`, as `MainWindow(pane_builders=...)` takes them."""
    return {name: functools.partial(_build, name, ctx) for name in PANES_WITH_WIDGETS}
