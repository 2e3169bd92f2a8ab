"""CSV bank exports: find the header, map the columns, read each row into a `StatementRow`.

Line numbers are physical lines of the file (a quoted field that spans lines
counts every line), so a problem's line is the one a text editor shows. The
decimal style and the date format are decided once for the whole file.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from desktop.core.statements.csv_mapping import (
    COLUMN_KEYS,
    MAP_SYNTAX,
    CsvMapping,
    normalise_header,
)
from desktop.core.statements.model import ParsedStatement, RowProblem, StatementError, StatementRow
from desktop.core.statements.text import (
    KNOWN_DATE_FORMATS,
    AmountError,
    DateError,
    date_parser,
    decode_text,
    guess_date_format,
    guess_decimal_style,
    parse_amount,
    split_lines,
)

_DELIMITERS = (",", ";", "\t", "|")
_HEADER_SEARCH_LINES = 30
_FOOTER_WORDS = re.compile(
    r"kontostand|saldo|balance|total|summe|umsätze gesamt|opening|closing|endbestand",
    re.IGNORECASE,
)
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_EXCEL_SEPARATOR = re.compile(r'^"?sep=(.)"?$', re.IGNORECASE)


@dataclass(frozen=True)
class _Record:
    line: int
    cells: list[str]


def read_csv(data: bytes, mapping: CsvMapping | None = None) -> ParsedStatement:
    """Read a CSV export; rows that cannot be read become problems naming their line."""
    text, encoding = decode_text(data)
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        raise StatementError("the file is empty; export the statement again from the bank")
    mapping = mapping or CsvMapping()
    notes: list[str] = []
    if encoding not in ("utf-8", "utf-16"):
        notes.append(f"the file is not UTF-8; read it as {encoding}")
    delimiter = mapping.delimiter
    excel_hint = _EXCEL_SEPARATOR.match(lines[0].strip()) if lines else None
    if excel_hint:  # "sep=;" written for Excel: a delimiter, not a header
        delimiter = delimiter or excel_hint.group(1)
        lines[0] = ""
    header_at, header, mapping = _find_header(lines, mapping, delimiter)
    if delimiter is None:
        delimiter = _sniff_delimiter(lines[header_at])
    columns = _resolve_columns(mapping, header, header_at)
    first_data = header_at + 1 if header else header_at
    records = _records(lines, first_data, delimiter)

    decimal = mapping.decimal
    if decimal is None:
        decimal = _guess_decimal(columns, records, delimiter)
        if decimal == "comma":
            notes.append("amounts read with a decimal comma (1.234,56)")
    date_format = mapping.date_format
    date_column = columns["date"]
    if date_format is None:
        date_cells = [_cell(record.cells, date_column) for record in records]
        date_format, note = guess_date_format(date_cells, day_first=decimal == "comma")
        if note:
            notes.append(note)
    reader = _RowReader(columns, decimal, date_format, mapping.flip_sign)
    rows: list[StatementRow] = []
    problems: list[RowProblem] = []
    for record in records:
        outcome = reader.read(record)
        if isinstance(outcome, StatementRow):
            rows.append(outcome)
        elif isinstance(outcome, RowProblem):
            problems.append(outcome)
        else:
            notes.append(outcome)
    currencies = {row.currency for row in rows}
    currency = currencies.pop() if len(currencies) == 1 else None
    return ParsedStatement(
        format="csv",
        rows=tuple(rows),
        problems=tuple(problems),
        currency=currency,
        notes=tuple(notes),
        mapping=replace(mapping, delimiter=delimiter, decimal=decimal, date_format=date_format),
    )


def _guess_decimal(columns: dict[str, int], records: list[_Record], delimiter: str) -> str:
    """The decimal style the amount columns show; semicolon files default to the comma."""
    amount_cells = [
        record.cells[index]
        for key in ("amount", "debit", "credit")
        if (index := columns.get(key)) is not None
        for record in records
        if index < len(record.cells)
    ]
    return guess_decimal_style(amount_cells) or ("comma" if delimiter == ";" else "point")


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    value = cells[index].strip()
    if value.startswith('="') and value.endswith('"'):  # ="00123": Excel-proofed text
        return value[2:-1].strip()
    return value


class _RowReader:
    """Turns one record into a row, a problem, or a note about a skipped footer line."""

    def __init__(
        self, columns: dict[str, int], decimal: str, date_format: str | None, flip: bool
    ) -> None:
        self.columns = columns
        self.decimal = decimal
        self.date_format = date_format
        self.parse_date = date_parser(date_format) if date_format else None
        self.flip = flip

    def read(self, record: _Record) -> StatementRow | RowProblem | str:
        cells = record.cells
        get = self.columns.get
        date_text = _cell(cells, get("date"))
        amount_texts = [_cell(cells, get(key)) for key in ("amount", "debit", "credit")]
        when = self._date(date_text)
        if when is None:
            wordy = not date_text or any(char.isalpha() for char in date_text)
            if wordy and (_FOOTER_WORDS.search(" ".join(cells)) or not any(amount_texts)):
                return f"line {record.line} skipped: it has no date ({_shorten(cells)})"
            if not date_text:
                return RowProblem(record.line, "the row has no date; add one or delete the row")
            expected = self.date_format or "a date such as 2024-01-31"
            return RowProblem(
                record.line,
                f"'{date_text}' is not a date ({expected}); fix the row, or give the "
                "format in the mapping, e.g. date_format=%d.%m.%Y",
            )
        try:
            amount = self._amount(amount_texts)
        except AmountError as error:
            return RowProblem(record.line, f"{error}; fix the row")
        if amount is None:
            return RowProblem(record.line, "the row has no amount; add one or delete the row")
        payee = " ".join(_cell(cells, get("payee")).split())
        memo = " ".join(_cell(cells, get("memo")).split())
        currency = _cell(cells, get("currency")).upper() or None
        if currency is not None and not _CURRENCY_CODE.match(currency):
            currency = None
        return StatementRow(
            line=record.line,
            date=when,
            amount=-amount if self.flip else amount,
            payee=payee or memo,
            memo=memo,
            bank_id=_cell(cells, get("id")) or None,
            category=_cell(cells, get("category")),
            currency=currency,
        )

    def _date(self, text: str) -> date | None:
        if not text or self.parse_date is None:
            return None
        try:
            return self.parse_date(text)
        except DateError:
            return None

    def _amount(self, texts: list[str]) -> Decimal | None:
        amount_text, debit_text, credit_text = texts
        if "amount" in self.columns:
            return parse_amount(amount_text, self.decimal) if amount_text else None
        if not debit_text and not credit_text:
            return None
        total = Decimal(0)
        if debit_text:
            total -= abs(parse_amount(debit_text, self.decimal))
        if credit_text:
            total += abs(parse_amount(credit_text, self.decimal))
        return total


def _shorten(cells: list[str]) -> str:
    text = " | ".join(cell.strip() for cell in cells if cell.strip())
    return text if len(text) <= 60 else text[:57] + "..."


def _split(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter, strict=False), [])


def _sniff_delimiter(line: str) -> str:
    """The delimiter that splits the header line into the most cells (comma on a tie)."""
    counts = {delimiter: len(_split(line, delimiter)) for delimiter in _DELIMITERS}
    return max(_DELIMITERS, key=lambda delimiter: counts[delimiter])


def _find_header(
    lines: list[str], mapping: CsvMapping, delimiter: str | None
) -> tuple[int, list[str], CsvMapping]:
    """Where the header is, its cells (empty when the file has none), and the completed mapping."""
    if mapping.skip_rows is not None:
        if mapping.skip_rows >= len(lines):
            raise StatementError(
                f"skip_rows is {mapping.skip_rows} but the file has only {len(lines)} lines; "
                "set skip_rows to the number of lines before the header"
            )
        candidates = [mapping.skip_rows]
    else:
        candidates = [index for index, line in enumerate(lines) if line.strip()]
        candidates = candidates[:_HEADER_SEARCH_LINES]
    for index in candidates:
        cells = _split(lines[index], delimiter or _sniff_delimiter(lines[index]))
        completed = mapping.with_guesses(cells)
        if _first_cell_is_date(completed, cells):
            return index, [], completed
        if _has_required(completed) and _names_exist(completed, cells):
            return index, cells, completed
    index = candidates[0]
    cells = _split(lines[index], delimiter or _sniff_delimiter(lines[index]))
    return index, cells, mapping.with_guesses(cells)


def _first_cell_is_date(mapping: CsvMapping, cells: list[str]) -> bool:
    """True when the date column is given by number and this line already holds a date."""
    column = mapping.date
    if column is None or not column.isdigit() or not 0 < int(column) <= len(cells):
        return False
    value = cells[int(column) - 1]
    for parse in KNOWN_DATE_FORMATS.values():
        try:
            parse(value)
        except DateError:
            continue
        return True
    return False


def _has_required(mapping: CsvMapping) -> bool:
    return mapping.date is not None and (
        mapping.amount is not None or mapping.debit is not None or mapping.credit is not None
    )


def _names_exist(mapping: CsvMapping, cells: list[str]) -> bool:
    return all(_column_index(name, cells) is not None for name in mapping.columns().values())


def _column_index(name: str, header: list[str]) -> int | None:
    """The 0-based column a mapping value names: a 1-based number, the exact heading, or a
    heading equal to it ignoring case, spaces and punctuation."""
    if name.isdigit():
        number = int(name)
        return number - 1 if number >= 1 and (not header or number <= len(header)) else None
    stripped = [cell.strip() for cell in header]
    if name.strip() in stripped:
        return stripped.index(name.strip())
    wanted = normalise_header(name)
    for index, cell in enumerate(stripped):
        if wanted and normalise_header(cell) == wanted:
            return index
    return None


def _resolve_columns(mapping: CsvMapping, header: list[str], header_at: int) -> dict[str, int]:
    """Column indexes per key; StatementError naming the header when a needed column is missing."""
    columns: dict[str, int] = {}
    found = ", ".join(cell.strip() for cell in header) or "(no header)"
    for key in COLUMN_KEYS:
        name = getattr(mapping, key)
        if name is None:
            continue
        index = _column_index(name, header)
        if index is None:
            raise StatementError(
                f"line {header_at + 1}: there is no column '{name}' for {key}; the header is: "
                f"{found}. Name the columns with {MAP_SYNTAX}"
            )
        columns[key] = index
    if "date" not in columns or not {"amount", "debit", "credit"} & columns.keys():
        missing = "date" if "date" not in columns else "amount (or debit/credit)"
        raise StatementError(
            f"line {header_at + 1}: no column for the {missing} was found; the header is: "
            f"{found}. Name the columns with {MAP_SYNTAX}"
        )
    return columns


def _records(lines: list[str], first: int, delimiter: str) -> list[_Record]:
    """The non-empty records after the header, each with the physical line where it starts."""
    reader = csv.reader((line + "\n" for line in lines[first:]), delimiter=delimiter, strict=False)
    records: list[_Record] = []
    consumed = 0
    try:
        for cells in reader:
            start = first + consumed + 1
            consumed = reader.line_num
            if any(cell.strip() for cell in cells):
                records.append(_Record(start, cells))
    except csv.Error as error:
        raise StatementError(
            f"line {first + reader.line_num}: {error}; fix the file or export it again"
        ) from None
    return records
