"""Actions, their parameter schemas, validation and dispatch.

An action is a name, a one-line description, a risk level, typed parameters
(rendered as JSON Schema for agents) and a handler over the services. The CLI,
the command palette, voice, workflows and agents all call `ActionCatalog.call`,
so a capability added here is available everywhere, with the same checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.when import parse_day, parse_duration_minutes, parse_month, parse_when
from desktop.store.changeset import ChangeSet, collecting

if TYPE_CHECKING:
    from desktop.services.container import Services

RISKS = ("read", "write", "outbound", "destructive")
TYPES = ("string", "integer", "number", "boolean", "array", "object")
# Formats of string parameters that the catalog parses before the handler sees them.
FORMATS = ("when", "date", "month", "duration", "id")

Handler = Callable[["Services", dict[str, Any]], Any]


@dataclass(frozen=True)
class Param:
    """One parameter of an action."""

    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    format: str | None = None

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"description": self.description}
        if self.type == "array":
            out["type"] = "array"
            out["items"] = {"type": "string"}
        else:
            out["type"] = self.type
        if self.enum:
            out["enum"] = list(self.enum)
        if self.format:
            out["description"] += f" ({_FORMAT_HINTS[self.format]})"
        return out


_FORMAT_HINTS = {
    "when": "a date or date-time: YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, tomorrow, a weekday",
    "date": "a day: YYYY-MM-DD, today, tomorrow or a weekday",
    "month": "YYYY-MM",
    "duration": "like 30m, 1h or 1h30m",
    "id": "a record id",
}


@dataclass(frozen=True)
class ActionResult:
    """What an action returned, which areas it changed and the change set that undoes it.

    `undo` is None for read actions and for writes that changed no row.
    """

    value: Any
    changes: Changes
    undo: ChangeSet | None = None


@dataclass(frozen=True)
class Action:
    """One user-level operation."""

    name: str
    description: str
    risk: str
    handler: Handler
    params: tuple[Param, ...] = field(default_factory=tuple)
    area: str = ""

    def schema(self) -> dict[str, Any]:
        """JSON Schema of the parameters (the agents' tool definition)."""
        return {
            "type": "object",
            "properties": {p.name: p.schema() for p in self.params},
            "required": [p.name for p in self.params if p.required],
            "additionalProperties": False,
        }


class ActionCatalog:
    """The registry of actions."""

    def __init__(self) -> None:
        self._actions: dict[str, Action] = {}

    def register(self, action: Action) -> Action:
        if action.name in self._actions:
            raise ValueError(f"action {action.name} registered twice")
        if action.risk not in RISKS:
            raise ValueError(f"action {action.name}: unknown risk {action.risk}")
        for param in action.params:
            if param.type not in TYPES or (param.format and param.format not in FORMATS):
                raise ValueError(f"action {action.name}: bad parameter {param.name}")
        self._actions[action.name] = action
        return action

    def get(self, name: str) -> Action:
        try:
            return self._actions[name]
        except KeyError:
            raise UserError(
                f"there is no action named '{name}'; see `atrium action list`"
            ) from None

    def names(self) -> list[str]:
        return sorted(self._actions)

    def all(self) -> list[Action]:
        return [self._actions[name] for name in self.names()]

    def call(self, services: Services, name: str, args: Mapping[str, Any]) -> ActionResult:
        """Validate `args` against the action's schema and run it (recording its change set)."""
        action = self.get(name)
        checked = validate(action, args, services)
        with collecting() as recorded:
            value = action.handler(services, checked)
        undo = recorded.changeset() if recorded.states or recorded.problems else None
        changes = getattr(value, "changes", None)
        if isinstance(changes, Changes):
            return ActionResult(value.value, changes, getattr(value, "undo", None) or undo)
        return ActionResult(value, Changes(), undo)


def validate(action: Action, args: Mapping[str, Any], services: Services) -> dict[str, Any]:
    """Typed, parsed arguments; a UserError names the first problem."""
    known = {p.name: p for p in action.params}
    unknown = sorted(set(args) - set(known))
    if unknown:
        raise UserError(
            f"{action.name} has no parameter {', '.join(unknown)}; "
            f"it takes {', '.join(known) or 'none'}"
        )
    result: dict[str, Any] = {}
    for param in action.params:
        if param.name not in args or args[param.name] is None:
            if param.required:
                raise UserError(f"{action.name} needs {param.name}: {param.description}")
            continue
        result[param.name] = _coerce(param, args[param.name], services, action.name)
    return result


def parse_cli_args(action: Action, pairs: Iterable[str]) -> dict[str, Any]:
    """`key=value` strings as arguments; a repeated key makes a list for array params."""
    kinds = {p.name: p.type for p in action.params}
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserError(f"'{pair}' is not key=value")
        if kinds.get(key) == "array":
            out.setdefault(key, []).append(value)
        else:
            out[key] = value
    return out


def _coerce(param: Param, value: Any, services: Services, action: str) -> Any:
    where = f"{action}: {param.name}"
    if param.type == "boolean":
        return _boolean(value, where)
    if param.type == "integer":
        if isinstance(value, bool):
            raise UserError(f"{where} must be a whole number")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise UserError(f"{where} must be a whole number, not {value!r}") from None
    if param.type == "number":
        try:
            return float(value)
        except (TypeError, ValueError):
            raise UserError(f"{where} must be a number, not {value!r}") from None
    if param.type == "array":
        items = [value] if isinstance(value, str) else list(value)
        return [str(item) for item in items]
    if param.type == "object":
        return _object(value, where)
    if isinstance(value, (datetime, date)) and param.format in ("when", "date"):
        return value
    if not isinstance(value, str):
        raise UserError(f"{where} must be text, not {value!r}")
    if param.enum and value not in param.enum:
        raise UserError(f"{where} must be one of {', '.join(param.enum)}, not '{value}'")
    return _formatted(param.format, value, services, where)


def _formatted(fmt: str | None, value: str, services: Services, where: str) -> Any:
    try:
        if fmt == "when":
            return parse_when(value, services.ctx.now(), services.ctx.zone)
        if fmt == "date":
            return parse_day(value, services.ctx.now(), services.ctx.zone)
        if fmt == "month":
            return parse_month(value)
        if fmt == "duration":
            return parse_duration_minutes(value)
    except UserError as exc:
        raise UserError(f"{where}: {exc}") from None
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    """A JSON object: a mapping as it is, or its JSON text (from the command line)."""
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError as exc:
            raise UserError(f"{where} must be a JSON object: {exc}") from None
    if not isinstance(value, Mapping):
        raise UserError(f"{where} must be a JSON object, not {type(value).__name__}")
    return dict(value)


def _boolean(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off"):
        return False
    raise UserError(f"{where} must be true or false, not {value!r}")


@lru_cache(maxsize=1)
def default_catalog() -> ActionCatalog:
    """The catalog with every built-in action (built on first use, not at import)."""
    from desktop.services.actions import builtin

    catalog = ActionCatalog()
    builtin.register_all(catalog)
    return catalog
