"""One Alembic history for both dialects: up, down, up again, and no drift from the models."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text

from desktop.store import migrate
from desktop.store.engine import sqlite_engine
from desktop.store.models import SYNCED_MODELS, Base


def _drift(engine: Engine) -> list[object]:
    with engine.connect() as conn, warnings.catch_warnings():
        # Postgres' xid8 (server_xid, left out of the comparison) is unknown to the reflector.
        warnings.filterwarnings("ignore", message="Did not recognize type 'xid8'")
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": migrate.include_object,
                "include_name": migrate.include_name,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _round_trip(engine: Engine) -> None:
    migrate.upgrade(engine)
    assert set(Base.metadata.tables) <= _tables(engine)
    migrate.downgrade(engine, "base")
    assert _tables(engine) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert set(Base.metadata.tables) <= _tables(engine)
    assert _drift(engine) == []


def test_head_constant_matches_the_history() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_current_head() == migrate.HEAD_REVISION


def test_sqlite_up_down_up_and_no_drift(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "m.sqlite3")
    _round_trip(engine)
    with engine.connect() as conn:
        names = {
            r[0]
            for r in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            )
        }
    assert {"search_index", "search_map", "search_tasks_ai", "search_notes_au"} <= names
    engine.dispose()


@pytest.mark.postgres
def test_postgres_up_down_up_and_no_drift(pg_database: str) -> None:
    engine = create_engine(
        pg_database.replace("postgresql://", "postgresql+psycopg://", 1)
        if pg_database.startswith("postgresql://")
        else "postgresql+psycopg:///?" + pg_database.replace(" ", "&")
    )
    _round_trip(engine)
    with engine.connect() as conn:
        for model in SYNCED_MODELS:
            kind = conn.execute(
                text(
                    "SELECT data_type FROM information_schema.columns "
                    "WHERE table_name = :t AND column_name = 'server_xid'"
                ),
                {"t": model.__tablename__},
            ).scalar()
            assert kind == "xid8", model.__tablename__
        jsonb = conn.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'tasks' AND column_name = 'field_hlc'"
            )
        ).scalar()
        assert jsonb == "jsonb"
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'search%'")
            ).scalar()
            == 0
        )
    engine.dispose()


def _triggers(engine: Engine, table: str) -> set[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
            {"t": table},
        )
        return {row[0] for row in rows}


def test_each_step_down_and_up_keeps_the_search_triggers(tmp_path: Path) -> None:
    """Changing a searched table must not rebuild it (a rebuild drops its FTS triggers)."""
    engine = sqlite_engine(tmp_path / "steps.sqlite3")
    migrate.upgrade(engine, "0001_initial")
    initial = _triggers(engine, "tasks")
    assert initial
    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    for previous, revision in itertools.pairwise(revisions):
        migrate.upgrade(engine, revision)
        assert _triggers(engine, "tasks") == initial, revision
        migrate.downgrade(engine, previous)
        assert _triggers(engine, "tasks") == initial, f"down from {revision}"
        migrate.upgrade(engine, revision)
    assert _drift(engine) == []
    engine.dispose()
