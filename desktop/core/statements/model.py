"""What a bank statement parser returns: rows with their line, problems, and the file's facts.

Every parser (OFX/QFX, QIF, CSV) returns a `ParsedStatement`. A row that cannot be
read becomes a `RowProblem` naming its line; a file that cannot be read at all
raises `StatementError`. The import service decides what to do with problems
(refuse the file, or keep the valid rows when the user asked for that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.core.errors import UserError
from desktop.core.statements.csv_mapping import CsvMapping

FORMATS = ("ofx", "qfx", "qif", "csv")


class StatementError(UserError):
    """The whole file is unreadable: the message says where and what to do."""


@dataclass(frozen=True)
class SplitLine:
    """One part of a split transaction (QIF S/$/E lines)."""

    category: str
    amount: Decimal
    memo: str = ""


@dataclass(frozen=True)
class StatementRow:
    """One transaction as the file states it; the payee is raw, not cleaned."""

    line: int  # 1-based line of the file where the row starts
    date: date
    amount: Decimal  # negative = money out, positive = money in
    payee: str
    memo: str = ""
    bank_id: str | None = None  # OFX FITID, a CSV id column, a QIF N number; None when absent
    category: str = ""  # QIF L field or a CSV category column
    currency: str | None = None  # OFX CURDEF / CURRENCY or a CSV currency column
    account: str | None = None  # OFX ACCTID or QIF !Account name, when the file names it
    splits: tuple[SplitLine, ...] = ()


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be read."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ParsedStatement:
    """The readable rows of a file, the rows that were not, and what the file says of itself."""

    format: str  # one of FORMATS
    rows: tuple[StatementRow, ...]
    problems: tuple[RowProblem, ...] = ()
    currency: str | None = None
    account: str | None = None
    ledger_balance: Decimal | None = None
    ledger_balance_date: date | None = None
    notes: tuple[str, ...] = field(default=())  # e.g. "3 rows had no FITID"
    # CSV only: the mapping used, guesses filled in (columns, decimal, date_format, delimiter);
    # the import service saves its to_dict() on the account for the next import.
    mapping: CsvMapping | None = None
