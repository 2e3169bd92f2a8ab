"""Statement imports and category rules: import batches, rules, cleaned payees, CSV mappings.

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
NEW_TABLES = ("category_rules", "import_batches")


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
    # Plain ADD COLUMN (no batch rebuild), so the search triggers on transactions stay.
    op.add_column("accounts", sa.Column("import_mapping", JSON_DOC, nullable=True))
    op.add_column(
        "transactions",
        sa.Column("original_payee", sa.String(length=300), nullable=False, server_default=""),
    )
    op.add_column(
        "transactions",
        sa.Column("category_source", sa.String(length=8), nullable=False, server_default=""),
    )
    op.create_index("ix_transactions_import_batch", "transactions", ["import_batch"])
    # Month totals (the Finance pane's chart of 12 months) read only the index.
    op.drop_index("ix_transactions_owner_id_date", table_name="transactions")
    op.create_index(
        "ix_transactions_owner_id_date_currency_deleted_hlc_amount_minor",
        "transactions",
        ["owner_id", "date", "currency", "deleted_hlc", "amount_minor"],
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in NEW_TABLES:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN server_xid xid8 NOT NULL "
                "DEFAULT pg_current_xact_id()"
            )
            op.execute(f"CREATE INDEX ix_{table}_server_xid ON {table} (owner_id, server_xid, id)")


def downgrade() -> None:
    op.drop_index(
        "ix_transactions_owner_id_date_currency_deleted_hlc_amount_minor", table_name="transactions"
    )
    op.create_index("ix_transactions_owner_id_date", "transactions", ["owner_id", "date"])
    op.drop_index("ix_transactions_import_batch", table_name="transactions")
    # Plain DROP COLUMN (SQLite >= 3.35): a batch rebuild would drop the search triggers.
    op.execute("ALTER TABLE transactions DROP COLUMN category_source")
    op.execute("ALTER TABLE transactions DROP COLUMN original_payee")
    op.execute("ALTER TABLE accounts DROP COLUMN import_mapping")
    op.drop_table("import_batches")
    op.drop_table("category_rules")
