"""The small, safe template syntax of workflow step arguments.

Only two forms exist: ``{{path.to.value}}`` and ``{{path | default("text")}}``. A path is
dict keys and list indexes into the run's context (the trigger's data plus the built-ins
``now``, ``today``, ``run.id`` and ``steps.<path>`` for earlier steps' results). There is no
eval, no attribute access, no filters beyond ``default`` and no names starting with "_".

Rendering is one pass over the *template* text: a value taken from the context is copied
into the output as plain text and never looked at again, so a message subject holding
"{{run.id}}" or "__import__('os')" stays exactly that. A string that is one whole
template keeps the value's type (a number stays a number, a list stays a list).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop.core.errors import UserError

OPEN, CLOSE = "{{", "}}"
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
_DEFAULT = re.compile(r"default\(\s*(?P<literal>.*?)\s*\)\Z", re.DOTALL)
_MISSING = object()


class TemplateError(UserError):
    """A template is malformed, or names a value the run does not have."""


@dataclass(frozen=True)
class Placeholder:
    """One ``{{...}}``: the path it reads and the text used when the path is missing."""

    path: tuple[str, ...]
    default: str | None = None

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


Piece = str | Placeholder


@dataclass(frozen=True)
class FutureValue:
    """A value a dry run does not have yet (an earlier step's result): shown by its path."""

    path: str

    def __str__(self) -> str:
        return f"<{self.path}>"


def parse_template(text: str) -> tuple[Piece, ...]:
    """The literal text and placeholders of `text`; TemplateError on a malformed one."""
    pieces: list[Piece] = []
    position = 0
    while True:
        start = text.find(OPEN, position)
        if start < 0:
            if text[position:]:
                pieces.append(text[position:])
            return tuple(pieces)
        end = text.find(CLOSE, start + len(OPEN))
        if end < 0:
            raise TemplateError(f"'{OPEN}' at character {start + 1} has no closing '{CLOSE}'")
        if start > position:
            pieces.append(text[position:start])
        pieces.append(_placeholder(text[start + len(OPEN) : end], start + 1))
        position = end + len(CLOSE)


def has_template(text: str) -> bool:
    return OPEN in text


def check_templates(value: Any) -> None:
    """Raise TemplateError for the first malformed template inside `value` (any JSON)."""
    if isinstance(value, str):
        if has_template(value):
            parse_template(value)
    elif isinstance(value, Mapping):
        for item in value.values():
            check_templates(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_templates(item)


def render(value: Any, context: Mapping[str, Any]) -> Any:
    """`value` (any JSON) with every template string rendered against `context`."""
    if isinstance(value, str):
        return render_text(value, context) if has_template(value) else value
    if isinstance(value, Mapping):
        return {key: render(item, context) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [render(item, context) for item in value]
    return value


def render_text(text: str, context: Mapping[str, Any]) -> Any:
    """One string rendered; a string that is a single placeholder keeps the value's type."""
    pieces = parse_template(text)
    if len(pieces) == 1 and isinstance(pieces[0], Placeholder):
        return _json_ready(_lookup(pieces[0], context))
    out: list[str] = []
    for piece in pieces:
        out.append(piece if isinstance(piece, str) else as_text(_lookup(piece, context)))
    return "".join(out)


def resolve(path: str | tuple[str, ...], context: Mapping[str, Any]) -> Any:
    """The value at a dotted path (or the path's parts) in `context`; `MISSING` when absent."""
    parts = tuple(path.split(".")) if isinstance(path, str) else path
    current: Any = context
    for position, part in enumerate(parts):
        if isinstance(current, FutureValue):
            return FutureValue(".".join((current.path, *parts[position:])))
        if isinstance(current, Mapping):
            current = current.get(part, _MISSING)
        elif isinstance(current, (list, tuple)) and part.isdigit():
            index = int(part)
            current = current[index] if index < len(current) else _MISSING
        else:
            return _MISSING
        if current is _MISSING:
            return _MISSING
    return current


def is_missing(value: Any) -> bool:
    return value is _MISSING


def as_text(value: Any) -> str:
    """How a value reads inside a longer string."""
    if value is None:
        return ""
    if isinstance(value, FutureValue):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(_json_ready(value), ensure_ascii=False, sort_keys=True)
    return str(value)


def _lookup(placeholder: Placeholder, context: Mapping[str, Any]) -> Any:
    value = resolve(placeholder.path, context)
    if value is _MISSING or value is None:
        if placeholder.default is not None:
            return placeholder.default
        if value is None:
            return None
        raise TemplateError(
            f"'{placeholder.dotted}' is not in this run's data; "
            f'check the name or add | default("...")'
        )
    return value


def _placeholder(inner: str, column: int) -> Placeholder:
    where = f"the template at character {column}"
    path_text, bar, rest = inner.partition("|")
    default: str | None = None
    if bar:
        match = _DEFAULT.match(rest.strip())
        if match is None:
            raise TemplateError(
                f'{where}: the only filter is default("text"), not {rest.strip()!r}'
            )
        default = _literal(match.group("literal"), where)
    parts = tuple(part.strip() for part in path_text.strip().split("."))
    if not parts or not all(_SEGMENT.match(part) for part in parts):
        raise TemplateError(
            f"{where}: {path_text.strip()!r} is not a path; use names like message.sender "
            "(letters, digits, _ and -, not starting with _)"
        )
    return Placeholder(parts, default)


def _literal(text: str, where: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        body = text[1:-1]
        if text[0] in body.replace("\\" + text[0], ""):
            raise TemplateError(f"{where}: the default text has an unescaped quote")
        return body.replace("\\" + text[0], text[0])
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    raise TemplateError(f'{where}: the default must be quoted text, like default("none")')


def _json_ready(value: Any) -> Any:
    if isinstance(value, FutureValue):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(item) for item in value]
    return value
