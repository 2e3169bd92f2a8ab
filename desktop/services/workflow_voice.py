"""Voice-triggered workflows as voice commands: the phrase runs the workflow.

`sync_voice_commands(ctx)` makes the `voice_commands` rows agree with the workflows:
every enabled, live workflow with a voice trigger has one command (phrase -> action
"run_workflow" with {"id": <workflow id>}), and a command made for a workflow that is
disabled, deleted or no longer voice-triggered is deleted. A command's id comes from
its workflow's (`natural_id`), so two synced devices that both do this make the same
row, and commands the user made by hand are never touched. It is idempotent: call it
after any change to workflows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from desktop.core.ids import natural_id
from desktop.services.base import ServiceContext
from desktop.services.workflow_timing import trigger_of
from desktop.store.models import VoiceCommand, Workflow

ACTION = "run_workflow"


@dataclass(frozen=True)
class VoiceSync:
    """What one sync did to the voice commands."""

    added: int = 0
    changed: int = 0
    removed: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def command_id(owner_id: uuid.UUID, workflow_id: uuid.UUID) -> uuid.UUID:
    """The id of the voice command of a workflow: the same on every device."""
    return natural_id(owner_id, "workflow-voice", workflow_id)


def sync_voice_commands(
    ctx: ServiceContext, workflows: Iterable[Workflow] | None = None
) -> VoiceSync:
    """Add, change and remove workflow voice commands so they match the workflows
    (`workflows`: the rows to look at; by default every workflow of the user)."""
    store = ctx.store
    with store.unit_of_work() as uow:
        session = uow.s
        rows = (
            list(workflows)
            if workflows is not None
            else session.scalars(select(Workflow).where(Workflow.owner_id == store.user_id)).all()
        )
        wanted: dict[uuid.UUID, tuple[str, uuid.UUID]] = {}
        for row in rows:
            trigger = trigger_of(row.trigger)
            live = row.deleted_hlc is None and row.enabled
            if live and trigger is not None and trigger.kind == "voice" and trigger.phrase:
                wanted[command_id(store.user_id, row.id)] = (trigger.phrase, row.id)
        considered = {command_id(store.user_id, row.id) for row in rows}
        existing = {
            command.id: command
            for command in session.scalars(
                select(VoiceCommand).where(VoiceCommand.id.in_(considered))
            )
        }
        added = changed = removed = 0
        for ident, (phrase, workflow_id) in wanted.items():
            arguments = {"id": str(workflow_id)}
            command = existing.get(ident)
            if command is None:
                session.add(
                    VoiceCommand(id=ident, phrase=phrase, action=ACTION, arguments=arguments)
                )
                added += 1
            elif command.deleted_hlc is not None or (command.phrase, command.enabled) != (
                phrase,
                True,
            ):
                command.deleted_hlc = None
                command.phrase, command.action, command.arguments = phrase, ACTION, arguments
                command.enabled = True
                changed += 1
        for ident, command in existing.items():
            if ident not in wanted and command.deleted_hlc is None:
                uow.tombstone(command)
                removed += 1
        if added or changed or removed:
            uow.commit()
    return VoiceSync(added, changed, removed)
