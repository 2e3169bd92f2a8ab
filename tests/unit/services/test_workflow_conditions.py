"""Conditions: typed comparisons on trigger data and built-ins, under a controlled clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.services.workflow_conditions import Facts, holds, trigger_matches
from desktop.services.workflow_spec import parse_workflow
from tests.conftest import FakeClock


def group(*items: dict[str, Any], mode: str = "all") -> Any:
    spec = parse_workflow(
        {
            "name": "x",
            "trigger": {"kind": "manual"},
            "conditions": {"mode": mode, "items": list(items)},
            "steps": [{"kind": "stop"}],
        }
    )
    return spec.conditions


def facts(services: Services, data: dict[str, Any] | None = None) -> Facts:
    return Facts(
        data or {}, now=services.ctx.now().astimezone(services.ctx.zone), services=services
    )


DATA = {"transaction": {"amount": "-12.50", "payee": "ACME Shop", "tags": ["Food"]}}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"field": "transaction.amount", "op": "lt", "value": -10}, True),
        ({"field": "transaction.amount", "op": "equals", "value": "-12.5"}, True),
        ({"field": "transaction.amount", "op": "gt", "value": "-12.49"}, False),
        ({"field": "transaction.payee", "op": "contains", "value": "acme"}, True),
        ({"field": "transaction.payee", "op": "equals", "value": "acme shop"}, True),
        ({"field": "transaction.payee", "op": "not_contains", "value": "acme"}, False),
        ({"field": "transaction.tags", "op": "contains", "value": "food"}, True),
        ({"field": "transaction.payee", "op": "in", "value": ["x", "ACME SHOP"]}, True),
        ({"field": "transaction.missing", "op": "equals", "value": 1}, False),
        ({"field": "transaction.missing", "op": "not_equals", "value": 1}, True),
        ({"field": "transaction.missing", "op": "is_false"}, True),
        ({"field": "transaction.payee", "op": "gt", "value": 5}, False),
    ],
)
def test_typed_comparisons(services: Services, condition: dict[str, Any], expected: bool) -> None:
    assert holds(group(condition), facts(services, DATA)) is expected


def test_time_built_ins_follow_the_clock_in_the_users_zone(
    services: Services, clock: FakeClock
) -> None:
    # FIXED_NOW is Wednesday 10:00 UTC = 11:00 in Berlin.
    morning = group(
        {"field": "time.hour", "op": "equals", "value": 11},
        {"field": "time.weekday", "op": "in", "value": ["mon", "tue", "wed", "thu", "fri"]},
        {"field": "date.today", "op": "equals", "value": "2026-03-04"},
    )
    assert holds(morning, facts(services))
    clock.advance(days=3)  # Saturday
    assert not holds(morning, facts(services))
    assert holds(group({"field": "time.weekday", "op": "equals", "value": "SAT"}), facts(services))


def test_nested_any_and_all(services: Services) -> None:
    either = group(
        {"field": "time.hour", "op": "lt", "value": 6},
        {"mode": "all", "items": [{"field": "transaction.amount", "op": "lt", "value": 0}]},
        mode="any",
    )
    assert holds(either, facts(services, DATA))
    assert not holds(either, facts(services, {}))
    assert holds(group(), facts(services))  # an empty group holds


def test_free_minutes_and_overdue_tasks_read_the_store(
    services: Services, clock: FakeClock
) -> None:
    now = clock()
    free = group({"field": "calendar.free_next_minutes", "op": "gte", "value": 60})
    assert holds(free, facts(services))  # nothing planned: a day free
    services.calendar.add(
        EventDraft("Standup", now + timedelta(minutes=30), now + timedelta(minutes=45))
    )
    assert facts(services).get("calendar.free_next_minutes") == 30
    assert not holds(free, facts(services))
    overdue = group({"field": "tasks.overdue_count", "op": "gte", "value": 1})
    assert not holds(overdue, facts(services))
    services.tasks.add(TaskDraft("Late", due=datetime(2026, 3, 1, tzinfo=UTC).date()))
    assert holds(overdue, facts(services))


def test_trigger_filters() -> None:
    spec = parse_workflow(
        {
            "name": "x",
            "trigger": {
                "kind": "event",
                "event": "transaction.imported",
                "filter": {"min_amount": 100, "category": "Groceries"},
            },
            "steps": [{"kind": "stop"}],
        }
    )
    big = {"transaction": {"amount": "-150.00", "category": "groceries"}}
    small = {"transaction": {"amount": "-15.00", "category": "groceries"}}
    other = {"transaction": {"amount": "-150.00", "category": "Rent"}}
    assert trigger_matches(spec.trigger, big)
    assert not trigger_matches(spec.trigger, small)
    assert not trigger_matches(spec.trigger, other)
    mail = parse_workflow(
        {
            "name": "x",
            "trigger": {
                "kind": "event",
                "event": "message.received",
                "filter": {"sender_contains": "ann@"},
            },
            "steps": [{"kind": "stop"}],
        }
    ).trigger
    assert trigger_matches(mail, {"message": {"sender": "Ann", "sender_address": "ann@x.org"}})
    assert not trigger_matches(mail, {"message": {"sender": "Bob", "sender_address": "b@x.org"}})
