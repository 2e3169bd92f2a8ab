"""Task UIDs (iCalendar VTODO re-import) and reminder states (fired, snoozed, dismissed).

Revision ID: 0002_task_uid_reminders
Revises: 0001_initial
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_task_uid_reminders"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "reminder_states",
        sa.Column("item_kind", sa.String(length=8), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("occurrence", sa.String(length=40), nullable=False),
        sa.Column("offset_minutes", sa.SmallInteger(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "item_kind IN ('task', 'event')", name=op.f("ck_reminder_states_item_kind")
        ),
        sa.CheckConstraint(
            "state IN ('fired', 'snoozed', 'dismissed')", name=op.f("ck_reminder_states_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_states")),
    )
    with op.batch_alter_table("reminder_states") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reminder_states_owner_id_item_id"), ["owner_id", "item_id"]
        )
    # A plain ADD COLUMN (no table rebuild), so the search triggers on tasks stay.
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=255), nullable=True))
        batch_op.create_index(batch_op.f("ix_tasks_owner_id_uid"), ["owner_id", "uid"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE reminder_states ADD COLUMN server_xid xid8 NOT NULL "
            "DEFAULT pg_current_xact_id()"
        )
        op.execute(
            "CREATE INDEX ix_reminder_states_server_xid ON reminder_states "
            "(owner_id, server_xid, id)"
        )


def downgrade() -> None:
    op.drop_index("ix_tasks_owner_id_uid", table_name="tasks")
    # Plain DROP COLUMN (SQLite >= 3.35): a batch rebuild would drop the search triggers.
    op.execute("ALTER TABLE tasks DROP COLUMN uid")
    op.drop_table("reminder_states")
