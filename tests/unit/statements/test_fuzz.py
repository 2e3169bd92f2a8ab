"""Fuzzing the parsers: random bytes and damaged fixtures give rows or a clear error, never a crash.

Every outcome is either a ParsedStatement whose rows are all valid (a real date,
a finite Decimal amount, a positive line number) or a UserError; no other
exception escapes and nothing hangs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import UserError
from desktop.core.statements.model import ParsedStatement
from desktop.core.statements.parse import parse_statement

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"
FIXTURE_NAMES = sorted(path.name for path in FIXTURES.iterdir())
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data: bytes, name: str, format: str | None = None) -> None:
    try:
        parsed = parse_statement(data, name=name, format=format)
    except UserError as error:
        message = str(error)
    else:
        message = ""
    if message:  # refused: with a message the user can read, naming the file
        assert message.startswith(f"{name}: ")
        return
    assert isinstance(parsed, ParsedStatement)
    line_count = max(1, data.count(b"\n") + data.count(b"\r") + 1)
    for row in parsed.rows:
        assert isinstance(row.date, date)
        assert isinstance(row.amount, Decimal)
        assert row.amount.is_finite()
        assert 1 <= row.line <= line_count
        assert isinstance(row.payee, str)
    for problem in parsed.problems:
        assert 1 <= problem.line <= line_count
        assert problem.message


@FUZZ
@given(data=st.binary(max_size=600), format=st.sampled_from([None, "ofx", "qfx", "qif", "csv"]))
def test_random_bytes(data: bytes, format: str | None) -> None:
    _check(data, "random.bin", format)


@FUZZ
@given(
    prefix=st.sampled_from([b"OFXHEADER:100\n<OFX>", b"!Type:Bank\n", b"Date,Payee,Amount\n"]),
    body=st.binary(max_size=400),
)
def test_random_bytes_after_a_real_header(prefix: bytes, body: bytes) -> None:
    _check(prefix + body, "headed.bin")


def _mutate(data: bytes, operation: str, position: int, count: int, byte: int) -> bytes:
    lines = data.splitlines(keepends=True)
    at = position % max(1, len(lines))
    spot = position % max(1, len(data))
    if operation == "truncate":
        return data[:spot]
    if operation == "flip":
        damaged = bytearray(data)
        for offset in range(count):
            index = (spot + offset * 7) % max(1, len(damaged))
            if damaged:
                damaged[index] ^= byte or 1
        return bytes(damaged)
    if operation == "drop":
        return b"".join(lines[:at] + lines[at + count :])
    if operation == "duplicate":
        return b"".join(lines[: at + 1] + lines[at : at + count] + lines[at + 1 :])
    return data[:spot] + bytes([byte]) * count + data[spot:]  # insert


@pytest.mark.parametrize("name", FIXTURE_NAMES)
@FUZZ
@given(
    operations=st.lists(
        st.tuples(
            st.sampled_from(["truncate", "flip", "drop", "duplicate", "insert"]),
            st.integers(min_value=0, max_value=10_000),
            st.integers(min_value=1, max_value=5),
            st.integers(min_value=0, max_value=255),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_mutated_fixtures(name: str, operations: list[tuple[str, int, int, int]]) -> None:
    data = (FIXTURES / name).read_bytes()
    for operation, position, count, byte in operations:
        data = _mutate(data, operation, position, count, byte)
    _check(data, name)
