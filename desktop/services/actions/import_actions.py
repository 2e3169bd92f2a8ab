"""Actions on bank statements: preview and import a file, list past imports, undo one."""

from __future__ import annotations

from typing import Any

from desktop.core.statements.model import FORMATS
from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services

_FILE = (
    Param("path", "string", "the statement file (OFX, QFX, QIF or CSV)", required=True),
    Param("account", "string", "the account to import into, name or id (default: guessed)"),
    Param(
        "format",
        "string",
        "the file's format (default: guessed from name and content)",
        enum=FORMATS,
    ),
    Param(
        "map",
        "string",
        "the CSV columns, e.g. date=Date,amount=Amount,payee=Description "
        "(default: the account's saved mapping, else guessed from the header)",
    ),
)


def _import(s: Services, a: dict[str, Any]) -> Any:
    return s.imports.commit(
        a["path"],
        account=a.get("account"),
        format=a.get("format"),
        mapping=a.get("map"),
        keep_valid=bool(a.get("keep_valid")),
        dry_run=bool(a.get("dry_run")),
    )


def _preview(s: Services, a: dict[str, Any]) -> Any:
    return s.imports.preview(
        a["path"], account=a.get("account"), format=a.get("format"), mapping=a.get("map")
    )


ACTIONS = (
    Action(
        "import_transactions",
        "Import a bank statement into an account; rows already there are skipped",
        "write",
        _import,
        (
            *_FILE,
            Param(
                "keep_valid",
                "boolean",
                "import the valid rows and list the errors (default: import nothing on error)",
            ),
            Param("dry_run", "boolean", "say what would be imported without importing"),
        ),
        area="finance",
    ),
    Action(
        "preview_import",
        "Show which rows of a bank statement are new, duplicates or suspicious",
        "read",
        _preview,
        _FILE,
        area="finance",
    ),
    Action(
        "undo_import",
        "Take back a statement import: delete the transactions it added",
        "write",
        lambda s, a: s.imports.undo_import(a["batch"]),
        (Param("batch", "string", "the import batch id (see list_import_batches)", required=True),),
        area="finance",
    ),
    Action(
        "list_import_batches",
        "List recent statement imports, newest first",
        "read",
        lambda s, a: s.imports.batches(a.get("limit") or 20),
        (Param("limit", "integer", "at most this many (default 20)"),),
        area="finance",
    ),
)
