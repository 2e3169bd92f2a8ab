"""What a workflow is: a trigger, conditions and steps, as typed data with one file format.

A workflow file (JSON or YAML) and the rows of the `workflows` table hold the same
dictionary; `parse_workflow` checks it and names the first problem by its path
("steps[2].args.title: ..."), `workflow_dict` writes it back. The engine, the
triggers, the CLI, the templates and the Workflows pane all use these types.

    {
      "name": "Reply to VIPs",
      "description": "A task for every message from Ann",
      "enabled": true,
      "trusted": false,
      "trigger": {"kind": "event", "event": "message.received",
                  "filter": {"sender_contains": "ann@"}},
      "conditions": {"mode": "all", "items": [
          {"field": "time.weekday", "op": "in", "value": ["mon", "tue", "wed", "thu", "fri"]}]},
      "steps": [
          {"kind": "action", "action": "add_task",
           "args": {"title": "Reply to {{message.sender}}", "due": "tomorrow"}}]
    }
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import UserError

TRIGGER_KINDS = ("time", "event", "voice", "manual")
# Store events a trigger can wait for; each names what its data holds (see the engine).
EVENTS = (
    "task.created",  # data: task
    "task.completed",  # data: task
    "task.overdue",  # data: task
    "event.starting",  # data: event; filter: minutes_before
    "message.received",  # data: message; filter: sender_contains, subject_contains, platform
    "transaction.imported",  # data: transaction; filter: min_amount, category
    "budget.threshold",  # data: budget; filter: percent (e.g. 90), category
    "sync.conflict",  # data: conflict
)
MISSED_POLICIES = ("run_once", "skip")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OPERATORS = (
    "equals",
    "not_equals",
    "contains",
    "not_contains",
    "gt",
    "gte",
    "lt",
    "lte",
    "in",
    "is_true",
    "is_false",
)
STEP_KINDS = ("action", "stop", "branch", "webhook", "notify")


class WorkflowError(UserError):
    """A workflow definition is not valid; the message starts with the path of the problem."""


@dataclass(frozen=True)
class Trigger:
    """When a workflow runs.

    time:   cron ("0 8 * * 1-5") or every_minutes, or at ("08:00") with days (weekday names);
            in the user's time zone; `missed` says what a run missed while closed does.
    event:  `event` (one of EVENTS) and a `filter` of simple keys for that event.
    voice:  `phrase` (registered as a voice command that runs this workflow).
    manual: a button, the palette or `atrium workflow run`.
    """

    kind: str
    cron: str | None = None
    every_minutes: int | None = None
    at: str | None = None
    days: tuple[str, ...] = ()
    event: str | None = None
    filter: dict[str, Any] = field(default_factory=dict)
    phrase: str | None = None
    missed: str = "run_once"


@dataclass(frozen=True)
class Condition:
    """A typed comparison: `field` (a dotted path into the trigger's data, e.g.
    "message.sender", or a built-in such as "time.hour", "time.weekday",
    "calendar.free_next_minutes") compared with `value` by `op`."""

    field: str
    op: str
    value: Any = None


@dataclass(frozen=True)
class ConditionGroup:
    """All (or any) of the items hold; an empty group holds."""

    mode: str = "all"
    items: tuple[Condition | ConditionGroup, ...] = ()


@dataclass(frozen=True)
class Step:
    """One step.

    action:  run the catalog's `action` with `args` (strings may use {{path}} templates).
    stop:    end the run here (when `when` holds, or always).
    branch:  run `then` when `when` holds, else `otherwise` (each a list of steps).
    webhook: POST `args["body"]` (templated JSON) to `args["url"]`; outbound.
    notify:  show `args["text"]` (templated) as a notification.
    `when` on any step: the step runs only when it holds.
    """

    kind: str
    action: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    when: ConditionGroup | None = None
    then: tuple[Step, ...] = ()
    otherwise: tuple[Step, ...] = ()


@dataclass(frozen=True)
class WorkflowSpec:
    """A whole workflow definition."""

    name: str
    trigger: Trigger
    steps: tuple[Step, ...]
    conditions: ConditionGroup = field(default_factory=ConditionGroup)
    description: str = ""
    enabled: bool = True
    trusted: bool = False


def parse_workflow(data: Any) -> WorkflowSpec:
    """The workflow `data` describes (a dict from JSON/YAML), or WorkflowError naming the path
    of the first problem. Actions are checked to exist later, by the engine (it has the
    catalog); everything else is checked here."""
    from desktop.services.workflow_spec_parse import parse_spec

    return parse_spec(data)


def workflow_dict(spec: WorkflowSpec) -> dict[str, Any]:
    """The JSON-ready dict of `spec` (what `parse_workflow` reads back unchanged)."""
    from desktop.services.workflow_spec_parse import spec_dict

    return spec_dict(spec)
