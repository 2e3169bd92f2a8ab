"""Reply drafts and the outbox: where they land, what they hold, what is refused, undo."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from desktop.core.errors import NotFoundError, UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.message_drafts import reply_subject
from desktop.services.messages import IncomingMessage
from desktop.store.models import Message

CATALOG = default_catalog()


def call(services: Services, name: str, **args: Any) -> Any:
    return CATALOG.call(services, name, args)


def row(services: Services, ident: uuid.UUID) -> Message:
    with services.store.read() as session:
        found = session.scalar(select(Message).where(Message.id == ident))
        assert found is not None
        return found


@pytest.fixture
def original(services: Services) -> str:
    services.profile.update(email="me@example.com")
    received = services.messages.receive(
        IncomingMessage(
            "email",
            "Ann Example",
            subject="Budget for May",
            body_text="Can you send the numbers?",
            sender_address="ann@example.com",
            thread_id="thread-42",
            external_id="<m1@example.com>",
        )
    )
    return str(received.value.id)


def test_a_draft_reply_lands_in_the_thread_addressed_to_the_sender(
    services: Services, original: str
) -> None:
    result = call(services, "draft_reply", message_id=original, body="Here they are.")
    draft = row(services, result.value.id)
    assert (draft.platform, draft.thread_id, draft.subject) == (
        "email",
        "thread-42",
        "Re: Budget for May",
    )
    assert (draft.sender, draft.sender_address, draft.recipients) == (
        "me",
        "me@example.com",
        ["ann@example.com"],
    )
    assert (draft.labels, draft.read, draft.body_text) == (["draft"], True, "Here they are.")
    assert draft.received_at == services.ctx.now()
    assert result.changes.inbox
    assert result.undo is not None
    services.undo.revert(result.undo)
    assert [m.subject for m in services.messages.list()] == ["Budget for May"]


def test_send_queues_in_the_outbox(services: Services) -> None:
    result = call(
        services,
        "send_message",
        to=["bob@example.com, carol@example.com", "BOB@example.com"],
        subject="Plan",
        body="See the plan.",
        thread="thread-7",
    )
    sent = row(services, result.value.id)
    assert sent.recipients == ["bob@example.com", "carol@example.com"]
    assert (sent.labels, sent.thread_id, sent.platform) == (["outbox"], "thread-7", "email")
    assert CATALOG.get("send_message").risk == "outbound"
    assert "connector sends it" in CATALOG.get("send_message").description


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"to": ["not an address"], "body": "x"}, "'not an address' is not an email address"),
        ({"to": [" , "], "body": "x"}, "give at least one recipient"),
        ({"to": ["a@b.example"], "body": "  "}, "the message cannot be empty"),
        ({"to": ["a@b.example"], "body": "x", "platform": "fax"}, "must be one of"),
    ],
)
def test_bad_messages_are_refused_and_nothing_is_queued(
    services: Services, args: dict[str, Any], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        CATALOG.call(services, "send_message", args)
    assert services.messages.list() == []


def test_a_chat_message_may_go_to_a_handle(services: Services) -> None:
    result = call(services, "send_message", to=["#general"], body="Hi all", platform="slack")
    assert row(services, result.value.id).recipients == ["#general"]


def test_drafting_needs_a_real_message_and_some_text(services: Services, original: str) -> None:
    with pytest.raises(NotFoundError):
        call(services, "draft_reply", message_id=str(uuid.uuid4()), body="Hi")
    with pytest.raises(UserError, match="the reply cannot be empty"):
        call(services, "draft_reply", message_id=original, body=" ")


def test_get_message_shows_the_whole_body(services: Services, original: str) -> None:
    full = call(services, "get_message", id=original).value
    assert (full.text, full.sender_address) == ("Can you send the numbers?", "ann@example.com")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [("Hello", "Re: Hello"), ("Re: Hello", "Re: Hello"), ("RE:Hello", "RE:Hello"), ("", "Re:")],
)
def test_reply_subject(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected
