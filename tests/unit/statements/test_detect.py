"""Format detection by content and extension, and parse_statement's dispatch and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.statements.model import FORMATS, StatementError
from desktop.core.statements.parse import detect_format, parse_statement

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ofx1_sgml_checking.ofx", "ofx"),
        ("ofx2_xml_creditcard.ofx", "ofx"),
        ("bank.qfx", "qfx"),
        ("two_accounts.ofx", "ofx"),
        ("qif_bank_us_dates.qif", "qif"),
        ("qif_splits_dmy.qif", "qif"),
        ("csv_debit_credit.csv", "csv"),
        ("csv_german_decimal_comma.csv", "csv"),
        ("csv_bom_crlf.csv", "csv"),
    ],
)
def test_every_fixture_is_recognised(name: str, expected: str) -> None:
    assert detect_format(name, (FIXTURES / name).read_bytes()) == expected


def test_content_wins_over_a_misleading_name() -> None:
    ofx = (FIXTURES / "ofx1_sgml_checking.ofx").read_bytes()
    assert detect_format("download.txt", ofx) == "ofx"
    assert detect_format("download", ofx) == "ofx"
    assert detect_format("statement.csv", b"!Type:Bank\nD1/2/24\nT-1\n^\n") == "qif"
    assert detect_format("x.dat", b'<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>') == "ofx"
    qfx_content = (FIXTURES / "bank.qfx").read_bytes()
    assert detect_format("bank.ofx", qfx_content) == "qfx"  # INTU.BID makes it Quicken's


def test_the_extension_decides_when_the_content_says_nothing() -> None:
    assert detect_format("a.QIF", b"D1/2/24\n") == "qif"
    assert detect_format("a.ofx", b"garbage") == "ofx"
    assert detect_format("a.qfx", b"garbage") == "qfx"
    assert detect_format("a.txt", b"Date,Amount\n") == "csv"
    assert detect_format("", b"Date,Amount\n") == "csv"
    utf16_qif = "\ufeff!Type:Bank\r\n".encode("utf-16-le")
    assert detect_format("export", utf16_qif) == "qif"


def test_every_detected_format_is_a_known_format() -> None:
    for path in FIXTURES.iterdir():
        assert detect_format(path.name, path.read_bytes()) in FORMATS


def test_parse_statement_honours_an_explicit_format_and_names_the_file_in_errors() -> None:
    qif = (FIXTURES / "qif_bank_us_dates.qif").read_bytes()
    assert parse_statement(qif, format="QIF").format == "qif"
    with pytest.raises(StatementError, match=r"^x\.bin: 'xls' is not a statement format; use one"):
        parse_statement(qif, name="x.bin", format="xls")
    with pytest.raises(StatementError, match=r"^empty\.csv: the file is empty"):
        parse_statement(b"  \r\n", name="empty.csv")
    with pytest.raises(StatementError, match=r"^the file is empty"):
        parse_statement(b"")
