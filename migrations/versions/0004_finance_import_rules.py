"""Statement imports, category rules, ledger columns, workflow runs; search by kind.

New: import batches, category rules, cleaned payees and CSV mappings per account;
a covering index for month totals; and (SQLite) the search index rebuilt with its
`kind` column indexed, so "tasks matching re*" intersects two posting lists
instead of reading the kind of every match (63 -> 19 ms on 100k tasks).
Workflows: trust, the running device, missed runs, one run per trigger event, and
`local_events` (what writes did, for workflow triggers; per device, never synced).

Revision ID: 0004_finance_import_rules
Revises: 0003_span_and_unread_indexes
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_finance_import_rules"
down_revision: str | None = "0003_span_and_unread_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NEW_TABLES = ("category_rules", "import_batches", "transaction_splits", "exchange_rates")
SEARCH_TABLE = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "title, body, kind{kind_option}, ref UNINDEXED, "
    "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
)


def _rebuild_search(kind_option: str) -> None:
    """Recreate the FTS table with the same rows and rowids (search_map keeps pointing right).

    The triggers that keep it current name the table, so they survive the swap.
    """
    op.execute(
        "CREATE TABLE search_copy AS SELECT rowid AS rid, title, body, kind, ref FROM search_index"
    )
    op.execute("DROP TABLE search_index")
    op.execute(SEARCH_TABLE.format(kind_option=kind_option))
    op.execute(
        "INSERT INTO search_index (rowid, title, body, kind, ref) "
        "SELECT rid, title, body, kind, ref FROM search_copy"
    )
    op.execute("DROP TABLE search_copy")


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "category_rules",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("payee_op", sa.String(length=8), nullable=False),
        sa.Column("payee_pattern", sa.String(length=300), nullable=False),
        sa.Column("min_minor", sa.BigInteger(), nullable=True),
        sa.Column("max_minor", sa.BigInteger(), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("rename_to", sa.String(length=300), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.CheckConstraint(
            "payee_op IN ('', 'contains', 'equals', 'regex')",
            name=op.f("ck_category_rules_payee_op"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_rules")),
    )
    op.create_index(
        "ix_category_rules_owner_id_position", "category_rules", ["owner_id", "position"]
    )
    op.create_table(
        "import_batches",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("source_name", sa.String(length=300), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_index(
        "ix_import_batches_owner_id_created_at", "import_batches", ["owner_id", "created_at"]
    )
    op.create_table(
        "transaction_splits",
        sa.Column("transaction_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transaction_splits")),
    )
    op.create_index(
        "ix_transaction_splits_owner_id_transaction_id",
        "transaction_splits",
        ["owner_id", "transaction_id"],
    )
    op.create_table(
        "exchange_rates",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("to_currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.String(length=32), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
    )
    op.create_index("ix_exchange_rates_owner_id_month", "exchange_rates", ["owner_id", "month"])
    # Plain ADD COLUMN (no batch rebuild), so the search triggers on transactions stay.
    op.add_column("accounts", sa.Column("import_mapping", JSON_DOC, nullable=True))
    op.add_column("accounts", sa.Column("reconciled_balance_minor", sa.BigInteger(), nullable=True))
    op.add_column("accounts", sa.Column("reconciled_on", sa.Date(), nullable=True))
    op.add_column("transactions", sa.Column("transfer_peer_id", sa.Uuid(), nullable=True))
    op.add_column(
        "transactions",
        sa.Column("reconciled", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "transactions",
        sa.Column("original_payee", sa.String(length=300), nullable=False, server_default=""),
    )
    op.add_column(
        "transactions",
        sa.Column("category_source", sa.String(length=8), nullable=False, server_default=""),
    )
    op.create_index("ix_transactions_import_batch", "transactions", ["import_batch"])
    # Workflows: trust, the device that runs them, missed runs, one run per trigger event.
    op.add_column(
        "workflows", sa.Column("trusted", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("workflows", sa.Column("run_on_device", sa.Uuid(), nullable=True))
    op.add_column(
        "workflows",
        sa.Column("missed_policy", sa.String(length=8), nullable=False, server_default=""),
    )
    op.add_column("workflows", sa.Column("last_fire_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("workflow_runs", sa.Column("event_key", sa.String(length=300), nullable=True))
    op.create_index(
        "ix_workflow_runs_event", "workflow_runs", ["workflow_id", "event_key"], unique=True
    )
    # Store events for workflow triggers: local to each device, never synced.
    op.create_table(
        "local_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("data", JSON_DOC, nullable=False),
        sa.Column("depth", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_events")),
        sqlite_autoincrement=True,
    )
    # Month totals (the Finance pane's chart of 12 months) read only the index.
    op.drop_index("ix_transactions_owner_id_date", table_name="transactions")
    op.create_index(
        "ix_transactions_month_totals",
        "transactions",
        [
            "owner_id",
            "date",
            "currency",
            "deleted_hlc",
            "transfer_peer_id",
            "amount_minor",
            "category",
            "id",
        ],
    )
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_search(kind_option="")
        # From FTS rowids to the rows' ids without reading each match's text.
        op.execute("CREATE INDEX ix_search_map_fts_rowid ON search_map (fts_rowid)")
    if op.get_bind().dialect.name == "postgresql":
        for table in NEW_TABLES:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN server_xid xid8 NOT NULL "
                "DEFAULT pg_current_xact_id()"
            )
            op.execute(f"CREATE INDEX ix_{table}_server_xid ON {table} (owner_id, server_xid, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP INDEX ix_search_map_fts_rowid")
        _rebuild_search(kind_option=" UNINDEXED")
    op.drop_index(
        "ix_transactions_month_totals",
        table_name="transactions",
    )
    op.create_index("ix_transactions_owner_id_date", "transactions", ["owner_id", "date"])
    op.drop_index("ix_transactions_import_batch", table_name="transactions")
    # Plain DROP COLUMN (SQLite >= 3.35): a batch rebuild would drop the search triggers.
    op.drop_table("local_events")
    op.drop_index("ix_workflow_runs_event", table_name="workflow_runs")
    op.execute("ALTER TABLE workflow_runs DROP COLUMN event_key")
    for column in ("last_fire_at", "missed_policy", "run_on_device", "trusted"):
        op.execute(f"ALTER TABLE workflows DROP COLUMN {column}")
    op.execute("ALTER TABLE transactions DROP COLUMN reconciled")
    op.execute("ALTER TABLE transactions DROP COLUMN transfer_peer_id")
    op.execute("ALTER TABLE accounts DROP COLUMN reconciled_on")
    op.execute("ALTER TABLE accounts DROP COLUMN reconciled_balance_minor")
    op.execute("ALTER TABLE transactions DROP COLUMN category_source")
    op.execute("ALTER TABLE transactions DROP COLUMN original_payee")
    op.execute("ALTER TABLE accounts DROP COLUMN import_mapping")
    op.drop_table("exchange_rates")
    op.drop_table("transaction_splits")
    op.drop_table("import_batches")
    op.drop_table("category_rules")
