"""Text helpers shared by the statement parsers: decoding, lines, amounts and dates.

Bank exports arrive in UTF-8 (with or without a byte order mark), UTF-16 from
spreadsheet programs, or Windows-1252 / Latin-1 from older banking software;
with CRLF, LF or bare CR line ends; with amounts written as "1,234.56",
"1.234,56", "(12.50)", "12.50-" or "€ 12,50"; and with dates in half a dozen
orders. Everything here is pure and fast: the patterns are compiled once, and a
date format is guessed once per file, not per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

DECIMAL_STYLES = ("point", "comma")

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# Spaces that bank exports put inside amounts: no-break, narrow no-break, thin, figure space.
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_CURRENCY_MARKS = re.compile(r"[€$£¥₹₽₺₩]|\b[A-Z]{3}\b|\bFr\.|\bkr\b")
_SIGN_WORDS = re.compile(r"\s*\b(DR|CR)\b\.?\s*$", re.IGNORECASE)
_NUMBER_SHAPE = re.compile(r"^[0-9][0-9.,' ]*$|^[.,][0-9]+$")
_PLAIN_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:[,.' ][0-9]{3})+$")
_MAX_DIGITS = 15
# The common case, read without the general machinery: "-12.50", "12,50", "+3".
_SIMPLE_AMOUNT = re.compile(r"^\s*([-+]?)(\d+)(?:([.,])(\d+))?\s*$", re.ASCII)


class AmountError(ValueError):
    """A text that is not an amount; the message quotes it and says what was expected."""


class DateError(ValueError):
    """A text that is not a date in the expected format."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes and say which encoding was used.

    UTF-8 (a BOM is dropped) is tried first, then UTF-16 when the file starts with
    its BOM, then Windows-1252 and finally Latin-1, which never fails.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[str]:
    """The file's physical lines: CRLF, LF and a bare CR each end one line.

    Unlike `str.splitlines`, form feeds and other Unicode separators inside a
    line do not split it, so line numbers match what a text editor shows.
    """
    lines = _NEWLINES.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def normalize_newlines(text: str) -> str:
    """The text with every CRLF and bare CR turned into LF."""
    return _NEWLINES.sub("\n", text)


def parse_amount(text: str, decimal: str | None = None) -> Decimal:
    """Read an amount the way banks write it; negative means money out.

    `decimal` is "point", "comma" or None (guess from the text). An ambiguous
    "1,234" is 1234 with a decimal point and 1.234 with a decimal comma; with no
    setting a lone comma before three digits is a thousands separator.
    """
    simple = _SIMPLE_AMOUNT.match(text)
    if simple is not None:
        sign, whole, separator, fraction = simple.groups()
        if (
            not separator
            or (separator == "." and decimal != "comma")
            or (
                separator == ","
                and (decimal == "comma" or (decimal is None and len(fraction) != 3))
            )
        ) and len((whole + (fraction or "")).lstrip("0")) <= _MAX_DIGITS:
            value = Decimal(f"{whole}.{fraction}" if separator else whole)
            return -value if sign == "-" else value
    original = text
    cleaned = text.translate(_ODD_SPACES).translate(_MINUS_SIGNS).strip()
    negative = False
    sign_word = _SIGN_WORDS.search(cleaned)
    if sign_word:
        negative = sign_word.group(1).upper() == "DR"
        cleaned = cleaned[: sign_word.start()]
    cleaned = _CURRENCY_MARKS.sub("", cleaned).strip()
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative = not negative
        cleaned = cleaned[1:-1].strip()
    cleaned = _CURRENCY_MARKS.sub("", cleaned).strip()
    if cleaned.endswith("-"):
        negative = not negative
        cleaned = cleaned[:-1].strip()
    elif cleaned.endswith("+"):
        cleaned = cleaned[:-1].strip()
    if cleaned[:1] in ("-", "+"):
        negative = negative != (cleaned[0] == "-")
        cleaned = _CURRENCY_MARKS.sub("", cleaned[1:]).strip()
    if not cleaned or not _NUMBER_SHAPE.match(cleaned):
        raise AmountError(f"'{original.strip()}' is not an amount")
    digits = _digits_only(cleaned, decimal, original)
    if len(digits.replace(".", "").lstrip("0")) > _MAX_DIGITS:
        raise AmountError(f"'{original.strip()}' is too large to be an amount")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - _digits_only only returns plain numbers
        raise AmountError(f"'{original.strip()}' is not an amount") from None
    return -value if negative else value


def _digits_only(cleaned: str, decimal: str | None, original: str) -> str:
    """'1.234,56' -> '1234.56' for the decimal style; AmountError when the groups make no sense."""
    if decimal is None:
        decimal = _guess_style(cleaned)
    point, grouping = (".", ",") if decimal == "point" else (",", ".")
    whole, separator, fraction = cleaned.rpartition(point)
    if not separator:
        whole, fraction = cleaned, ""
    if grouping in fraction or " " in fraction or "'" in fraction:
        raise AmountError(_style_message(original, decimal))
    if whole and not whole.isdigit():
        if not _GROUPED.match(whole) or point in whole:
            raise AmountError(_style_message(original, decimal))
        whole = whole.replace(grouping, "").replace(" ", "").replace("'", "")
        if not whole.isdigit():
            raise AmountError(_style_message(original, decimal))
    number = (whole or "0") + ("." + fraction if separator else "")
    if separator and not fraction:
        number = whole or "0"
    if not _PLAIN_NUMBER.match(number):
        raise AmountError(_style_message(original, decimal))
    return number


def _guess_style(cleaned: str) -> str:
    """Which separator is the decimal one in a single amount ("point" or "comma")."""
    last_point, last_comma = cleaned.rfind("."), cleaned.rfind(",")
    if last_point >= 0 and last_comma >= 0:
        return "point" if last_point > last_comma else "comma"
    if last_comma >= 0:
        after = cleaned[last_comma + 1 :]
        return "point" if cleaned.count(",") > 1 or len(after) == 3 else "comma"
    if last_point >= 0 and cleaned.count(".") > 1:
        return "comma"
    return "point"


def _style_message(original: str, decimal: str) -> str:
    example = "1,234.56" if decimal == "point" else "1.234,56"
    return (
        f"'{original.strip()}' is not an amount written with a decimal {decimal} (like {example})"
    )


def guess_decimal_style(values: Iterable[str]) -> str | None:
    """ "point" or "comma" from the amounts of a whole file, or None when nothing tells.

    A separator followed by one or two final digits is a decimal separator; when
    both kinds occur in one value, the later one is.
    """
    points = commas = 0
    for raw in values:
        value = raw.strip().rstrip("-+) ").rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ€$£ \u00a0")
        last_point, last_comma = value.rfind("."), value.rfind(",")
        if last_point >= 0 and last_comma >= 0:
            if last_point > last_comma:
                points += 1
            else:
                commas += 1
        elif last_comma >= 0 and len(value) - last_comma - 1 in (1, 2):
            commas += 1
        elif last_point >= 0 and len(value) - last_point - 1 in (1, 2):
            points += 1
    if points == commas:
        return None
    return "point" if points > commas else "comma"


# --- dates --------------------------------------------------------------------------------------

DateParser = Callable[[str], date]


def _numeric(pattern: str, order: str, two_digit_year: bool = False) -> DateParser:
    """A fast parser for a numeric date format: a compiled pattern and the group order."""
    regex = re.compile(pattern, re.ASCII)
    year_at, month_at, day_at = order.index("y") + 1, order.index("m") + 1, order.index("d") + 1

    def parse(text: str) -> date:
        match = regex.match(text.strip())
        if match is None:
            raise DateError(text)
        year = int(match.group(year_at))
        if two_digit_year:
            year += 2000 if year < 70 else 1900
        try:
            return date(year, int(match.group(month_at)), int(match.group(day_at)))
        except ValueError:
            raise DateError(text) from None

    return parse


_TIME_TAIL = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"

# strptime-style names (shown to the user) and their fast parsers, in order of preference.
KNOWN_DATE_FORMATS: dict[str, DateParser] = {
    "%Y-%m-%d": _numeric(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME_TAIL, "ymd"),
    "%d.%m.%Y": _numeric(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME_TAIL, "dmy"),
    "%d.%m.%y": _numeric(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})" + _TIME_TAIL, "dmy", True),
    "%m/%d/%Y": _numeric(r"^(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME_TAIL, "mdy"),
    "%d/%m/%Y": _numeric(r"^(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME_TAIL, "dmy"),
    "%m/%d/%y": _numeric(r"^(\d{1,2})/(\d{1,2})/(\d{2})" + _TIME_TAIL, "mdy", True),
    "%d/%m/%y": _numeric(r"^(\d{1,2})/(\d{1,2})/(\d{2})" + _TIME_TAIL, "dmy", True),
    "%d-%m-%Y": _numeric(r"^(\d{1,2})-(\d{1,2})-(\d{4})" + _TIME_TAIL, "dmy"),
    "%Y/%m/%d": _numeric(r"^(\d{4})/(\d{1,2})/(\d{1,2})" + _TIME_TAIL, "ymd"),
    "%Y%m%d": _numeric(r"^(\d{4})(\d{2})(\d{2})$", "ymd"),
}
_DATE_SAMPLE = 300
_DAY_FIRST_TWINS = {"%m/%d/%Y": "%d/%m/%Y", "%m/%d/%y": "%d/%m/%y"}


def date_parser(date_format: str) -> DateParser:
    """A parser for one format: the fast one when known, else `datetime.strptime`."""
    known = KNOWN_DATE_FORMATS.get(date_format)
    if known is not None:
        return known

    def parse(text: str) -> date:
        try:
            return datetime.strptime(text.strip(), date_format).date()
        except ValueError:
            raise DateError(text) from None

    return parse


def _readable(parse: DateParser, values: list[str]) -> int:
    """How many of `values` the parser reads."""
    count = 0
    for value in values:
        try:
            parse(value)
        except DateError:
            continue
        count += 1
    return count


def guess_date_format(values: list[str], *, day_first: bool = False) -> tuple[str | None, str]:
    """The known format that reads the most of `values`, and a note when the choice was a guess.

    Formats that read every value win; among those, month-first and day-first
    twins (01/02/2024) are decided by `day_first` (true for decimal-comma files)
    and the note says so. Returns (None, "") when no format reads any value.
    """
    samples = [value.strip() for value in values if value.strip()]
    if not samples:
        return None, ""
    # Score every format on a spread-out sample, then count the best ones on every value.
    step = max(1, len(samples) // _DATE_SAMPLE)
    scores = {name: _readable(parse, samples[::step]) for name, parse in KNOWN_DATE_FORMATS.items()}
    best = max(scores.values())
    if best == 0:
        return None, ""
    if step > 1:
        scores = {
            name: _readable(KNOWN_DATE_FORMATS[name], samples)
            for name, score in scores.items()
            if score == best
        }
        best = max(scores.values())
    winners = [name for name, score in scores.items() if score == best]
    chosen = winners[0]
    note = ""
    twin = _DAY_FIRST_TWINS.get(chosen)
    if twin in winners:
        if day_first:
            chosen = twin
        other = "%m/%d" if day_first else "%d/%m"
        note = (
            f"dates such as {samples[0]} could be day-first or month-first; read them as "
            f"{chosen} ({'day' if day_first else 'month'} first); "
            f"if that is wrong, set date_format={chosen.replace(chosen[:5], other)}"
        )
    return chosen, note
