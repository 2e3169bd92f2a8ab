"""The checks the workflow editor runs before it saves: the file format, then every step.

`check_definition` runs on the database executor (the catalog's checks of dates and
ids read the clock and the zone of the services). It parses the definition with
`parse_workflow`, whose errors name the path of the problem, then checks each action
step's arguments against the action's parameters one by one, so a problem names its
step and argument: `steps[1].args.due: ...`. An argument holding a `{{template}}` is
only rendered when the step runs, so here it passes as text, and a required argument
given as a template counts as given.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from desktop.core.errors import UserError
from desktop.services.actions.registry import ActionCatalog, validate
from desktop.services.container import Services
from desktop.services.workflow_spec import WorkflowError, parse_workflow
from desktop.ui.panes.workflows_params import is_template

# `steps[2].args.title: message` -> ("steps[2].args.title", "message")
_PATH = re.compile(r"^([A-Za-z_][\w]*(?:\[\d+\])?(?:\.[\w\[\]]+)*):\s+(.*)$", re.DOTALL)
_STEP = re.compile(r"^steps(?:\[(\d+)\]|\.(\d+))\.?(.*)$")


def split_problem(message: str) -> tuple[str, str]:
    """A problem's path and its words (`("", message)` when it names no path)."""
    match = _PATH.match(message.strip())
    if match is None:
        return "", message.strip()
    return match.group(1), match.group(2)


def step_of(path: str) -> tuple[int, str] | None:
    """The top-level step a path names and the rest of the path, or None."""
    match = _STEP.match(path)
    if match is None:
        return None
    number = match.group(1) or match.group(2)
    return int(number), match.group(3)


def parse_json_definition(text: str) -> dict[str, Any]:
    """The JSON object in `text`; a ValueError says where and what is wrong."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(value, dict):
        raise ValueError('the workflow must be a JSON object, like {"name": …}')
    return value


def check_definition(
    services: Services, catalog: ActionCatalog, definition: dict[str, Any]
) -> dict[str, Any]:
    """`definition` when it is a valid workflow whose steps' arguments fit their actions;
    otherwise a WorkflowError whose message starts with the path of the first problem."""
    parse_workflow(definition)
    for index, step in enumerate(definition.get("steps") or ()):
        _check_step(services, catalog, step, f"steps[{index}]")
    return definition


def _check_step(services: Services, catalog: ActionCatalog, step: Any, path: str) -> None:
    if not isinstance(step, dict):
        return
    for branch in ("then", "otherwise"):
        for index, inner in enumerate(step.get(branch) or ()):
            _check_step(services, catalog, inner, f"{path}.{branch}[{index}]")
    if step.get("kind", "action") != "action":
        return
    try:
        action = catalog.get(str(step.get("action") or ""))
    except UserError as exc:
        raise WorkflowError(f"{path}.action: {exc}") from None
    args = step.get("args") or {}
    known = {param.name: param for param in action.params}
    for name, value in args.items():
        where = f"{path}.args.{name}"
        if name not in known:
            takes = ", ".join(known) or "none"
            raise WorkflowError(f"{where}: {action.name} has no such argument; it takes {takes}")
        if value is None or is_template(value):
            continue
        single = dataclasses.replace(
            action, params=(dataclasses.replace(known[name], required=False),)
        )
        try:
            validate(single, {name: value}, services)
        except UserError as exc:
            raise WorkflowError(
                f"{where}: {_without_prefix(str(exc), action.name, name)}"
            ) from None
    for param in action.params:
        if param.required and args.get(param.name) in (None, "", []):
            raise WorkflowError(
                f"{path}.args.{param.name}: {action.name} needs it ({param.description})"
            )


def _without_prefix(message: str, action: str, name: str) -> str:
    """The catalog's message without the `action: name` it starts with."""
    for prefix in (f"{action}: {name}: ", f"{action}: {name} "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
