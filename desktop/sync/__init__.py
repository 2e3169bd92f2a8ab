"""Sync with the shared PostgreSQL server (outbox, push/pull, server SQL): see SYNC.md."""
