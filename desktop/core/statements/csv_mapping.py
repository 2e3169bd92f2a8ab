"""Which CSV column holds what: the `CsvMapping` a user writes with `--map` or the app guesses.

A mapping names columns by header text ("Buchungstag") or by 1-based number
("3"). Anything left out is guessed from the header, which knows the usual
English and German bank export headings. The import service stores a mapping
per account with `to_dict()` and reads it back with `from_dict()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from desktop.core.errors import UserError

COLUMN_KEYS = ("date", "amount", "debit", "credit", "payee", "memo", "id", "category", "currency")
OPTION_KEYS = ("date_format", "decimal", "flip_sign", "delimiter", "skip_rows")
_KEY_ALIASES = {
    "flip": "flip_sign",
    "skip": "skip_rows",
    "sep": "delimiter",
    "format": "date_format",
}
_DELIMITER_NAMES = {
    "comma": ",",
    ",": ",",
    "semicolon": ";",
    ";": ";",
    "tab": "\t",
    "\\t": "\t",
    "\t": "\t",
    "pipe": "|",
    "|": "|",
}
_TRUE = {"yes", "y", "true", "1", "on"}
_FALSE = {"no", "n", "false", "0", "off"}
MAP_SYNTAX = (
    "--map 'date=Buchungstag,amount=Betrag,payee=Empfänger,date_format=%d.%m.%Y,decimal=comma'"
    " (a header name or a column number such as date=1)"
)

# Normalised header texts (see `normalise_header`) per field, best first. A header matches
# when it equals an alias, or starts with one of the prefixes below.
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "postingdate",
        "transactiondate",
        "bookingdate",
        "posteddate",
        "buchungstag",
        "buchungsdatum",
        "datum",
        "buchung",
        "valuta",
        "valutadatum",
        "wertstellung",
        "valuedate",
    ),
    "amount": (
        "amount",
        "betrag",
        "umsatz",
        "betrageur",
        "amounteur",
        "value",
        "transactionamount",
    ),
    "debit": ("debit", "withdrawal", "withdrawals", "soll", "ausgang", "moneyout", "paidout"),
    "credit": ("credit", "deposit", "deposits", "haben", "eingang", "moneyin", "paidin"),
    "payee": (
        "payee",
        "description",
        "name",
        "merchant",
        "empfaenger",
        "zahlungsempfaenger",
        "zahlungsempfaengerin",
        "auftraggeber",
        "auftraggeberbeguenstigter",
        "beguenstigterzahlungspflichtiger",
        "beguenstigter",
        "namezahlungsbeteiligter",
        "counterparty",
    ),
    "memo": (
        "memo",
        "notes",
        "note",
        "reference",
        "verwendungszweck",
        "buchungstext",
        "details",
        "description",  # when a Payee column took the payee
    ),
    "id": ("id", "transactionid", "referencenumber", "transactionreference", "fitid"),
    "category": ("category", "kategorie"),
    "currency": ("currency", "waehrung", "ccy"),
}
_HEADER_PREFIXES: dict[str, tuple[str, ...]] = {
    "date": ("buchungstag", "transactiondate", "postingdate", "datum", "date"),
    "amount": ("betrag", "amount", "umsatz"),
    "debit": ("debit", "withdrawal", "soll", "ausgang", "moneyout"),
    "credit": ("credit", "deposit", "haben", "eingang", "moneyin"),
    "payee": ("empfaenger", "zahlungsempfaenger", "auftraggeber", "beguenstigter", "payee"),
    "memo": ("verwendungszweck", "memo"),
    "currency": ("waehrung", "currency"),
}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise_header(header: str) -> str:
    """'Empfänger / Auftraggeber' -> 'empfaengerauftraggeber'; matching ignores case and marks."""
    return _NON_ALNUM.sub("", header.strip().lower().translate(_UMLAUTS))


@dataclass(frozen=True)
class CsvMapping:
    """Columns by header name or 1-based number (None = guess) and how to read the values."""

    date: str | None = None
    amount: str | None = None
    debit: str | None = None
    credit: str | None = None
    payee: str | None = None
    memo: str | None = None
    id: str | None = None
    category: str | None = None
    currency: str | None = None
    date_format: str | None = None  # strptime format; None = guess from the column
    decimal: str | None = None  # "point" | "comma" | None = guess
    flip_sign: bool = False  # the bank writes money out as positive
    delimiter: str | None = None  # None = sniff , ; tab |
    skip_rows: int | None = None  # lines before the header; None = find the header line

    def __post_init__(self) -> None:
        if self.decimal not in (None, "point", "comma"):
            raise UserError(f"decimal is '{self.decimal}'; use decimal=point or decimal=comma")
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise UserError(
                f"delimiter is '{self.delimiter}'; use one character or comma, semicolon, tab, pipe"
            )
        if self.skip_rows is not None and self.skip_rows < 0:
            raise UserError(f"skip_rows is {self.skip_rows}; use 0 or more lines")
        if self.date_format is not None and "%" not in self.date_format:
            raise UserError(
                f"date_format is '{self.date_format}'; write it like %d.%m.%Y or %m/%d/%Y"
            )

    @classmethod
    def parse(cls, spec: str) -> CsvMapping:
        """Read "date=Buchungstag,amount=Betrag,decimal=comma,flip=yes" (the `--map` syntax)."""
        values: dict[str, Any] = {}
        for part in spec.split(","):
            if not part.strip():
                continue
            key, equals, value = part.partition("=")
            key = _KEY_ALIASES.get(key.strip().lower(), key.strip().lower())
            if not equals:
                raise UserError(f"'{part.strip()}' in the mapping has no '='; write {MAP_SYNTAX}")
            if key not in COLUMN_KEYS and key not in OPTION_KEYS:
                raise UserError(_unknown_key_message(key))
            if key in values:
                raise UserError(f"'{key}' is given twice in the mapping")
            values[key] = _option_value(key, value.strip())
        return cls(**values)

    def to_dict(self) -> dict[str, str | int | bool]:
        """The settings that differ from the defaults, JSON-safe."""
        result: dict[str, str | int | bool] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is not None and value is not False:
                result[item.name] = value
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CsvMapping:
        """The mapping `to_dict()` wrote; UserError for unknown keys or wrong types."""
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in COLUMN_KEYS and key not in OPTION_KEYS:
                raise UserError(_unknown_key_message(key))
            if value is None:
                continue
            if key == "flip_sign":
                if not isinstance(value, bool):
                    raise UserError(f"flip_sign is {value!r}; use true or false")
            elif key == "skip_rows":
                if not isinstance(value, int) or isinstance(value, bool):
                    raise UserError(f"skip_rows is {value!r}; use a number of lines")
            elif not isinstance(value, str):
                raise UserError(f"{key} is {value!r}; use text")
            values[key] = value
        return cls(**values)

    @classmethod
    def guess(cls, header: list[str]) -> CsvMapping:
        """The mapping the usual English and German headings suggest (see module `guess`)."""
        return guess(header)

    def columns(self) -> dict[str, str]:
        """The columns this mapping names explicitly."""
        return {key: value for key in COLUMN_KEYS if (value := getattr(self, key)) is not None}

    def with_guesses(self, header: list[str]) -> CsvMapping:
        """This mapping with the columns it leaves out filled in from `header`."""
        guessed = guess(header)
        taken = set(self.columns().values())
        missing: dict[str, Any] = {
            key: value
            for key, value in guessed.columns().items()
            if getattr(self, key) is None and value not in taken
        }
        if self.amount is not None:
            missing.pop("debit", None)
            missing.pop("credit", None)
        if self.debit is not None or self.credit is not None:
            missing.pop("amount", None)
        return replace(self, **missing)


def _unknown_key_message(key: str) -> str:
    known = ", ".join((*COLUMN_KEYS, *OPTION_KEYS))
    return f"'{key}' is not a mapping key; use one of {known}"


def _option_value(key: str, value: str) -> str | int | bool | None:
    """The typed value of one `key=value` pair of the `--map` syntax."""
    if key in COLUMN_KEYS or key == "date_format":
        if not value:
            raise UserError(f"{key}= has no value; write {MAP_SYNTAX}")
        return value
    lowered = value.lower()
    if key == "decimal":
        if lowered in ("point", "dot", "."):
            return "point"
        if lowered in ("comma", ","):
            return "comma"
        raise UserError(f"decimal is '{value}'; use decimal=point or decimal=comma")
    if key == "flip_sign":
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise UserError(f"flip is '{value}'; use flip=yes or flip=no")
    if key == "delimiter":
        if value in _DELIMITER_NAMES or lowered in _DELIMITER_NAMES:
            return _DELIMITER_NAMES.get(value, _DELIMITER_NAMES.get(lowered))
        raise UserError(f"delimiter is '{value}'; use comma, semicolon, tab or pipe")
    # skip_rows
    if not value.isdigit():
        raise UserError(
            f"skip is '{value}'; use the number of lines before the header, e.g. skip=4"
        )
    return int(value)


def guess(header: list[str]) -> CsvMapping:
    """A mapping from the usual English and German headings; unknown headings are left out."""
    normalised = [normalise_header(text) for text in header]
    chosen: dict[str, Any] = {}
    used: set[int] = set()
    for key in COLUMN_KEYS:
        index = _find_column(normalised, _HEADER_ALIASES[key], used, exact=True)
        if index is None and key in _HEADER_PREFIXES:
            index = _find_column(normalised, _HEADER_PREFIXES[key], used, exact=False)
        if index is not None:
            used.add(index)
            chosen[key] = header[index].strip()
    if "amount" in chosen and ("debit" in chosen or "credit" in chosen):
        chosen.pop("debit", None)
        chosen.pop("credit", None)
    return CsvMapping(**chosen)


def _find_column(
    normalised: list[str], aliases: tuple[str, ...], used: set[int], *, exact: bool
) -> int | None:
    """The first column, in alias order, whose heading equals (or starts with) an alias."""
    for alias in aliases:
        for index, text in enumerate(normalised):
            if index in used or not text:
                continue
            if text == alias if exact else text.startswith(alias):
                return index
    return None
