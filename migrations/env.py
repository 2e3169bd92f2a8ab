"""Alembic environment: one history for the local SQLite and the shared Postgres.

The connection is passed in by `desktop.store.migrate` (config attribute
"connection"), or made from ``sqlalchemy.url`` for the plain `alembic` CLI.
Objects that only one side has (SQLite's FTS5 index, Postgres' server columns)
are outside the models and are left out of autogenerate comparisons.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from desktop.store.migrate import include_name, include_object
from desktop.store.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        include_name=include_name,
        compare_type=True,
        compare_server_default=False,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
