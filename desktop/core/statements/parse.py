"""The entry point: tell a statement file's format and read it into a `ParsedStatement`.

`detect_format` trusts the content first (an OFX header or <OFX> element, a QIF
"!Type:" line), then the file name's extension, and falls back to CSV.
`parse_statement` dispatches to the OFX/QFX, QIF or CSV reader; a file that
cannot be read at all raises `StatementError` naming the file and the line.
"""

from __future__ import annotations

import re

from desktop.core.statements.csv_mapping import CsvMapping
from desktop.core.statements.csv_reader import read_csv
from desktop.core.statements.model import FORMATS, ParsedStatement, StatementError
from desktop.core.statements.ofx import read_ofx
from desktop.core.statements.qif import read_qif

_SNIFF_BYTES = 4096
_EXTENSIONS = {".ofx": "ofx", ".qfx": "qfx", ".qif": "qif", ".csv": "csv", ".txt": "csv"}
_OFX_MARK = re.compile(r"OFXHEADER|<OFX[\s>]|<\?OFX\s", re.IGNORECASE)
_QIF_MARK = re.compile(r"^\s*!(TYPE:|ACCOUNT\s*$|OPTION:)", re.IGNORECASE | re.MULTILINE)


def detect_format(name: str, data: bytes) -> str:
    """ "ofx", "qfx", "qif" or "csv" for a file, from its content first and then its name."""
    head = _head_text(data)
    extension = _extension(name)
    if _OFX_MARK.search(head):
        return "qfx" if extension == ".qfx" or b"INTU.BID" in data.upper() else "ofx"
    if _QIF_MARK.search(head):
        return "qif"
    return _EXTENSIONS.get(extension, "csv")


def parse_statement(
    data: bytes,
    *,
    name: str = "",
    format: str | None = None,
    mapping: CsvMapping | None = None,
) -> ParsedStatement:
    """Read a bank statement file's bytes; `format` None means detect it.

    `mapping` tells the CSV reader which columns hold what (missing columns are
    guessed); for QIF its `date_format` ("%d/%m/%Y" = day first) and `decimal`
    settings are used as hints. Raises StatementError when nothing can be read.
    """
    try:
        if not data.strip():
            raise StatementError("the file is empty; export the statement again from the bank")
        chosen = format.strip().lower() if format else detect_format(name, data)
        if chosen not in FORMATS:
            raise StatementError(
                f"'{format}' is not a statement format; use one of {', '.join(FORMATS)}"
            )
        if chosen in ("ofx", "qfx"):
            return read_ofx(data, format=chosen)
        if chosen == "qif":
            return read_qif(
                data, date_order=_date_order(mapping), decimal=mapping.decimal if mapping else None
            )
        return read_csv(data, mapping)
    except StatementError as error:
        if name:
            raise StatementError(f"{name}: {error}") from None
        raise


def _date_order(mapping: CsvMapping | None) -> str | None:
    """The QIF day/month order a mapping's date_format implies, if any."""
    if mapping is None or not mapping.date_format:
        return None
    day, month = mapping.date_format.find("%d"), mapping.date_format.find("%m")
    if day < 0 or month < 0:
        return None
    return "dmy" if day < month else "mdy"


def _head_text(data: bytes) -> str:
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("latin-1")


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""
