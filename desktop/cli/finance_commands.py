"""Sub-commands for bank statements: `tx import`, `tx undo-import` and `tx imports`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.output import emit_json, say, table, when_text
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services


def _call(services: Services, action: str, **args: Any) -> Any:
    present = {k: v for k, v in args.items() if v is not None and v is not False}
    return default_catalog().call(services, action, present).value


def tx_import(args: argparse.Namespace, s: Services) -> int:
    result = _call(
        s,
        "import_transactions",
        path=args.file,
        account=args.account,
        format=args.format,
        map=args.map,
        keep_valid=args.keep_valid,
        dry_run=args.dry_run,
    )
    if args.json:
        emit_json(result, s.ctx.zone)
        return 0
    verb = "Would import" if result.dry_run else "Imported"
    say(
        f"{verb} {result.imported} transaction{'' if result.imported == 1 else 's'} "
        f"into '{result.account}' from {args.file} ({result.format}); "
        f"{result.duplicates} already there."
    )
    if result.suspicious:
        say(
            f"{result.suspicious} look like existing transactions with another payee; "
            "check them in the Finance pane."
        )
    if result.linked:
        say(f"{result.linked} manual entries were matched and given the bank's id.")
    if result.errors:
        say(f"Left out {len(result.errors)} rows with problems:")
        for error in result.errors:
            say(f"  {error}")
    if result.batch:
        say(f"Batch {result.batch}; take it back with `atrium tx undo-import {result.batch}`.")
    return 0


def tx_undo_import(args: argparse.Namespace, s: Services) -> int:
    removed = _call(s, "undo_import", batch=args.batch)
    if args.json:
        emit_json({"batch": args.batch, "removed": removed}, s.ctx.zone)
        return 0
    say(f"Undid import {args.batch}: removed {removed} transaction{'' if removed == 1 else 's'}.")
    return 0


def tx_imports(args: argparse.Namespace, s: Services) -> int:
    batches = _call(s, "list_import_batches", limit=args.limit)
    if args.json:
        emit_json(batches, s.ctx.zone)
        return 0
    table(
        ("BATCH", "WHEN", "ACCOUNT", "FILE", "FORMAT", "NEW", "DUPLICATES", "STATE"),
        [
            (
                b.id,
                when_text(b.created_at, s.ctx.zone),
                b.account,
                b.source,
                b.format,
                b.imported,
                b.duplicates,
                "undone" if b.undone else "",
            )
            for b in batches
        ],
        "No imports yet.",
    )
    return 0


HANDLERS = {
    "tx.import": tx_import,
    "tx.undo-import": tx_undo_import,
    "tx.imports": tx_imports,
}
