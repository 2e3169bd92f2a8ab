"""Running agents off the GUI thread: streamed text, steps as they happen, approvals.

`AgentWorker` runs one agent at a time on the runner's I/O pool (a run waits on a
model, sometimes for many seconds, so it must not hold up the database executor).
Text pieces the model streams are gathered in a buffer and handed to the GUI thread
by a timer at most `FLUSH_MS` apart, so a fast stream costs about 30 repaints a
second, not one per token. Each step is announced as soon as the loop has taken it
(the text before it first), and the finished run last. `cancel` sets a flag the
agent loop checks before each model call and each tool call; the run then ends as
"cancelled" and is logged so.

Approving, denying and checking edited arguments are short database jobs and run on
the serial database executor. Whatever a run or an approval changed is announced
through `AppEvents.changes_applied`, with the agents area, so every pane that shows
it refreshes. `agents_overview` is the read the Agents pane shows: the specialists,
the configured provider, recent runs, pending approvals and per-agent figures.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.config import Settings
from desktop.core.changes import Changes
from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner, describe_error
from desktop.services.agent_logs import (
    AgentRunView,
    AgentStats,
    AgentStepView,
    PendingApproval,
    step_view,
)
from desktop.services.container import Services

if TYPE_CHECKING:
    from desktop.agents.loop import AgentStep
    from desktop.agents.service import AgentService

log = logging.getLogger("desktop.runtime")

# At most one text update every FLUSH_MS milliseconds: about 30 a second.
FLUSH_MS = 33
HISTORY_LIMIT = 200

ServiceFactory = Callable[[Services, Settings], "AgentService"]


@dataclass(frozen=True)
class AgentChoice:
    """A specialist as the agent picker offers it."""

    name: str
    title: str
    description: str


@dataclass(frozen=True)
class AgentsOverview:
    """What the Agents pane shows besides the live run."""

    agents: tuple[AgentChoice, ...]
    provider: str  # offline, openai, anthropic, local
    model: str  # the model runs will use
    base_url: str  # the local server's address (only for "local")
    runs: tuple[AgentRunView, ...]  # newest first
    pending: tuple[PendingApproval, ...]
    stats: tuple[AgentStats, ...]
    zone: ZoneInfo  # the user's, to show instants in
    today: date


def default_service(services: Services, settings: Settings) -> AgentService:
    """The real `AgentService` (imported on first use: start-up does not need it)."""
    from desktop.agents.service import AgentService

    return AgentService(services, settings)


def agents_overview(
    services: Services, factory: ServiceFactory = default_service, limit: int = HISTORY_LIMIT
) -> AgentsOverview:
    """Read the specialists, the provider setting, runs, approvals and stats (a database job)."""
    from desktop.agents.providers import DEFAULT_MODELS

    settings = Settings(services.settings_path)
    service = factory(services, settings)
    provider = str(settings.get("agents.provider") or "offline")
    model = str(settings.get("agents.model") or "") or DEFAULT_MODELS.get(provider, "")
    agents = tuple(
        AgentChoice(
            name=profile.name,
            title=str(getattr(profile, "title", "") or profile.name.title()),
            description=str(getattr(profile, "description", "") or ""),
        )
        for profile in service.specialists()
    )
    return AgentsOverview(
        agents=agents,
        provider=provider,
        model=model,
        base_url=str(settings.get("agents.base_url") or ""),
        runs=tuple(service.log(limit)),
        pending=tuple(service.pending()),
        stats=tuple(service.stats()),
        zone=services.ctx.zone,
        today=services.ctx.today(),
    )


def changes_of(view: AgentRunView) -> Changes:
    """The areas a run or an approval changed, always with the agents' log."""
    known = set(Changes.__dataclass_fields__)
    return Changes.of("agents", *(area for area in view.changed if area in known))


class AgentWorker(QObject):
    """Runs agents on the I/O pool and approvals on the database executor.

    Create it on the GUI thread; every signal is emitted there.

    Signals:
        started(str, str): a run of agent (first) on prompt (second) began.
        text_arrived(str): the next piece of the model's answer (pieces coalesced).
        step_done(object): the loop took a step; an `AgentStepView`.
        finished(object): the run ended and is logged; its `AgentRunView`.
        failed(str): the run failed (the provider's message); it is logged as "error".
        running_changed(bool): a run started (True) or ended (False).
    """

    started = Signal(str, str)
    text_arrived = Signal(str)
    step_done = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        services: Services,
        events: AppEvents | None = None,
        *,
        service_factory: ServiceFactory = default_service,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.services = services
        self.events = events
        self.service_factory = service_factory
        self._service: AgentService | None = None
        self._service_lock = threading.Lock()
        self._buffer: list[str | AgentStepView] = []  # text pieces and steps, in order
        self._buffer_lock = threading.Lock()
        self._cancel = threading.Event()
        self._running = False
        self.text_updates = 0  # how many times `text_arrived` was emitted (for the tests)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        app = QCoreApplication.instance()
        if app is not None:  # a run still going when the app quits stops at its next step
            app.aboutToQuit.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancelling(self) -> bool:
        return self._running and self._cancel.is_set()

    def service(self) -> AgentService:
        """The one service of this worker (it remembers what each run can undo).

        Its settings are read again on every call, so a change in Settings applies
        to the next run. Called on worker threads.
        """
        with self._service_lock:
            settings = Settings(self.services.settings_path)
            if self._service is None:
                self._service = self.service_factory(self.services, settings)
            else:
                self._service.settings = settings
            return self._service

    # -- running -----------------------------------------------------------------------

    def run(
        self, agent: str, prompt: str, provider: str | None = None, model: str | None = None
    ) -> None:
        """Start `agent` on `prompt`; refused (a RuntimeError) while another run goes on."""
        if self._running:
            raise RuntimeError("an agent is already running; stop it or wait for it")
        self._cancel.clear()
        with self._buffer_lock:
            self._buffer.clear()
        self._running = True
        self.running_changed.emit(True)
        self.started.emit(agent, prompt)
        self._flush_timer.start()

        def work() -> AgentRunView:
            return self.service().run(
                agent,
                prompt,
                provider=provider,
                model=model,
                on_text=self._take_text,
                on_step=self._take_step,
                cancelled=self._cancel.is_set,
            )

        self.runner.run_io(work, self._run_done, self._run_failed)

    def cancel(self) -> None:
        """Ask the running agent to stop before its next model or tool call."""
        if self._running:
            self._cancel.set()

    def _take_text(self, piece: str) -> None:  # on the I/O thread
        if self._cancel.is_set() or not piece:
            return
        with self._buffer_lock:
            self._buffer.append(piece)

    def _take_step(self, step: AgentStep) -> None:  # on the I/O thread
        with self._buffer_lock:  # in the stream, after the text said before it
            self._buffer.append(step_view(step.as_record()))
        self.runner.run_on_main(self._flush)

    def _flush(self) -> None:
        """Hand over what arrived, in order: the text between steps joined into one piece."""
        with self._buffer_lock:
            items = list(self._buffer)
            self._buffer.clear()
        pieces: list[str] = []
        for item in items:
            if isinstance(item, str):
                pieces.append(item)
                continue
            self._emit_text(pieces)
            self.step_done.emit(item)
        self._emit_text(pieces)

    def _emit_text(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        pieces.clear()
        if text:
            self.text_updates += 1
            self.text_arrived.emit(text)

    def _end(self) -> None:
        self._flush()
        self._flush_timer.stop()
        self._running = False
        self.running_changed.emit(False)

    def _run_done(self, view: AgentRunView) -> None:
        self._end()
        self._announce(changes_of(view))
        self.finished.emit(view)

    def _run_failed(self, exc: Exception) -> None:
        log.warning("an agent run failed: %s", describe_error(exc))
        self._end()
        self._announce(Changes(agents=True))  # the failed run is in the log
        self.failed.emit(describe_error(exc))

    def _announce(self, changes: Changes) -> None:
        if self.events is not None and changes:
            self.events.changes_applied.emit(changes, self)

    # -- approvals ---------------------------------------------------------------------

    def approve(
        self,
        run_id: uuid.UUID | str,
        step: int,
        args: Mapping[str, Any] | None = None,
        on_done: Callable[[AgentRunView], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run the waiting step `step` of `run_id` (with the user's `args` when edited)."""
        edited = dict(args) if args is not None else None
        self._approval(lambda s: s.approve(run_id, step, edited), on_done, on_error)

    def deny(
        self,
        run_id: uuid.UUID | str,
        step: int,
        on_done: Callable[[AgentRunView], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Refuse the waiting step `step` of `run_id`: nothing runs."""
        self._approval(lambda s: s.deny(run_id, step), on_done, on_error)

    def _approval(
        self,
        job: Callable[[AgentService], AgentRunView],
        on_done: Callable[[AgentRunView], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        def done(view: AgentRunView) -> None:
            self._announce(changes_of(view))
            if on_done is not None:
                on_done(view)

        self.runner.run_db(lambda: job(self.service()), done, on_error)

    def check_args(
        self,
        tool: str,
        args: Mapping[str, Any],
        on_done: Callable[[dict[str, Any]], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Validate `args` against the action `tool`'s schema, as the catalog will."""
        from desktop.services.actions.registry import validate

        services = self.services

        def check() -> dict[str, Any]:
            catalog = self.service().catalog
            validate(catalog.get(tool), dict(args), services)
            return dict(args)

        self.runner.run_db(check, on_done, on_error)
