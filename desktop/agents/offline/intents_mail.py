"""Intents on single messages: read one in full, draft a reply, send a new message.

A draft is only saved; sending is an outbound action, so the agent loop holds it
for the user's approval. The planner sends only to an address the user typed: it
never takes a recipient or a text from a message's body.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.agents.offline import answers
from desktop.agents.offline.intent import Intent, first, intent, items
from desktop.agents.offline.steps import Request, Step, ToolResult, call, say

_FROM = r"(?:the )?(?:last |latest )?(?:message|email|mail|note) from "


def _from_sender(done: list[ToolResult], sender: str) -> dict[str, Any] | None:
    listed = first(done, "list_messages")
    mine = [m for m in items(listed) if sender.casefold() in str(m.get("sender", "")).casefold()]
    return mine[0] if mine else None


@intent(
    "read_message",
    r"^(?:please )?(?:read|open|show)(?: me)? " + _FROM + r"(.+)$",
    ("list_messages", "get_message"),
    "read a message in full",
)
def read_message(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    sender = req.words(m)
    if first(done, "list_messages") is None:
        return call("list_messages", limit=50)
    message = _from_sender(done, sender)
    if message is None:
        return say(f"I found no message from {sender}.")
    body = first(done, "get_message")
    if body is None:
        return call("get_message", id=str(message["id"]))
    full = body.value if isinstance(body.value, dict) else {}
    quoted = "\n".join(f"> {line}" for line in str(full.get("text", "")).splitlines())
    return say(
        f"From {full.get('sender')} ({answers.when(full.get('received_at'), req.today)}), "
        f"\u201c{full.get('subject')}\u201d {answers.reference('message', full)}:\n{quoted}"
    )


@intent(
    "draft_reply",
    r"^(?:please )?(?:draft|write|prepare)(?: a)? (?:reply|response|answer) to (?:the )?"
    r"(?:message |email |mail )?(?:from )?(.+?)(?: saying|:| that) (.+)$",
    ("list_messages", "draft_reply"),
    "draft replies (never sent without you)",
)
def draft(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    sender, body = req.words(m, 1), req.words(m, 2)
    if first(done, "list_messages") is None:
        return call("list_messages", limit=50)
    message = _from_sender(done, sender)
    if message is None:
        return say(f"I found no message from {sender} to answer.")
    if first(done, "draft_reply") is None:
        return call("draft_reply", message_id=str(message["id"]), body=body[:1].upper() + body[1:])
    return say(
        f"Saved a draft reply to {message.get('sender')} (\u201c{message.get('subject')}\u201d). "
        "Nothing was sent: open it in your drafts to send it."
    )


@intent(
    "send_message",
    r"^(?:please )?(?:send|email|write)(?: an?)?(?: email| message| mail)? to "
    r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?: about ([^:]+?))?(?: saying|:) (.+)$",
    ("send_message",),
    "send messages (with your approval)",
)
def send(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    address, subject, body = m.group(1), req.words(m, 2), req.words(m, 3)
    if first(done, "send_message") is None:
        return call("send_message", to=[address], subject=subject or None, body=body)
    return say(f"Your message to {address} is in the outbox and goes out with the next sync.")


INTENTS: tuple[Intent, ...] = (send, draft, read_message)
