"""QIF (Quicken Interchange Format): one field per line, a code letter first, `^` ends a record.

Bank-like sections (!Type:Bank, Cash, CCard, Oth A, Oth L) become rows;
investment, memorized, category and class lists are skipped with a note.
!Account blocks name the account the following transactions belong to. Dates
are month-first unless the file shows otherwise (a first field above 12) or the
caller says "dmy".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.core.statements.model import (
    ParsedStatement,
    RowProblem,
    SplitLine,
    StatementError,
    StatementRow,
)
from desktop.core.statements.text import (
    AmountError,
    decode_text,
    guess_decimal_style,
    parse_amount,
    split_lines,
)

_BANK_TYPES = {"bank", "cash", "ccard", "oth a", "oth l"}
_SKIPPED_TYPES = {"invst": "investment", "memorized": "memorized", "prices": "price"}
_DATE_PARTS = re.compile(r"^(\d{1,4})[/.\-'](\d{1,2})[/.\-'](\d{1,4})$")
_DATE_ORDERS = ("mdy", "dmy")


@dataclass
class _Split:
    category: str = ""
    memo: str = ""
    amount: str | None = None
    amount_line: int = 0


@dataclass
class _Record:
    """The raw fields of one record and the line of each, before any value is checked."""

    start: int
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)
    splits: list[_Split] = field(default_factory=list)


def read_qif(
    data: bytes, *, date_order: str | None = None, decimal: str | None = None
) -> ParsedStatement:
    """Read a QIF file; records missing a date or an amount become problems naming their line."""
    if date_order not in (None, *_DATE_ORDERS):
        raise StatementError(f"date order '{date_order}' is not known; use mdy or dmy")
    text, _encoding = decode_text(data)
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        raise StatementError(
            "the file is empty; export the statement again from Quicken or the bank"
        )
    stripped = [line.strip() for line in lines]
    if not any(line.startswith("!") or line == "^" for line in stripped):
        raise StatementError(
            "line 1: no QIF header such as '!Type:Bank' and no '^' record end; "
            "is this a QIF file? Export it again as QIF"
        )
    records, accounts, notes = _records(lines)
    if date_order is None:
        date_order = _guess_date_order(records)
        if date_order == "dmy":
            notes.append("dates read day-first (a day above 12 comes first in some dates)")
    if decimal is None:
        amounts = [rec.fields["T"][1] for _account, rec in records if "T" in rec.fields]
        decimal = guess_decimal_style(amounts) or "point"
    rows: list[StatementRow] = []
    problems: list[RowProblem] = []
    for account, record in records:
        outcome = _row(record, account, date_order, decimal)
        if isinstance(outcome, StatementRow):
            rows.append(outcome)
        else:
            problems.append(outcome)
    return ParsedStatement(
        format="qif",
        rows=tuple(rows),
        problems=tuple(problems),
        account=accounts[0] if len(accounts) == 1 else None,
        notes=tuple(notes),
    )


def _records(lines: list[str]) -> tuple[list[tuple[str | None, _Record]], list[str], list[str]]:
    """Transaction records of the bank-like sections, with their account; accounts; notes."""
    records: list[tuple[str | None, _Record]] = []
    accounts: list[str] = []
    notes: list[str] = []
    skipped: dict[str, int] = {}
    section = "bank"  # what a file without a !Type line holds
    account: str | None = None
    pending_account: str | None = None
    current: _Record | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("!"):
            if current is not None and current.fields:
                notes.append(f"line {current.start}: the record before line {number} has no '^'")
                _keep(records, skipped, section, account, current)
            current = None
            header = line[1:].strip().lower()
            if header == "account":
                section = "account"
                continue
            if header.startswith("type:"):
                section = header[5:].strip()
                if section in _BANK_TYPES and pending_account is not None:
                    account = pending_account
            elif header.startswith(("option:", "clear:")):
                continue
            else:
                section = header
            continue
        code, value = line[0], line[1:].strip()
        if code == "^":
            if current is not None:
                if section == "account":
                    name = current.fields.get("N", (0, ""))[1]
                    pending_account = name or None
                    if name and name not in accounts:
                        accounts.append(name)
                else:
                    _keep(records, skipped, section, account, current)
            current = None
            continue
        if current is None:
            current = _Record(start=number)
        _add_field(current, code, value, number)
    if current is not None and current.fields and section != "account":
        notes.append(f"line {current.start}: the last record has no '^' end line")
        _keep(records, skipped, section, account, current)
    for section_name, count in skipped.items():
        kind = _SKIPPED_TYPES.get(section_name, f"'!Type:{section_name}'")
        notes.append(
            f"{count} {kind} record(s) skipped: only bank, cash and card accounts are read"
        )
    return records, accounts, notes


def _keep(
    records: list[tuple[str | None, _Record]],
    skipped: dict[str, int],
    section: str,
    account: str | None,
    record: _Record,
) -> None:
    if section in _BANK_TYPES:
        records.append((account, record))
    elif section not in ("cat", "class", "account"):
        skipped[section] = skipped.get(section, 0) + 1


def _add_field(record: _Record, code: str, value: str, number: int) -> None:
    if code == "S":
        record.splits.append(_Split(category=value))
    elif code == "E":
        if not record.splits or record.splits[-1].memo or record.splits[-1].amount is not None:
            record.splits.append(_Split())
        record.splits[-1].memo = value
    elif code == "$":
        if not record.splits or record.splits[-1].amount is not None:
            record.splits.append(_Split())
        record.splits[-1].amount, record.splits[-1].amount_line = value, number
    else:
        if code == "U" and "T" in record.fields:
            return
        record.fields.setdefault("T" if code == "U" else code, (number, value))


def _guess_date_order(records: list[tuple[str | None, _Record]]) -> str:
    """ "dmy" when some date's first field cannot be a month, else "mdy"."""
    for _account, record in records:
        if "D" not in record.fields:
            continue
        match = _DATE_PARTS.match(record.fields["D"][1].replace(" ", ""))
        if match and len(match.group(1)) <= 2 and int(match.group(1)) > 12:
            return "dmy"
    return "mdy"


def parse_qif_date(text: str, date_order: str) -> date:
    """A QIF date: MM/DD/YY, MM/DD'YY (2000s), MM/DD/YYYY, DD.MM.YYYY or YYYY-MM-DD."""
    compact = text.replace(" ", "")
    match = _DATE_PARTS.match(compact)
    if match is None:
        raise ValueError(text)
    first, second, third = match.groups()
    if len(first) == 4:
        year, month, day = int(first), int(second), int(third)
    else:
        if len(third) not in (2, 4) or len(first) > 2:
            raise ValueError(text)
        dotted = "." in compact
        day_first = dotted or date_order == "dmy"
        month, day = (int(second), int(first)) if day_first else (int(first), int(second))
        year = int(third)
        if len(third) == 2:
            apostrophe = "'" in compact
            year += 2000 if apostrophe or year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(text) from None


def _row(
    record: _Record, account: str | None, date_order: str, decimal: str
) -> StatementRow | RowProblem:
    fields = record.fields
    if "D" not in fields:
        return RowProblem(record.start, "the record has no D (date) line; add one or delete it")
    if "T" not in fields:
        return RowProblem(record.start, "the record has no T (amount) line; add one or delete it")
    date_line, date_text = fields["D"]
    try:
        when = parse_qif_date(date_text, date_order)
    except ValueError:
        return RowProblem(
            date_line,
            f"'D{date_text}' is not a date (MM/DD/YYYY, DD.MM.YYYY or YYYY-MM-DD); fix the line",
        )
    amount_line, amount_text = fields["T"]
    try:
        amount = parse_amount(amount_text, decimal)
    except AmountError as error:
        return RowProblem(amount_line, f"{error}; fix the T line")
    splits: list[SplitLine] = []
    for split in record.splits:
        if split.amount is None:
            continue  # a category or memo without an amount carries no money
        try:
            split_amount = parse_amount(split.amount, decimal)
        except AmountError as error:
            return RowProblem(split.amount_line, f"{error}; fix the $ line of the split")
        splits.append(SplitLine(category=split.category, amount=split_amount, memo=split.memo))
    return StatementRow(
        line=record.start,
        date=when,
        amount=amount,
        payee=fields.get("P", (0, ""))[1],
        memo=fields.get("M", (0, ""))[1],
        bank_id=fields.get("N", (0, ""))[1] or None,
        category=fields.get("L", (0, ""))[1],
        account=account,
        splits=tuple(splits),
    )


def split_total(splits: tuple[SplitLine, ...]) -> Decimal:
    """The sum of the split amounts (equal to the row amount in a well-formed file)."""
    return sum((split.amount for split in splits), Decimal(0))
