"""Workflow files: reading JSON and YAML definitions with errors that name file and line,
and writing a definition (a template) out to edit.

A problem found in a definition ("steps[1].action: ...") is placed on its line by reading
the file's node tree again (JSON read as YAML, only for the positions).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError

SUFFIXES = (".json", ".yaml", ".yml")
# The path a WorkflowError starts with: "steps[1].args.title: ...".
_PROBLEM_PATH = re.compile(r"^([A-Za-z_][\w-]*(?:\[\d+\]|\.[\w-]+)*): ")
_UNKNOWN_ACTION = re.compile(r"there is no action named '([^']*)'")
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def read_definition(name: str) -> tuple[Any, str]:
    """The parsed contents of a workflow file and its text; UserError naming file and line."""
    path = Path(name)
    if path.suffix.lower() not in SUFFIXES:
        raise UserError(f"{name}: a workflow file ends in .json, .yaml or .yml")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{name}: there is no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"{name}: the file is not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text), text
        except json.JSONDecodeError as exc:
            raise UserError(
                f"{name}, line {exc.lineno}, column {exc.colno}: not valid JSON: {exc.msg}"
            ) from None
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader()), text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "cannot be read"
        raise UserError(f"{name}{where}: not valid YAML: {problem}") from None


def _yaml_loader() -> Any:
    """PyYAML's safe loader, except that times like 16:00 stay text: YAML 1.1 reads them
    as base-60 numbers (960), which no workflow file means."""
    import yaml

    class TimesAsText(yaml.SafeLoader):
        pass

    resolvers = {key: list(found) for key, found in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    clock = re.compile(r"^[0-9]{1,2}(?::[0-5][0-9]){1,2}$")
    for digit in "0123456789":
        resolvers.setdefault(digit, []).insert(0, ("tag:yaml.org,2002:str", clock))
    TimesAsText.yaml_implicit_resolvers = resolvers
    return TimesAsText


def problem_line(text: str, problem: str) -> int | None:
    """The line of the definition that a problem's path ("steps[1].action: ...") points at.

    JSON is read as YAML here (only to find positions): both give nodes with marks."""
    match = _PROBLEM_PATH.match(problem)
    if match is None:
        return None
    import yaml

    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for key, index in _PATH_PART.findall(match.group(1)):
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if getattr(k, "value", None) == key]
            if not found:
                break
            line = found[0][0].start_mark.line + 1
            node = found[0][1]
        elif isinstance(node, yaml.SequenceNode) and index and int(index) < len(node.value):
            node = node.value[int(index)]
            line = node.start_mark.line + 1
        else:
            break
    return line


def with_suggestion(problem: str, action_names: list[str]) -> str:
    """A problem naming an unknown action, with the closest action's name added."""
    match = _UNKNOWN_ACTION.search(problem)
    if match is None or "did you mean" in problem:
        return problem
    import difflib

    close = difflib.get_close_matches(match.group(1), action_names, n=1)
    if not close:
        return problem
    rest = problem[match.end() :]
    rest = f" ({rest[2:]})" if rest.startswith("; ") else rest
    return f"{problem[: match.end()]}; did you mean {close[0]}?{rest}"


def write_definition(name: str, definition: dict[str, Any]) -> Path:
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(f"{name}: write a workflow to a .json, .yaml or .yml file")
    if path.exists():
        raise UserError(f"{name} exists already; choose another file name")
    if suffix == ".json":
        text = json.dumps(definition, ensure_ascii=False, indent=2) + "\n"
    else:
        import yaml

        text = yaml.safe_dump(definition, sort_keys=False, allow_unicode=True)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{name}: cannot write it ({exc.strerror or exc})") from None
    return path
