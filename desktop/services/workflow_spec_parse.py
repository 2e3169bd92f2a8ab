"""Reading and writing workflow definitions: strict checks that name the path of a problem.

`parse_spec` turns a dict (from JSON, YAML or a `workflows` row) into a `WorkflowSpec`
and stops at the first problem with its path, e.g. "steps[2].args.title: ...";
`spec_dict` writes the same dict back. `workflow_spec.parse_workflow` and
`workflow_dict` are the public names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from desktop.services.workflow_spec import (
    EVENTS,
    MISSED_POLICIES,
    OPERATORS,
    STEP_KINDS,
    TRIGGER_KINDS,
    WEEKDAYS,
    Condition,
    ConditionGroup,
    Step,
    Trigger,
    WorkflowError,
    WorkflowSpec,
)
from desktop.services.workflow_templating import TemplateError, check_templates

# The filter keys each store event understands (see workflow_conditions.trigger_matches).
EVENT_FILTERS: dict[str, tuple[str, ...]] = {
    "task.created": ("title_contains", "tag"),
    "task.completed": ("title_contains", "tag"),
    "task.overdue": ("title_contains", "tag"),
    "event.starting": ("minutes_before", "title_contains"),
    "message.received": ("sender_contains", "subject_contains", "platform"),
    "transaction.imported": ("min_amount", "category", "payee_contains"),
    "budget.threshold": ("percent", "category"),
    "sync.conflict": (),
}
_NUMERIC_FILTERS = ("minutes_before", "min_amount", "percent")
_TOP_KEYS = ("name", "description", "enabled", "trusted", "trigger", "conditions", "steps")
_TRIGGER_KEYS = {
    "time": ("kind", "cron", "every_minutes", "at", "days", "missed"),
    "event": ("kind", "event", "filter"),
    "voice": ("kind", "phrase"),
    "manual": ("kind",),
}
_STEP_KEYS = {
    "action": ("kind", "action", "args", "when"),
    "stop": ("kind", "when"),
    "branch": ("kind", "when", "then", "otherwise"),
    "webhook": ("kind", "args", "when"),
    "notify": ("kind", "args", "when"),
}
_STEP_ARGS = {"webhook": ("url", "body", "headers"), "notify": ("text",)}
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d\Z")
_FIELD = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\Z")
MAX_DEPTH = 8


def parse_spec(data: Any) -> WorkflowSpec:
    """See `workflow_spec.parse_workflow`."""
    top = _mapping(data, "the workflow", _TOP_KEYS)
    name = _text(top.get("name"), "name", required=True, limit=200)
    steps = top.get("steps")
    if not isinstance(steps, list) or not steps:
        raise WorkflowError("steps: a workflow needs a list of at least one step")
    return WorkflowSpec(
        name=name,
        description=_text(top.get("description", ""), "description", limit=2000),
        enabled=_flag(top.get("enabled", True), "enabled"),
        trusted=_flag(top.get("trusted", False), "trusted"),
        trigger=_trigger(top.get("trigger"), "trigger"),
        conditions=_group(top.get("conditions", {}), "conditions", 0),
        steps=_steps(steps, "steps", 0),
    )


def spec_dict(spec: WorkflowSpec) -> dict[str, Any]:
    """See `workflow_spec.workflow_dict`."""
    return {
        "name": spec.name,
        "description": spec.description,
        "enabled": spec.enabled,
        "trusted": spec.trusted,
        "trigger": trigger_dict(spec.trigger),
        "conditions": group_dict(spec.conditions),
        "steps": [step_dict(step) for step in spec.steps],
    }


def trigger_dict(trigger: Trigger) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": trigger.kind}
    if trigger.kind == "time":
        for key in ("cron", "every_minutes", "at"):
            if getattr(trigger, key) is not None:
                out[key] = getattr(trigger, key)
        if trigger.days:
            out["days"] = list(trigger.days)
        out["missed"] = trigger.missed
    elif trigger.kind == "event":
        out["event"] = trigger.event
        out["filter"] = dict(trigger.filter)
    elif trigger.kind == "voice":
        out["phrase"] = trigger.phrase
    return out


def group_dict(group: ConditionGroup) -> dict[str, Any]:
    return {
        "mode": group.mode,
        "items": [
            group_dict(item) if isinstance(item, ConditionGroup) else condition_dict(item)
            for item in group.items
        ],
    }


def condition_dict(condition: Condition) -> dict[str, Any]:
    out: dict[str, Any] = {"field": condition.field, "op": condition.op}
    if condition.op not in ("is_true", "is_false"):
        out["value"] = condition.value
    return out


def step_dict(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": step.kind}
    if step.kind == "action":
        out["action"] = step.action
    if step.kind in ("action", "webhook", "notify"):
        out["args"] = dict(step.args)
    if step.when is not None:
        out["when"] = group_dict(step.when)
    if step.kind == "branch":
        out["then"] = [step_dict(item) for item in step.then]
        out["otherwise"] = [step_dict(item) for item in step.otherwise]
    return out


# -- the parts ---------------------------------------------------------------------------


def _trigger(data: Any, path: str) -> Trigger:
    if not isinstance(data, Mapping):
        raise WorkflowError(f'{path}: a workflow needs a trigger, e.g. {{"kind": "manual"}}')
    kind = data.get("kind")
    if kind not in TRIGGER_KINDS:
        raise WorkflowError(
            f"{path}.kind: {kind!r} is not a trigger kind; use one of {', '.join(TRIGGER_KINDS)}"
        )
    _mapping(data, path, _TRIGGER_KEYS[kind])
    if kind == "time":
        return _time_trigger(data, path)
    if kind == "event":
        event = data.get("event")
        if event not in EVENTS:
            raise WorkflowError(
                f"{path}.event: {event!r} is not an event; use one of {', '.join(EVENTS)}"
            )
        return Trigger(kind, event=event, filter=_filter(data.get("filter", {}), event, path))
    if kind == "voice":
        phrase = _text(data.get("phrase"), f"{path}.phrase", required=True, limit=300)
        return Trigger(kind, phrase=phrase.lower())
    return Trigger(kind)


def _time_trigger(data: Mapping[str, Any], path: str) -> Trigger:
    given = [key for key in ("cron", "every_minutes", "at") if data.get(key) is not None]
    if len(given) != 1:
        raise WorkflowError(
            f"{path}: a time trigger needs exactly one of cron, every_minutes or at "
            f"(it has {', '.join(given) or 'none'})"
        )
    missed = data.get("missed", "run_once")
    if missed not in MISSED_POLICIES:
        raise WorkflowError(
            f"{path}.missed: {missed!r} is not a policy; use {' or '.join(MISSED_POLICIES)}"
        )
    days = _days(data.get("days", []), f"{path}.days")
    if days and given[0] != "at":
        raise WorkflowError(f'{path}.days: days go with at (e.g. "at": "08:00"), not {given[0]}')
    if given[0] == "cron":
        return Trigger("time", cron=_cron(data["cron"], f"{path}.cron"), missed=missed)
    if given[0] == "every_minutes":
        every = data["every_minutes"]
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise WorkflowError(f"{path}.every_minutes: must be a whole number of minutes ≥ 1")
        return Trigger("time", every_minutes=every, missed=missed)
    at = data["at"]
    if not isinstance(at, str) or not _TIME.match(at.strip()):
        raise WorkflowError(f"{path}.at: {at!r} is not a time of day; write it like 08:00")
    return Trigger("time", at=at.strip(), days=days, missed=missed)


def _cron(value: Any, path: str) -> str:
    if not isinstance(value, str) or len(value.split()) != 5:
        raise WorkflowError(
            f'{path}: {value!r} is not a cron expression; it has five fields, e.g. "0 8 * * 1-5"'
        )
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(value, timezone="UTC")
    except ValueError as exc:
        raise WorkflowError(f"{path}: {value!r} is not a valid cron expression ({exc})") from None
    return " ".join(value.split())


def _days(value: Any, path: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise WorkflowError(f'{path}: must be a list of weekday names like ["mon", "fri"]')
    days: list[str] = []
    for index, day in enumerate(value):
        name = day.strip().lower()[:3] if isinstance(day, str) else None
        if name not in WEEKDAYS:
            raise WorkflowError(
                f"{path}[{index}]: {day!r} is not a weekday; use {', '.join(WEEKDAYS)}"
            )
        if name not in days:
            days.append(name)
    return tuple(days)


def _filter(value: Any, event: str, path: str) -> dict[str, Any]:
    allowed = EVENT_FILTERS[event]
    found = _mapping(value, f"{path}.filter", allowed)
    out: dict[str, Any] = {}
    for key, item in found.items():
        where = f"{path}.filter.{key}"
        if key in _NUMERIC_FILTERS:
            if isinstance(item, bool) or not isinstance(item, (int, float, str)):
                raise WorkflowError(f"{where}: must be a number")
            try:
                float(item)
            except ValueError:
                raise WorkflowError(f"{where}: {item!r} is not a number") from None
            out[key] = item
        else:
            out[key] = _text(item, where, required=True, limit=300)
    return out


def _group(data: Any, path: str, depth: int) -> ConditionGroup:
    if depth > MAX_DEPTH:
        raise WorkflowError(f"{path}: conditions are nested more than {MAX_DEPTH} deep")
    if isinstance(data, list):  # a bare list means "all of these"
        data = {"mode": "all", "items": data}
    if isinstance(data, Mapping) and "field" in data:  # one condition on its own
        data = {"mode": "all", "items": [data]}
    group = _mapping(data, path, ("mode", "items"))
    mode = group.get("mode", "all")
    if mode not in ("all", "any"):
        raise WorkflowError(f"{path}.mode: {mode!r} must be all or any")
    items = group.get("items", [])
    if not isinstance(items, list):
        raise WorkflowError(f"{path}.items: must be a list of conditions")
    parsed: list[Condition | ConditionGroup] = []
    for index, item in enumerate(items):
        where = f"{path}.items[{index}]"
        if isinstance(item, Mapping) and "items" in item:
            parsed.append(_group(item, where, depth + 1))
        else:
            parsed.append(_condition(item, where))
    return ConditionGroup(mode, tuple(parsed))


def _condition(data: Any, path: str) -> Condition:
    item = _mapping(data, path, ("field", "op", "value"))
    field_name = item.get("field")
    if not isinstance(field_name, str) or not _FIELD.match(field_name):
        raise WorkflowError(f"{path}.field: {field_name!r} is not a field like message.sender")
    op = item.get("op")
    if op not in OPERATORS:
        raise WorkflowError(
            f"{path}.op: {op!r} is not an operator; use one of {', '.join(OPERATORS)}"
        )
    value = item.get("value")
    if op in ("is_true", "is_false"):
        if "value" in item:
            raise WorkflowError(f"{path}.value: {op} takes no value")
        return Condition(field_name, op)
    if "value" not in item:
        raise WorkflowError(f"{path}.value: {op} needs a value")
    if op == "in":
        if not isinstance(value, list) or not all(_scalar(v) for v in value):
            raise WorkflowError(f"{path}.value: in needs a list of texts or numbers")
    elif not _scalar(value):
        raise WorkflowError(f"{path}.value: must be a text, a number or true/false")
    return Condition(field_name, op, value)


def _steps(data: Any, path: str, depth: int) -> tuple[Step, ...]:
    if not isinstance(data, list):
        raise WorkflowError(f"{path}: must be a list of steps")
    if depth > MAX_DEPTH:
        raise WorkflowError(f"{path}: branches are nested more than {MAX_DEPTH} deep")
    return tuple(_step(item, f"{path}[{index}]", depth) for index, item in enumerate(data))


def _step(data: Any, path: str, depth: int) -> Step:
    if not isinstance(data, Mapping):
        raise WorkflowError(f"{path}: a step is an object with a kind")
    kind = data.get("kind", "action" if "action" in data else None)
    if kind not in STEP_KINDS:
        raise WorkflowError(
            f"{path}.kind: {kind!r} is not a step kind; use one of {', '.join(STEP_KINDS)}"
        )
    _mapping(data, path, _STEP_KEYS[kind])
    when = _group(data["when"], f"{path}.when", 0) if data.get("when") is not None else None
    args = _args(data.get("args", {}), kind, f"{path}.args")
    if kind == "action":
        action = data.get("action")
        if not isinstance(action, str) or not action.strip():
            raise WorkflowError(f"{path}.action: an action step names an action, e.g. add_task")
        return Step(kind, action=action.strip(), args=args, when=when)
    if kind == "branch":
        if when is None:
            raise WorkflowError(f"{path}.when: a branch needs a condition to branch on")
        then = _steps(data.get("then", []), f"{path}.then", depth + 1)
        otherwise = _steps(data.get("otherwise", []), f"{path}.otherwise", depth + 1)
        return Step(kind, when=when, then=then, otherwise=otherwise)
    return Step(kind, args=args, when=when)


def _args(value: Any, kind: str, path: str) -> dict[str, Any]:
    allowed = _STEP_ARGS.get(kind)
    args = dict(_mapping(value, path, allowed))
    for key, item in args.items():
        try:
            check_templates(item)
        except TemplateError as exc:
            raise WorkflowError(f"{path}.{key}: {exc}") from None
    if kind == "webhook":
        url = args.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise WorkflowError(f"{path}.url: a webhook needs an http:// or https:// url")
        headers = args.get("headers", {})
        if not isinstance(headers, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
        ):
            raise WorkflowError(f"{path}.headers: must map header names to texts")
    if kind == "notify":
        _text(args.get("text"), f"{path}.text", required=True, limit=2000)
    return args


def _mapping(data: Any, path: str, allowed: tuple[str, ...] | None) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise WorkflowError(f"{path}: must be an object (key: value pairs)")
    for key in data:
        if not isinstance(key, str):
            raise WorkflowError(f"{path}: keys must be text, not {key!r}")
        if allowed is not None and key not in allowed:
            known = ", ".join(allowed) or "none"
            raise WorkflowError(f"{path}.{key}: unknown key; known keys are {known}")
    return data


def _text(value: Any, path: str, *, required: bool = False, limit: int) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise WorkflowError(f"{path}: must be text")
    text = value.strip()
    if required and not text:
        raise WorkflowError(f"{path}: cannot be empty")
    if len(text) > limit:
        raise WorkflowError(f"{path}: is longer than {limit} characters")
    return text


def _flag(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise WorkflowError(f"{path}: must be true or false")
    return value


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))
