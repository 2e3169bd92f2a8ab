"""Shared text helpers of the statement parsers: decoding, lines, amounts, decimal styles, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.statements.text import (
    AmountError,
    DateError,
    date_parser,
    decode_text,
    guess_date_format,
    guess_decimal_style,
    parse_amount,
    split_lines,
)


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("-12.50", None, "-12.50"),
        ("1,234.56", None, "1234.56"),
        ("1.234,56", None, "1234.56"),
        ("(12.50)", None, "-12.50"),
        ("12.50-", None, "-12.50"),
        ("€ 12,50", None, "12.50"),
        ("12.50 EUR", None, "12.50"),
        ("+3", None, "3"),
        ("1\u00a0234,56", "comma", "1234.56"),
        ("-1\u202f234.56", "point", "-1234.56"),
        ("1 234 567,89", None, "1234567.89"),
        ("1'234.50", None, "1234.50"),
        ("1,234", "point", "1234"),
        ("1,234", "comma", "1.234"),
        ("1,234", None, "1234"),
        ("1.234", "comma", "1234"),
        ("12,5", None, "12.5"),
        (".75", None, "0.75"),
        ("-€12.50", None, "-12.50"),
        ("EUR -7,10", None, "-7.10"),
        ("($1,000.00)", None, "-1000.00"),
        ("45.00 DR", None, "-45.00"),
        ("45.00 CR", None, "45.00"),
        ("\u22125.00", None, "-5.00"),
        ("0", None, "0"),
        ("1.234.567", None, "1234567"),
    ],
)
def test_parse_amount_reads_the_ways_banks_write_amounts(
    text: str, decimal: str | None, expected: str
) -> None:
    assert parse_amount(text, decimal) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "decimal", "fragment"),
    [
        ("abc", None, "'abc' is not an amount"),
        ("", None, "is not an amount"),
        ("12,50", "point", "decimal point (like 1,234.56)"),
        ("1.234,56", "point", "decimal point"),
        ("1,234.56", "comma", "decimal comma (like 1.234,56)"),
        ("1,2,3", "point", "decimal point"),
        ("--5", None, "is not an amount"),
        ("1e5", None, "is not an amount"),
        ("NaN", None, "is not an amount"),
        ("12.5.6", "point", "decimal point"),
        ("9" * 20, None, "too large"),
    ],
)
def test_parse_amount_refuses_what_is_not_an_amount(
    text: str, decimal: str | None, fragment: str
) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, decimal)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Müller".encode(), "Müller", "utf-8"),
        (b"\xef\xbb\xbf" + "Müller".encode(), "Müller", "utf-8"),
        ("Müller €5".encode("cp1252"), "Müller €5", "cp1252"),
        (b"M\xfcller \x81", "Müller \x81", "latin-1"),
    ],
)
def test_decode_text_falls_back_from_utf8_to_cp1252_to_latin1(
    data: bytes, text: str, encoding: str
) -> None:
    assert decode_text(data) == (text, encoding)


def test_decode_text_reads_utf16_with_its_byte_order_mark() -> None:
    # Spreadsheet programs save "Unicode text" as UTF-16 little-endian with a BOM.
    data = "\ufeffDatum;Betrag\r\n01.02.2024;-5,00".encode("utf-16-le")
    assert decode_text(data) == ("Datum;Betrag\r\n01.02.2024;-5,00", "utf-16")


def test_split_lines_counts_crlf_cr_and_lf_as_one_line_each() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\r\n\r\nb\r\n") == ["a", "", "b"]
    assert split_lines("form\x0cfeed\x85stays") == ["form\x0cfeed\x85stays"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["-12,50", "1.234,56", "3,00"], "comma"),
        (["-12.50", "1,234.56", "3.00"], "point"),
        (["1,234", "2,345"], None),
        (["12,50 EUR", "(3,10)", "7,5-"], "comma"),
        ([], None),
    ],
)
def test_guess_decimal_style_from_a_whole_column(values: list[str], expected: str | None) -> None:
    assert guess_decimal_style(values) == expected


def test_guess_date_format_picks_the_format_that_reads_every_value() -> None:
    assert guess_date_format(["2024-01-31", "2024-02-01"]) == ("%Y-%m-%d", "")
    assert guess_date_format(["31.01.2024", "01.02.2024"]) == ("%d.%m.%Y", "")
    assert guess_date_format(["31.01.24"]) == ("%d.%m.%y", "")
    assert guess_date_format(["20240131"]) == ("%Y%m%d", "")
    assert guess_date_format(["01/13/2024", "01/02/2024"])[0] == "%m/%d/%Y"
    assert guess_date_format(["13/01/2024", "01/02/2024"])[0] == "%d/%m/%Y"
    assert guess_date_format(["", "  "]) == (None, "")
    assert guess_date_format(["soon", "later"]) == (None, "")


def test_guess_date_format_says_when_day_and_month_could_be_swapped() -> None:
    month_first, note = guess_date_format(["01/02/2024", "03/04/2024"])
    assert month_first == "%m/%d/%Y"
    assert "month first" in note
    assert "date_format=%d/%m/%Y" in note
    day_first, note = guess_date_format(["01/02/2024", "03/04/2024"], day_first=True)
    assert day_first == "%d/%m/%Y"
    assert "day first" in note
    assert "date_format=%m/%d/%Y" in note


def test_guess_date_format_prefers_the_format_reading_most_rows_when_some_are_bad() -> None:
    assert guess_date_format(["2024-01-31", "2024-13-45", "2024-02-01"])[0] == "%Y-%m-%d"


def test_date_parser_reads_known_and_custom_formats() -> None:
    assert date_parser("%d.%m.%Y")("05.01.2024") == date(2024, 1, 5)
    assert date_parser("%Y-%m-%d")("2024-01-05 13:45:00") == date(2024, 1, 5)
    assert date_parser("%d %b %Y")("05 Jan 2024") == date(2024, 1, 5)
    with pytest.raises(DateError):
        date_parser("%d.%m.%Y")("31.02.2024")
    with pytest.raises(DateError):
        date_parser("%d %b %Y")("Jan 05 2024")


def test_guess_date_format_on_a_long_column_still_sees_one_telling_value() -> None:
    # Only the last of 1001 dates says which comes first; the guess samples, then checks all.
    many = ["01/02/2024"] * 1000
    assert guess_date_format([*many, "01/13/2024"], day_first=True) == ("%m/%d/%Y", "")
    assert guess_date_format([*many, "13/01/2024"]) == ("%d/%m/%Y", "")


@settings(max_examples=150, deadline=None)
@given(
    value=st.decimals(
        min_value=Decimal("-99999999.99"),
        max_value=Decimal("99999999.99"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    ),
    style=st.sampled_from(["point", "comma"]),
    grouped=st.booleans(),
    decoration=st.sampled_from(["{}", "{} EUR", "€ {}", "({})", "{}-"]),
)
def test_formatted_amounts_read_back_exactly(
    value: Decimal, style: str, grouped: bool, decoration: str
) -> None:
    magnitude = f"{abs(value):,.2f}" if grouped else f"{abs(value):.2f}"
    if style == "comma":
        magnitude = magnitude.replace(",", "_").replace(".", ",").replace("_", ".")
    negative_form = decoration in ("({})", "{}-")
    if negative_form:
        text = decoration.format(magnitude)
        expected = -abs(value)
    else:
        text = decoration.format(("-" if value < 0 else "") + magnitude)
        expected = value
    assert parse_amount(text, style) == expected
    assert parse_amount(text) == expected  # two decimals: the style is never ambiguous
