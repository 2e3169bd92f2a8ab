"""`atrium workflow ...`: workflows from files and templates, runs with their traces.

A workflow file is JSON or YAML in the format of workflow_spec.py (documented in the
README). A bad file is refused with exit 2 and one line naming the file, the line when it
can be found, and the path of the problem inside the definition:
``error: flow.yaml, line 9: steps[1].action: there is no action named 'add_taks' ...``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json, say, table, when_text
from desktop.cli.runner import one_line
from desktop.cli.workflow_files import (
    problem_line,
    read_definition,
    with_suggestion,
    write_definition,
)
from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services

DETAIL_WIDTH = 90


def _call(s: Services, action: str, **args: Any) -> Any:
    return default_catalog().call(s, action, args).value


def _emit_or(args: argparse.Namespace, s: Services, value: Any, text: str) -> int:
    if args.json:
        emit_json(value, s.ctx.zone)
    else:
        say(text)
    return 0


# -- adding from a file ---------------------------------------------------------------------


def add_from_file(s: Services, name: str) -> Any:
    """Add the workflow a file defines; problems name the file (and line)."""
    definition, text = read_definition(name)
    if not isinstance(definition, dict):
        raise UserError(f"{name}: a workflow file holds one mapping with name, trigger and steps")
    try:
        return _call(s, "add_workflow", definition=definition)
    except UserError as exc:
        line = problem_line(text, str(exc))
        where = f"{name}, line {line}" if line else name
        problem = with_suggestion(str(exc), default_catalog().names())
        raise UserError(f"{where}: {problem}") from None


# -- printing -------------------------------------------------------------------------------


def _clip(text: str, width: int = DETAIL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)


def _detail(entry: dict[str, Any]) -> str:
    if entry.get("error"):
        return f"error: {entry['error']}"
    result = entry.get("result")
    if entry.get("kind") == "notify" and isinstance(result, dict):
        return str(result.get("text", ""))
    if entry.get("status") in ("would_run", "pending_approval") or result is None:
        return _compact(entry.get("args", {}))
    return f"-> {_compact(result)}"


def _trace_lines(trace: Any) -> None:
    for entry in trace:
        what = str(entry.get("kind", ""))
        if entry.get("action"):
            what += f" {entry['action']}"
        ms = entry.get("ms")
        timing = f" ({ms} ms)" if isinstance(ms, (int, float)) else ""
        say(f"  {entry.get('path', '')!s:<10} {what:<26} {entry.get('status', '')}{timing}")
        detail = _detail(entry)
        if detail:
            say(f"  {'':<10} {_clip(detail)}")


def _run_text(run: Any, zone: ZoneInfo) -> None:
    dry = " (dry run)" if run.dry_run else ""
    say(f"Run {run.id} of '{run.workflow}': {run.status.replace('_', ' ')}{dry}")
    say(f"started {when_text(run.started_at, zone)}")
    _trace_lines(run.trace)
    if run.error and run.status != "failed":
        say(f"note: {run.error}")
    if run.status == "skipped" and not run.trigger_event.get("data"):
        say("(`--event JSON` runs it with trigger data, e.g. a message's sender)")
    if run.status == "pending_approval":
        say(
            f"Waiting for approval: `atrium workflow approve {run.id}` runs the step, "
            f"`atrium workflow deny {run.id}` stops the run."
        )


def _workflow_line(view: Any) -> str:
    state = "on" if view.enabled else "off"
    return f"{view.id}  {view.name}  [{state}, {view.trigger_text}]"


def _detail_text(view: Any, zone: ZoneInfo) -> None:
    import yaml

    for label, value in (
        ("id", view.id),
        ("name", view.name),
        ("description", view.description),
        ("enabled", "yes" if view.enabled else "no"),
        ("trusted", "yes" if view.trusted else "no (outbound and destructive steps ask)"),
        ("trigger", view.trigger_text),
        (
            "missed runs",
            view.missed_policy.replace("_", " ") if view.trigger_kind == "time" else "",
        ),
        ("runs here", "yes" if view.runs_here else "no: another device runs it"),
        ("last run", when_text(view.last_run_at, zone)),
        ("last status", view.last_status or ""),
        ("runs", view.run_count),
    ):
        if value != "":
            say(f"{label + ':':<13} {value}")
    say("definition:")
    dumped = yaml.safe_dump(view.definition, sort_keys=False, allow_unicode=True)
    for line in dumped.rstrip().splitlines():
        say(f"  {line}")


# -- the commands ---------------------------------------------------------------------------


def workflow_list(args: argparse.Namespace, s: Services) -> int:
    views = _call(s, "list_workflows")
    if args.json:
        emit_json(views, s.ctx.zone)
        return 0
    table(
        ("ID", "NAME", "ON", "TRIGGER", "LAST RUN", "STATUS", "RUNS"),
        [
            (
                v.id,
                v.name,
                "yes" if v.enabled else "no",
                v.trigger_text,
                when_text(v.last_run_at, s.ctx.zone),
                v.last_status or "",
                v.run_count,
            )
            for v in views
        ],
        "No workflows. `atrium workflow templates` lists ready ones.",
    )
    return 0


def workflow_show(args: argparse.Namespace, s: Services) -> int:
    view = _call(s, "show_workflow", id=args.id)
    if args.json:
        emit_json(view, s.ctx.zone)
    else:
        _detail_text(view, s.ctx.zone)
    return 0


def workflow_add(args: argparse.Namespace, s: Services) -> int:
    view = add_from_file(s, args.file)
    return _emit_or(args, s, view, f"Added workflow {_workflow_line(view)}")


def workflow_enable(args: argparse.Namespace, s: Services) -> int:
    view = _call(s, "enable_workflow", id=args.id)
    return _emit_or(args, s, view, f"Enabled workflow {_workflow_line(view)}")


def workflow_disable(args: argparse.Namespace, s: Services) -> int:
    view = _call(s, "disable_workflow", id=args.id)
    return _emit_or(args, s, view, f"Disabled workflow {_workflow_line(view)}")


def workflow_delete(args: argparse.Namespace, s: Services) -> int:
    view = _call(s, "show_workflow", id=args.id)
    count = _call(s, "delete_workflow", id=args.id)
    return _emit_or(
        args, s, {"deleted": count, "id": view.id}, f"Deleted workflow '{view.name}' ({view.id})."
    )


def workflow_run_here(args: argparse.Namespace, s: Services) -> int:
    """Synced devices share workflows; only the chosen one runs each (no double sends)."""
    view = s.workflows.set_run_on_device(args.id, s.store.device_id).value
    return _emit_or(
        args, s, view, f"This device now runs workflow '{view.name}' ({view.id}); others don't."
    )


def _event_data(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"--event is not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise UserError('--event must be a JSON object, e.g. \'{"message": {"sender": "Ann"}}\'')
    return data


def workflow_run(args: argparse.Namespace, s: Services) -> int:
    event = _event_data(args.event)
    if event is None:
        run = _call(s, "run_workflow", id=args.id, dry_run=args.dry_run)
    else:
        run = s.workflows.run(args.id, event=event, dry_run=args.dry_run)
    if args.json:
        emit_json(run, s.ctx.zone)
    else:
        _run_text(run, s.ctx.zone)
    if run.status != "failed":
        return 0
    sys.stderr.write(f"error: the run failed: {one_line(run.error or 'see its trace')}\n")
    return 1


def workflow_runs(args: argparse.Namespace, s: Services) -> int:
    runs = _call(s, "list_workflow_runs", id=args.id, limit=args.limit)
    if args.json:
        emit_json(runs, s.ctx.zone)
        return 0
    table(
        ("RUN", "STARTED", "STATUS", "DRY", "STEPS", "ERROR"),
        [
            (
                r.id,
                when_text(r.started_at, s.ctx.zone),
                r.status,
                "yes" if r.dry_run else "",
                len(r.trace),
                r.error or "",
            )
            for r in runs
        ],
        "No runs yet. `atrium workflow run ID --dry-run` shows what it would do.",
    )
    return 0


def workflow_approve(args: argparse.Namespace, s: Services) -> int:
    return _answer(args, s, "approve_workflow_run")


def workflow_deny(args: argparse.Namespace, s: Services) -> int:
    return _answer(args, s, "deny_workflow_run")


def _answer(args: argparse.Namespace, s: Services, action: str) -> int:
    run = _call(s, action, id=args.run_id)
    if args.json:
        emit_json(run, s.ctx.zone)
    else:
        _run_text(run, s.ctx.zone)
    return 0


def workflow_templates(args: argparse.Namespace, s: Services) -> int:
    from desktop.services.workflow_templates import templates

    views = templates()
    if args.json:
        emit_json(views, s.ctx.zone)
        return 0
    table(("NAME", "WHAT"), [(v.name, v.title) for v in views], "No templates.")
    say(
        "`atrium workflow from-template NAME` adds one; with `-o FILE` it writes the "
        "definition to edit first."
    )
    return 0


def workflow_from_template(args: argparse.Namespace, s: Services) -> int:
    from desktop.services.workflow_templates import from_template

    definition = from_template(args.name)
    if args.output:
        path = write_definition(args.output, definition)
        return _emit_or(
            args,
            s,
            {"written": str(path), "definition": definition},
            f"Wrote {path}; edit it, then `atrium workflow add --file {path}`.",
        )
    view = _call(s, "add_workflow", definition=definition)
    return _emit_or(args, s, view, f"Added workflow {_workflow_line(view)}")


HANDLERS = {
    "workflow.list": workflow_list,
    "workflow.show": workflow_show,
    "workflow.add": workflow_add,
    "workflow.enable": workflow_enable,
    "workflow.disable": workflow_disable,
    "workflow.delete": workflow_delete,
    "workflow.run-here": workflow_run_here,
    "workflow.run": workflow_run,
    "workflow.runs": workflow_runs,
    "workflow.approve": workflow_approve,
    "workflow.deny": workflow_deny,
    "workflow.templates": workflow_templates,
    "workflow.from-template": workflow_from_template,
}
