"""The intents table: which kinds of request the offline planner knows, in the order tried.

The most specific patterns come first (completing a task before listing tasks, a
refusal before "book ..." could be read as an event). `match` returns the first
intent whose pattern is found in the request; `refusal` the polite "no" for a
request no intent handles, naming what the planner can do with the tools offered.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from desktop.agents.offline import (
    intents_calendar,
    intents_finance,
    intents_mail,
    intents_records,
    intents_tasks,
)
from desktop.agents.offline.intent import Intent

_POLITE = r"^(?:please |can you |could you |would you |i want you to |go and )?"
# Requests that look like others but are out of reach: refuse them before they match.
OUT_OF_REACH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), said)
    for pattern, said in (
        (
            _POLITE + r"(?:book|reserve|buy|get)\b.*"
            r"\b(?:flights?|plane|hotels?|trains?|tickets?|taxi|cab)\b",
            "book travel",
        ),
        (_POLITE + r"(?:order|buy|purchase|shop for)\b", "buy or order things"),
        (r"\bweather\b|\bforecast\b|\bwill it (?:rain|snow)\b", "look up the weather"),
        (
            _POLITE + r"(?:search the (?:web|internet)|google|browse|open (?:a )?website)\b"
            r"|^what(?:'s| is) (?:in )?the news\b",
            "search the web",
        ),
        (_POLITE + r"(?:phone|ring|dial|video ?call)\b", "make phone calls"),
        (_POLITE + r"(?:play|sing)\b", "play music"),
        (_POLITE + r"(?:transfer|send|wire|pay) (?:\d|money|\$|€)", "send money"),
        (
            _POLITE + r"cancel (?:my )?(?:\w+ )?(?:subscription|membership|contract|plan)",
            "cancel subscriptions or contracts",
        ),
        (
            _POLITE + r"(?:translate|write (?:me )?(?:a|an) (?:poem|essay|story|code))\b",
            "write free text without a language model",
        ),
    )
)
# What the planner offers first when it says what it can do (the rest is "and more").
HEADLINES = (
    "add_task",
    "overdue_tasks",
    "complete_task",
    "list_events",
    "add_event",
    "find_free_time",
    "plan_schedule",
    "spending",
    "list_messages",
    "triage_inbox",
    "add_note",
    "search",
    "project_work",
)
MAX_HEADLINES = 8
# A request that adds something is never refused for the words in it ("add a task to book flights").
_ADDING = re.compile(r"^(?:please )?(?:add|create|remind|note|take a note|new|todo|put|make a)\b")

INTENTS: tuple[Intent, ...] = (
    *intents_tasks.NAMED,
    *intents_tasks.ADDING,
    *intents_records.ADDING,
    *intents_mail.INTENTS,
    *intents_calendar.SPECIFIC,
    *intents_finance.INTENTS,
    *intents_records.SPECIFIC,
    *intents_tasks.GENERAL,
    *intents_calendar.GENERAL,
    *intents_records.GENERAL,
)


def match(text: str) -> tuple[Intent, re.Match[str]] | None:
    """The first intent whose pattern is in `text` (lower case, one line), and its match."""
    for intent in INTENTS:
        found = intent.pattern.search(text)
        if found:
            return intent, found
    return None


def out_of_reach(text: str) -> str | None:
    """What the request asks that no tool can do ("book travel"), if it is one of those."""
    if _ADDING.match(text):
        return None
    for pattern, said in OUT_OF_REACH:
        if pattern.search(text):
            return said
    return None


def capabilities(tools: Collection[str]) -> str:
    """'add tasks, show your calendar and find free time': what the offered tools allow."""
    usable = [i for i in INTENTS if all(tool in tools for tool in i.tools)]
    ranked = sorted(
        usable, key=lambda i: HEADLINES.index(i.name) if i.name in HEADLINES else len(HEADLINES)
    )
    can: list[str] = []
    for intent in ranked:
        if intent.can not in can:
            can.append(intent.can)
    if not can:
        return "nothing with the tools I was given"
    if len(can) > MAX_HEADLINES:
        can = [*can[:MAX_HEADLINES], "more"]
    return ", ".join(can[:-1]) + (" and " if len(can) > 1 else "") + can[-1]


def refusal(text: str, tools: Collection[str], missing: tuple[str, ...] = ()) -> str:
    """A plain answer for a request the planner cannot carry out, and what it can do instead."""
    if missing:
        head = f"I can't do that here: it needs {', '.join(missing)}, which this agent may not use."
    else:
        said = out_of_reach(text)
        head = (
            f"I can't {said}."
            if said
            else "Sorry, I don't know how to do that without a language model."
        )
    return f"{head} I can {capabilities(tools)}."
