"""OFX 1.x SGML, OFX 2.x XML and QFX: exact rows, lines, balances, and what banks get wrong."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.statements.model import ParsedStatement, StatementError, StatementRow
from desktop.core.statements.ofx import read_ofx
from desktop.core.statements.parse import parse_statement

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _parse(name: str) -> ParsedStatement:
    return parse_statement(_read(name), name=name)


def _facts(
    rows: tuple[StatementRow, ...],
) -> list[tuple[int, date, Decimal, str, str, str | None, str | None]]:
    return [
        (row.line, row.date, row.amount, row.payee, row.memo, row.bank_id, row.currency)
        for row in rows
    ]


CHECKING_ROWS = [
    (
        39,
        date(2024, 1, 2),
        Decimal("2500.00"),
        "Gehalt ACME GmbH",
        "Lohn/Gehalt 01/2024",
        "202401020001",
        "EUR",
    ),
    (47, date(2024, 1, 5), Decimal("-45.67"), "REWE SAGT DANKE 1234", "", "202401050002", "EUR"),
    (
        54,
        date(2024, 1, 15),
        Decimal("-12.99"),
        "PAYPAL *STEAM GAMES",
        "Steam purchase & gift",
        "202401150003",
        "EUR",
    ),
    # 23:30 in New York is already Feb 1 in UTC: the statement's own day is kept.
    (62, date(2024, 1, 31), Decimal("-17.99"), "NETFLIX.COM", "", "202401310004", "EUR"),
]


def test_ofx1_sgml_checking_statement() -> None:
    parsed = _parse("ofx1_sgml_checking.ofx")
    assert parsed.format == "ofx"
    assert _facts(parsed.rows) == CHECKING_ROWS
    assert {row.account for row in parsed.rows} == {"DE89370400440532013000"}
    assert parsed.problems == ()
    assert (parsed.currency, parsed.account) == ("EUR", "DE89370400440532013000")
    assert (parsed.ledger_balance, parsed.ledger_balance_date) == (
        Decimal("3423.35"),
        date(2024, 1, 31),
    )
    assert parsed.notes == ()  # ofxtools read it; no fallback was needed


def test_ofx2_xml_credit_card_statement() -> None:
    parsed = _parse("ofx2_xml_creditcard.ofx")
    assert _facts(parsed.rows) == [
        (
            21,
            date(2024, 2, 3),
            Decimal("-10.99"),
            "SPOTIFY P1A2B3C4D5",
            "",
            "2024020324692163",
            "USD",
        ),
        (
            29,
            date(2024, 2, 11),
            Decimal("-64.20"),
            "AMZN Mktp DE*2K3L45",
            "AMAZON.DE",
            "2024021124692164",
            "EUR",
        ),
        (
            38,
            date(2024, 2, 20),
            Decimal("500.00"),
            "PAYMENT - THANK YOU",
            "",
            "2024022024692165",
            "USD",
        ),
    ]
    assert (parsed.currency, parsed.account) == ("USD", "4111111111111111")
    assert (parsed.ledger_balance, parsed.ledger_balance_date) == (
        Decimal("-1234.56"),
        date(2024, 2, 29),
    )
    assert parsed.notes == ()


def test_qfx_with_a_header_ofxtools_refuses_and_an_empty_unclosed_memo() -> None:
    parsed = _parse("bank.qfx")
    assert parsed.format == "qfx"
    assert _facts(parsed.rows) == [
        (41, date(2024, 3, 2), Decimal("-38.40"), "SHELL 1234", "", "3000202403020001", "USD"),
        (49, date(2024, 3, 8), Decimal("-250.00"), "CHECK 1042", "", "3000202403080002", "USD"),
        (
            57,
            date(2024, 3, 14),
            Decimal("1200.00"),
            "ACME PAYROLL",
            "DIRECT DEP",
            "3000202403140003",
            "USD",
        ),
    ]
    assert parsed.account == "9876543210"
    assert parsed.ledger_balance == Decimal("4711.08")
    assert len(parsed.notes) == 1
    assert parsed.notes[0].startswith("read with the tolerant OFX reader (ofxtools:")
    assert "8859-1" in parsed.notes[0]


def test_missing_fitid_gives_none_and_a_note() -> None:
    parsed = _parse("ofx_missing_fitid.ofx")
    assert [row.bank_id for row in parsed.rows] == ["A-0001", None, "A-0003"]
    assert [row.line for row in parsed.rows] == [39, 46, 53]
    assert parsed.rows[1].memo == "no FITID in this one"
    assert parsed.problems == ()
    assert parsed.notes == (
        "1 transaction(s) had no FITID; duplicates are found by date, amount and payee instead",
    )


def test_two_statements_in_one_file_rows_carry_their_account() -> None:
    parsed = _parse("two_accounts.ofx")
    assert [(row.line, row.account, row.amount, row.bank_id) for row in parsed.rows] == [
        (39, "111222333", Decimal("2500.00"), "CHK-1"),
        (46, "111222333", Decimal("-17.99"), "CHK-2"),
        (76, "5500000000000004", Decimal("-64.20"), "CC-1"),
    ]
    assert parsed.account is None
    assert parsed.ledger_balance is None
    assert parsed.currency == "EUR"
    assert "2 statements (accounts 111222333, 5500000000000004)" in parsed.notes[0]


def test_truncated_file_keeps_complete_rows_and_reports_the_cut() -> None:
    parsed = _parse("malformed_truncated.ofx")
    assert [(row.line, row.bank_id, row.amount) for row in parsed.rows] == [
        (39, "T-1", Decimal("-10.99")),
        (46, "T-2", Decimal("-52.30")),
    ]
    assert [str(problem) for problem in parsed.problems] == [
        "line 53: the transaction has no TRNAMT (amount); fix the file or export it again "
        "from the bank",
        "line 56: the file ends before </OFX>: it looks cut off and transactions may be "
        "missing; download it again from the bank",
    ]


def test_a_bad_posting_date_names_the_line_and_what_to_do() -> None:
    text = _read("ofx1_sgml_checking.ofx").replace(b"<DTPOSTED>20240115", b"<DTPOSTED>2024-13-45")
    parsed = read_ofx(text)
    assert [str(problem) for problem in parsed.problems] == [
        "line 54: 'DTPOSTED' is '2024-13-45', not a date; fix the file or export it again "
        "from the bank"
    ]
    assert len(parsed.rows) == 3


def test_a_bad_amount_is_a_problem_and_a_decimal_comma_amount_is_read() -> None:
    text = _read("ofx1_sgml_checking.ofx")
    text = text.replace(b"<TRNAMT>-45.67", b"<TRNAMT>-45,67").replace(
        b"<TRNAMT>-12.99", b"<TRNAMT>x"
    )
    parsed = read_ofx(text)
    assert [row.amount for row in parsed.rows] == [
        Decimal("2500.00"),
        Decimal("-45.67"),
        Decimal("-17.99"),
    ]
    assert [problem.line for problem in parsed.problems] == [54]
    assert "'TRNAMT' is 'x', not an amount" in parsed.problems[0].message


def test_lower_case_tags_read_like_upper_case_ones() -> None:
    data = _read("ofx1_sgml_checking.ofx").decode()
    lowered = re.sub(r"</?[A-Z.]+>", lambda match: match.group(0).lower(), data)
    parsed = read_ofx(lowered.encode())
    assert _facts(parsed.rows) == CHECKING_ROWS
    assert parsed.ledger_balance == Decimal("3423.35")
    assert "lower-case tags" in parsed.notes[0]


def test_unclosed_transactions_are_split_where_the_next_one_starts() -> None:
    data = _read("ofx1_sgml_checking.ofx").replace(b"</STMTTRN>\r\n", b"")
    parsed = read_ofx(data)
    expected_lines = [
        index + 1 for index, line in enumerate(data.split(b"\r\n")) if line == b"<STMTTRN>"
    ]
    assert [row.line for row in parsed.rows] == expected_lines
    assert [fact[1:] for fact in _facts(parsed.rows)] == [fact[1:] for fact in CHECKING_ROWS]
    assert "tolerant OFX reader" in parsed.notes[0]


def test_windows_1252_payee_and_payee_aggregate_and_original_currency() -> None:
    data = _read("ofx1_sgml_checking.ofx")
    data = data.replace(b"<NAME>REWE SAGT DANKE 1234", "<NAME>Bäckerei Müller".encode("cp1252"))
    data = data.replace(
        b"<NAME>NETFLIX.COM",
        b"<PAYEE>\r\n<NAME>NETFLIX.COM\r\n<ADDR1>Los Gatos\r\n</PAYEE>\r\n"
        b"<ORIGCURRENCY>\r\n<CURRATE>0.92\r\n<CURSYM>USD\r\n</ORIGCURRENCY>",
    )
    parsed = read_ofx(data)
    assert [row.payee for row in parsed.rows] == [
        "Gehalt ACME GmbH",
        "Bäckerei Müller",
        "PAYPAL *STEAM GAMES",
        "NETFLIX.COM",
    ]
    # ORIGCURRENCY says the amount was converted into CURDEF: the row stays in EUR.
    assert parsed.rows[3].currency == "EUR"


def test_files_that_hold_no_statement_are_refused_with_a_reason() -> None:
    with pytest.raises(StatementError, match="no <OFX> element"):
        parse_statement(b"OFXHEADER:100\r\nDATA:OFXSGML\r\n", format="ofx")
    with pytest.raises(StatementError, match=r"^a\.ofx: line 1: this file has no <OFX> element"):
        parse_statement(b"hello", name="a.ofx")
    investments = b"<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD</INVSTMTRS>"
    with pytest.raises(StatementError, match="investment statement"):
        parse_statement(investments + b"</INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>")
    with pytest.raises(StatementError, match=r"line 3: no bank or credit card statement"):
        parse_statement(b"OFXHEADER:100\n\n<OFX>\n<SIGNONMSGSRSV1>\n</SIGNONMSGSRSV1>\n</OFX>\n")


def test_a_cut_names_the_last_line_with_text_even_after_trailing_newlines() -> None:
    data = _read("ofx_missing_fitid.ofx").split(b"</BANKTRANLIST>")[0] + b"\n\n\n"
    parsed = read_ofx(data)
    last_line = data.rstrip().count(b"\n") + 1
    assert len(parsed.rows) == 3
    assert [problem.line for problem in parsed.problems] == [last_line]
    assert "ends before </OFX>" in parsed.problems[0].message


def test_dashed_posting_dates_are_read_too() -> None:
    data = _read("ofx1_sgml_checking.ofx").replace(b"<DTPOSTED>20240115", b"<DTPOSTED>2024-01-16")
    assert read_ofx(data).rows[2].date == date(2024, 1, 16)


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("ofx1_sgml_checking.ofx", b"CHARSET:1252", b"CHARSET:8859-1"),
        ("ofx2_xml_creditcard.ofx", b'VERSION="220"', b'VERSION="999"'),
        ("ofx_missing_fitid.ofx", b"ENCODING:USASCII", b"ENCODING:LATIN"),
        ("two_accounts.ofx", b"SECURITY:NONE", b"SECURITY:PLAIN"),
    ],
)
def test_the_tolerant_reader_agrees_with_ofxtools(name: str, old: bytes, new: bytes) -> None:
    by_ofxtools = read_ofx(_read(name))
    by_tolerant_reader = read_ofx(_read(name).replace(old, new))
    assert not any("tolerant" in note for note in by_ofxtools.notes)
    assert "tolerant OFX reader (ofxtools:" in by_tolerant_reader.notes[0]
    assert by_tolerant_reader.rows == by_ofxtools.rows
    assert by_tolerant_reader.ledger_balance == by_ofxtools.ledger_balance
