"""SearchService: one FTS5 index over tasks, events, notes, messages and transactions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import DBAPIError

from desktop.core.errors import UserError
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.messages import IncomingMessage
from desktop.services.search import fts_query
from desktop.services.tasks import TaskDraft
from desktop.store.models import Note, Task
from desktop.store.profile import Store

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def seeded(services: Services) -> dict[str, uuid.UUID]:
    """One record of every kind, all mentioning 'harbour' somewhere."""
    ids = {
        "task": services.tasks.add(
            TaskDraft("Book the harbour tour", notes="ask for a group discount")
        ).value.id,
        "event": services.calendar.add(
            EventDraft(
                "Lunch",
                datetime(2026, 3, 5, 12, tzinfo=BERLIN),
                datetime(2026, 3, 5, 13, tzinfo=BERLIN),
                location="Harbour café",
                description="with Ann",
            )
        ).value.id,
        "note": services.notes.add("Trip ideas", "Walk along the harbour at sunset").value.id,
        "message": services.messages.receive(
            IncomingMessage(
                "email",
                "Harbour Hotel",
                subject="Your booking",
                body_text="See you soon",
                external_id="m1",
            )
        ).value.id,
        "transaction": services.finance.add_transaction(
            TransactionDraft("-42.00", "Harbour Restaurant", category="dining", memo="fish")
        ).value.id,
    }
    return ids


def test_finds_every_kind(services: Services, seeded: dict[str, uuid.UUID]) -> None:
    hits = services.search.search("harbour")
    assert sorted((hit.kind, hit.id) for hit in hits) == sorted(
        (kind, ident) for kind, ident in seeded.items()
    )
    titles = {hit.kind: hit.title for hit in hits}
    assert titles == {
        "task": "Book the harbour tour",
        "event": "Lunch",
        "note": "Trip ideas",
        "message": "Your booking",
        "transaction": "Harbour Restaurant",
    }
    note = next(hit for hit in hits if hit.kind == "note")
    assert "[harbour]" in note.snippet


def test_kind_filter(services: Services, seeded: dict[str, uuid.UUID]) -> None:
    for kind, ident in seeded.items():
        hits = services.search.search("harbour", kind=kind)
        assert [(hit.kind, hit.id) for hit in hits] == [(kind, ident)]
    with pytest.raises(UserError, match="'person' is not something to search"):
        services.search.search("harbour", kind="person")


def test_body_fields_are_searched(services: Services, seeded: dict[str, uuid.UUID]) -> None:
    def kinds(query: str) -> list[str]:
        return sorted(hit.kind for hit in services.search.search(query))

    assert kinds("discount") == ["task"]  # task notes
    assert kinds("Ann") == ["event"]  # event description
    assert kinds("café") == ["event"]  # event location
    assert kinds("cafe") == ["event"]  # diacritics removed
    assert kinds("sunset") == ["note"]  # note body
    assert kinds("hotel") == ["message"]  # sender
    assert kinds("soon") == ["message"]  # body text
    assert kinds("fish") == ["transaction"]  # memo
    assert kinds("dining") == ["transaction"]  # category
    assert kinds("harb") == sorted(seeded)  # the last word is a prefix
    assert kinds("soon harb") == ["message"]
    assert kinds("booking") == ["message", "task"]  # the porter stemmer: booking ~ book
    assert kinds("walking") == ["note"]  # the porter stemmer: walking ~ walk


def test_title_hits_rank_first(services: Services) -> None:
    # The body mentions the word twice, the titles once: the titles still come first.
    body = services.notes.add("Weekly plan", "remember the budget and the budget review").value
    title = services.notes.add("Budget", "numbers for next year").value
    task = services.tasks.add(TaskDraft("Budget review", notes="see the note")).value
    hits = [hit.id for hit in services.search.search("budget")]
    assert len(hits) == 3
    assert set(hits[:2]) == {title.id, task.id}
    assert hits[2] == body.id
    assert [hit.id for hit in services.search.search("budget", kind="note")] == [title.id, body.id]


def test_limit(services: Services) -> None:
    services.tasks.add_many([TaskDraft(f"report {i}") for i in range(30)])
    assert len(services.search.search("report")) == 20
    assert len(services.search.search("report", limit=5)) == 5
    assert len(services.search.search("report", limit=500)) == 30
    for bad in (0, 501):
        with pytest.raises(UserError, match="between 1 and 500"):
            services.search.search("report", limit=bad)


@pytest.mark.parametrize(
    "query",
    [
        '"harbour',
        'harbour"',
        '"harbour tour"',
        "harbour AND",
        "AND harbour",
        "harbour OR",
        "NOT harbour",
        "harbour*",
        "*",
        "harb*our",
        "-harbour",
        "harbour -tour",
        "title:harbour",
        "kind:task",
        "ref:1",
        ":",
        "harbour:",
        "NEAR(harbour tour)",
        "(harbour",
        "harbour)",
        "^harbour",
        "{title body}: harbour",
        "harbour + tour",
        "'; DROP TABLE tasks; --",
        "harbour\x00tour",
        "h",
        "ü",
        "日本",
        "a_b",
        "x" * 1000,
    ],
)
def test_fts_syntax_never_raises_a_database_error(
    services: Services, seeded: dict[str, uuid.UUID], query: str
) -> None:
    try:
        hits = services.search.search(query)
    except UserError:
        return  # "no words" is the only acceptable failure
    except DBAPIError as exc:  # pragma: no cover - this is the failure being tested for
        pytest.fail(f"{query!r} reached SQLite as syntax: {exc}")
    assert all(hit.kind in seeded for hit in hits)


def test_fts_syntax_words_are_plain_words(services: Services, seeded: dict[str, uuid.UUID]) -> None:
    assert {hit.kind for hit in services.search.search('"harbour')} == set(seeded)
    assert {hit.kind for hit in services.search.search("harbour*")} == set(seeded)
    assert {hit.kind for hit in services.search.search("-harbour")} == set(seeded)
    assert [hit.kind for hit in services.search.search("harbour -tour")] == ["task"]
    assert [hit.kind for hit in services.search.search("(group discount)")] == ["task"]
    assert fts_query('title:harbour "x" AND yz*') == (
        '{title body} : ("title" "harbour" "x" "AND" "yz"*)'
    )
    assert fts_query("a") == '{title body} : ("a")'
    assert fts_query("rev", "task") == 'kind : "task" AND {title body} : ("rev"*)'


def test_a_kind_name_is_not_a_match_in_every_row_of_that_kind(
    services: Services, seeded: dict[str, uuid.UUID]
) -> None:
    """The kind is an indexed column of the full-text index, but words only look in the
    title and body: searching "task" or "note" finds those words, not every task or note."""
    assert services.search.search("note") == []
    assert services.search.search("task", kind="task") == []
    assert [hit.kind for hit in services.search.search("harbour", kind="note")] == ["note"]


@pytest.mark.parametrize("query", ["", "   ", "!?", '"', "*", "-", ":", "()", "—"])
def test_no_words_is_a_user_error(services: Services, query: str) -> None:
    with pytest.raises(UserError, match="no words to look for"):
        services.search.search(query)


def test_deleted_rows_vanish_and_undeleted_rows_return(
    services: Services, store: Store, seeded: dict[str, uuid.UUID]
) -> None:
    services.tasks.delete(seeded["task"])
    services.notes.delete(seeded["note"])
    services.calendar.delete(seeded["event"])
    services.finance.delete_transaction(str(seeded["transaction"]))
    assert [hit.kind for hit in services.search.search("harbour")] == ["message"]
    assert services.search.search("discount") == []

    with store.unit_of_work() as uow:
        for model, key in ((Task, "task"), (Note, "note")):
            row = uow.s.get(model, seeded[key])
            assert row is not None
            row.deleted_hlc = None
        uow.commit()
    assert sorted(hit.kind for hit in services.search.search("harbour")) == [
        "message",
        "note",
        "task",
    ]
    assert [hit.id for hit in services.search.search("discount")] == [seeded["task"]]


def test_edits_are_reindexed(services: Services, seeded: dict[str, uuid.UUID]) -> None:
    services.tasks.update(seeded["task"], title="Book the ferry", notes="ask for a refund")
    services.notes.update(seeded["note"], body="Walk along the beach")
    services.calendar.update(seeded["event"], location="Old town")
    assert sorted(hit.kind for hit in services.search.search("harbour")) == [
        "message",
        "transaction",
    ]
    assert [hit.kind for hit in services.search.search("ferry refund")] == ["task"]
    assert [hit.kind for hit in services.search.search("beach")] == ["note"]
    assert [hit.kind for hit in services.search.search("old town")] == ["event"]


def test_bulk_inserts_are_indexed(services: Services) -> None:
    services.tasks.add_many([TaskDraft("Quarterly filing", notes="due " + str(date(2026, 4, 1)))])
    assert [hit.title for hit in services.search.search("quarterly")] == ["Quarterly filing"]
