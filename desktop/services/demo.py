"""Demo data: fill a profile with realistic, deterministic records.

``seed_demo(store, "small")`` gives a profile that looks lived in (a couple of
hundred tasks, a month of calendar, an inbox, six months of bank transactions,
notes, automations); ``"large"`` gives the volumes the benchmarks and the lazy
list models are tuned for (100k tasks, 50k messages, 100k transactions ...).
Everything is relative to ``store.now()`` and the user's time zone, and the same
seed always gives the same text and amounts (ids and HLCs are fresh).

All rows go in through SQLAlchemy Core ``executemany`` in chunks, inside one unit
of work: the ORM would be ten times slower at these volumes. Each row dict is
stamped with `UnitOfWork.stamp_insert`, so sync columns and HLCs are those of any
other local write. A `state` object reports progress and can cancel; cancelling
raises `UserError` and rolls everything back.

Sizes, counts and the inserting machinery are in `demo_seeder`; the rows of each
area are made in `demo_tasks_calendar`, `demo_inbox_finance` and
`demo_notes_automation`.
"""

from __future__ import annotations

import random

from desktop.core.errors import UserError
from desktop.services.demo_inbox_finance import InboxFinanceRows
from desktop.services.demo_notes_automation import NotesAutomationRows
from desktop.services.demo_seeder import DemoCounts, DemoSize, SeedState
from desktop.services.demo_tasks_calendar import TasksCalendarRows
from desktop.store.models import (
    Account,
    AgentLog,
    Budget,
    CalendarEvent,
    DevProject,
    Integration,
    Message,
    Note,
    Task,
    Transaction,
    VoiceCommand,
    Workflow,
)
from desktop.store.profile import Store

__all__ = ["SIZES", "DemoCounts", "DemoSize", "SeedState", "seed_demo"]

SIZES = {
    "small": DemoSize(200, 60, 150, 400, 30, 4, 5, 20, (14, 28), 21, 6, 60),
    "large": DemoSize(
        100_000, 20_000, 50_000, 100_000, 5_000, 40, 25, 2_000, (540, 180), 365, 36, 365
    ),
}


def seed_demo(
    store: Store, size: str = "small", *, seed: int = 7, state: SeedState | None = None
) -> DemoCounts:
    """Add demo data of `size` ("small" or "large") to the store; all or nothing."""
    spec = SIZES.get(size)
    if spec is None:
        raise UserError(f"'{size}' is not a demo size; use one of {', '.join(SIZES)}")
    with store.unit_of_work() as uow:
        counts = _Seeder(uow, spec, random.Random(seed), state).run()
        uow.commit()
    return counts


class _Seeder(TasksCalendarRows, InboxFinanceRows, NotesAutomationRows):
    """One seeding run: every area's rows, in an order that has ids before their users."""

    def run(self) -> DemoCounts:
        self._insert(DevProject, self._projects())
        self._insert(Integration, self._integrations())
        self._insert(Account, self._accounts())
        self._insert(Task, self._tasks())
        self._insert(CalendarEvent, self._events())
        self._insert(Message, self._messages())
        self._insert(Transaction, self._transactions())
        self._insert(Budget, self._budgets())
        self._insert(Note, self._notes())
        self._insert(Workflow, self._workflows())
        self._insert(VoiceCommand, self._voice_commands())
        self._insert(AgentLog, self._agent_logs())
        self._check_cancelled()
        self._report(self.total)
        return DemoCounts(**self.counts)
