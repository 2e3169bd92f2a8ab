"""ImportService: bank statements (OFX/QFX, QIF, CSV) into an account, as undoable batches.

`preview` reads the file once and says, row by row, what an import would do
(new, duplicate or suspicious, see desktop.services.finance_dedup) without
writing. `commit` does it in ONE unit of work: all rows or none. When the file
has problems nothing is imported, unless `keep_valid` asks to import the sound
rows and list the problems. Every import is an `ImportBatch`, which
`undo_import` takes back. Rows are inserted with SQLAlchemy Core (stamped by
`UnitOfWork.stamp_insert`, so sync columns and HLCs are those of any write and
the search triggers fire): 10k rows go in well under the 2 s of issue 9.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import new_id
from desktop.core.money import to_decimal
from desktop.core.statements.model import FORMATS, RowProblem
from desktop.services.base import Outcome, ServiceContext, live, require_id
from desktop.services.finance import FINANCE
from desktop.services.finance_dedup import DUPLICATE, NEW
from desktop.services.finance_plan import ImportPlan, PlannedRow, Planner
from desktop.store.models import Account, ImportBatch, Transaction
from desktop.store.uow import UnitOfWork

INSERT_CHUNK = 2000
SHOWN_PROBLEMS = 10


@dataclass(frozen=True)
class PreviewRow:
    """One file row and what an import would do with it."""

    line: int
    date: date
    amount: Decimal
    currency: str
    payee: str  # cleaned (or renamed by a rule)
    original_payee: str  # as the bank wrote it
    memo: str
    category: str
    category_source: str  # "" | "rule" | "import"
    bank_id: str | None
    status: str  # "new" | "duplicate" | "suspicious"
    reason: str  # why it is a duplicate or suspicious
    matched_id: uuid.UUID | None  # the existing transaction it was matched with


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do; nothing is written."""

    source: str
    account_id: uuid.UUID
    account: str
    format: str
    mapping: dict[str, Any] | None  # the CSV mapping used (None for other formats)
    rows: tuple[PreviewRow, ...]
    problems: tuple[RowProblem, ...]
    notes: tuple[str, ...]
    new: int
    duplicates: int
    suspicious: int


@dataclass(frozen=True)
class ImportResult:
    """What an import did. `errors` are the 'line N: ...' rows left out (with keep_valid)."""

    imported: int
    duplicates: int
    errors: list[str]
    batch: str | None  # None on a dry run
    suspicious: int  # imported, but alike an existing transaction: worth a look
    linked: int  # manual entries matched and given the file's bank id
    account: str
    format: str
    dry_run: bool


@dataclass(frozen=True)
class BatchView:
    """One past import."""

    id: uuid.UUID
    account_id: uuid.UUID
    account: str
    source: str
    format: str
    imported: int
    duplicates: int
    undone: bool
    created_at: datetime


class ImportService:
    """Statement import, its preview, its history and its undo."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(
        self,
        path: str | Path,
        *,
        account: str | None = None,
        format: str | None = None,
        mapping: str | None = None,
    ) -> ImportPreview:
        source, data = _read(path)
        with self.ctx.store.read() as session:
            planner = Planner(self.ctx, session)
            plan = planner.plan(planner.read(data, source, account, _format(format), mapping))
            return ImportPreview(
                source=source,
                account_id=plan.account.id,
                account=plan.account.name,
                format=plan.format,
                mapping=plan.mapping,
                rows=tuple(_preview_row(row, plan.account.currency) for row in plan.rows),
                problems=tuple(plan.problems),
                notes=tuple(plan.notes),
                new=plan.count(NEW),
                duplicates=plan.count(DUPLICATE),
                suspicious=plan.count("suspicious"),
            )

    def commit(
        self,
        path: str | Path,
        *,
        account: str | None = None,
        format: str | None = None,
        mapping: str | None = None,
        keep_valid: bool = False,
        dry_run: bool = False,
    ) -> Outcome[ImportResult]:
        source, data = _read(path)
        # Parsing needs no write lock; matching and writing happen in one unit of work.
        with self.ctx.store.read() as session:
            read = Planner(self.ctx, session).read(data, source, account, _format(format), mapping)
        with self.ctx.store.unit_of_work() as uow:
            plan = Planner(self.ctx, uow.s).plan(read)
            errors = _refuse_or_list(plan.problems, keep_valid, len(plan.rows))
            kept = [row for row in plan.rows if row.verdict.status != DUPLICATE]
            links = [row.verdict for row in plan.rows if row.verdict.link_bank_id]
            batch: str | None = None
            if not dry_run:
                batch_id = new_id()
                batch = str(batch_id)
                self._insert(uow, plan, kept, batch)
                for verdict in links:
                    manual = (
                        uow.s.get(Transaction, verdict.matched_id) if verdict.matched_id else None
                    )
                    if manual is not None:
                        manual.bank_transaction_id = verdict.link_bank_id
                if plan.format == "csv" and plan.mapping is not None:
                    plan.account.import_mapping = dict(plan.mapping)
                uow.s.add(
                    ImportBatch(
                        id=batch_id,
                        account_id=plan.account.id,
                        source_name=source[:300],
                        format=plan.format,
                        imported=len(kept),
                        duplicates=plan.count(DUPLICATE),
                    )
                )
                uow.commit()
            result = ImportResult(
                imported=len(kept),
                duplicates=plan.count(DUPLICATE),
                errors=errors,
                batch=batch,
                suspicious=plan.count("suspicious"),
                linked=len(links),
                account=plan.account.name,
                format=plan.format,
                dry_run=dry_run,
            )
        changed = not dry_run and (kept or links)
        return Outcome(result, FINANCE if changed else Changes())

    def undo_import(self, batch: str) -> Outcome[int]:
        """Delete the batch's transactions that are still there; the count deleted."""
        ident = require_id(batch, "import batch")
        with self.ctx.store.unit_of_work() as uow:
            row = uow.s.get(ImportBatch, ident)
            if row is None or row.deleted_hlc is not None or row.owner_id != uow.user_id:
                raise NotFoundError(
                    f"there is no import batch with id {batch}; see `atrium tx imports`"
                )
            if row.undone:
                raise UserError(
                    f"the import of {row.source_name} (batch {batch}) was already undone"
                )
            removed = 0
            for tx in uow.s.scalars(
                select(Transaction).where(Transaction.import_batch == str(ident), live(Transaction))
            ):
                uow.tombstone(tx)
                removed += 1
            row.undone = True
            uow.commit()
        return Outcome(removed, FINANCE)

    def batches(self, limit: int = 20) -> list[BatchView]:
        """The most recent imports, newest first."""
        with self.ctx.store.read() as session:
            rows = session.execute(
                select(ImportBatch, Account.name)
                .join(Account, Account.id == ImportBatch.account_id)
                .where(live(ImportBatch), ImportBatch.owner_id == self.ctx.store.user_id)
                .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc())
                .limit(max(1, limit))
            ).all()
            return [_batch_view(batch, name) for batch, name in rows]

    def _insert(
        self, uow: UnitOfWork, plan: ImportPlan, kept: list[PlannedRow], batch: str
    ) -> None:
        """Core INSERTs of the kept rows, stamped like any write of the unit of work."""
        account = plan.account
        moment = uow.now()
        values = [
            uow.stamp_insert(
                {
                    "id": new_id(),
                    "account_id": account.id,
                    "date": row.incoming.date,
                    "amount_minor": row.incoming.amount_minor,
                    "currency": account.currency,
                    "payee": row.payee,
                    "memo": row.memo,
                    "category": row.category,
                    "bank_transaction_id": row.incoming.bank_id,
                    "import_batch": batch,
                    "cleared": True,
                    "original_payee": row.incoming.original_payee,
                    "category_source": row.category_source,
                },
                moment,
            )
            for row in kept
        ]
        session = uow.s
        for start in range(0, len(values), INSERT_CHUNK):
            session.execute(insert(Transaction), values[start : start + INSERT_CHUNK])


def _read(path: str | Path) -> tuple[str, bytes]:
    """The file's name and bytes, or a UserError saying why it cannot be read."""
    target = Path(path).expanduser()
    try:
        return target.name, target.read_bytes()
    except FileNotFoundError:
        raise UserError(f"there is no file {target}; check the path") from None
    except IsADirectoryError:
        raise UserError(f"{target} is a folder; give the path of a statement file") from None
    except OSError as exc:
        raise UserError(f"cannot read {target}: {exc.strerror or exc}") from None


def _format(name: str | None) -> str | None:
    if name is None or not name.strip():
        return None
    lowered = name.strip().lower()
    if lowered not in FORMATS:
        raise UserError(f"'{name}' is not a statement format; use one of {', '.join(FORMATS)}")
    return lowered


def _refuse_or_list(problems: list[RowProblem], keep_valid: bool, valid: int) -> list[str]:
    """The problems as 'line N: ...' texts; a UserError when they must stop the import."""
    texts = [str(problem) for problem in problems]
    if not texts or keep_valid:
        return texts
    shown = "; ".join(texts[:SHOWN_PROBLEMS])
    more = f" (and {len(texts) - SHOWN_PROBLEMS} more)" if len(texts) > SHOWN_PROBLEMS else ""
    what = "row has a problem" if len(texts) == 1 else "rows have problems"
    if valid:
        todo = f"fix the file, or pass --keep-valid to import the {valid} valid row"
        todo += "" if valid == 1 else "s"
    else:
        todo = "fix the file (no row of it is valid)"
    raise UserError(f"{len(texts)} {what}: {shown}{more}; nothing was imported; {todo}")


def _preview_row(row: PlannedRow, currency: str) -> PreviewRow:
    return PreviewRow(
        line=row.incoming.line,
        date=row.incoming.date,
        amount=to_decimal(row.incoming.amount_minor, currency),
        currency=currency,
        payee=row.payee,
        original_payee=row.incoming.original_payee,
        memo=row.memo,
        category=row.category,
        category_source=row.category_source,
        bank_id=row.incoming.bank_id,
        status=row.verdict.status,
        reason=row.verdict.reason,
        matched_id=row.verdict.matched_id,
    )


def _batch_view(row: ImportBatch, account: str) -> BatchView:
    return BatchView(
        id=row.id,
        account_id=row.account_id,
        account=account,
        source=row.source_name,
        format=row.format,
        imported=row.imported,
        duplicates=row.duplicates,
        undone=row.undone,
        created_at=row.created_at,
    )
