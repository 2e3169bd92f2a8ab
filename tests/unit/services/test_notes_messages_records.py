"""Notes, the inbox, the profile and the record-only areas over a real SQLite store."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import natural_id
from desktop.services.container import Services
from desktop.services.messages import IncomingMessage
from desktop.store.models import AgentLog, Integration, Message, Note, NoteLink
from desktop.store.profile import Store
from tests.conftest import FakeClock

NOTES_ONLY = Changes(notes=True)
INBOX_ONLY = Changes(inbox=True)


# -- notes -----------------------------------------------------------------------------


def test_note_add_get_update(services: Services, store: Store, clock: FakeClock) -> None:
    target = uuid.uuid4()
    outcome = services.notes.add(
        " Meeting ", "# Agenda\n\n- budget", ["#Work", "work", "q1"], links=[("task", str(target))]
    )
    assert outcome.changes == NOTES_ONLY
    note = outcome.value
    assert (note.title, note.body, note.tags, note.pinned) == (
        "Meeting",
        "# Agenda\n\n- budget",
        ("Work", "q1"),
        False,
    )
    assert [(link.target_kind, link.target_id) for link in note.links] == [("task", target)]
    assert note.created_at == note.updated_at == clock.current
    assert services.notes.get(str(note.id)) == note

    clock.advance(hours=1)
    updated = services.notes.update(note.id, body="new body", pinned=True)
    assert updated.changes == NOTES_ONLY
    assert (updated.value.title, updated.value.body, updated.value.pinned) == (
        "Meeting",
        "new body",
        True,
    )
    assert updated.value.tags == ("Work", "q1")
    assert updated.value.links == note.links
    assert updated.value.updated_at == clock.current
    services.notes.update(note.id, title="Renamed", tags=[])
    assert (services.notes.get(note.id).title, services.notes.get(note.id).tags) == ("Renamed", ())
    with store.read() as session:
        row = session.get(Note, note.id)
        assert row is not None
        assert row.owner_id == store.user_id
        assert row.field_hlc["body"] > row.field_hlc["archived"]


def test_note_validation(services: Services) -> None:
    with pytest.raises(UserError, match="title cannot be empty"):
        services.notes.add("  ")
    with pytest.raises(UserError, match="is not a tag"):
        services.notes.add("Note", tags=["two words"])
    with pytest.raises(UserError, match="'calendar' cannot be linked; use one of task, event"):
        services.notes.add("Note", links=[("calendar", str(uuid.uuid4()))])
    with pytest.raises(UserError, match="'abc' is not a task id"):
        services.notes.add("Note", links=[("task", "abc")])
    assert services.notes.list() == []  # a bad link leaves no half-made note
    note = services.notes.add("Note").value
    with pytest.raises(UserError, match="title cannot be empty"):
        services.notes.update(note.id, title="")
    with pytest.raises(NotFoundError, match="there is no note"):
        services.notes.update(uuid.uuid4(), title="x")


def test_note_links(services: Services) -> None:
    note = services.notes.add("Research").value
    event_id, project_id = uuid.uuid4(), uuid.uuid4()
    linked = services.notes.link(note.id, "event", str(event_id))
    assert linked.changes == NOTES_ONLY
    services.notes.link(note.id, "project", str(project_id))
    assert sorted(
        (link.target_kind, link.target_id) for link in services.notes.get(note.id).links
    ) == sorted([("event", event_id), ("project", project_id)])
    with pytest.raises(UserError, match="cannot be linked"):
        services.notes.link(note.id, "person", str(uuid.uuid4()))
    with pytest.raises(NotFoundError):
        services.notes.link(uuid.uuid4(), "event", str(event_id))


def test_note_list_order_and_tag_filter(services: Services, clock: FakeClock) -> None:
    older = services.notes.add("older", tags=["Recipe"]).value
    clock.advance(minutes=1)
    services.notes.add("newer", tags=["idea"])
    clock.advance(minutes=1)
    services.notes.add("newest")
    assert [n.title for n in services.notes.list()] == ["newest", "newer", "older"]
    clock.advance(minutes=1)
    services.notes.update(older.id, pinned=True)
    assert [n.title for n in services.notes.list()] == ["older", "newest", "newer"]
    assert [n.title for n in services.notes.list(tag="recipe")] == ["older"]
    assert [n.title for n in services.notes.list(tag="#IDEA")] == ["newer"]
    assert services.notes.list(tag="none") == []
    assert [n.title for n in services.notes.list(limit=2)] == ["older", "newest"]


def test_note_delete_tombstones_the_note_and_its_links(services: Services, store: Store) -> None:
    note = services.notes.add(
        "Doomed", links=[("task", str(uuid.uuid4())), ("note", str(uuid.uuid4()))]
    ).value
    kept = services.notes.add("Kept", links=[("event", str(uuid.uuid4()))]).value
    outcome = services.notes.delete(note.id)
    assert outcome.value == 1
    assert outcome.changes == NOTES_ONLY
    with pytest.raises(NotFoundError):
        services.notes.get(note.id)
    assert [n.title for n in services.notes.list()] == ["Kept"]
    with store.read() as session:
        row = session.get(Note, note.id)
        assert row is not None
        assert row.deleted_hlc is not None
        links = session.scalars(select(NoteLink)).all()
    assert sorted((link.note_id == note.id, link.deleted_hlc is not None) for link in links) == [
        (False, False),
        (True, True),
        (True, True),
    ]
    assert len(services.notes.get(kept.id).links) == 1
    with pytest.raises(NotFoundError):
        services.notes.delete(note.id)


# -- messages --------------------------------------------------------------------------


def mail(external_id: str | None = None, **fields: object) -> IncomingMessage:
    values: dict[str, object] = {
        "platform": "email",
        "sender": "Ann <ann@example.com>",
        "subject": "Hello",
        "body_text": "Hi there,\n\n  how are you?",
    }
    values.update(fields)
    return IncomingMessage(external_id=external_id, **values)  # type: ignore[arg-type]


def test_receive_stores_a_message(services: Services, store: Store, clock: FakeClock) -> None:
    outcome = services.messages.receive(
        mail(
            "<1@example.com>",
            sender_address="ann@example.com",
            thread_id="t1",
            recipients=("me@example.com",),
        )
    )
    assert outcome.changes == INBOX_ONLY
    message = outcome.value
    assert message.id == natural_id(store.user_id, "message", "email", "<1@example.com>")
    assert (message.platform, message.sender, message.subject, message.thread_id) == (
        "email",
        "Ann <ann@example.com>",
        "Hello",
        "t1",
    )
    assert message.snippet == "Hi there, how are you?"
    assert message.received_at == clock.current
    assert (message.read, message.starred, message.archived) == (False, False, False)
    assert services.messages.list() == [message]


def test_receive_same_external_id_updates_one_row(services: Services, store: Store) -> None:
    first = services.messages.receive(mail("abc", subject="Draft")).value
    services.messages.mark(str(first.id), read=True)
    second = services.messages.receive(mail("abc", subject="Final")).value
    assert second.id == first.id
    assert second.subject == "Final"
    assert second.read  # what the user did to it is kept
    # The same id on another platform is another message.
    slack = services.messages.receive(mail("abc", platform="slack")).value
    assert slack.id != first.id
    # Messages without an external id never merge.
    services.messages.receive(mail(None))
    services.messages.receive(mail(None))
    with store.read() as session:
        assert len(session.scalars(select(Message)).all()) == 4
    assert [m.subject for m in services.messages.list(platform="email")].count("Final") == 1


def test_receive_validation(services: Services) -> None:
    with pytest.raises(UserError, match="'fax' is not a platform"):
        services.messages.receive(mail("x", platform="fax"))
    with pytest.raises(UserError, match="sender cannot be empty"):
        services.messages.receive(mail("x", sender=" "))
    assert services.messages.list() == []


def test_message_list_filters_and_marks(services: Services, clock: FakeClock) -> None:
    base = clock.current
    old = services.messages.receive(mail("1", subject="old", received_at=base - timedelta(days=2)))
    services.messages.receive(
        mail("2", subject="mid", platform="slack", received_at=base - timedelta(days=1))
    )
    new = services.messages.receive(mail("3", subject="new", received_at=base))
    old_id, new_id = str(old.value.id), str(new.value.id)

    def subjects(**kwargs: object) -> list[str]:
        return [m.subject for m in services.messages.list(**kwargs)]  # type: ignore[arg-type]

    assert subjects() == ["new", "mid", "old"]
    assert services.messages.unread_by_platform() == {"email": 2, "slack": 1}

    marked = services.messages.mark(new_id, read=True, starred=True)
    assert marked.changes == INBOX_ONLY
    assert (marked.value.read, marked.value.starred) == (True, True)
    assert subjects(unread=True) == ["mid", "old"]
    assert services.messages.unread_by_platform() == {"email": 1, "slack": 1}

    services.messages.mark(old_id, archived=True)
    assert subjects() == ["new", "mid"]
    assert subjects(include_archived=True) == ["new", "mid", "old"]
    assert subjects(unread=True) == ["mid"]
    assert subjects(platform="email") == ["new"]
    assert subjects(limit=1) == ["new"]
    assert services.messages.unread_by_platform() == {"slack": 1}

    services.messages.mark(new_id, read=False)  # back to unread, still starred
    view = services.messages.list(platform="email")[0]
    assert (view.read, view.starred) == (False, True)
    services.messages.mark(old_id, archived=False)
    assert subjects() == ["new", "mid", "old"]
    with pytest.raises(UserError, match="not a platform"):
        services.messages.list(platform="carrier pigeon")
    with pytest.raises(NotFoundError):
        services.messages.mark(str(uuid.uuid4()), read=True)


# -- profile ---------------------------------------------------------------------------


def test_profile_update(services: Services, store: Store) -> None:
    profile = services.profile.get()
    assert profile.id == store.user_id
    outcome = services.profile.update(
        display_name=" Ann ",
        email="ann@example.com",
        time_zone="America/New_York",
        locale="en_GB",
        preferences={"currency": "EUR"},
    )
    assert outcome.changes == Changes(profile=True)
    services.profile.update(preferences={"week_start": "monday"})
    profile = services.profile.get()
    assert (profile.display_name, profile.email, profile.time_zone, profile.locale) == (
        "Ann",
        "ann@example.com",
        "America/New_York",
        "en_GB",
    )
    assert profile.preferences == {"currency": "EUR", "week_start": "monday"}
    services.profile.update(email="")
    assert services.profile.get().email is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"time_zone": "Europe/Berlinn"}, "'Europe/Berlinn' is not a time zone"),
        ({"time_zone": ":Europe/Berlin"}, "is not a time zone"),
        ({"time_zone": "/usr/share/zoneinfo/Europe/Berlin"}, "is not a time zone"),
        ({"time_zone": ""}, "is not a time zone"),
        ({"email": "ann at example.com"}, "is not an email address"),
        ({"display_name": "  "}, "name cannot be empty"),
        ({"locale": " "}, "locale cannot be empty"),
    ],
)
def test_profile_update_rejects(services: Services, fields: dict[str, str], message: str) -> None:
    before = services.profile.get()
    with pytest.raises(UserError, match=message):
        services.profile.update(**{"locale": "de_DE", **fields})  # type: ignore[arg-type]
    assert services.profile.get() == before


def test_profile_zone_is_the_default_zone(store: Store) -> None:
    Services(store).profile.update(time_zone="Asia/Tokyo")
    assert Services(store).ctx.zone.key == "Asia/Tokyo"
    assert Services(store, "Europe/Berlin").ctx.zone.key == "Europe/Berlin"  # the override wins


def test_changing_the_profile_zone_changes_the_services_zone(store: Store) -> None:
    services = Services(store)
    services.profile.update(time_zone="Asia/Tokyo")
    assert services.ctx.zone.key == "Asia/Tokyo"
    services.profile.update(time_zone="America/New_York")
    assert services.ctx.zone.key == "America/New_York"


# -- projects, workflows, voice commands, agent logs, integrations ---------------------


def test_projects(services: Services, store: Store) -> None:
    outcome = services.records.add_project(
        "Website", repository_url="https://github.com/o/site", description="the site"
    )
    assert outcome.changes == Changes(projects=True)
    site = outcome.value
    assert (site.name, site.repository_url, site.description, site.status) == (
        "Website",
        "https://github.com/o/site",
        "the site",
        "active",
    )
    services.records.add_project("App", repository_url="git@github.com:o/app.git")
    assert [p.name for p in services.records.projects()] == ["App", "Website"]
    with pytest.raises(UserError, match="'ftp://x' is not a repository URL"):
        services.records.add_project("Bad", repository_url="ftp://x")
    with pytest.raises(UserError, match="project name cannot be empty"):
        services.records.add_project(" ")
    deleted = services.records.delete("project", str(site.id))
    assert deleted.value == 1
    assert deleted.changes == Changes(projects=True)
    assert [p.name for p in services.records.projects()] == ["App"]
    with pytest.raises(NotFoundError, match="there is no project"):
        services.records.delete("project", str(site.id))


def test_voice_commands(services: Services) -> None:
    outcome = services.records.add_voice_command(
        "  What's DUE today ", "list_tasks", {"due_before": "tomorrow"}
    )
    assert outcome.changes == Changes(voice=True)
    command = outcome.value
    assert (command.phrase, command.action, command.arguments) == (
        "what's due today",
        "list_tasks",
        {"due_before": "tomorrow"},
    )
    assert (command.enabled, command.usage_count, command.success_count) == (True, 0, 0)
    services.records.add_voice_command("add a task", "add_task")
    assert [c.phrase for c in services.records.voice_commands()] == [
        "add a task",
        "what's due today",
    ]
    with pytest.raises(UserError, match=r"there is no action named 'tasks\.add'"):
        services.records.add_voice_command("new task", "tasks.add")
    with pytest.raises(UserError, match="phrase cannot be empty"):
        services.records.add_voice_command(" ", "add_task")
    assert services.records.delete("voice_command", str(command.id)).changes == Changes(voice=True)
    assert [c.phrase for c in services.records.voice_commands()] == ["add a task"]


def test_agent_logs_and_integrations(services: Services, store: Store, clock: FakeClock) -> None:
    with store.unit_of_work() as uow:
        for minutes, agent in ((0, "planner"), (5, "inbox")):
            uow.s.add(
                AgentLog(
                    agent=agent,
                    provider="offline",
                    model="rules",
                    prompt="plan",
                    started_at=clock.current + timedelta(minutes=minutes),
                )
            )
        uow.s.add(
            Integration(
                kind="gmail",
                account="me@example.com",
                display_name="Gmail",
                state="connected",
                last_sync_at=datetime(2026, 3, 4, tzinfo=UTC),
            )
        )
        uow.commit()
    logs = services.records.agent_logs()
    assert [log.agent for log in logs] == ["inbox", "planner"]
    assert [log.agent for log in services.records.agent_logs(limit=1)] == ["inbox"]
    (gmail,) = services.records.integrations()
    assert (gmail.kind, gmail.account, gmail.state, gmail.error_count) == (
        "gmail",
        "me@example.com",
        "connected",
        0,
    )
    assert services.records.delete("agent_log", str(logs[0].id)).changes == Changes(agents=True)
    assert [log.agent for log in services.records.agent_logs()] == ["planner"]
    assert services.records.delete("integration", str(gmail.id)).changes == Changes(
        integrations=True
    )
    assert services.records.integrations() == []


def test_records_delete_errors(services: Services) -> None:
    with pytest.raises(UserError, match="'task' records cannot be deleted here"):
        services.records.delete("task", str(uuid.uuid4()))
    with pytest.raises(UserError, match="is not a workflow id"):
        services.records.delete("workflow", "nope")
    with pytest.raises(NotFoundError):
        services.records.delete("voice_command", str(uuid.uuid4()))
