"""Initial schema: every entity with its sync columns, FTS5 search (SQLite), server_xid (Postgres).

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

# Tables whose rows the server tracks with server_xid (every synced table).
SYNCED_TABLES = (
    "users",
    "dev_projects",
    "tasks",
    "calendar_events",
    "attendees",
    "messages",
    "integrations",
    "accounts",
    "transactions",
    "budgets",
    "notes",
    "note_links",
    "workflows",
    "workflow_runs",
    "voice_commands",
    "agent_logs",
)

# The local full-text index (SQLite only): table -> (kind, title SQL, body SQL, columns).
# Contentful FTS5 plus a map from row id to FTS rowid, kept by triggers so that
# every write path (services, bulk imports, sync) keeps the index current.
# Tombstoned rows (deleted_hlc set) leave the index; undeleted ones return.
SEARCH_SOURCES = {
    "tasks": ("task", "new.title", "new.notes", "title, notes"),
    "calendar_events": (
        "event",
        "new.title",
        "new.description || ' ' || new.location",
        "title, description, location",
    ),
    "notes": ("note", "new.title", "new.body", "title, body"),
    "messages": (
        "message",
        "new.subject",
        "new.sender || ' ' || new.body_text",
        "subject, sender, body_text",
    ),
    "transactions": (
        "transaction",
        "new.payee",
        "new.memo || ' ' || new.category",
        "payee, memo, category",
    ),
}


def _create_search() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, kind UNINDEXED, ref UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    op.execute(
        "CREATE TABLE search_map (ref TEXT PRIMARY KEY, fts_rowid INTEGER NOT NULL) WITHOUT ROWID"
    )
    for table, (kind, title, body, columns) in SEARCH_SOURCES.items():
        forget = (
            "DELETE FROM search_index WHERE rowid = "
            "(SELECT fts_rowid FROM search_map WHERE ref = old.id); "
            "DELETE FROM search_map WHERE ref = old.id;"
        )
        remember = (
            f"INSERT INTO search_index (title, body, kind, ref) "
            f"SELECT {title}, {body}, '{kind}', new.id WHERE new.deleted_hlc IS NULL; "
            "INSERT INTO search_map (ref, fts_rowid) "
            "SELECT new.id, last_insert_rowid() WHERE new.deleted_hlc IS NULL;"
        )
        op.execute(f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {remember} END")
        op.execute(f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {forget} END")
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {columns}, deleted_hlc "
            f"ON {table} BEGIN {forget} {remember} END"
        )


def _drop_search() -> None:
    for table in SEARCH_SOURCES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_map")
    op.execute("DROP TABLE IF EXISTS search_index")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("opening_balance_minor", sa.BigInteger(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('checking', 'savings', 'credit', 'cash', 'investment')",
            name=op.f("ck_accounts_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    op.create_table(
        "agent_logs",
        sa.Column("agent", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("steps", JSON_DOC, nullable=False),
        sa.Column("output", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("input_tokens", sa.Integer(), nullable=False),
        sa.Column("output_tokens", sa.Integer(), nullable=False),
        sa.Column("cost_micros", sa.BigInteger(), nullable=False),
        sa.Column("latency_ms", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_logs")),
    )
    with op.batch_alter_table("agent_logs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agent_logs_owner_id_started_at"),
            ["owner_id", "started_at"],
            unique=False,
        )

    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "attendees",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("response", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "response IN ('needs-action', 'accepted', 'declined', 'tentative')",
            name=op.f("ck_attendees_response"),
        ),
        sa.CheckConstraint(
            "role IN ('chair', 'required', 'optional')", name=op.f("ck_attendees_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendees")),
    )
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendees_owner_id_event_id"), ["owner_id", "event_id"], unique=False
        )

    op.create_table(
        "budgets",
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budgets")),
    )
    with op.batch_alter_table("budgets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budgets_owner_id_month"), ["owner_id", "month"], unique=False
        )

    op.create_table(
        "calendar_events",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("rrule", sa.String(length=500), nullable=True),
        sa.Column("exdates", JSON_DOC, nullable=False),
        sa.Column("rdates", JSON_DOC, nullable=False),
        sa.Column("series_id", sa.Uuid(), nullable=True),
        sa.Column("recurrence_id", sa.String(length=40), nullable=True),
        sa.Column("transparency", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reminders", JSON_DOC, nullable=False),
        sa.Column("uid", sa.String(length=255), nullable=True),
        sa.Column("calendar", sa.String(length=100), nullable=False),
        sa.Column("integration_id", sa.Uuid(), nullable=True),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('confirmed', 'tentative', 'cancelled')",
            name=op.f("ck_calendar_events_status"),
        ),
        sa.CheckConstraint(
            "transparency IN ('opaque', 'transparent')",
            name=op.f("ck_calendar_events_transparency"),
        ),
        sa.CheckConstraint(
            "(all_day AND start_date IS NOT NULL AND end_date IS NOT NULL) OR (NOT all_day AND start_at IS NOT NULL AND end_at IS NOT NULL)",
            name=op.f("ck_calendar_events_span"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_events")),
    )
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_events_owner_id_series_id"),
            ["owner_id", "series_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_calendar_events_owner_id_start_at"),
            ["owner_id", "start_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_calendar_events_owner_id_start_date"),
            ["owner_id", "start_date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_calendar_events_owner_id_uid"), ["owner_id", "uid"], unique=False
        )

    op.create_table(
        "dev_projects",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("repository_url", sa.String(length=500), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=True),
        sa.Column("links", JSON_DOC, nullable=False),
        sa.Column("integration_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dev_projects")),
    )
    op.create_table(
        "integrations",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("account", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("settings", JSON_DOC, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('connected', 'needs_auth', 'error', 'disabled')",
            name=op.f("ck_integrations_state"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrations")),
    )
    op.create_table(
        "messages",
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=500), nullable=True),
        sa.Column("thread_id", sa.String(length=500), nullable=True),
        sa.Column("sender", sa.String(length=500), nullable=False),
        sa.Column("sender_address", sa.String(length=320), nullable=False),
        sa.Column("recipients", JSON_DOC, nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read", sa.Boolean(), nullable=False),
        sa.Column("starred", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("labels", JSON_DOC, nullable=False),
        sa.Column("channel", sa.String(length=200), nullable=True),
        sa.Column("integration_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_messages_owner_id_platform_external_id"),
            ["owner_id", "platform", "external_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_messages_owner_id_received_at"),
            ["owner_id", "received_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_messages_owner_id_thread_id"), ["owner_id", "thread_id"], unique=False
        )

    op.create_table(
        "note_links",
        sa.Column("note_id", sa.Uuid(), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "target_kind IN ('task', 'event', 'project', 'message', 'note')",
            name=op.f("ck_note_links_target_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_links")),
    )
    with op.batch_alter_table("note_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_note_links_owner_id_note_id"), ["owner_id", "note_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_note_links_owner_id_target_id"), ["owner_id", "target_id"], unique=False
        )

    op.create_table(
        "notes",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", JSON_DOC, nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    op.create_table(
        "tasks",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("estimate_minutes", sa.Integer(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("tags", JSON_DOC, nullable=False),
        sa.Column("sort_key", sa.String(length=64), nullable=False),
        sa.Column("recurrence", sa.String(length=500), nullable=True),
        sa.Column("repeat_from", sa.String(length=16), nullable=False),
        sa.Column("reminders", JSON_DOC, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('todo', 'in_progress', 'done', 'cancelled')", name=op.f("ck_tasks_status")
        ),
        sa.CheckConstraint("due_date IS NULL OR due_at IS NULL", name=op.f("ck_tasks_one_due")),
        sa.CheckConstraint("priority BETWEEN 0 AND 3", name=op.f("ck_tasks_priority")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tasks_owner_id_due_at"), ["owner_id", "due_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tasks_owner_id_due_date"), ["owner_id", "due_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tasks_owner_id_parent_id"), ["owner_id", "parent_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tasks_owner_id_project_id"), ["owner_id", "project_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tasks_owner_id_status_sort_key"),
            ["owner_id", "status", "sort_key"],
            unique=False,
        )

    op.create_table(
        "transactions",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("payee", sa.String(length=300), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("bank_transaction_id", sa.String(length=255), nullable=True),
        sa.Column("import_batch", sa.String(length=64), nullable=True),
        sa.Column("cleared", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transactions")),
    )
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transactions_owner_id_account_id_date"),
            ["owner_id", "account_id", "date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_transactions_owner_id_bank_transaction_id"),
            ["owner_id", "bank_transaction_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_transactions_owner_id_category_date"),
            ["owner_id", "category", "date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_transactions_owner_id_date"), ["owner_id", "date"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=35), nullable=False),
        sa.Column("preferences", JSON_DOC, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_table(
        "voice_commands",
        sa.Column("phrase", sa.String(length=300), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("arguments", JSON_DOC, nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("usage_count", sa.Integer(), nullable=False),
        sa.Column("success_count", sa.Integer(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voice_commands")),
    )
    op.create_table(
        "workflow_runs",
        sa.Column("workflow_id", sa.Uuid(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("trigger_event", JSON_DOC, nullable=False),
        sa.Column("trace", JSON_DOC, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_runs")),
    )
    with op.batch_alter_table("workflow_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workflow_runs_owner_id_workflow_id_started_at"),
            ["owner_id", "workflow_id", "started_at"],
            unique=False,
        )

    op.create_table(
        "workflows",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("trigger", JSON_DOC, nullable=False),
        sa.Column("conditions", JSON_DOC, nullable=False),
        sa.Column("steps", JSON_DOC, nullable=False),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("run_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field_hlc", JSON_DOC, nullable=False),
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflows")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _create_search()
    elif dialect == "postgresql":
        for table in SYNCED_TABLES:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN server_xid xid8 NOT NULL "
                "DEFAULT pg_current_xact_id()"
            )
            op.execute(f"CREATE INDEX ix_{table}_server_xid ON {table} (owner_id, server_xid, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_search()
    op.drop_table("workflows")
    with op.batch_alter_table("workflow_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workflow_runs_owner_id_workflow_id_started_at"))

    op.drop_table("workflow_runs")
    op.drop_table("voice_commands")
    op.drop_table("users")
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transactions_owner_id_date"))
        batch_op.drop_index(batch_op.f("ix_transactions_owner_id_category_date"))
        batch_op.drop_index(batch_op.f("ix_transactions_owner_id_bank_transaction_id"))
        batch_op.drop_index(batch_op.f("ix_transactions_owner_id_account_id_date"))

    op.drop_table("transactions")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_owner_id_status_sort_key"))
        batch_op.drop_index(batch_op.f("ix_tasks_owner_id_project_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_owner_id_parent_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_owner_id_due_date"))
        batch_op.drop_index(batch_op.f("ix_tasks_owner_id_due_at"))

    op.drop_table("tasks")
    op.drop_table("notes")
    with op.batch_alter_table("note_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_links_owner_id_target_id"))
        batch_op.drop_index(batch_op.f("ix_note_links_owner_id_note_id"))

    op.drop_table("note_links")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_messages_owner_id_thread_id"))
        batch_op.drop_index(batch_op.f("ix_messages_owner_id_received_at"))
        batch_op.drop_index(batch_op.f("ix_messages_owner_id_platform_external_id"))

    op.drop_table("messages")
    op.drop_table("integrations")
    op.drop_table("dev_projects")
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_events_owner_id_uid"))
        batch_op.drop_index(batch_op.f("ix_calendar_events_owner_id_start_date"))
        batch_op.drop_index(batch_op.f("ix_calendar_events_owner_id_start_at"))
        batch_op.drop_index(batch_op.f("ix_calendar_events_owner_id_series_id"))

    op.drop_table("calendar_events")
    with op.batch_alter_table("budgets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budgets_owner_id_month"))

    op.drop_table("budgets")
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendees_owner_id_event_id"))

    op.drop_table("attendees")
    op.drop_table("app_meta")
    with op.batch_alter_table("agent_logs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agent_logs_owner_id_started_at"))

    op.drop_table("agent_logs")
    op.drop_table("accounts")
