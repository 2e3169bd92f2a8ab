"""The action catalog: schemas, validation, coercion, WHEN parsing and every handler running."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.services.actions.registry import (
    FORMATS,
    RISKS,
    Action,
    ActionCatalog,
    Param,
    default_catalog,
    parse_cli_args,
    validate,
)
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.jsonable import jsonable
from desktop.services.messages import IncomingMessage
from desktop.store.models import AgentLog, ImportBatch, Integration
from desktop.store.profile import Store
from tests.conftest import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
CATALOG = default_catalog()
ACTIONS = CATALOG.all()
JSON_TYPES = {"string", "integer", "number", "boolean", "array", "object"}


def call(services: Services, action: str, /, **args: Any) -> Any:
    return CATALOG.call(services, action, args)


# -- the catalog and its schemas -------------------------------------------------------


def test_catalog_is_built_once_and_is_not_empty() -> None:
    assert default_catalog() is CATALOG
    assert len(ACTIONS) >= 30
    assert CATALOG.names() == sorted(CATALOG.names())
    assert [a.name for a in ACTIONS] == CATALOG.names()


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_every_action_has_a_valid_tool_definition(action: Action) -> None:
    # OpenAI tool names: letters, digits, '_' and '-' (at most 64); ours are snake_case.
    assert re.fullmatch(r"^[a-z_]+$", action.name)
    assert len(action.name) <= 64
    assert action.risk in RISKS == ("read", "write", "outbound", "destructive")
    assert action.description.strip()
    assert "\n" not in action.description
    assert action.area

    schema = action.schema()
    assert json.loads(json.dumps(schema)) == schema  # plain JSON
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert list(properties) == [p.name for p in action.params]
    assert len(set(properties)) == len(action.params)
    assert isinstance(schema["required"], list)
    assert set(schema["required"]) <= set(properties)
    assert len(set(schema["required"])) == len(schema["required"])
    assert schema["required"] == [p.name for p in action.params if p.required]
    for name, prop in properties.items():
        assert re.fullmatch(r"[a-z_]+", name)
        assert prop["type"] in JSON_TYPES
        assert isinstance(prop["description"], str)
        assert prop["description"].strip()
        if prop["type"] == "array":
            assert prop["items"] == {"type": "string"}
        else:
            assert "items" not in prop
        if "enum" in prop:
            assert prop["type"] == "string"
            assert prop["enum"]
            assert all(isinstance(v, str) for v in prop["enum"])
            assert len(set(prop["enum"])) == len(prop["enum"])
        assert set(prop) <= {"type", "description", "items", "enum"}


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_risk_matches_what_the_action_does(action: Action) -> None:
    if action.name.startswith("delete_"):
        assert action.risk == "destructive"
    if action.name.startswith(("list_", "get_")) or action.name in (
        "search",
        "task_stats",
        "month_summary",
    ):
        assert action.risk == "read"
    if action.name.startswith(("add_", "update_", "set_", "mark_", "complete_")):
        assert action.risk == "write"
    for param in action.params:
        assert param.format is None or param.format in FORMATS
        if param.format:
            assert param.type == "string"


def test_format_hints_reach_the_schema() -> None:
    due = CATALOG.get("add_task").schema()["properties"]["due"]
    assert "YYYY-MM-DD" in due["description"]
    assert "tomorrow" in due["description"]
    priority = CATALOG.get("add_task").schema()["properties"]["priority"]
    assert priority["enum"] == ["low", "medium", "high", "urgent"]


def test_registering_twice_or_badly_is_refused() -> None:
    catalog = ActionCatalog()
    action = Action("noop", "Do nothing", "read", lambda s, a: None)
    catalog.register(action)
    with pytest.raises(ValueError, match="registered twice"):
        catalog.register(action)
    with pytest.raises(ValueError, match="unknown risk"):
        catalog.register(Action("risky", "x", "dangerous", lambda s, a: None))
    with pytest.raises(ValueError, match="bad parameter"):
        catalog.register(
            Action("typed", "x", "read", lambda s, a: None, (Param("n", "float", "a float"),))
        )
    with pytest.raises(ValueError, match="bad parameter"):
        catalog.register(
            Action(
                "fmt", "x", "read", lambda s, a: None, (Param("n", "string", "x", format="colour"),)
            )
        )
    with pytest.raises(UserError, match="there is no action named 'nope'"):
        catalog.get("nope")


# -- validation and coercion -----------------------------------------------------------


def test_call_rejects_unknown_and_missing_parameters(services: Services) -> None:
    with pytest.raises(UserError, match="add_task has no parameter colour, size; it takes title"):
        call(services, "add_task", title="x", colour="red", size="L")
    with pytest.raises(UserError, match="get_profile has no parameter id; it takes none"):
        call(services, "get_profile", id="x")
    with pytest.raises(UserError, match="add_task needs title: what to do"):
        call(services, "add_task", priority="high")
    with pytest.raises(UserError, match="add_task needs title"):
        call(services, "add_task", title=None)
    with pytest.raises(UserError, match="add_transaction needs amount"):
        call(services, "add_transaction", payee="Shop")
    with pytest.raises(UserError, match="there is no action named 'frobnicate'"):
        call(services, "frobnicate")
    assert services.tasks.list() == []


def test_none_means_not_given(services: Services) -> None:
    args = validate(CATALOG.get("list_tasks"), {"status": None, "limit": None}, services)
    assert args == {}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("yes", True),
        ("YES", True),
        ("true", True),
        ("1", True),
        ("on", True),
        (True, True),
        ("no", False),
        ("false", False),
        ("False", False),
        ("0", False),
        ("off", False),
        (False, False),
        (1, True),
        (0, False),
    ],
)
def test_booleans(services: Services, raw: Any, expected: bool) -> None:
    args = validate(CATALOG.get("list_messages"), {"unread": raw}, services)
    assert args == {"unread": expected}


@pytest.mark.parametrize("raw", ["maybe", "", "2", "y e s"])
def test_bad_booleans(services: Services, raw: str) -> None:
    with pytest.raises(UserError, match="list_messages: unread must be true or false"):
        validate(CATALOG.get("list_messages"), {"unread": raw}, services)


def test_integers(services: Services) -> None:
    action = CATALOG.get("list_tasks")
    assert validate(action, {"limit": "5"}, services) == {"limit": 5}
    assert validate(action, {"limit": 7}, services) == {"limit": 7}
    assert validate(action, {"limit": " 12 "}, services) == {"limit": 12}
    for bad in ("five", "", "1.5", True, [3]):
        with pytest.raises(UserError, match="list_tasks: limit must be a whole number"):
            validate(action, {"limit": bad}, services)


def test_strings_and_enums(services: Services) -> None:
    action = CATALOG.get("add_task")
    with pytest.raises(UserError, match="add_task: title must be text, not 42"):
        validate(action, {"title": 42}, services)
    with pytest.raises(
        UserError,
        match="add_task: priority must be one of low, medium, high, urgent, not 'critical'",
    ):
        validate(action, {"title": "x", "priority": "critical"}, services)
    assert validate(action, {"title": "x", "priority": "high"}, services) == {
        "title": "x",
        "priority": "high",
    }


def test_arrays_from_repeated_cli_arguments(services: Services) -> None:
    action = CATALOG.get("add_task")
    pairs = [
        "title=Pack = bags",
        "tags=travel",
        "tags=home",
        "priority=high",
        "due=tomorrow",
        "estimate=1h30m",
        "notes=",
    ]
    raw = parse_cli_args(action, pairs)
    assert raw == {
        "title": "Pack = bags",
        "tags": ["travel", "home"],
        "priority": "high",
        "due": "tomorrow",
        "estimate": "1h30m",
        "notes": "",
    }
    assert parse_cli_args(action, ["tags=solo"]) == {"tags": ["solo"]}
    args = validate(action, raw, services)
    assert args["tags"] == ["travel", "home"]
    assert args["due"] == date(2026, 3, 5)
    assert args["estimate"] == 90
    # A single string for an array parameter is a one-item list.
    assert validate(action, {"title": "x", "tags": "solo"}, services)["tags"] == ["solo"]

    task = CATALOG.call(services, "add_task", raw).value
    assert task.title == "Pack = bags"
    assert task.tags == ("travel", "home")
    assert task.due == date(2026, 3, 5)
    assert task.estimate_minutes == 90
    assert task.priority == "high"


@pytest.mark.parametrize("pair", ["title", "=value", " =x", ""])
def test_cli_arguments_must_be_key_value(pair: str) -> None:
    with pytest.raises(UserError, match="is not key=value"):
        parse_cli_args(CATALOG.get("add_task"), [pair])


def test_bool_and_integer_from_cli(services: Services) -> None:
    action = CATALOG.get("list_messages")
    raw = parse_cli_args(action, ["unread=yes", "limit=3", "platform=email"])
    assert validate(action, raw, services) == {"unread": True, "limit": 3, "platform": "email"}


# -- WHEN parameters resolve against the fixed clock in Europe/Berlin ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", date(2026, 3, 5)),
        ("today", date(2026, 3, 4)),
        ("fri", date(2026, 3, 6)),
        ("wed", date(2026, 3, 11)),  # a weekday is always after today
        ("next monday", date(2026, 3, 9)),
        ("in 3 days", date(2026, 3, 7)),
        ("2026-04-01", date(2026, 4, 1)),
        ("fri 17:00", datetime(2026, 3, 6, 17, 0, tzinfo=BERLIN)),
        ("tomorrow 9am", datetime(2026, 3, 5, 9, 0, tzinfo=BERLIN)),
        ("now", datetime(2026, 3, 4, 11, 0, tzinfo=BERLIN)),
        ("in 2 hours", datetime(2026, 3, 4, 13, 0, tzinfo=BERLIN)),
        ("15:00", datetime(2026, 3, 4, 15, 0, tzinfo=BERLIN)),
        ("10:30", datetime(2026, 3, 5, 10, 30, tzinfo=BERLIN)),  # passed already: tomorrow
        ("2026-04-01T09:30", datetime(2026, 4, 1, 9, 30, tzinfo=BERLIN)),  # summer time
    ],
)
def test_when_params(services: Services, text: str, expected: date | datetime) -> None:
    value = validate(CATALOG.get("add_task"), {"title": "x", "due": text}, services)["due"]
    assert value == expected
    assert type(value) is type(expected)
    if isinstance(value, datetime):
        assert value.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


def test_fri_17_has_the_winter_offset(services: Services) -> None:
    value = validate(CATALOG.get("add_task"), {"title": "x", "due": "fri 17:00"}, services)["due"]
    assert value.isoformat() == "2026-03-06T17:00:00+01:00"
    task = call(services, "add_task", title="Ship it", due="fri 17:00").value
    assert task.due == datetime(2026, 3, 6, 16, 0, tzinfo=ZoneInfo("UTC"))
    assert jsonable(task, services.ctx.zone)["due"] == "2026-03-06T17:00:00+01:00"


def test_when_follows_the_clock(services: Services, clock: FakeClock) -> None:
    clock.advance(hours=13)  # 2026-03-05 00:00 Berlin: already Thursday there
    assert validate(CATALOG.get("add_task"), {"title": "x", "due": "tomorrow"}, services)[
        "due"
    ] == date(2026, 3, 6)


def test_date_month_and_duration_formats(services: Services) -> None:
    assert validate(
        CATALOG.get("list_events"), {"from": "fri 17:00", "to": "2026-03-31"}, services
    ) == {"from": date(2026, 3, 6), "to": date(2026, 3, 31)}
    assert validate(CATALOG.get("list_budgets"), {"month": "2026-02"}, services) == {
        "month": date(2026, 2, 1)
    }
    assert (
        validate(
            CATALOG.get("add_event"), {"title": "x", "start": "today", "duration": "45"}, services
        )["duration"]
        == 45
    )
    # Date objects from a caller that already parsed them pass through.
    assert validate(CATALOG.get("list_events"), {"from": date(2026, 5, 1)}, services) == {
        "from": date(2026, 5, 1)
    }


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("add_task", {"title": "x", "due": "someday"}, "add_task: due: cannot read 'someday'"),
        ("add_task", {"title": "x", "due": "fri 25:00"}, "add_task: due: cannot read the time"),
        ("add_task", {"title": "x", "due": "2026-02-30"}, "not a valid date"),
        ("add_task", {"title": "x", "estimate": "soon"}, "add_task: estimate: 'soon' is not a"),
        ("list_budgets", {"month": "2026-13"}, "list_budgets: month: '2026-13' is not a month"),
        ("list_events", {"from": "yesterday-ish"}, "list_events: from: cannot read"),
    ],
)
def test_format_errors_name_the_parameter(
    services: Services, name: str, args: dict[str, Any], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        validate(CATALOG.get(name), args, services)


# -- actions that do something ---------------------------------------------------------


def test_add_event_action_spans(services: Services) -> None:
    timed = call(services, "add_event", title="Review", start="fri 17:00", duration="1h30m")
    assert timed.changes == Changes(calendar=True)
    assert timed.value.start == datetime(2026, 3, 6, 17, 0, tzinfo=BERLIN)
    assert timed.value.end == datetime(2026, 3, 6, 18, 30, tzinfo=BERLIN)
    until = call(
        services, "add_event", title="Trip", start="tomorrow 8:00", end="2026-03-05T20:00"
    ).value
    assert until.end == datetime(2026, 3, 5, 20, 0, tzinfo=BERLIN)
    # All-day: the end names the last day; storage keeps it exclusive.
    holiday = call(
        services, "add_event", title="Holiday", start="2026-03-09", end="2026-03-13", all_day="yes"
    ).value
    assert (holiday.start, holiday.end, holiday.all_day) == (
        date(2026, 3, 9),
        date(2026, 3, 14),
        True,
    )
    single = call(services, "add_event", title="Day off", start="fri", all_day=True).value
    assert (single.start, single.end) == (date(2026, 3, 6), date(2026, 3, 7))
    with pytest.raises(UserError, match="has no time of day"):
        call(services, "add_event", title="x", start="tomorrow", duration="1h")
    with pytest.raises(UserError, match="either an end or a duration"):
        call(
            services,
            "add_event",
            title="x",
            start="tomorrow 9:00",
            end="tomorrow 10:00",
            duration="1h",
        )
    with pytest.raises(UserError, match="say when the event ends"):
        call(services, "add_event", title="x", start="tomorrow 9:00")
    weekly = call(
        services,
        "add_event",
        title="Gym",
        start="2026-03-03T18:00",
        duration="1h",
        rrule="FREQ=WEEKLY;BYDAY=TU",
        attendees=["a@example.com"],
    ).value
    assert weekly.rrule == "FREQ=WEEKLY;BYDAY=TU"
    listed = call(services, "list_events", **{"from": "2026-03-09", "to": "2026-03-15"}).value
    assert [o.title for o in listed] == ["Holiday", "Gym"]


def test_update_event_end_of_all_day_event_is_the_last_day(services: Services) -> None:
    holiday = call(
        services, "add_event", title="Holiday", start="2026-03-09", end="2026-03-13", all_day=True
    ).value
    call(services, "update_event", id=str(holiday.id), end="2026-03-15")
    assert services.calendar.get(holiday.id).end == date(2026, 3, 16)


def test_task_actions_flow(services: Services, clock: FakeClock) -> None:
    parent = call(services, "add_task", title="Trip", due="2026-03-20", priority="high").value
    child = call(
        services,
        "add_task",
        title="Book hotel",
        parent_id=str(parent.id),
        tags=["travel"],
        estimate="30m",
        recurrence="FREQ=YEARLY;COUNT=1",  # one round only: completing it ends it
    ).value
    assert child.parent_id == parent.id
    assert child.estimate_minutes == 30
    assert [t.title for t in call(services, "list_tasks", tag="TRAVEL").value] == ["Book hotel"]
    assert [t.title for t in call(services, "list_tasks", due_before="2026-03-21").value] == [
        "Trip"
    ]
    assert [t.title for t in call(services, "list_tasks", search="hot").value] == ["Book hotel"]

    updated = call(
        services,
        "update_task",
        id=str(parent.id),
        due="fri 17:00",
        estimate="2h",
        status="in_progress",
    )
    assert updated.changes == Changes(tasks=True)
    assert updated.value.due == datetime(2026, 3, 6, 17, 0, tzinfo=BERLIN)
    assert updated.value.estimate_minutes == 120
    assert updated.value.status == "in_progress"
    assert call(services, "update_task", id=str(parent.id), clear_due="true").value.due is None
    assert (
        call(services, "update_task", id=str(parent.id), title="Trip!").value.estimate_minutes
        == 120
    )  # not given, not changed
    done = call(services, "complete_task", id=str(child.id)).value
    assert done.status == "done"
    assert done.completed_at == clock.current
    assert [t.title for t in call(services, "list_tasks", status="done").value] == ["Book hotel"]
    stats = call(services, "task_stats").value
    assert (stats.open, stats.done) == (1, 1)
    deleted = call(services, "delete_task", id=str(parent.id))
    assert deleted.value == 2
    assert deleted.changes == Changes(tasks=True)
    with pytest.raises(NotFoundError):
        call(services, "get_task", id=str(child.id))
    with pytest.raises(UserError, match="'abc' is not a task id"):
        call(services, "get_task", id="abc")


def test_finance_actions_flow(services: Services) -> None:
    call(services, "add_account", name="Giro", currency="EUR")
    call(
        services,
        "add_transaction",
        amount="-12.50",
        payee="Bakery",
        category="Food",
        date="yesterday",
    )
    call(services, "add_transaction", amount="1000", payee="Employer", date="2026-03-01")
    result = call(services, "set_budget", category="Food", amount="100")
    assert result.changes == Changes(finance=True)
    assert result.value.month == "2026-03"
    assert result.value.remaining == Decimal("87.50")
    summary = call(services, "month_summary").value
    assert (summary.income, summary.expenses, summary.net) == (
        Decimal("1000.00"),
        Decimal("12.50"),
        Decimal("987.50"),
    )
    assert [t.date for t in call(services, "list_transactions", month="2026-03").value] == [
        date(2026, 3, 3),
        date(2026, 3, 1),
    ]
    assert call(services, "list_transactions", month="2026-02").value == []
    assert [b.category for b in call(services, "list_budgets", month="2026-03").value] == ["Food"]
    assert call(services, "list_accounts").value[0].balance == Decimal("987.50")
    with pytest.raises(UserError, match="kind must be one of checking"):
        call(services, "add_account", name="x", kind="piggy")


def test_misc_actions_flow(services: Services) -> None:
    note = call(services, "add_note", title="Ideas", body="More *tests*", tags=["a", "b"])
    assert note.changes == Changes(notes=True)
    assert call(services, "get_note", id=str(note.value.id)).value.tags == ("a", "b")
    assert [n.title for n in call(services, "list_notes", tag="b", limit="5").value] == ["Ideas"]
    note_id = str(note.value.id)
    edited = call(services, "update_note", id=note_id, title="Ideas+", tags="c", pinned=True)
    assert edited.changes == Changes(notes=True)
    assert (edited.value.title, edited.value.body) == ("Ideas+", "More *tests*")
    assert edited.value.tags == ("c",)
    assert edited.value.pinned
    message = services.messages.receive(IncomingMessage("slack", "Bob", body_text="ping")).value
    marked = call(services, "mark_message", id=str(message.id), read="yes", starred="no")
    assert marked.changes == Changes(inbox=True)
    assert marked.value.read
    assert not marked.value.starred
    assert call(services, "list_messages", unread=True).value == []
    assert [h.kind for h in call(services, "search", query="ideas", kind="note").value] == ["note"]
    profile = call(services, "update_profile", display_name="Ann", time_zone="Europe/Paris")
    assert profile.changes == Changes(profile=True)
    assert call(services, "get_profile").value.time_zone == "Europe/Paris"
    with pytest.raises(UserError, match="not a time zone"):
        call(services, "update_profile", time_zone="Paris")
    project = call(services, "add_project", name="Atrium", repository_url="https://x.org/a")
    assert project.changes == Changes(projects=True)
    voice = call(services, "add_voice_command", phrase="Plan my day", action="list_tasks")
    assert voice.changes == Changes(voice=True)
    assert voice.value.phrase == "plan my day"
    with pytest.raises(UserError, match="no action named"):
        call(services, "add_voice_command", phrase="x", action="launch_rocket")
    assert call(services, "delete_note", id=str(note.value.id)).changes == Changes(notes=True)


# -- smoke: every action runs on a seeded store ----------------------------------------


@pytest.fixture
def seeded(services: Services, store: Store, clock: FakeClock) -> dict[str, str]:
    """One row of each kind an action can name, and their ids."""
    ids = {
        "task": str(call(services, "add_task", title="Seed task", due="tomorrow").value.id),
        "task2": str(call(services, "add_task", title="Second task", estimate="45m").value.id),
        "task3": str(call(services, "add_task", title="Third task").value.id),
        "event": str(
            call(
                services, "add_event", title="Seed event", start="tomorrow 9:00", duration="1h"
            ).value.id
        ),
        "event2": str(
            call(
                services, "add_event", title="Other event", start="tomorrow 11:00", duration="1h"
            ).value.id
        ),
        "note": str(call(services, "add_note", title="Seed note").value.id),
        "project": str(call(services, "add_project", name="Seed project").value.id),
        "note2": str(call(services, "add_note", title="Other note").value.id),
        "message": str(
            services.messages.receive(
                IncomingMessage("email", "Ann", subject="Seed message")
            ).value.id
        ),
    }
    call(services, "add_account", name="Main", currency="EUR")
    call(services, "add_transaction", amount="-5", payee="Seed shop", category="food")
    ids["transaction"] = str(services.finance.transactions()[0].id)
    ids["rule"] = str(
        call(services, "add_category_rule", category="food", payee_contains="seed").value.id
    )
    ids["tx2"] = str(call(services, "add_transaction", amount="-7", payee="Other shop").value.id)
    # A second account with money in that mirrors tx2: a transfer to link (issue 9).
    call(services, "add_account", name="Savings", currency="EUR")
    deposit = call(
        services, "add_transaction", amount="7", payee="Other deposit", account="Savings"
    )
    ids["deposit"] = str(deposit.value.id)
    call(services, "set_budget", category="fun", amount="40")
    start = clock.current + timedelta(hours=2)
    services.calendar.add(
        EventDraft("Reminded", start, start + timedelta(hours=1), reminders=[10, 20])
    )
    ids["reminder"], ids["reminder2"] = (r.key for r in services.reminders.upcoming())
    seed_flow = services.workflows.add(
        {
            "name": "Seed flow",
            "trigger": {"kind": "manual"},
            "steps": [{"kind": "action", "action": "send_message", "args": SEED_SEND}],
        }
    ).value
    ids["workflow"] = str(seed_flow.id)
    off = {"name": "Off flow", "enabled": False, "trigger": {"kind": "manual"}}
    off_flow = services.workflows.add({**off, "steps": [{"kind": "stop"}]}).value
    ids["workflow_off"] = str(off_flow.id)
    # Two runs waiting for approval at the outbound step: one to approve, one to deny.
    ids["workflow_run"] = str(services.workflows.run(seed_flow.id).id)
    ids["workflow_run2"] = str(services.workflows.run(seed_flow.id).id)
    with store.unit_of_work() as uow:
        uow.s.add(
            AgentLog(
                agent="planner",
                provider="offline",
                model="rules",
                prompt="plan",
                started_at=clock.current - timedelta(minutes=5),
            )
        )
        uow.s.add(Integration(kind="gmail", account="me@example.com", display_name="Gmail"))
        batch = ImportBatch(
            account_id=services.finance.accounts()[0].id, source_name="seed.csv", format="csv"
        )
        uow.s.add(batch)
        uow.commit()
    ids["import_batch"] = str(batch.id)
    return ids


def smoke_arguments(ids: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Arguments for every action in the catalog (a new action must be added here)."""
    return {
        # read
        "list_tasks": {},
        "get_task": {"id": ids["task"]},
        "task_stats": {},
        "list_events": {},
        "get_event": {"id": ids["event"]},
        "list_accounts": {},
        "list_transactions": {},
        "month_summary": {},
        "list_budgets": {},
        "list_notes": {},
        "get_note": {"id": ids["note"]},
        "list_messages": {},
        "search": {"query": "seed"},
        "get_profile": {},
        "list_projects": {},
        "list_workflows": {},
        "list_voice_commands": {},
        "list_agent_logs": {},
        "list_integrations": {},
        # write
        "add_task": {"title": "Smoke task"},
        "update_task": {"id": ids["task2"], "title": "Renamed"},
        "complete_task": {"id": ids["task2"]},
        "move_task": {"id": ids["task2"], "after": ids["task"]},
        "set_task_project": {"id": ids["task"]},
        "add_event": {"title": "Smoke event", "start": "fri 17:00", "duration": "30m"},
        "update_event": {"id": ids["event"], "location": "Room 1"},
        "update_occurrence": {
            "id": ids["event"],
            "occurrence": "tomorrow",
            "scope": "this",
            "title": "Moved",
        },
        "add_account": {"name": "Smoke account"},
        "add_transaction": {"amount": "-1.00", "payee": "Smoke shop"},
        "set_budget": {"category": "food", "amount": "50"},
        "add_note": {"title": "Smoke note"},
        "update_note": {"id": ids["note"], "body": "Smoke text", "tags": ["smoke"]},
        "mark_message": {"id": ids["message"], "read": True},
        "update_profile": {"display_name": "Smoke"},
        "add_project": {"name": "Smoke project"},
        "update_project": {"id": ids["project"], "status": "paused", "description": "Smoke"},
        "add_voice_command": {"phrase": "smoke", "action": "list_tasks"},
        # destructive
        "delete_task": {"id": ids["task3"]},
        "delete_event": {"id": ids["event2"]},
        "delete_occurrence": {"id": ids["event2"], "occurrence": "tomorrow", "scope": "all"},
        "delete_note": {"id": ids["note2"]},
        "delete_message": {"id": ids["message"]},
        "delete_project": {"id": ids["project"]},
        "update_transaction": {"id": ids["transaction"], "category": "groceries", "amount": "-6"},
        "delete_transaction": {"id": ids["tx2"]},
        "delete_budget": {"category": "fun", "month": "2026-03"},
        "list_reminders": {"days": 2},
        "snooze_reminder": {"key": ids["reminder"], "minutes": 5},
        "dismiss_reminder": {"key": ids["reminder2"]},
        "parse_phrase": {"text": "Smoke test tomorrow at 5pm !high #smoke"},
        "quick_add": {"text": "Smoke quick add tomorrow at 5pm #smoke"},
        "find_free_time": {"from": "tomorrow", "duration": "45m", "hours": "08:00-18:00"},
        "plan_schedule": {},
        "apply_schedule": {"to": "fri"},
        "import_calendar": {"text": SMOKE_ICS.format("VEVENT", "DTSTART:20260305T090000Z")},
        "export_calendar": {"from": "today", "to": "fri"},
        "import_tasks": {"text": SMOKE_ICS.format("VTODO", "DUE;VALUE=DATE:20260306")},
        "export_tasks": {},
        # category rules, suggestions, recurring payments, export (issue 9)
        "add_category_rule": {"category": "coffee", "payee_contains": "bean"},
        "list_category_rules": {},
        "delete_category_rule": {"id": ids["rule"]},
        "move_category_rule": {"id": ids["rule"], "position": 1},
        "suggest_categories": {},
        "apply_categories": {},
        "set_transaction_category": {"id": ids["transaction"], "category": "snacks"},
        "list_recurring": {},
        "export_transactions": {"format": "csv"},
        # statement imports (issue 9)
        "import_transactions": {"path": str(STATEMENT), "account": "Main"},
        "preview_import": {"path": str(STATEMENT), "account": "Main"},
        "list_import_batches": {},
        "undo_import": {"batch": ids["import_batch"]},
        # transfers, splits, exchange rates, running balances, reconciliation (issue 9)
        "transfer_money": {"amount": "2", "from_account": "Main", "to_account": "Savings"},
        "link_transfer": {"first": ids["tx2"], "second": ids["deposit"]},
        "split_transaction": {"id": ids["transaction"], "parts": ["food=-3", "drinks=-2"]},
        "unreconcile_transaction": {"id": ids["transaction"]},
        "set_exchange_rate": {"currency": "USD", "rate": "0.92"},
        "list_exchange_rates": {},
        "list_account_register": {"account": "Main"},
        "check_reconciliation": {"account": "Main", "balance": "-12.00"},
        "reconcile_account": {"account": "Main", "balance": "-12.00"},
        # bills that become tasks (issue 9)
        "list_bills": {"days": 7},
        "create_bill_tasks": {},
        # messages in full, reply drafts, the outbox; the agents' record (issue 7)
        "get_message": {"id": ids["message"]},
        "draft_reply": {"message_id": ids["message"], "body": "Thanks, Ann!"},
        "send_message": {"to": ["ann@example.com"], "subject": "Hi", "body": "Smoke mail"},
        "agent_stats": {},
        "list_agent_approvals": {},
        # summaries and paid bills the workflow templates use (issue 10)
        "day_agenda": {},
        "week_review": {"day": "today"},
        "complete_paid_bills": {},
        # workflows (issue 10)
        "show_workflow": {"id": ids["workflow"]},
        "update_workflow": {
            "id": ids["workflow_off"],
            "definition": {
                "name": "Renamed flow",
                "trigger": {"kind": "manual"},
                "steps": [{"kind": "notify", "args": {"text": "hello"}}],
            },
        },
        "add_workflow": {
            "definition": {
                "name": "Smoke flow",
                "trigger": {"kind": "manual"},
                "steps": [{"kind": "notify", "args": {"text": "hi"}}],
            }
        },
        "enable_workflow": {"id": ids["workflow_off"]},
        "disable_workflow": {"id": ids["workflow"]},
        "delete_workflow": {"id": ids["workflow"]},
        "run_workflow": {"id": ids["workflow"], "dry_run": True},
        "list_workflow_runs": {"id": ids["workflow"]},
        "approve_workflow_run": {"id": ids["workflow_run"]},
        "deny_workflow_run": {"id": ids["workflow_run2"]},
    }


SEED_SEND = {"to": ["ann@example.com"], "body": "Seeded workflow mail"}


STATEMENT = Path(__file__).resolve().parents[2] / "fixtures" / "imports" / "march.csv"


SMOKE_ICS = (
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//smoke//EN\nBEGIN:{0}\nUID:smoke@test\n"
    "SUMMARY:Smoke import\n{1}\nEND:{0}\nEND:VCALENDAR\n"
)


def test_every_action_is_in_the_smoke_test(seeded: dict[str, str]) -> None:
    assert sorted(smoke_arguments(seeded)) == CATALOG.names()


@pytest.mark.parametrize("name", CATALOG.names())
def test_every_action_runs_on_a_seeded_store(
    services: Services, seeded: dict[str, str], name: str
) -> None:
    action = CATALOG.get(name)
    result = CATALOG.call(services, name, smoke_arguments(seeded)[name])
    # Every surface turns results into JSON the same way.
    json.dumps(jsonable(result.value, services.ctx.zone))
    if action.risk == "read":
        assert not result.changes
        assert result.value is not None
    else:
        assert result.changes, f"{name} changed nothing"
        assert action.area in result.changes.areas()


def test_read_actions_return_the_seeded_rows(services: Services, seeded: dict[str, str]) -> None:
    def values(name: str, **args: Any) -> Any:
        return call(services, name, **args).value

    assert "Seed task" in [t.title for t in values("list_tasks")]
    assert values("get_task", id=seeded["task"]).title == "Seed task"
    assert {o.title for o in values("list_events")} == {"Seed event", "Other event", "Reminded"}
    assert values("get_event", id=seeded["event"]).title == "Seed event"
    assert [a.name for a in values("list_accounts")] == ["Main", "Savings"]
    assert sorted(t.payee for t in values("list_transactions")) == [
        "Other deposit",
        "Other shop",
        "Seed shop",
    ]
    assert values("month_summary").by_category == {
        "food": Decimal("5.00"),
        "uncategorized": Decimal("7.00"),
    }
    assert [b.category for b in values("list_budgets")] == ["fun"]
    assert {n.title for n in values("list_notes")} == {"Seed note", "Other note"}
    assert values("get_note", id=seeded["note"]).title == "Seed note"
    assert [m.subject for m in values("list_messages")] == ["Seed message"]
    assert {h.title for h in values("search", query="seed")} >= {
        "Seed task",
        "Seed event",
        "Seed note",
        "Seed message",
        "Seed shop",
    }
    assert [w.name for w in values("list_workflows")] == ["Off flow", "Seed flow"]
    assert [log.agent for log in values("list_agent_logs", limit="1")] == ["planner"]
    assert [i.kind for i in values("list_integrations")] == ["gmail"]
    assert values("task_stats").open == 3
    assert values("get_profile").id == services.store.user_id


def test_every_id_action_reports_unknown_ids(services: Services) -> None:
    missing = str(uuid.uuid4())
    for action in ACTIONS:
        if "id" not in {p.name for p in action.params}:
            continue
        args: dict[str, Any] = {"id": missing}
        with pytest.raises(NotFoundError):
            CATALOG.call(services, action.name, args)


def test_results_are_outcome_values(services: Services) -> None:
    result = call(services, "add_task", title="Plain value")
    assert result.value.title == "Plain value"  # the Outcome is unwrapped
    listed: Callable[..., Any] = CATALOG.get("list_tasks").handler
    assert [t.title for t in listed(services, {})] == ["Plain value"]
