"""CSV exports: header finding, column mapping, decimal styles, dates, footers and bad rows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.errors import UserError
from desktop.core.statements.csv_mapping import CsvMapping, guess
from desktop.core.statements.model import ParsedStatement, StatementError, StatementRow
from desktop.core.statements.parse import parse_statement

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"


def _parse(name: str, mapping: CsvMapping | None = None) -> ParsedStatement:
    return parse_statement((FIXTURES / name).read_bytes(), name=name, mapping=mapping)


def _facts(rows: tuple[StatementRow, ...]) -> list[tuple[int, date, Decimal, str, str, str | None]]:
    return [(row.line, row.date, row.amount, row.payee, row.memo, row.bank_id) for row in rows]


GERMAN_ROWS = [
    (6, date(2024, 1, 2), Decimal("2500.00"), "Gehalt ACME GmbH", "Lohn/Gehalt 01/2024", None),
    (
        7,
        date(2024, 1, 5),
        Decimal("-45.67"),
        "REWE SAGT DANKE 1234",
        "Kartenzahlung girocard",
        None,
    ),
    (8, date(2024, 1, 10), Decimal("-1234.56"), "Müller Hausverwaltung", "Miete Januar", None),
    (9, date(2024, 1, 12), Decimal("-10.99"), "SPOTIFY P1A2B3C4D5", "Abo", None),
]


def test_debit_and_credit_columns_with_a_quoted_field_over_two_lines() -> None:
    parsed = _parse("csv_debit_credit.csv")
    assert parsed.format == "csv"
    assert _facts(parsed.rows) == [
        (
            2,
            date(2024, 1, 3),
            Decimal("-64.20"),
            "AMZN Mktp DE*2K3L45",
            "Order 302-1234567",
            "TX1001",
        ),
        (3, date(2024, 1, 13), Decimal("-17.99"), "NETFLIX.COM", "", "TX1002"),
        (
            4,
            date(2024, 1, 15),
            Decimal("2500.00"),
            "Gehalt ACME GmbH",
            "Salary January 2024",
            "TX1003",
        ),
        (6, date(2024, 1, 20), Decimal("-12.99"), "PAYPAL *STEAM GAMES", "", "TX1004"),
    ]
    assert parsed.problems == ()
    assert any("line 8 skipped" in note for note in parsed.notes)


def test_german_export_with_preamble_semicolons_decimal_comma_and_cp1252() -> None:
    parsed = _parse("csv_german_decimal_comma.csv")
    assert _facts(parsed.rows) == GERMAN_ROWS
    assert parsed.problems == ()
    notes = " / ".join(parsed.notes)
    assert "cp1252" in notes
    assert "decimal comma" in notes
    assert "line 10 skipped" in notes
    assert "Neuer Kontostand" in notes


def test_german_export_with_an_explicit_mapping_reads_the_same_rows() -> None:
    mapping = CsvMapping.parse(
        "date=Buchungstag,amount=Betrag,payee=Empfänger,memo=Verwendungszweck,"
        "date_format=%d.%m.%Y,decimal=comma,skip=4,delimiter=semicolon"
    )
    parsed = _parse("csv_german_decimal_comma.csv", mapping)
    assert _facts(parsed.rows) == GERMAN_ROWS
    assert not any("decimal comma" in note for note in parsed.notes)


def test_utf8_bom_and_crlf_with_currency_and_category_columns() -> None:
    parsed = _parse("csv_bom_crlf.csv")
    rows = parsed.rows
    assert [(r.line, r.date, r.amount, r.payee, r.category, r.currency) for r in rows] == [
        (2, date(2024, 2, 1), Decimal("-52.30"), "SHELL 1234", "Auto:Fuel", "EUR"),
        (3, date(2024, 2, 3), Decimal("-8.00"), "Café Émile", "Dining", "EUR"),
        (4, date(2024, 2, 5), Decimal("-17.99"), "NETFLIX.COM", "Entertainment", "EUR"),
        (5, date(2024, 2, 28), Decimal("2500.00"), "Gehalt ACME GmbH", "Income", "EUR"),
    ]
    assert parsed.currency == "EUR"
    assert parsed.notes == ()


def test_bad_date_and_bad_amount_become_problems_on_their_lines() -> None:
    parsed = _parse("malformed_bad_date.csv")
    assert [row.line for row in parsed.rows] == [2, 3, 5]
    problems = parsed.problems
    assert [problem.line for problem in problems] == [4, 6]
    assert str(problems[0]).startswith("line 4: '2024-13-45' is not a date (%Y-%m-%d)")
    assert "date_format=" in problems[0].message
    assert str(problems[1]) == "line 6: 'abc' is not an amount; fix the row"


def test_a_missing_column_names_the_header_and_the_map_syntax() -> None:
    data = b"When,Who,How much\n2024-01-02,SHELL 1234,-5.00\n"
    with pytest.raises(StatementError) as caught:
        parse_statement(data, name="odd.csv")
    message = str(caught.value)
    assert message.startswith("odd.csv: line 1: no column for the date was found")
    assert "When, Who, How much" in message
    assert "--map 'date=" in message
    with pytest.raises(StatementError, match="there is no column 'Datum' for date"):
        parse_statement(data, mapping=CsvMapping(date="Datum", amount="How much"))
    parsed = parse_statement(data, mapping=CsvMapping.parse("date=When,amount=3,payee=who"))
    assert [(r.date, r.amount, r.payee) for r in parsed.rows] == [
        (date(2024, 1, 2), Decimal("-5.00"), "SHELL 1234")
    ]


def test_a_file_without_header_mapped_by_column_numbers() -> None:
    data = b"15.01.2024|REWE SAGT DANKE 1234|-23,45\n16.01.2024|SHELL 1234|-60,00\n"
    mapping = CsvMapping.parse("date=1,payee=2,amount=3")
    parsed = parse_statement(data, mapping=mapping)
    assert _facts(parsed.rows) == [
        (1, date(2024, 1, 15), Decimal("-23.45"), "REWE SAGT DANKE 1234", "", None),
        (2, date(2024, 1, 16), Decimal("-60.00"), "SHELL 1234", "", None),
    ]


def test_flip_sign_and_tab_delimiter() -> None:
    data = b"Date\tMerchant\tAmount\n2024-03-01\tNETFLIX.COM\t17.99\n2024-03-02\tRefund\t-5.00\n"
    parsed = parse_statement(data, mapping=CsvMapping(flip_sign=True))
    assert [(r.payee, r.amount) for r in parsed.rows] == [
        ("NETFLIX.COM", Decimal("-17.99")),
        ("Refund", Decimal("5.00")),
    ]


def test_ambiguous_slashed_dates_follow_the_decimal_style_and_say_so() -> None:
    comma_file = "Datum;Empfänger;Betrag\n01/02/2024;SHELL 1234;-5,00\n03/04/2024;X;-1,00\n"
    parsed = parse_statement(comma_file.encode())
    assert [row.date for row in parsed.rows] == [date(2024, 2, 1), date(2024, 4, 3)]
    assert any("day first" in note for note in parsed.notes)
    point_file = "Date,Payee,Amount\n01/02/2024,SHELL 1234,-5.00\n03/04/2024,X,-1.00\n"
    parsed = parse_statement(point_file.encode())
    assert [row.date for row in parsed.rows] == [date(2024, 1, 2), date(2024, 3, 4)]
    assert any("month first" in note for note in parsed.notes)


def test_a_row_without_date_but_with_an_amount_is_a_problem_not_a_footer() -> None:
    data = b"Date,Payee,Amount\n2024-01-02,SHELL 1234,-5.00\n,NETFLIX.COM,-17.99\n"
    parsed = parse_statement(data)
    assert [str(problem) for problem in parsed.problems] == [
        "line 3: the row has no date; add one or delete the row"
    ]
    data = b"Date,Payee,Amount\n2024-01-02,SHELL 1234,\n"
    assert parse_statement(data).problems[0].message.startswith("the row has no amount")


def test_empty_file_and_skip_rows_beyond_the_end_are_clear_errors() -> None:
    with pytest.raises(StatementError, match="empty"):
        parse_statement(b"\r\n  \n", format="csv")
    with pytest.raises(StatementError, match="skip_rows is 9 but the file has only 2 lines"):
        parse_statement(b"a,b\n1,2\n", mapping=CsvMapping(skip_rows=9))


def test_mapping_parse_rejects_unknown_keys_and_bad_values() -> None:
    with pytest.raises(UserError, match="'colour' is not a mapping key; use one of date, amount"):
        CsvMapping.parse("date=Datum,colour=blue")
    with pytest.raises(UserError, match="decimal=point or decimal=comma"):
        CsvMapping.parse("decimal=maybe")
    with pytest.raises(UserError, match="flip=yes or flip=no"):
        CsvMapping.parse("flip=perhaps")
    with pytest.raises(UserError, match="skip=4"):
        CsvMapping.parse("skip=four")
    with pytest.raises(UserError, match="has no '='"):
        CsvMapping.parse("date")
    with pytest.raises(UserError, match="given twice"):
        CsvMapping.parse("date=A,date=B")
    with pytest.raises(UserError, match=r"%d\.%m\.%Y"):
        CsvMapping.parse("date_format=dd.mm.yyyy")
    with pytest.raises(UserError, match="comma, semicolon, tab or pipe"):
        CsvMapping.parse("delimiter=slash")


def test_mapping_round_trips_through_a_json_safe_dict() -> None:
    mapping = CsvMapping.parse(
        "date=Buchungstag,amount=Betrag,payee=Empfänger,date_format=%d.%m.%Y,decimal=comma,"
        "flip=yes,delimiter=tab,skip=4"
    )
    assert mapping.to_dict() == {
        "date": "Buchungstag",
        "amount": "Betrag",
        "payee": "Empfänger",
        "date_format": "%d.%m.%Y",
        "decimal": "comma",
        "flip_sign": True,
        "delimiter": "\t",
        "skip_rows": 4,
    }
    assert CsvMapping.from_dict(mapping.to_dict()) == mapping
    with pytest.raises(UserError, match="'bogus' is not a mapping key"):
        CsvMapping.from_dict({"bogus": 1})
    with pytest.raises(UserError, match="skip_rows"):
        CsvMapping.from_dict({"skip_rows": "4"})


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["Posting Date", "Description", "Amount", "Currency", "Transaction ID"],
            {
                "date": "Posting Date",
                "payee": "Description",
                "amount": "Amount",
                "currency": "Currency",
                "id": "Transaction ID",
            },
        ),
        (
            ["Buchungstag", "Valuta", "Auftraggeber/Empfänger", "Verwendungszweck", "Betrag (EUR)"],
            {
                "date": "Buchungstag",
                "payee": "Auftraggeber/Empfänger",
                "memo": "Verwendungszweck",
                "amount": "Betrag (EUR)",
            },
        ),
        (
            ["Datum", "Name", "Soll", "Haben", "Kategorie", "Währung"],
            {
                "date": "Datum",
                "payee": "Name",
                "debit": "Soll",
                "credit": "Haben",
                "category": "Kategorie",
                "currency": "Währung",
            },
        ),
        (
            ["Transaction Date", "Merchant", "Withdrawal", "Deposit", "Notes", "Reference Number"],
            {
                "date": "Transaction Date",
                "payee": "Merchant",
                "debit": "Withdrawal",
                "credit": "Deposit",
                "memo": "Notes",
                "id": "Reference Number",
            },
        ),
        (
            # ING: "Buchung" is the booking day, the first "Währung" belongs to "Saldo".
            [
                "Buchung",
                "Valuta",
                "Auftraggeber/Empfänger",
                "Buchungstext",
                "Verwendungszweck",
                "Saldo",
                "Währung",
                "Betrag",
                "Währung",
            ],
            {
                "date": "Buchung",
                "payee": "Auftraggeber/Empfänger",
                "memo": "Verwendungszweck",
                "amount": "Betrag",
                "currency": "Währung",
            },
        ),
        (
            ["Date", "Payee", "Description", "Amount"],
            {"date": "Date", "payee": "Payee", "memo": "Description", "amount": "Amount"},
        ),
        (["Foo", "Bar"], {}),
    ],
)
def test_guess_maps_common_english_and_german_headers(
    header: list[str], expected: dict[str, str]
) -> None:
    assert guess(header).columns() == expected
    assert CsvMapping.guess(header) == guess(header)


def test_a_thousand_cp1252_rows_all_parse_without_problems() -> None:
    # The speed of a 10k-row file is measured in tests/bench/test_bench_finance_parts.py.
    start_day = date(2023, 1, 1)
    lines = ["Buchungstag;Empfänger;Verwendungszweck;Betrag"]
    for index in range(1_000):
        day = (start_day + timedelta(days=index % 365)).strftime("%d.%m.%Y")
        lines.append(
            f'{day};"REWE SAGT DANKE {index}";Kartenzahlung;-{index % 97},{index % 100:02d}'
        )
    data = "\r\n".join(lines).encode("cp1252")
    parsed = parse_statement(data, name="big.csv")
    assert len(parsed.rows) == 1_000
    assert parsed.problems == ()
    last = 999
    assert parsed.rows[-1].amount == Decimal(f"-{last % 97}.{last % 100:02d}")
    assert parsed.rows[-1].payee == f"REWE SAGT DANKE {last}"


def test_a_bad_date_is_a_problem_even_when_the_row_mentions_a_balance() -> None:
    data = b"Date,Payee,Amount\n2024-01-02,SHELL 1234,-5.00\n2024-02-31,Balance transfer,-9.00\n"
    parsed = parse_statement(data)
    assert [problem.line for problem in parsed.problems] == [3]
    assert parsed.notes == ()


def test_the_mapping_used_is_returned_with_its_guesses_for_the_next_import() -> None:
    parsed = _parse("csv_german_decimal_comma.csv")
    assert parsed.mapping is not None
    assert parsed.mapping.to_dict() == {
        "date": "Buchungstag",
        "amount": "Betrag",
        "payee": "Empfänger",
        "memo": "Verwendungszweck",
        "date_format": "%d.%m.%Y",
        "decimal": "comma",
        "delimiter": ";",
    }
    again = _parse("csv_german_decimal_comma.csv", CsvMapping.from_dict(parsed.mapping.to_dict()))
    assert again.rows == parsed.rows
    assert _parse("ofx1_sgml_checking.ofx").mapping is None


def test_excel_separator_line_and_excel_proofed_cells() -> None:
    data = b'sep=;\nDate;Payee;Amount;ID\n2024-01-02;SHELL 1234;-5,00;="000123"\n'
    parsed = parse_statement(data)
    assert [(r.line, r.date, r.amount, r.bank_id) for r in parsed.rows] == [
        (3, date(2024, 1, 2), Decimal("-5.00"), "000123")
    ]
