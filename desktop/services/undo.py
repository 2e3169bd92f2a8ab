"""Undo and redo of recorded writes: apply a change set in reverse in a new unit of work.

Every action run through the catalog records the change set of its commits
(`ActionResult.undo`). `UndoService.revert(changeset)` takes the rows back to
where they were before it and returns, as its value, the change set of that
revert: reverting that one again redoes the original write. Sync columns are
stamped as on any write, so the undo travels to the other devices like an edit.
"""

from __future__ import annotations

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.base import Outcome, ServiceContext
from desktop.store.changeset import ChangeSet, collecting, revert

__all__ = ["AREAS", "ChangeSet", "UndoService", "changes_of"]

# The area of the app each synced table belongs to (what panes refresh after an undo).
AREAS = {
    "tasks": "tasks",
    "calendar_events": "calendar",
    "attendees": "calendar",
    "messages": "inbox",
    "integrations": "integrations",
    "accounts": "finance",
    "transactions": "finance",
    "budgets": "finance",
    "category_rules": "finance",
    "import_batches": "finance",
    "transaction_splits": "finance",
    "exchange_rates": "finance",
    "notes": "notes",
    "note_links": "notes",
    "workflows": "workflows",
    "workflow_runs": "workflows",
    "voice_commands": "voice",
    "agent_logs": "agents",
    "dev_projects": "projects",
    "users": "profile",
    "reminder_states": "reminders",
}


def changes_of(changeset: ChangeSet) -> Changes:
    """The `Changes` areas of the tables a change set touches."""
    return Changes.of(*sorted({AREAS[table] for table in changeset.tables()}))


class UndoService:
    """Reverts recorded change sets."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def revert(self, changeset: ChangeSet, *, verb: str = "undo") -> Outcome[ChangeSet]:
        """Undo `changeset`; the value (also `undo`) is the change set that redoes it.

        `verb` names the operation in errors ("cannot undo", "cannot redo").
        Raises UserError when there is nothing recorded to revert, when the
        change was made in bulk, or when a row was changed since.
        """
        if not changeset.rows:
            raise UserError(f"there is nothing to {verb}")
        with collecting() as recorded, self.ctx.store.unit_of_work() as uow:
            revert(uow, changeset, verb)
            uow.commit()
        redo = recorded.changeset()
        if "users" in changeset.tables():
            self.ctx.forget_zone()  # the profile's time zone may be the one reverted
        return Outcome(redo, changes_of(changeset) | changes_of(redo), redo)
