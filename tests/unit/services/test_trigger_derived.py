"""Time-derived trigger events: overdue tasks, events about to start, budgets past a threshold."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from desktop.services.calendar_views import EventDraft
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.tasks import TaskDraft
from desktop.services.workflow_derived import DerivedEvents
from tests.conftest import FakeClock

# The fixed clock: Wednesday 2026-03-04 10:00 UTC = 11:00 in Berlin (the user's zone).

Dispatched = list[tuple[str, dict[str, Any], str]]


def waiting_for(services: Services, event: str, **filters: Any) -> None:
    services.workflows.add(
        {
            "name": f"On {event} {filters}",
            "trigger": {"kind": "event", "event": event, "filter": filters},
            "steps": [{"kind": "notify", "args": {"text": "seen"}}],
        }
    )


@pytest.fixture
def seen() -> Dispatched:
    return []


def check(services: Services, seen: Dispatched) -> int:
    return DerivedEvents(services.ctx).check(lambda *found: seen.append(found))


def test_a_task_gone_overdue_is_dispatched_once(
    services: Services, clock: FakeClock, seen: Dispatched
) -> None:
    waiting_for(services, "task.overdue")
    timed = services.tasks.add(
        TaskDraft(title="Call back", due=datetime(2026, 3, 4, 10, 30, tzinfo=UTC))
    ).value
    daily = services.tasks.add(TaskDraft(title="File taxes", due=date(2026, 3, 4))).value
    done = services.tasks.add(
        TaskDraft(title="Done already", due=datetime(2026, 3, 4, 10, 20, tzinfo=UTC))
    ).value
    services.tasks.complete(done.id)
    assert check(services, seen) == 0  # the first check only starts the span
    clock.advance(minutes=40)
    assert check(services, seen) == 1
    [(name, data, key)] = seen
    assert (name, data["task"]["title"]) == ("task.overdue", "Call back")
    assert key == f"task.overdue:{timed.id}:2026-03-04T10:30:00+00:00"
    assert check(services, seen) == 0  # the same span is not looked at twice
    clock.current = datetime(2026, 3, 4, 23, 5, tzinfo=UTC)  # just past midnight in Berlin
    check(services, seen)
    assert seen[-1][2] == f"task.overdue:{daily.id}:2026-03-04"


def test_nothing_is_looked_for_without_a_workflow_waiting(
    services: Services, clock: FakeClock, seen: Dispatched
) -> None:
    services.tasks.add(TaskDraft(title="Late", due=datetime(2026, 3, 4, 10, 30, tzinfo=UTC)))
    check(services, seen)
    clock.advance(hours=1)
    assert check(services, seen) == 0
    waiting_for(services, "task.overdue")  # added after the task went overdue
    clock.advance(minutes=1)
    assert check(services, seen) == 0


def test_an_event_is_announced_minutes_before_it_starts(
    services: Services, clock: FakeClock, seen: Dispatched
) -> None:
    waiting_for(services, "event.starting", minutes_before=15)
    start = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    event = services.calendar.add(
        EventDraft(title="Dentist", start=start, end=start + timedelta(hours=1))
    ).value
    check(services, seen)
    clock.current = datetime(2026, 3, 4, 11, 40, tzinfo=UTC)
    check(services, seen)
    assert seen == []  # 20 minutes before: not yet
    clock.current = datetime(2026, 3, 4, 11, 46, tzinfo=UTC)
    check(services, seen)
    [(name, data, key)] = seen
    assert name == "event.starting"
    assert data["event"]["title"] == "Dentist"
    assert data["minutes_before"] == 15
    assert key == f"event.starting:{event.id}:2026-03-04T12:00:00+00:00"


def test_an_event_long_under_way_is_not_announced(
    services: Services, clock: FakeClock, seen: Dispatched
) -> None:
    waiting_for(services, "event.starting", minutes_before=10)
    start = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    services.calendar.add(EventDraft(title="Missed", start=start, end=start + timedelta(hours=2)))
    check(services, seen)
    clock.current = datetime(2026, 3, 4, 12, 45, tzinfo=UTC)  # the app was closed meanwhile
    check(services, seen)
    assert seen == []


def test_budgets_past_the_lowest_wanted_threshold_are_dispatched(
    services: Services, seen: Dispatched
) -> None:
    waiting_for(services, "budget.threshold", percent=90)
    services.finance.add_account("Checking", currency="EUR")
    services.finance.set_budget("Groceries", "100", date(2026, 3, 1))
    services.finance.set_budget("Fuel", "100", date(2026, 3, 1))
    for payee, amount, category in (("Rewe", "-95", "Groceries"), ("Aral", "-40", "Fuel")):
        services.finance.add_transaction(
            TransactionDraft(amount=amount, payee=payee, date=date(2026, 3, 3), category=category)
        )
    count = DerivedEvents(services.ctx).budgets(lambda *found: seen.append(found))
    assert count == 1
    [(name, data, key)] = seen
    assert name == "budget.threshold"
    assert data["budget"]["category"] == "Groceries"
    assert data["budget"]["percent"] == pytest.approx(95.0)
    assert key == "budget.threshold:groceries:2026-03"
