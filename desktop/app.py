"""The composition root of the GUI: builds every part, wires them, starts and stops them.

This is the only module that knows every layer. Importing it builds nothing and
loads no Qt module (the CLI imports it lazily and only when it opens the GUI);
`run_gui` does the work, in order, and undoes it in reverse order.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.services.container import Services
    from desktop.services.overview import PaneData

log = logging.getLogger("desktop.app")

APP_NAME = "Atrium"
ORGANIZATION_NAME = "Atrium"
EXIT_CANNOT_START = 2


def run_gui(data_dir: str | None, argv: list[str]) -> int:
    """Open the profile in `data_dir` (or the default one) in the main window; the exit code."""
    # Qt is imported here, not at module level, so that CLI commands stay fast.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    import desktop
    from desktop.config import APP_ICON, Paths, setup_logging
    from desktop.core.errors import AtriumError
    from desktop.runtime.events import AppEvents
    from desktop.runtime.task_runner import TaskRunner
    from desktop.services.base import env_zone
    from desktop.services.container import Services
    from desktop.store.profile import open_store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.panes.base import PaneContext
    from desktop.ui.panes.registry import pane_builders
    from desktop.ui.shell import Shell

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationVersion(desktop.__version__)
    app.setWindowIcon(QIcon(str(APP_ICON)))

    try:
        paths = Paths.resolve(data_dir).ensure()
        setup_logging(paths)
        store = open_store(paths.database, integrity_check=True)
    except AtriumError as exc:
        log.error("cannot open the profile: %s", exc)
        QMessageBox.critical(None, app.translate("app", "Atrium cannot start"), str(exc))
        return EXIT_CANNOT_START

    services = Services(store, env_zone())
    runner = TaskRunner()
    events = AppEvents()
    try:
        ctx = PaneContext(runner, events, services)
        window = MainWindow(
            runner, events, _pane_loader(services), pane_builders=pane_builders(ctx)
        )
        Shell(window, ctx)
        window.show()
        return app.exec()
    finally:
        runner.shutdown(wait=True)
        store.close()


def _pane_loader(services: Services) -> Callable[[str], PaneData]:
    """The blocking `load_pane(name)` the main window runs on the database executor."""

    def load_pane(pane: str) -> PaneData:
        from desktop.services.overview import pane_data

        return pane_data(services, pane)

    return load_pane
