"""The Health pane on a real store: figures, alerts with what to do, integrations, row
counts, CPU and memory sampling while visible, background jobs, and the integrity
check on demand."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.core.changes import Changes
from desktop.services.container import Services
from desktop.services.health import Alert, HealthService
from desktop.services.tasks import TaskDraft
from desktop.store.migrate import HEAD_REVISION
from desktop.store.models import Integration
from desktop.store.profile import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.health_pane import HealthPane
from desktop.ui.panes.health_text import alert_text, size_text, state_name
from desktop.ui.panes.registry import load_factory

pytestmark = pytest.mark.gui
Usage = namedtuple("Usage", "total used free")


def add_integration(store: Store, kind: str, name: str, state: str, error: str | None) -> None:
    with store.unit_of_work() as uow:
        uow.s.add(
            Integration(
                kind=kind,
                account="me@example.com",
                display_name=name,
                state=state,
                last_error=error,
                error_count=2 if error else 0,
                last_sync_at=store.now(),
            )
        )
        uow.commit()


@pytest.fixture
def window(pane_window: Callable[..., MainWindow]) -> MainWindow:
    return pane_window("health", HealthPane)


def open_health(qtbot: QtBot, window: MainWindow) -> HealthPane:
    """Show the pane and wait for its figures and for the integrity check it starts."""
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "health"):
        window.select_pane("health")
    pane = window.pane_widget("health")
    assert isinstance(pane, HealthPane)
    qtbot.waitUntil(lambda: not pane.checking)
    return pane


def column(model: Any, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_the_registry_builds_the_health_pane() -> None:
    assert load_factory("health") is HealthPane


def test_a_healthy_profile_shows_its_figures_and_no_alerts(
    qtbot: QtBot, window: MainWindow, services: Services, store: Store, qtmodeltester: Any
) -> None:
    services.tasks.add(TaskDraft("One"))
    services.tasks.add(TaskDraft("Two"))
    services.notes.add("A note")
    pane = open_health(qtbot, window)

    assert pane.db_path.text() == str(store.path)
    assert pane.db_size.text().startswith(size_text(store.path.stat().st_size))
    assert "write-ahead log" in pane.db_size.text()
    assert pane.db_integrity.text() == "OK (checked Today 11:00)"
    assert pane.db_schema.text() == f"{HEAD_REVISION} (current)"
    assert pane.sync_state.text().startswith("Not connected")
    assert "% free" in pane.disk_free.text()
    assert pane.all_well.isVisibleTo(pane)
    assert not pane.alerts_view.isVisibleTo(pane)
    counts = dict(zip(column(pane.counts_model, 0), column(pane.counts_model, 1), strict=True))
    assert counts["Tasks"] == "2"
    assert counts["Notes"] == "1"
    assert counts["Integrations"] == "0"
    assert pane.checked_label.text() == "Updated Today 11:00"
    for model in (pane.counts_model, pane.integrations_model, pane.alerts_model):
        qtmodeltester.check(model)


def test_integrations_needing_attention_are_alerts_that_say_what_to_do(
    qtbot: QtBot, window: MainWindow, store: Store, qtmodeltester: Any
) -> None:
    add_integration(store, "gmail", "Gmail", "connected", None)
    add_integration(store, "slack", "Slack (Acme)", "needs_auth", None)
    add_integration(store, "microsoft", "Microsoft 365", "error", "invalid_grant (HTTP 400)")
    pane = open_health(qtbot, window)

    lines = column(pane.alerts_model, 0)
    assert lines == [
        "⚠  Slack (Acme) needs you to sign in again. Open Settings → Integrations and "
        "reconnect it.",
        "⚠  Microsoft 365 keeps failing: invalid_grant (HTTP 400). Check the account in "
        "Settings → Integrations; reconnect it if the error persists.",
    ]
    assert pane.alerts_view.isVisibleTo(pane)
    assert not pane.all_well.isVisibleTo(pane)
    model = pane.integrations_model
    assert column(model, 0) == ["Gmail", "Microsoft 365", "Slack (Acme)"]
    assert column(model, 1) == ["Connected", "Failing", "Needs sign-in"]
    assert column(model, 2) == ["0", "2", "0"]
    assert column(model, 3) == ["Today 11:00"] * 3
    assert column(model, 4) == ["", "invalid_grant (HTTP 400)", ""]
    qtmodeltester.check(model)
    qtmodeltester.check(pane.alerts_model)


def test_low_disk_and_a_damaged_file_are_alerts(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.__dict__["health"] = HealthService(
        services.ctx,
        services.records,
        disk_usage=lambda _path: Usage(100_000_000_000, 99_500_000_000, 500_000_000),
        check=lambda _path: ["Page 7 is never used"],
    )
    pane = open_health(qtbot, window)

    lines = column(pane.alerts_model, 0)
    folder = str(services.store.path.parent)
    assert lines[0].startswith("⚠  The database ")
    assert "is damaged (Page 7 is never used)" in lines[0]
    assert "restore a backup" in lines[0]
    assert lines[1] == (
        f"⚠  Only 500.0 MB free on the disk holding {folder}. Free some space: Atrium cannot "
        "save anything once the disk is full."
    )
    assert pane.db_integrity.text().startswith("Damaged: Page 7 is never used")
    assert pane.disk_free.text() == "500.0 MB of 100.0 GB (0 % free)"
    assert pane.disk_bar.value() == 100


def test_check_now_runs_the_integrity_check_again(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    pane = open_health(qtbot, window)
    assert services.health.checks_run == 1  # it was due: the pane ran it
    with qtbot.waitSignal(pane.checked):
        pane.check_button.click()
        assert pane.db_integrity.text() == "Checking…"
        assert not pane.check_button.isEnabled()
    assert services.health.checks_run == 2
    assert pane.check_button.isEnabled()
    assert pane.db_integrity.text() == "OK (checked Today 11:00)"
    with qtbot.waitSignal(pane.loaded):  # an ordinary reload uses the cached check
        pane.reload()
    assert not pane.checking
    assert services.health.checks_run == 2
    assert pane.db_integrity.text() == "OK (checked Today 11:00)"


def test_any_change_reloads_the_figures(
    qtbot: QtBot, window: MainWindow, services: Services, pane_ctx: PaneContext
) -> None:
    pane = open_health(qtbot, window)
    outcome = services.tasks.add(TaskDraft("New"))
    with qtbot.waitSignal(pane.loaded):
        pane_ctx.events.changes_applied.emit(outcome.changes, None)
    counts = dict(zip(column(pane.counts_model, 0), column(pane.counts_model, 1), strict=True))
    assert counts["Tasks"] == "1"
    assert outcome.changes == Changes(tasks=True)


def test_cpu_and_memory_are_sampled_only_while_visible(qtbot: QtBot, window: MainWindow) -> None:
    pane = open_health(qtbot, window)
    assert pane.sample_timer.isActive()
    pane.sample_timer.setInterval(20)
    with qtbot.waitSignal(pane.sampled):
        pass
    assert pane.cpu_label.text().endswith(" %")
    assert float(pane.cpu_label.text().split()[0]) >= 0
    memory, unit = pane.memory_label.text().split()
    assert unit == "MB"
    assert float(memory) > 10

    window.select_pane("notes")  # another pane: Health is hidden
    qtbot.waitUntil(lambda: not pane.isVisible())
    assert not pane.sample_timer.isActive()
    window.select_pane("health")
    assert pane.sample_timer.isActive()


def test_background_jobs_follow_the_runner(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext
) -> None:
    pane = open_health(qtbot, window)
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    qtbot.waitUntil(lambda: pane.jobs_label.text() == "none running")
    pane_ctx.runner.busy_changed.emit(3)
    assert pane.jobs_label.text() == "3 running"


def test_keyboard_reaches_the_check_button_and_the_lists(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    add_integration(store, "slack", "Slack", "needs_auth", None)
    pane = open_health(qtbot, window)
    pane.check_button.setFocus()
    with qtbot.waitSignal(pane.checked):
        QTest.keyClick(pane.check_button, Qt.Key.Key_Space)
    pane.check_button.setFocus()
    QTest.keyClick(pane.check_button, Qt.Key.Key_Tab)
    assert pane.alerts_view.hasFocus()
    QTest.keyClick(pane.alerts_view, Qt.Key.Key_Tab)
    assert pane.integrations_view.hasFocus()


def test_every_alert_kind_says_what_to_do() -> None:
    assert "Settings → Sync" in alert_text(Alert("sync_failing", "db.example.com", "refused"))
    assert "Restart Atrium" in alert_text(Alert("schema", "/x/atrium.sqlite3", "0001"))
    assert "reconnect it" in alert_text(Alert("integration_auth", "Slack"))
    assert alert_text(Alert("disk_low", "/data", "2500000")).startswith("Only 2.5 MB free")
    assert size_text(999) == "999 bytes"
    assert size_text(1_500_000_000) == "1.5 GB"
    assert state_name("disabled") == "Turned off"


def test_a_failing_check_is_shown(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    def broken(_path: Path) -> list[str]:
        raise OSError("cannot read the file")

    services.__dict__["health"] = HealthService(services.ctx, services.records, check=broken)
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "health"):
        window.select_pane("health")
    pane = window.pane_widget("health")
    assert isinstance(pane, HealthPane)
    qtbot.waitUntil(lambda: pane.db_integrity.text().startswith("Could not check"))
    assert "cannot read the file" in pane.db_integrity.text()
    assert pane.check_button.isEnabled()


def test_missing_files_count_as_empty(tmp_path: Path) -> None:
    from desktop.services.health import _size

    assert _size(tmp_path / "nothing-wal") == 0
