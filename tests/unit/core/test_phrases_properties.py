"""Properties of the phrase parser (hypothesis): it never crashes, never puts a future
phrase in the past without saying so, and reads the marked fields the same in any order."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.phrases import parse, read

ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Lord_Howe",  # a half-hour daylight-saving shift
    "America/St_Johns",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "UTC",
]
nows = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)
zones = st.sampled_from(ZONES).map(ZoneInfo)
# Text with the characters the grammar cares about, so that it gets exercised.
PIECES = [
    "at",
    "on",
    "by",
    "in",
    "every",
    "for",
    "to",
    "-",
    "from",
    "until",
    "the",
    "next",
    "this",
    "tomorrow",
    "today",
    "tonight",
    "fri",
    "sun",
    "monday",
    "march",
    "may",
    "3",
    "12",
    "31",
    "1st",
    "3/5",
    "10.3.",
    "5pm",
    "9:30",
    "noon",
    "!high",
    "#tag",
    "~30m",
    "+proj",
    "a@b.cd",
    "2 hours",
    "days",
    "weeks",
    "weekday",
    "month",
    "last",
    "other",
    "times",
    "2026-03-29",
    "T02:30",
    "Cafe",
    "@",
    '"',
    "morning",
    "evening",
    "and",
    ",",
    "0",
    "99",
    "24:00",
]
phrases = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(text=phrases, now=nows, zone=zones, kind=st.sampled_from([None, "task", "event"]))
def test_never_crashes_and_always_gives_json(
    text: str, now: datetime, zone: ZoneInfo, kind: str | None
) -> None:
    preview = read(text, now, zone, kind)  # the strict reader: a bug would raise here

    json.dumps(preview.to_json())
    assert preview.kind in ("task", "event")
    assert len(preview.title) <= len(text)
    for value in (preview.due, preview.start, preview.end):
        if isinstance(value, datetime):
            assert value.tzinfo is not None
    if isinstance(preview.start, date) and preview.end is not None:
        assert preview.end >= preview.start  # type: ignore[operator]
    assert parse(text, now, zone, kind) == preview  # the same reading twice


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["jan", "feb", "march", "april", "may", "june", "jul", "aug", "sep", "oct", "nov", "dec"]


@st.composite
def future_phrases(draw: st.DrawFn) -> str:
    hour = draw(st.integers(1, 12))
    minute = draw(st.sampled_from(["00", "15", "30", "45"]))
    clock = draw(
        st.sampled_from([f"{hour}pm", f"{hour}am", f"{hour}:{minute}", f"{hour + 11}:{minute}"])
    )
    day = draw(st.integers(1, 28))
    templates = [
        f"at {clock}",
        f"tomorrow at {clock}",
        f"{draw(st.sampled_from(WEEKDAYS))} at {clock}",
        f"next {draw(st.sampled_from(WEEKDAYS))}",
        f"in {draw(st.integers(1, 500))} minutes",
        f"in {draw(st.integers(1, 72))} hours",
        f"in {draw(st.integers(1, 60))} days",
        f"on {draw(st.sampled_from(MONTHS))} {day}",
        f"on {day} {draw(st.sampled_from(MONTHS))} at {clock}",
        f"on the {day}th",
        f"every {draw(st.sampled_from(WEEKDAYS))} at {clock}",
        f"every {draw(st.integers(1, 9))} days at {clock}",
        "every weekday at 9:30 for 15m",
        f"on the {day}th of every month",
        f"every other {draw(st.sampled_from(WEEKDAYS))} {clock}-{hour + 1 if hour < 12 else 1}pm",
        "next week",
        "this weekend",
        "end of month",
    ]
    return "Do it " + draw(st.sampled_from(templates))


@settings(max_examples=400, deadline=None)
@given(phrase=future_phrases(), now=nows, zone=zones, kind=st.sampled_from(["task", "event"]))
def test_a_future_phrase_never_gives_a_past_time(
    phrase: str, now: datetime, zone: ZoneInfo, kind: str
) -> None:
    preview = read(phrase, now, zone, kind)
    when = preview.when

    assert when is not None, (phrase, preview)
    assert preview.title == "Do it"
    said_past = any("past" in note for note in preview.notes)
    if isinstance(when, datetime):
        assert when >= now.replace(second=0, microsecond=0) or said_past, (phrase, when)
    else:
        assert when >= now.astimezone(zone).date() or said_past, (phrase, when)
    if preview.kind == "event" and isinstance(when, datetime):
        assert preview.end is not None
        assert preview.end > when  # type: ignore[operator]


WORDS = ["Call", "Ann", "about", "the", "report", "Buy", "milk", "Fix", "bug", "Plan", "trip"]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=5),
    tags=st.lists(st.sampled_from(["home", "work", "health", "x1"]), unique=True, max_size=3),
    priority=st.sampled_from([None, "low", "medium", "high", "urgent"]),
    estimate=st.sampled_from([None, 15, 30, 90, 120]),
    project=st.sampled_from([None, "atrium", "garden"]),
    order=st.randoms(use_true_random=False),
    now=nows,
    zone=zones,
)
def test_marked_fields_are_read_the_same_in_any_order(
    words: list[str],
    tags: list[str],
    priority: str | None,
    estimate: int | None,
    project: str | None,
    order: object,
    now: datetime,
    zone: ZoneInfo,
) -> None:
    marks = [f"#{t}" for t in tags]
    if priority:
        marks.append(f"!{priority}")
    if estimate:
        marks.append(f"~{estimate // 60}h{estimate % 60}m" if estimate >= 60 else f"~{estimate}m")
    if project:
        marks.append(f"+{project}")
    order.shuffle(marks)  # type: ignore[attr-defined]
    title = " ".join(words)
    preview = read(f"{title} {' '.join(marks)}", now, zone, "task")

    assert preview.title == title
    assert set(preview.tags) == set(tags)
    assert preview.priority == priority
    assert preview.estimate_minutes == estimate
    assert preview.project == project
    # Reading the title alone again finds nothing more: the fields were all taken out.
    again = read(preview.title, now, zone, "task")
    assert (again.title, again.tags, again.priority, again.project) == (title, (), None, None)
    assert now - timedelta(days=1) < now  # the clock is not touched
