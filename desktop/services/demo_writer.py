"""Multi-row INSERTs for the demo seeder: SQLAlchemy's SQL and conversions, a thousand rows
a statement (see `BulkWriter`)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Dialect, Table, insert

from desktop.store.models import Base

MAX_PARAMETERS = 32_000  # SQLite allows 32,766 bound parameters per statement
Row = dict[str, Any]


class BulkWriter:
    """Multi-row INSERT statements for one table, with SQLAlchemy's SQL and conversions.

    SQLite opens a statement savepoint for each INSERT that fires triggers, and FTS5
    flushes its pending index data at every savepoint: one row per statement writes
    one tiny index segment per row and is four times slower. So each statement
    carries about a thousand rows. The SQL is compiled by SQLAlchemy from the model's
    table and every value goes through its column type's own bind processor, so the
    stored text is exactly what an ORM write stores.
    """

    def __init__(self, table: Table, dialect: Dialect) -> None:
        compiled = insert(table).compile(dialect=dialect)
        head, _, values = str(compiled).partition(" VALUES ")
        self.head, self.values = head + " VALUES ", values
        self.keys = list(compiled.positiontup or ())
        self.processors = [
            table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in self.keys
        ]
        # A column the seeder does not fill takes its scalar default (None when it has none).
        self.defaults = {key: _scalar_default(table.c[key]) for key in self.keys}
        self.rows_per_statement = max(1, min(1000, MAX_PARAMETERS // len(self.keys)))
        self._sql: dict[int, str] = {}

    def write(self, connection: Connection, rows: list[Row]) -> None:
        plan = list(zip(self.keys, self.processors, strict=True))
        defaults = self.defaults
        step = self.rows_per_statement
        for start in range(0, len(rows), step):
            batch = rows[start : start + step]
            params = [
                value if convert is None else convert(value)
                for row in batch
                for key, convert in plan
                for value in (row[key] if key in row else defaults[key],)
            ]
            connection.exec_driver_sql(self._statement(len(batch)), tuple(params))

    def _statement(self, count: int) -> str:
        sql = self._sql.get(count)
        if sql is None:
            sql = self._sql[count] = self.head + ", ".join([self.values] * count)
        return sql


def _scalar_default(column: Any) -> Any:
    """What a column not given in a row takes: its scalar default, or None."""
    default = column.default
    return default.arg if default is not None and default.is_scalar else None


def table_of(model: type[Base]) -> Table:
    """The Core table of an ORM model."""
    return cast(Table, model.__table__)
