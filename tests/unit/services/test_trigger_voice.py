"""Voice-triggered workflows register a voice command that runs them, and only while enabled."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from desktop.services.container import Services
from desktop.services.workflow_voice import ACTION, command_id, sync_voice_commands
from desktop.store.models import VoiceCommand


def voiced(services: Services, phrase: str) -> uuid.UUID:
    return services.workflows.add(
        {
            "name": f"Say {phrase}",
            "trigger": {"kind": "voice", "phrase": phrase},
            "steps": [{"kind": "notify", "args": {"text": "heard"}}],
        }
    ).value.id


def live_commands(services: Services) -> list[tuple[str, str, dict[str, str]]]:
    with services.store.read() as session:
        rows = session.scalars(
            select(VoiceCommand)
            .where(VoiceCommand.deleted_hlc.is_(None))
            .order_by(VoiceCommand.phrase)
        ).all()
        return [(row.phrase, row.action, dict(row.arguments)) for row in rows]


def test_a_voice_workflow_gets_a_command_that_runs_it(services: Services) -> None:
    ident = voiced(services, "good night")
    services.workflows.add(
        {"name": "By hand", "trigger": {"kind": "manual"}, "steps": [{"kind": "stop"}]}
    )
    first = sync_voice_commands(services.ctx)
    assert (first.added, first.changed, first.removed) == (1, 0, 0)
    assert live_commands(services) == [("good night", ACTION, {"id": str(ident)})]
    assert not sync_voice_commands(services.ctx)  # nothing more to do


def test_changing_disabling_and_deleting_follow_the_workflow(services: Services) -> None:
    ident = voiced(services, "lights off")
    sync_voice_commands(services.ctx)
    definition = services.workflows.get(ident).definition
    services.workflows.update(ident, {**definition, "trigger": {"kind": "voice", "phrase": "dark"}})
    assert sync_voice_commands(services.ctx).changed == 1
    assert [phrase for phrase, _, _ in live_commands(services)] == ["dark"]
    services.workflows.set_enabled(ident, False)
    assert sync_voice_commands(services.ctx).removed == 1
    assert live_commands(services) == []
    services.workflows.set_enabled(ident, True)
    assert sync_voice_commands(services.ctx).changed == 1  # the same row comes back
    services.workflows.delete(ident)
    sync_voice_commands(services.ctx)
    assert live_commands(services) == []


def test_commands_made_by_hand_are_left_alone(services: Services) -> None:
    services.records.add_voice_command("open inbox", "list_messages", {})
    ident = voiced(services, "weekly review")
    sync_voice_commands(services.ctx)
    services.workflows.delete(ident)
    sync_voice_commands(services.ctx)
    assert [phrase for phrase, _, _ in live_commands(services)] == ["open inbox"]


def test_the_command_id_is_the_same_on_every_device() -> None:
    owner, workflow = uuid.uuid4(), uuid.uuid4()
    assert command_id(owner, workflow) == command_id(owner, workflow)
    assert command_id(owner, workflow) != command_id(owner, uuid.uuid4())
