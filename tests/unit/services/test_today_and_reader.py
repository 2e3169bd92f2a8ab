"""The Today snapshot and the Inbox reader's reads, on a real store with a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.core.errors import NotFoundError
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.message_reader import flagged_messages, message_body
from desktop.services.messages import IncomingMessage
from desktop.services.tasks import TaskDraft

TODAY = date(2026, 3, 4)  # FIXED_NOW: 2026-03-04 10:00 UTC, 11:00 in Berlin


def test_the_snapshot_splits_overdue_from_due_today(services: Services) -> None:
    zone = services.ctx.zone
    services.tasks.add(TaskDraft("Yesterday", due=TODAY - timedelta(days=1)))
    services.tasks.add(TaskDraft("Earlier today", due=datetime(2026, 3, 4, 9, 0, tzinfo=zone)))
    services.tasks.add(TaskDraft("Later today", due=datetime(2026, 3, 4, 18, 0, tzinfo=zone)))
    services.tasks.add(TaskDraft("Today", due=TODAY))
    services.tasks.add(TaskDraft("Tomorrow", due=TODAY + timedelta(days=1)))
    services.tasks.add(TaskDraft("Undated"))
    services.calendar.add(
        EventDraft("Day after", TODAY + timedelta(days=2), TODAY + timedelta(days=3), True)
    )
    services.calendar.add(
        EventDraft("Tomorrow all day", TODAY + timedelta(days=1), TODAY + timedelta(days=2), True)
    )
    services.messages.receive(IncomingMessage("slack", "A", "x"))
    for n in range(2):
        services.messages.receive(IncomingMessage("email", f"B{n}", "y"))

    snap = services.today.snapshot()

    assert (snap.today, snap.now, snap.zone.key) == (
        TODAY,
        datetime(2026, 3, 4, 10, tzinfo=UTC),
        "Europe/Berlin",
    )
    assert [t.title for t in snap.overdue] == ["Yesterday", "Earlier today"]
    assert [t.title for t in snap.due_today] == ["Today", "Later today"]
    assert [e.title for e in snap.events] == ["Tomorrow all day"]
    assert snap.unread == (("email", 2), ("slack", 1))
    assert snap.month.month == "2026-03"


def test_a_message_is_read_in_full_and_a_missing_one_is_named(services: Services) -> None:
    view = services.messages.receive(
        IncomingMessage("email", "Ann", "Hi", body_text="text", body_html="<p>html</p>",
                        recipients=("me@example.com",), sender_address="ann@example.com")
    ).value  # fmt: skip
    body = message_body(services.ctx, view.id)
    assert (body.subject, body.text, body.html, body.recipients) == (
        "Hi",
        "text",
        "<p>html</p>",
        ("me@example.com",),
    )
    assert not body.read
    with pytest.raises(NotFoundError, match="no message"):
        message_body(services.ctx, "01a23205-bd2b-752c-b906-fc3acf4f05c1")


def test_starred_and_archived_lists(services: Services) -> None:
    ids = []
    for n in range(4):
        platform = "email" if n % 2 else "sms"
        at = datetime(2026, 3, 1, n, tzinfo=UTC)
        ids.append(
            services.messages.receive(IncomingMessage(platform, f"S{n}", received_at=at)).value.id
        )
    services.messages.mark(str(ids[0]), starred=True)
    services.messages.mark(str(ids[1]), starred=True, archived=True)
    services.messages.mark(str(ids[2]), archived=True)
    ctx = services.ctx
    assert [m.sender for m in flagged_messages(ctx, starred=True)] == ["S1", "S0"]
    assert [m.sender for m in flagged_messages(ctx, archived=True)] == ["S2", "S1"]
    assert [m.sender for m in flagged_messages(ctx, archived=True, platform="sms")] == ["S2"]
    assert [m.sender for m in flagged_messages(ctx, starred=True, limit=1)] == ["S1"]
