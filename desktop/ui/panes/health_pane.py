"""The Health pane: alerts first, then the database, the disk, sync, this app's CPU and
memory, background jobs, the integrations' state and how many rows each area holds.

The store and disk figures come from one read (`HealthService.report`) through
`self.fetch`. The integrity check (cached for ten minutes) runs apart from it on the
I/O pool, over its own read-only connection, when it is due or when the user presses
"Check integrity now", so a big file never holds up the other panes. CPU and memory
are sampled with psutil every two seconds on the GUI thread, only while the pane is
visible (psutil is cheap).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psutil
import PySide6
import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.config import Paths
from desktop.runtime.task_runner import describe_error
from desktop.services.container import Services
from desktop.services.diagnostics import diagnostics
from desktop.services.health import Alert, HealthReport, IntegrityCheck, alerts
from desktop.services.records import IntegrationView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.health_text import AREA_NAMES, alert_text, size_text, state_name
from desktop.ui.panes.pane_format import heading, local, when
from desktop.ui.panes.records_model import Column, RecordTableModel

SAMPLE_MS = 2000
ALERT_COLOUR = "#c0392b"
OK_COLOUR = "#27ae60"


def _table(name: str, model: QAbstractItemModel) -> QTreeView:
    view = QTreeView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setStyleSheet("QTreeView::item { padding: 2px; }")
    return view


def _value() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class HealthPane(Pane):
    """How Atrium and its data are doing, and what needs attention.

    Signals:
        sampled(): CPU and memory were sampled and shown.
        checked(): an integrity check finished (or failed) and is shown.
        copied(str): the diagnostics (scrubbed) were put on the clipboard.
    """

    sampled = Signal()
    checked = Signal()
    copied = Signal(str)
    area = None  # any change can move the figures (rows, sizes, integrations)

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: HealthReport | None = None
        self.zone = ZoneInfo("UTC")
        self._checking = False
        self.current_alerts: list[Alert] = []
        self.process = psutil.Process()
        self.process.cpu_percent(None)  # the first call only starts the measurement
        self.sample_timer = QTimer(self)
        self.sample_timer.setInterval(SAMPLE_MS)
        self.sample_timer.timeout.connect(self.sample)

        self.checked_label = QLabel()
        self.checked_label.setEnabled(False)
        self.check_button = QPushButton(self.tr("Check &integrity now"))
        self.check_button.setAccessibleName(self.tr("Check database integrity now"))
        self.check_button.clicked.connect(self.check_now)
        self.copy_button = QPushButton(self.tr("Copy &diagnostics"))
        self.copy_button.setAccessibleName(self.tr("Copy diagnostics to the clipboard"))
        self.copy_button.setToolTip(
            self.tr("Version, platform, settings and the last log lines, secrets removed")
        )
        self.copy_button.clicked.connect(self.copy_diagnostics)

        self.alerts_model: RecordTableModel[Alert] = RecordTableModel(
            [Column(self.tr("Alert"), self.alert_line)], self
        )
        self.alerts_view = _table(self.tr("Alerts"), self.alerts_model)
        self.alerts_view.setHeaderHidden(True)
        self.alerts_view.setWordWrap(True)
        self.alerts_view.setUniformRowHeights(False)
        self.alerts_view.setStyleSheet(
            f"QTreeView {{ border: 1px solid {ALERT_COLOUR}; }} QTreeView::item {{ padding: 4px; }}"
        )
        self.all_well = QLabel(self.tr("✓ All is well: nothing needs your attention."))
        self.all_well.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold")

        self.db_path, self.db_size, self.db_integrity, self.db_schema = (
            _value(), _value(), _value(), _value()
        )  # fmt: skip
        self.disk_free, self.sync_state = _value(), _value()
        self.disk_bar = QProgressBar()
        self.disk_bar.setAccessibleName(self.tr("Disk space used"))
        self.disk_bar.setRange(0, 100)
        self.cpu_label, self.memory_label, self.jobs_label = _value(), _value(), _value()

        self.integrations_model: RecordTableModel[IntegrationView] = RecordTableModel(
            self._integration_columns(), self
        )
        self.integrations_view = _table(self.tr("Integrations"), self.integrations_model)
        self.counts_model: RecordTableModel[tuple[str, int]] = RecordTableModel(
            [
                Column(self.tr("Area"), lambda c: AREA_NAMES().get(c[0], c[0])),
                Column(self.tr("Rows"), lambda c: f"{c[1]:,}", sort=lambda c: c[1], numeric=True),
            ],
            self,
        )
        self.counts_view = _table(self.tr("Rows per area"), self.counts_model)

        self._build_layout()
        ctx.runner.busy_changed.connect(self._show_jobs)
        self._show_jobs(ctx.runner.busy_count)

    # -- layout ------------------------------------------------------------------

    def _build_layout(self) -> None:
        database = QGroupBox(self.tr("Database"))
        form = QFormLayout(database)
        form.addRow(self.tr("File"), self.db_path)
        form.addRow(self.tr("Size"), self.db_size)
        form.addRow(self.tr("Integrity"), self.db_integrity)
        form.addRow(self.tr("Schema"), self.db_schema)

        storage = QGroupBox(self.tr("Disk and sync"))
        form = QFormLayout(storage)
        form.addRow(self.tr("Free space"), self.disk_free)
        form.addRow("", self.disk_bar)
        form.addRow(self.tr("Sync"), self.sync_state)

        app = QGroupBox(self.tr("This app"))
        form = QFormLayout(app)
        form.addRow(self.tr("CPU"), self.cpu_label)
        form.addRow(self.tr("Memory"), self.memory_label)
        form.addRow(self.tr("Background jobs"), self.jobs_label)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        grid.addWidget(database, 0, 0)
        grid.addWidget(storage, 0, 1)
        grid.addWidget(app, 0, 2)
        grid.addWidget(heading(self.tr("Integrations")), 1, 0, 1, 2)
        grid.addWidget(heading(self.tr("Rows per area")), 1, 2)
        grid.addWidget(self.integrations_view, 2, 0, 1, 2)
        grid.addWidget(self.counts_view, 2, 2)
        for column, stretch in enumerate((4, 3, 2)):
            grid.setColumnStretch(column, stretch)
        grid.setRowStretch(2, 1)

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Health"), 1.6))
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.check_button)
        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(16, 12, 16, 12)
        box.addLayout(top)
        box.addWidget(self.checked_label)
        box.addWidget(self.all_well)
        box.addWidget(self.alerts_view)
        box.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setTabOrder(self.copy_button, self.check_button)
        self.setTabOrder(self.check_button, self.alerts_view)
        self.setTabOrder(self.alerts_view, self.integrations_view)
        self.setTabOrder(self.integrations_view, self.counts_view)

    def _integration_columns(self) -> list[Column[IntegrationView]]:
        def last_sync(i: IntegrationView) -> str:
            if i.last_sync_at is None:
                return self.tr("Never")
            return self._time(i.last_sync_at)

        return [
            Column(
                self.tr("Account"),
                lambda i: i.display_name,
                tip=lambda i: f"{i.display_name} ({i.kind}): {i.account}",
            ),
            Column(self.tr("State"), lambda i: state_name(i.state)),
            Column(
                self.tr("Errors"),
                lambda i: str(i.error_count),
                sort=lambda i: i.error_count,
                numeric=True,
            ),
            Column(
                self.tr("Last sync"),
                last_sync,
                sort=lambda i: i.last_sync_at.timestamp() if i.last_sync_at else 0.0,
            ),
            Column(self.tr("Last error"), lambda i: i.last_error or ""),
        ]

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        self.fetch(self._read, self._show)

    def _read(self, services: Services) -> tuple[HealthReport, ZoneInfo]:
        return services.health.report(run_check=False), services.ctx.zone

    def _show(self, loaded: tuple[HealthReport, ZoneInfo]) -> None:
        report, zone = loaded
        self.zone = zone
        self.report = report
        self._show_alerts(report)
        self._show_database(report)
        self._show_disk_and_sync(report)
        self.integrations_model.set_records(report.integrations)
        self.counts_model.set_records(report.counts)
        for view in (self.integrations_view, self.counts_view):
            for column in range(view.model().columnCount() - 1):
                view.resizeColumnToContents(column)
        self.checked_label.setText(self.tr("Updated {when}").format(when=self._time(report.now)))
        self.sample()
        if report.integrity_due and not self._checking:
            self._run_check(force=False)

    def _show_alerts(self, report: HealthReport) -> None:
        self.current_alerts = alerts(report)
        self.alerts_model.set_records(self.current_alerts)
        self.alerts_view.setVisible(bool(self.current_alerts))
        self.all_well.setVisible(not self.current_alerts)
        self._fit_alerts()

    # -- the integrity check -------------------------------------------------------

    @property
    def checking(self) -> bool:
        """Whether an integrity check is running."""
        return self._checking

    def check_now(self) -> None:
        """Run the integrity check now (not waiting for the cached one to age)."""
        self._run_check(force=True)

    def _run_check(self, force: bool) -> None:
        """Run `PRAGMA quick_check` on the I/O pool: it reads the whole file over its own
        read-only connection, so the database executor stays free for the other panes."""
        if self.ctx.runner.closed:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        self.db_integrity.setText(self.tr("Checking…"))
        self.db_integrity.setStyleSheet("")
        services = self.ctx.services
        self.ctx.runner.run_io(
            lambda: services.health.integrity(force=force), self._show_check, self._check_failed
        )

    def _show_check(self, check: IntegrityCheck) -> None:
        if not shiboken6.isValid(self):
            return
        self._checking = False
        self.check_button.setEnabled(True)
        if self.report is not None:
            self.report = replace(self.report, integrity=check, integrity_due=False)
            self._show_alerts(self.report)
            self._show_integrity(check)
        self.checked.emit()

    def _check_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._checking = False
        self.check_button.setEnabled(True)
        self.db_integrity.setText(
            self.tr("Could not check: {error}").format(error=describe_error(exc))
        )
        self.db_integrity.setStyleSheet(f"color: {ALERT_COLOUR}")
        self.checked.emit()

    def _time(self, moment: datetime) -> str:
        if self.report is None:
            return ""
        return when(moment, self.zone, local(self.report.now, self.zone).date())

    def _fit_alerts(self) -> None:
        rows = self.alerts_model.rowCount()
        if not rows:
            return
        height = sum(self.alerts_view.sizeHintForRow(r) for r in range(rows))
        self.alerts_view.setFixedHeight(min(height, 200) + 2 * self.alerts_view.frameWidth() + 4)

    def _show_database(self, report: HealthReport) -> None:
        self.db_path.setText(report.database_path)
        self.db_size.setText(
            self.tr("{size} (write-ahead log {wal})").format(
                size=size_text(report.database_bytes), wal=size_text(report.wal_bytes)
            )
        )
        if report.integrity is not None:
            self._show_integrity(report.integrity)
        elif not self._checking:
            self.db_integrity.setText(self.tr("Not checked yet"))
        revision = report.schema_revision or self.tr("none")
        self.db_schema.setText(
            self.tr("{revision} (current)").format(revision=revision)
            if report.schema_current
            else self.tr("{revision} (not current)").format(revision=revision)
        )

    def _show_integrity(self, check: IntegrityCheck) -> None:
        checked = self._time(check.checked_at)
        if check.ok:
            text = self.tr("OK (checked {when})").format(when=checked)
            colour = OK_COLOUR
        else:
            text = self.tr("Damaged: {problems} (checked {when})").format(
                problems="; ".join(check.problems[:3]), when=checked
            )
            colour = ALERT_COLOUR
        self.db_integrity.setText(text)
        self.db_integrity.setStyleSheet(f"color: {colour}")

    def _show_disk_and_sync(self, report: HealthReport) -> None:
        free, total = report.disk_free_bytes, report.disk_total_bytes
        percent = round(100 * free / total) if total else 0
        self.disk_free.setText(
            self.tr("{free} of {total} ({percent} % free)").format(
                free=size_text(free), total=size_text(total), percent=percent
            )
        )
        self.disk_bar.setValue(100 - percent)
        self.disk_bar.setFormat(self.tr("%p % used"))
        sync = report.sync
        if not sync.connected:
            self.sync_state.setText(self.tr("Not connected (the shared server comes with sync)"))
        elif sync.failing_since is not None:
            self.sync_state.setText(
                self.tr("Failing since {when}: {error}").format(
                    when=self._time(sync.failing_since), error=sync.last_error or ""
                )
            )
        else:
            last = self._time(sync.last_sync_at) if sync.last_sync_at else self.tr("never")
            self.sync_state.setText(
                self.tr("Connected to {server}, last sync {when}").format(
                    server=sync.server, when=last
                )
            )

    def alert_line(self, alert: Alert) -> str:
        return "⚠  " + alert_text(alert)

    # -- diagnostics -------------------------------------------------------------

    def copy_diagnostics(self) -> None:
        """Gather the diagnostics on the I/O pool, then put them on the clipboard."""
        if self.ctx.runner.closed:
            return
        self.copy_button.setEnabled(False)
        data_dir = Path(self.ctx.services.store.path).parent
        qt = f"{qVersion()} (PySide6 {PySide6.__version__})"
        self.ctx.runner.run_io(
            lambda: diagnostics(Paths(data_dir), qt_version=qt), self._copied, self._not_copied
        )

    def _copied(self, text: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.copy_button.setEnabled(True)
        QApplication.clipboard().setText(text)
        self.checked_label.setText(self.tr("Diagnostics copied to the clipboard"))
        self.copied.emit(text)

    def _not_copied(self, exc: Exception) -> None:
        if shiboken6.isValid(self):
            self.copy_button.setEnabled(True)
            show_error(self, exc)

    # -- this process ------------------------------------------------------------

    def sample(self) -> None:
        """Show this app's CPU use since the last sample and its resident memory."""
        try:
            cpu = self.process.cpu_percent(None)
            rss = self.process.memory_info().rss
        except psutil.Error as exc:  # the process table can refuse; say so, do not crash
            self.cpu_label.setText(self.tr("unknown ({error})").format(error=exc))
            return
        self.cpu_label.setText(f"{cpu:.1f} %")
        self.memory_label.setText(size_text(rss))
        self.sampled.emit()

    def _show_jobs(self, busy: int) -> None:
        self.jobs_label.setText(
            self.tr("none running") if busy <= 0 else self.tr("{n} running").format(n=busy)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sample()
        self.sample_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.sample_timer.stop()
        super().hideEvent(event)
