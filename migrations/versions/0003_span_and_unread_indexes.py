"""Indexes for the panes' reads: events by span, series, unread messages, account balances.

The span indexes answer "what overlaps these days" from the index alone (the
end is in it, so long-past events are not fetched to be discarded); the unread
index makes the Today pane's unread counts a read of a few index pages.

Revision ID: 0003_span_and_unread_indexes
Revises: 0002_task_uid_reminders
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_span_and_unread_indexes"
down_revision: str | None = "0002_task_uid_reminders"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain CREATE/DROP INDEX (no batch table rebuild, which would drop the search triggers).


def upgrade() -> None:
    op.drop_index("ix_calendar_events_owner_id_start_at", table_name="calendar_events")
    op.drop_index("ix_calendar_events_owner_id_start_date", table_name="calendar_events")
    op.create_index(
        "ix_calendar_events_owner_id_start_at_end_at",
        "calendar_events",
        ["owner_id", "start_at", "end_at"],
    )
    op.create_index(
        "ix_calendar_events_owner_id_start_date_end_date",
        "calendar_events",
        ["owner_id", "start_date", "end_date"],
    )
    op.create_index("ix_calendar_events_owner_id_rrule", "calendar_events", ["owner_id", "rrule"])
    op.create_index(
        "ix_transactions_account_id_deleted_hlc_amount_minor",
        "transactions",
        ["account_id", "deleted_hlc", "amount_minor"],
    )
    op.create_index(
        "ix_messages_owner_id_read_archived_deleted_hlc_platform",
        "messages",
        ["owner_id", "read", "archived", "deleted_hlc", "platform"],
    )


def downgrade() -> None:
    op.drop_index("ix_messages_owner_id_read_archived_deleted_hlc_platform", table_name="messages")
    op.drop_index("ix_transactions_account_id_deleted_hlc_amount_minor", table_name="transactions")
    op.drop_index("ix_calendar_events_owner_id_rrule", table_name="calendar_events")
    op.drop_index("ix_calendar_events_owner_id_start_date_end_date", table_name="calendar_events")
    op.drop_index("ix_calendar_events_owner_id_start_at_end_at", table_name="calendar_events")
    op.create_index(
        "ix_calendar_events_owner_id_start_date", "calendar_events", ["owner_id", "start_date"]
    )
    op.create_index(
        "ix_calendar_events_owner_id_start_at", "calendar_events", ["owner_id", "start_at"]
    )
