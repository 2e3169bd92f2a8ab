"""Sub-commands for iCalendar files: `event import|export` and `task import|export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.output import emit_json, say
from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services


def _call(services: Services, action: str, **args: Any) -> Any:
    present = {k: v for k, v in args.items() if v is not None}
    return default_catalog().call(services, action, present).value


def _import(action: str, what: str) -> Any:
    def handler(args: argparse.Namespace, s: Services) -> int:
        result = _call(s, action, path=args.file, keep_valid=args.keep_valid or None)
        if args.json:
            emit_json(result, s.ctx.zone)
            return 0
        say(
            f"Imported {what} from {args.file}: {result.created} created, "
            f"{result.updated} updated, {result.skipped} skipped."
        )
        if result.errors:
            say(f"Left out {len(result.errors)} with problems:")
            for error in result.errors:
                say(f"  {error}")
        return 0

    return handler


def _write(text: str, output: str | None, count: int, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    try:
        target.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    say(f"Wrote {count} {what} to {target}.")


def event_export(args: argparse.Namespace, s: Services) -> int:
    result = _call(s, "export_calendar", **{"from": args.first, "to": args.last})
    _write(result.text, args.output, result.count, "events")
    return 0


def task_export(args: argparse.Namespace, s: Services) -> int:
    result = _call(s, "export_tasks")
    _write(result.text, args.output, result.count, "tasks")
    return 0


HANDLERS = {
    "event.import": _import("import_calendar", "events"),
    "event.export": event_export,
    "task.import": _import("import_tasks", "tasks"),
    "task.export": task_export,
}
