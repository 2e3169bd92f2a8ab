"""Time triggers: fire instants in the user's zone, what is due, missed runs by policy."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.services.container import Services
from desktop.services.workflow_timing import WorkflowClock, cron_weekdays
from tests.conftest import FakeClock

# The fixed clock: Wednesday 2026-03-04 10:00 UTC = 11:00 in Berlin (the user's zone).


def timed(services: Services, name: str, **trigger: Any) -> uuid.UUID:
    definition = {
        "name": name,
        "trigger": {"kind": "time", **trigger},
        "steps": [{"kind": "notify", "args": {"text": f"{name} ran"}}],
    }
    return services.workflows.add(definition).value.id


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("1-5", "mon,tue,wed,thu,fri"),
        ("0", "sun"),
        ("7", "sun"),
        ("5-7", "fri,sat,sun"),
        ("fri-sun", "fri,sat,sun"),
        ("*/2", "tue,thu,sat,sun"),
        ("1,3", "mon,wed"),
        ("*", "*"),
    ],
)
def test_cron_weekdays_count_from_sunday(field: str, names: str) -> None:
    assert cron_weekdays(field) == names


def test_a_time_of_day_fires_at_that_time_in_the_users_zone(
    services: Services, clock: FakeClock
) -> None:
    ident = timed(services, "Lunch", at="12:00")
    workflow_clock = WorkflowClock(services.ctx)
    assert workflow_clock.due() == []
    assert workflow_clock.next_wake() == datetime(2026, 3, 4, 11, 0, tzinfo=UTC)
    clock.advance(hours=1, seconds=20)
    [fire] = workflow_clock.due()
    assert (fire.workflow_id, fire.missed, fire.run) == (ident, False, True)
    assert fire.key == "time:2026-03-04T11:00:00+00:00"
    assert fire.event(services.ctx.zone)["schedule"]["local"].startswith("2026-03-04T12:00")
    assert workflow_clock.mark_fired([fire]) == 1
    assert workflow_clock.due() == []
    assert workflow_clock.next_wake() == datetime(2026, 3, 5, 11, 0, tzinfo=UTC)


def test_a_weekday_cron_skips_the_weekend(services: Services, clock: FakeClock) -> None:
    timed(services, "Standup", cron="0 8 * * 1-5")
    workflow_clock = WorkflowClock(services.ctx)
    # Thursday 08:00 Berlin is 07:00 UTC.
    assert workflow_clock.next_wake() == datetime(2026, 3, 5, 7, 0, tzinfo=UTC)
    clock.current = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)  # Friday
    workflow_clock.mark_fired(workflow_clock.due())
    # After Friday's: Monday 08:00 Berlin.
    assert workflow_clock.next_wake() == datetime(2026, 3, 9, 7, 0, tzinfo=UTC)


def test_intervals_keep_the_same_instants(services: Services, clock: FakeClock) -> None:
    timed(services, "Poll", every_minutes=15)
    workflow_clock = WorkflowClock(services.ctx)
    assert workflow_clock.next_wake() == datetime(2026, 3, 4, 10, 15, tzinfo=UTC)
    clock.advance(minutes=31)
    [fire] = workflow_clock.due()
    assert fire.instant == datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
    assert not fire.missed


def test_a_missed_run_runs_once_with_the_latest_instant(
    services: Services, clock: FakeClock
) -> None:
    timed(services, "Morning", at="08:00", missed="run_once")
    clock.advance(days=3)  # closed for three mornings
    [fire] = WorkflowClock(services.ctx).due()
    assert fire.missed
    assert fire.run
    assert fire.instant == datetime(2026, 3, 7, 7, 0, tzinfo=UTC)  # the latest: Saturday


def test_a_missed_run_with_skip_is_only_recorded(services: Services, clock: FakeClock) -> None:
    ident = timed(services, "Morning", at="08:00", missed="skip")
    clock.advance(days=1)
    workflow_clock = WorkflowClock(services.ctx)
    [fire] = workflow_clock.due()
    assert fire.missed
    assert not fire.run
    workflow_clock.mark_fired([fire])
    assert workflow_clock.due() == []
    assert services.workflows.get(ident).last_fire_at == fire.instant


def test_only_enabled_workflows_of_this_device_are_due(
    services: Services, clock: FakeClock
) -> None:
    mine = timed(services, "Mine", every_minutes=10)
    elsewhere = timed(services, "Elsewhere", every_minutes=10)
    paused = timed(services, "Paused", every_minutes=10)
    services.workflows.set_run_on_device(elsewhere, uuid.uuid4())
    services.workflows.set_enabled(paused, False)
    clock.advance(minutes=11)
    assert [fire.workflow_id for fire in WorkflowClock(services.ctx).due()] == [mine]


def test_editing_a_workflow_owes_no_instant_before_the_edit(
    services: Services, clock: FakeClock
) -> None:
    ident = timed(services, "Nightly", at="03:00")
    clock.advance(days=2)  # two nights missed while closed...
    services.workflows.set_enabled(ident, False)
    services.workflows.set_enabled(ident, True)  # ...but it was switched off and on since
    assert WorkflowClock(services.ctx).due() == []
