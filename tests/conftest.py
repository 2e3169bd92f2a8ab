"""Shared fixtures: a real SQLite profile, services with a fixed clock, real Postgres."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.services.container import Services
from desktop.store.profile import Store, open_store

PG_DSN = os.environ.get("ATRIUM_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
# A Wednesday, so that weekday words have something to resolve against.
FIXED_NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


class FakeClock:
    """A wall clock that only moves when told to."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(tmp_path / "atrium.sqlite3", now=clock)
    yield opened
    opened.close()


@pytest.fixture
def services(store: Store) -> Services:
    """Services over a fresh profile whose user lives in Europe/Berlin."""
    return Services(store, "Europe/Berlin")


@pytest.fixture
def pg_admin_dsn() -> str:
    """The admin DSN of the real Postgres server; in CI its absence is a failure."""
    import psycopg

    try:
        with psycopg.connect(PG_DSN, connect_timeout=3):
            pass
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Postgres is required in CI and is not reachable at {PG_DSN}: {exc}")
        pytest.skip(f"Postgres not reachable at {PG_DSN}")
    return PG_DSN


@pytest.fixture
def pg_database(pg_admin_dsn: str) -> Iterator[str]:
    """A fresh, empty Postgres database for one test (dropped afterwards); its DSN."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = f"atrium_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    params = conninfo_to_dict(pg_admin_dsn)
    params["dbname"] = name
    try:
        yield make_conninfo(**params)
    finally:
        with psycopg.connect(pg_admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
