"""Workflow definitions: valid files parse and round-trip; each mistake names its path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.services.workflow_spec import (
    ConditionGroup,
    WorkflowError,
    parse_workflow,
    workflow_dict,
)


def full_definition() -> dict[str, Any]:
    return {
        "name": "Reply to VIPs",
        "description": "A task for every message from Ann",
        "enabled": True,
        "trusted": False,
        "trigger": {
            "kind": "event",
            "event": "message.received",
            "filter": {"sender_contains": "ann@"},
        },
        "conditions": {
            "mode": "all",
            "items": [
                {"field": "time.weekday", "op": "in", "value": ["mon", "tue"]},
                {"mode": "any", "items": [{"field": "message.subject", "op": "is_true"}]},
            ],
        },
        "steps": [
            {
                "kind": "action",
                "action": "add_task",
                "args": {"title": "Reply to {{message.sender}}"},
            },
            {
                "kind": "branch",
                "when": {
                    "mode": "all",
                    "items": [{"field": "time.hour", "op": "gte", "value": 17}],
                },
                "then": [{"kind": "notify", "args": {"text": "late mail"}}],
                "otherwise": [{"kind": "stop"}],
            },
            {"kind": "webhook", "args": {"url": "https://example.org/hook", "body": {"a": 1}}},
        ],
    }


def test_a_full_definition_round_trips_through_the_dict_and_json(tmp_path: Path) -> None:
    spec = parse_workflow(full_definition())
    assert spec.trigger.filter == {"sender_contains": "ann@"}
    assert spec.steps[1].then[0].args == {"text": "late mail"}
    written = workflow_dict(spec)
    assert written == full_definition()
    path = tmp_path / "wf.json"
    path.write_text(json.dumps(written))
    assert parse_workflow(json.loads(path.read_text())) == spec


def test_yaml_files_read_the_same() -> None:
    text = """
name: Morning
trigger: {kind: time, at: "08:00", days: [Mon, Tue, wed]}
steps:
  - kind: notify
    args: {text: "Good morning, today is {{today}}"}
"""
    spec = parse_workflow(yaml.safe_load(text))
    assert spec.trigger.days == ("mon", "tue", "wed")
    assert spec.trigger.missed == "run_once"
    assert parse_workflow(workflow_dict(spec)) == spec


def test_short_forms_are_accepted_and_written_in_full() -> None:
    spec = parse_workflow(
        {
            "name": "x",
            "trigger": {"kind": "manual"},
            "conditions": [{"field": "time.hour", "op": "lt", "value": 9}],
            "steps": [{"action": "list_tasks", "when": {"field": "a", "op": "equals", "value": 1}}],
        }
    )
    assert spec.conditions == parse_workflow(workflow_dict(spec)).conditions
    assert spec.steps[0].kind == "action"
    assert isinstance(spec.steps[0].when, ConditionGroup)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(colour="red"), "the workflow.colour: unknown key"),
        (lambda d: d.update(name=""), "name: cannot be empty"),
        (lambda d: d.update(enabled="yes"), "enabled: must be true or false"),
        (lambda d: d.update(steps=[]), "steps: a workflow needs"),
        (lambda d: d["trigger"].update(kind="sometimes"), "trigger.kind: 'sometimes'"),
        (lambda d: d["trigger"].update(event="task.exploded"), "trigger.event: 'task.exploded'"),
        (lambda d: d["trigger"]["filter"].update(colour="x"), "trigger.filter.colour: unknown"),
        (lambda d: d["conditions"]["items"][0].update(op="like"), "conditions.items[0].op"),
        (
            lambda d: d["conditions"]["items"][1]["items"][0].update(value=1),
            "conditions.items[1].items[0].value: is_true takes no value",
        ),
        (lambda d: d["steps"][0].update(kind="teleport"), "steps[0].kind: 'teleport'"),
        (lambda d: d["steps"][0].update(action=""), "steps[0].action"),
        (lambda d: d["steps"][0]["args"].update(title="{{ oops"), "steps[0].args.title"),
        (
            lambda d: d["steps"][0]["args"].update(title="{{a.__class__}}"),
            "steps[0].args.title",
        ),
        (lambda d: d["steps"][1].update(then="x"), "steps[1].then: must be a list"),
        (
            lambda d: d["steps"][1]["then"][0].update(args={}),
            "steps[1].then[0].args.text: must be text",
        ),
        (lambda d: d["steps"][1].pop("when"), "steps[1].when: a branch needs"),
        (lambda d: d["steps"][2]["args"].update(url="ftp://x"), "steps[2].args.url"),
    ],
)
def test_each_mistake_names_its_path(change: Any, path: str) -> None:
    data = full_definition()
    change(data)
    with pytest.raises(WorkflowError) as raised:
        parse_workflow(data)
    assert str(raised.value).startswith(path), str(raised.value)


@pytest.mark.parametrize(
    ("trigger", "message"),
    [
        ({"kind": "time", "cron": "61 * * * *"}, "trigger.cron: '61 * * * *' is not a valid"),
        ({"kind": "time", "cron": "every day"}, "trigger.cron: 'every day' is not a cron"),
        ({"kind": "time", "every_minutes": 0}, "trigger.every_minutes: must be a whole number"),
        ({"kind": "time", "every_minutes": True}, "trigger.every_minutes"),
        ({"kind": "time", "at": "8am"}, "trigger.at: '8am' is not a time of day"),
        ({"kind": "time", "at": "24:00"}, "trigger.at"),
        ({"kind": "time", "at": "08:00", "days": ["funday"]}, "trigger.days[0]: 'funday'"),
        ({"kind": "time", "at": "08:00", "cron": "0 8 * * *"}, "trigger: a time trigger needs"),
        ({"kind": "time", "at": "08:00", "missed": "later"}, "trigger.missed: 'later'"),
        ({"kind": "voice"}, "trigger.phrase: must be text"),
        ({"kind": "manual", "phrase": "x"}, "trigger.phrase: unknown key"),
    ],
)
def test_trigger_mistakes(trigger: dict[str, Any], message: str) -> None:
    with pytest.raises(WorkflowError) as raised:
        parse_workflow({"name": "x", "trigger": trigger, "steps": [{"kind": "stop"}]})
    assert str(raised.value).startswith(message), str(raised.value)


def test_valid_time_triggers() -> None:
    for trigger in (
        {"kind": "time", "cron": "0 8 * * 1-5"},
        {"kind": "time", "every_minutes": 15, "missed": "skip"},
        {"kind": "time", "at": "23:59", "days": ["sat", "sun"]},
    ):
        spec = parse_workflow({"name": "x", "trigger": trigger, "steps": [{"kind": "stop"}]})
        assert workflow_dict(spec)["trigger"]["kind"] == "time"
        assert parse_workflow(workflow_dict(spec)) == spec
