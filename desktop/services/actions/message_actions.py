"""Actions on one message and on outgoing mail: read it in full, draft a reply, send."""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services
from desktop.services.message_drafts import draft_reply, queue_message
from desktop.services.message_reader import message_body
from desktop.store.models import PLATFORMS


def _get(s: Services, a: dict[str, Any]) -> Any:
    return message_body(s.ctx, a["id"])


def _draft(s: Services, a: dict[str, Any]) -> Any:
    return draft_reply(s.ctx, a["message_id"], a["body"])


def _send(s: Services, a: dict[str, Any]) -> Any:
    return queue_message(
        s.ctx,
        a["to"],
        a.get("subject", ""),
        a["body"],
        thread=a.get("thread"),
        platform=a.get("platform", "email"),
    )


ACTIONS = (
    Action(
        "get_message",
        "Show one message in full (sender, recipients, subject, text)",
        "read",
        _get,
        (Param("id", "string", "the message's id", required=True, format="id"),),
        area="inbox",
    ),
    Action(
        "draft_reply",
        "Draft a reply to a message (saved as a draft in its thread; nothing is sent)",
        "write",
        _draft,
        (
            Param("message_id", "string", "the message to answer", required=True, format="id"),
            Param("body", "string", "the reply's text", required=True),
        ),
        area="inbox",
    ),
    Action(
        "send_message",
        "Send a message: it is queued in the outbox, and the inbox's connector sends it",
        "outbound",
        _send,
        (
            Param("to", "array", "the recipients (email addresses for email)", required=True),
            Param("subject", "string", "the subject line"),
            Param("body", "string", "the text", required=True),
            Param("thread", "string", "the thread it answers (a message's thread_id)"),
            Param("platform", "string", "where to send it (default: email)", enum=PLATFORMS),
        ),
        area="inbox",
    ),
)
