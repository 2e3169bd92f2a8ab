"""QIF: date orders, splits, accounts, skipped sections and records missing a field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.statements.csv_mapping import CsvMapping
from desktop.core.statements.model import SplitLine, StatementError
from desktop.core.statements.parse import parse_statement
from desktop.core.statements.qif import parse_qif_date, read_qif, split_total

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_bank_section_with_us_dates_check_numbers_and_a_transfer() -> None:
    parsed = parse_statement(_read("qif_bank_us_dates.qif"), name="qif_bank_us_dates.qif")
    assert parsed.format == "qif"
    facts = [
        (row.line, row.date, row.amount, row.payee, row.memo, row.bank_id, row.category)
        for row in parsed.rows
    ]
    assert facts == [
        (2, date(2024, 1, 2), Decimal("2500.00"), "Gehalt ACME GmbH", "", None, "Salary"),
        (
            9,
            date(2024, 1, 15),
            Decimal("-45.67"),
            "REWE SAGT DANKE 1234",
            "Weekly groceries",
            "1043",
            "Food:Groceries",
        ),
        (16, date(2024, 2, 1), Decimal("-200.00"), "Transfer to savings", "", None, "[Savings]"),
        (21, date(2024, 2, 5), Decimal("-10.99"), "SPOTIFY P1A2B3C4D5", "", None, ""),
    ]
    assert parsed.problems == ()
    assert parsed.notes == ()


def test_account_block_splits_day_first_dates_and_a_skipped_memorized_list() -> None:
    parsed = read_qif(_read("qif_splits_dmy.qif"))
    assert [(row.line, row.date, row.amount, row.payee) for row in parsed.rows] == [
        (6, date(2024, 1, 3), Decimal("-120.50"), "REWE SAGT DANKE 1234"),
        (17, date(2024, 1, 15), Decimal("-17.99"), "NETFLIX.COM"),
        (22, date(2024, 1, 28), Decimal("2500.00"), "Gehalt ACME GmbH"),
    ]
    assert {row.account for row in parsed.rows} == {"Giro Sparkasse"}
    assert parsed.account == "Giro Sparkasse"
    first = parsed.rows[0]
    assert first.splits == (
        SplitLine(category="Food:Groceries", amount=Decimal("-80.50"), memo="Weekly shop"),
        SplitLine(category="Household", amount=Decimal("-40.00"), memo="Cleaning"),
    )
    assert split_total(first.splits) == first.amount
    assert parsed.notes == (
        "1 memorized record(s) skipped: only bank, cash and card accounts are read",
        "dates read day-first (a day above 12 comes first in some dates)",
    )


def test_records_without_amount_or_date_are_problems_on_their_first_line() -> None:
    parsed = parse_statement(_read("malformed_qif_no_amount.qif"))
    assert [(row.line, row.payee) for row in parsed.rows] == [
        (2, "REWE SAGT DANKE 1234"),
        (13, "SPOTIFY P1A2B3C4D5"),
    ]
    assert [str(problem) for problem in parsed.problems] == [
        "line 6: the record has no T (amount) line; add one or delete it",
        "line 10: the record has no D (date) line; add one or delete it",
    ]


def test_the_date_order_can_be_given_through_a_mapping() -> None:
    data = b"!Type:Bank\nD01/02/2024\nT-5.00\nPSHELL 1234\n^\n"
    assert parse_statement(data).rows[0].date == date(2024, 1, 2)
    day_first = CsvMapping(date_format="%d/%m/%Y")
    assert parse_statement(data, mapping=day_first).rows[0].date == date(2024, 2, 1)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("01/15/24", "mdy", date(2024, 1, 15)),
        ("01/15'24", "mdy", date(2024, 1, 15)),
        (" 1/ 5'04", "mdy", date(2004, 1, 5)),
        ("12/31/99", "mdy", date(1999, 12, 31)),
        ("01/15/2024", "mdy", date(2024, 1, 15)),
        ("15.01.2024", "mdy", date(2024, 1, 15)),
        ("2024-01-15", "dmy", date(2024, 1, 15)),
        ("15/01/2024", "dmy", date(2024, 1, 15)),
        ("02/01/2024", "dmy", date(2024, 1, 2)),
    ],
)
def test_qif_dates(text: str, order: str, expected: date) -> None:
    assert parse_qif_date(text, order) == expected


@pytest.mark.parametrize("text", ["13/13/2024", "2024-02-30", "yesterday", "1/2", "123/4/2024"])
def test_qif_dates_that_are_not_dates(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(text)):
        parse_qif_date(text, "mdy")


def test_a_bad_date_or_amount_points_at_its_own_line() -> None:
    data = b"!Type:CCard\nD02/30/2024\nT-5.00\n^\nD03/01/2024\nT5,00,0\n^\n"
    parsed = read_qif(data)
    assert parsed.rows == ()
    assert [problem.line for problem in parsed.problems] == [2, 6]
    assert "'D02/30/2024' is not a date" in parsed.problems[0].message
    assert "fix the T line" in parsed.problems[1].message


def test_investment_sections_are_skipped_and_missing_header_or_end_is_tolerated() -> None:
    data = b"!Type:Invst\nD01/02/2024\nNBuy\nT100.00\n^\n!Type:Cash\nD01/03/2024\nT-2.50\nPKiosk"
    parsed = read_qif(data)
    assert [(row.line, row.amount, row.payee) for row in parsed.rows] == [
        (7, Decimal("-2.50"), "Kiosk")
    ]
    assert parsed.notes == (
        "line 7: the last record has no '^' end line",
        "1 investment record(s) skipped: only bank, cash and card accounts are read",
    )
    headerless = read_qif(b"D01/02/2024\nT-1.00\nPX\n^\n")
    assert [row.amount for row in headerless.rows] == [Decimal("-1.00")]


def test_not_a_qif_file_and_an_unknown_date_order_are_errors() -> None:
    with pytest.raises(StatementError, match="no QIF header"):
        read_qif(b"hello world\n")
    with pytest.raises(StatementError, match="use mdy or dmy"):
        read_qif(b"!Type:Bank\n", date_order="ymd")
    with pytest.raises(StatementError, match="empty"):
        read_qif(b"   \n")
