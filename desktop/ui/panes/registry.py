"""Which panes have a real widget, and how to build each (imported only by the app)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from desktop.ui.panes.base import Pane, PaneContext, PaneFactory


def pane_factories() -> dict[str, PaneFactory]:
    """Pane name -> the class (or function) that builds its widget from a context."""
    return {}


def pane_builders(ctx: PaneContext) -> dict[str, Callable[[], Pane]]:
    """Builders bound to `ctx`, as `MainWindow(pane_builders=...)` takes them."""
    return {name: functools.partial(factory, ctx) for name, factory in pane_factories().items()}
