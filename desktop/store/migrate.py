"""Schema migrations: one Alembic history for the local SQLite and the server.

Reading the current revision is a plain SQLite query, so a CLI call on an
up-to-date profile never imports Alembic. `HEAD_REVISION` names the newest
migration; a test keeps it equal to Alembic's head.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.config import bundle_root
from desktop.core.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

HEAD_REVISION = "0004_finance_import_rules"
# The Alembic history beside the package, or in the PyInstaller bundle when frozen.
MIGRATIONS_DIR = bundle_root() / "migrations"


# Objects made by raw DDL in the migrations, outside the models: SQLite's FTS5
# index and its triggers, the server's server_xid columns and their indexes.
UNMODELLED_TABLE_PREFIXES = ("search_index", "search_map", "sqlite_")
UNMODELLED_COLUMNS = frozenset({"server_xid"})


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic filter: leave the unmodelled objects out of autogenerate."""
    if type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES):
        return False
    if type_ == "column" and name in UNMODELLED_COLUMNS:
        return False
    return not (type_ == "index" and name and name.endswith("_server_xid"))


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic filter on reflected names: skip the FTS5 tables."""
    return not (type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES))


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at the project's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def sqlite_revision(path: Path) -> str | None:
    """The revision recorded in the SQLite file, None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            row = connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if row is None:
                _refuse_foreign_tables(connection, path)
                return None
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is not a usable Atrium database ({exc}). Atrium has not changed it; "
            "move it away or choose another profile with --data-dir"
        ) from None
    return str(found[0]) if found else None


def _refuse_foreign_tables(connection: sqlite3.Connection, path: Path) -> None:
    """A file with tables but no revision belongs to another program: never migrate it."""
    foreign = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if foreign:
        raise StoreError(
            f"{path} holds another program's database ({foreign} tables, none of them "
            "Atrium's). Atrium has not changed it; move it away or choose another profile "
            "with --data-dir"
        )


def known_revisions() -> set[str]:
    """Every revision of the history (imports Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `engine`'s database."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Run the migrations down to `revision` on `engine`'s database."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def check_revision(path: Path) -> str | None:
    """The file's revision; StoreError when a newer Atrium made it."""
    revision = sqlite_revision(path)
    if revision is not None and revision != HEAD_REVISION and revision not in known_revisions():
        raise StoreError(
            f"the database {path} has schema {revision}, made by a newer Atrium "
            f"(this one knows up to {HEAD_REVISION}); update Atrium to open it"
        )
    return revision
