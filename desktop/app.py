"""The composition root of the GUI: builds every part, wires them, starts and stops them.

This is the only module that knows every layer. Importing it builds nothing and
loads no Qt module (the CLI imports it lazily and only when it opens the GUI);
`run_gui` does the work, in order, and undoes it in reverse order.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.config import Settings
    from desktop.runtime.task_runner import TaskRunner
    from desktop.store.profile import Store
    from desktop.ui.presence import Presence

log = logging.getLogger("desktop.app")

APP_NAME = "Atrium"
ORGANIZATION_NAME = "Atrium"
DESKTOP_ID = "io.github.atrium.Atrium"  # packaging/linux/<id>.desktop
EXIT_CANNOT_START = 2
# Timed jobs (reminders) start this long after the window, once the first pane has loaded.
JOBS_DELAY_MS = 1000


def run_gui(
    data_dir: str | None,
    argv: list[str],
    *,
    quick_add: str | None = None,
    smoke: bool = False,
    all_panes: bool = False,
) -> int:
    """Open the profile in `data_dir` (or the default one) in the main window; the exit code.

    When Atrium already runs on that profile, the running one is raised (and given
    the `quick_add` text) and this start exits 0. `smoke` starts, times the panes,
    prints one JSON line and exits (see desktop.ui.smoke).
    """
    # The store and services come first, before PySide6: once PySide6 is imported it
    # inspects the source of every module imported after it (its "feature" hook),
    # which made SQLAlchemy's many modules cost about a tenth of a second more.
    for early in ("desktop.store.profile", "desktop.services.container"):
        importlib.import_module(early)

    # Qt is imported here, not at module level, so that CLI commands stay fast.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    import desktop
    from desktop.config import APP_ICON, Paths, Settings, setup_logging
    from desktop.core.errors import AtriumError
    from desktop.ui.single_instance import hand_over, server_name
    from desktop.ui.translations import load_translations

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationVersion(desktop.__version__)
    app.setWindowIcon(QIcon(str(APP_ICON)))
    app.setDesktopFileName(DESKTOP_ID)  # Wayland's app id: the .desktop entry's name
    load_translations(app)

    try:
        paths = Paths.resolve(data_dir).ensure()
        name = server_name(paths.data_dir)
        message = (
            {"command": "quick_add", "text": quick_add}
            if quick_add is not None
            else {"command": "raise"}
        )
        if not smoke and hand_over(name, message):
            log.info("Atrium already runs on %s; handed over %s", paths.data_dir, message)
            return 0
        setup_logging(paths)
        settings = Settings(paths.settings)
        from desktop.ui.crash import install_crash_handler

        install_crash_handler(app, paths, settings.as_dict)
        from desktop.store.profile import open_store

        # The integrity check runs beside the first reads; writes wait for it.
        store = open_store(paths.database, integrity_check="background")
    except AtriumError as exc:
        log.error("cannot open the profile: %s", exc)
        QMessageBox.critical(None, app.translate("app", "Atrium cannot start"), str(exc))
        return EXIT_CANNOT_START
    try:
        return _run_window(app, store, settings, name, quick_add, smoke, all_panes)
    finally:
        store.close()


def _run_window(
    app: QApplication,
    store: Store,
    settings: Settings,
    instance_name: str,
    quick_add: str | None,
    smoke: bool,
    all_panes: bool,
) -> int:
    """Build the window and everything around it, run the event loop, take it all down."""
    from PySide6.QtCore import QByteArray, QTimer
    from PySide6.QtGui import QAction, QIcon, QKeySequence

    from desktop.config import APP_ICON
    from desktop.core.errors import AtriumError
    from desktop.runtime.events import AppEvents
    from desktop.runtime.scheduler import JobScheduler
    from desktop.runtime.task_runner import TaskRunner
    from desktop.services.base import env_zone
    from desktop.services.container import Services
    from desktop.store.profile import local_zone_name
    from desktop.ui.file_actions import CalendarFiles
    from desktop.ui.main_window import MainWindow
    from desktop.ui.panes.base import PaneContext
    from desktop.ui.panes.names import PANES
    from desktop.ui.panes.registry import pane_builders
    from desktop.ui.presence import Presence
    from desktop.ui.shell import Shell
    from desktop.ui.single_instance import InstanceServer
    from desktop.ui.smoke import SmokeRun
    from desktop.ui.theme import apply_theme, follow_system

    theme = settings.get("appearance.theme")
    apply_theme(app, theme)
    follow_system(app, theme)
    services = Services(store, env_zone(), settings.path)
    runner = TaskRunner()
    events = AppEvents()
    scheduler = JobScheduler()  # builds nothing until started
    instance = InstanceServer(instance_name)
    try:
        ctx = PaneContext(runner, events, services)
        window = MainWindow(runner, events, pane_builders(ctx))
        Shell(window, ctx)
        CalendarFiles(window, ctx)
        presence = Presence(
            window,
            ctx,
            QIcon(str(APP_ICON)),
            close_to_tray=settings.get("window.close_to_tray") and not smoke,
            notifications=settings.get("notifications.enabled") and not smoke,
        )

        def settings_saved(values: dict[str, Any]) -> None:
            apply_theme(app, values["appearance.theme"])
            presence.set_close_to_tray(values["window.close_to_tray"])
            presence.set_notifications(values["notifications.enabled"], scheduler)

        preferences = QAction(app.translate("app", "&Preferences…"), window)
        preferences.setObjectName("preferencesAction")
        preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        def open_preferences() -> None:
            from desktop.ui.dialogs.settings_dialog import open_settings

            open_settings(ctx, settings, window, settings_saved)

        preferences.triggered.connect(open_preferences)
        window.edit_menu().addAction(preferences)
        window.addAction(preferences)
        geometry = settings.get("window.geometry")
        if geometry:
            window.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        last_pane = settings.get("window.last_pane")
        if last_pane in PANES and not smoke:
            window.select_pane(last_pane)

        def remember() -> None:
            if smoke:
                return
            try:
                encoded = bytes(window.saveGeometry().toBase64().data()).decode()
                settings.set("window.geometry", encoded)
                settings.set("window.last_pane", window.current_pane())
            except AtriumError as exc:
                log.warning("could not save the window's state: %s", exc)

        app.aboutToQuit.connect(remember)
        instance.received.connect(lambda message: _handed_over(presence, message))
        if not smoke:
            instance.listen()

        def start_jobs() -> None:  # after the first pane, so that start-up does not wait
            if runner.closed:  # the window closed before the jobs were due
                return
            _ = ctx.catalog  # built now, while idle, not at the user's first action
            presence.start_reminders(scheduler)
            if not smoke:  # bills, budget alerts, the category model: they write and train
                presence.start_finance(scheduler)
                presence.start_workflows(scheduler)
            scheduler.start()

        QTimer.singleShot(JOBS_DELAY_MS, window, start_jobs)  # not after the window is gone
        _freeze_start_up_objects(window)
        if smoke:
            SmokeRun(window, app, all_panes)
        window.show()
        _watch_integrity(store, runner, window)
        if not smoke and not settings.get("first_run.done"):
            from desktop.ui.dialogs.welcome import WelcomeDialog  # first start only

            WelcomeDialog(ctx, settings, local_zone_name(), window).open()
        if quick_add is not None:
            presence.open_quick_add(quick_add)
        return app.exec()
    finally:
        instance.close()
        scheduler.shutdown()
        runner.shutdown(wait=True)


def _freeze_start_up_objects(window: Any) -> None:
    """Once the first pane is on screen, move every object alive into the collector's
    permanent generation (`gc.freeze`).

    Start-up leaves a few hundred thousand long-lived objects (modules, Qt wrappers, the
    ORM's registries); a full collection walks them all, 40-60 ms that would otherwise
    land in the middle of the user's first pane switches. They live as long as the app, so
    the collector has nothing to gain from looking at them again.
    """
    import gc

    def freeze(_pane: str) -> None:
        window.pane_loaded.disconnect(freeze)
        gc.freeze()

    window.pane_loaded.connect(freeze)


def _watch_integrity(store: Store, runner: TaskRunner, window: QWidget) -> None:
    """Tell the user and close when the background integrity check finds damage."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.core.errors import StoreError

    if store.integrity is None:
        return

    def verdict(_future: object) -> None:
        try:
            store.check_integrity()
        except StoreError as exc:
            log.error("%s", exc)
            message = str(exc)

            def tell() -> None:
                QMessageBox.critical(window, "Atrium cannot go on", message)
                QApplication.exit(EXIT_CANNOT_START)

            runner.run_on_main(tell)

    store.integrity.add_done_callback(verdict)


def _handed_over(presence: Presence, message: dict[str, object]) -> None:
    """What a second start asked of this instance."""
    presence.raise_window()
    text = message.get("text")
    if message.get("command") == "quick_add" and isinstance(text, str):
        presence.open_quick_add(text)
