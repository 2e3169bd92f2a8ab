"""Intents on the calendar: what is on, add an event, find free time, plan and apply a day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.agents.offline import answers
from desktop.agents.offline.arguments import day_range, duration, iso, phrase
from desktop.agents.offline.intent import Intent, first, intent, items
from desktop.agents.offline.steps import Call, Request, Step, ToolResult, call, calls, say


def _span_words(span: tuple[date, date], today: date) -> str:
    first_day, last_day = span
    if first_day == last_day:
        name = answers.day_name(first_day, today)
        return name if name in ("today", "tomorrow", "yesterday") else f"on {name}"
    return f"from {answers.day_name(first_day, today)} to {answers.day_name(last_day, today)}"


@intent(
    "plan_schedule",
    r"\bplan (?:out )?(?:my |the )?(day|week|today|tomorrow|next week|this week)\b"
    r"|\b(?:schedule|plan) my (?:open )?tasks\b",
    ("plan_schedule",),
    "plan your day or week",
)
def plan(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    span = _plan_span(req, m)
    planned = first(done, "plan_schedule")
    if planned is None:
        return call("plan_schedule", **{"from": span[0].isoformat(), "to": span[1].isoformat()})
    view = planned.value if isinstance(planned.value, dict) else {}
    return say(answers.plan(view, req.today, applied=False))


def _plan_span(req: Request, m: re.Match[str]) -> tuple[date, date]:
    word = m.group(1) if m.lastindex else None
    if word in ("day", "today"):
        return req.today, req.today
    if word == "tomorrow":
        return req.tomorrow, req.tomorrow
    return day_range(req) or (req.today, req.today + timedelta(days=6 - req.today.weekday()))


@intent(
    "apply_schedule",
    r"\b(?:apply|accept|go ahead with|book|use) (?:the |this |that |my )?(?:plan|schedule)\b"
    r"|\bput (?:the |this )?plan (?:in|into|on) my calendar\b",
    ("apply_schedule",),
    "write a plan into your calendar (with your approval)",
)
def apply(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    span = day_range(req) or (req.today, req.today + timedelta(days=6 - req.today.weekday()))
    applied = first(done, "apply_schedule")
    if applied is None:
        return call("apply_schedule", **{"from": span[0].isoformat(), "to": span[1].isoformat()})
    view = applied.value if isinstance(applied.value, dict) else {}
    return say(answers.plan(view, req.today, applied=True))


@intent(
    "find_free_time",
    r"\b(?:find|give me|is there|do i have|block)(?: me)? (?:an? |some |\d+ )?(?:free )?"
    r"(?:time|hours?|minutes?|slots?|half an hour|window)\b"
    r"|\bwhen am i free\b|\bfree (?:time|slots?)\b",
    ("find_free_time",),
    "find free time",
)
def free(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    wanted = duration(req) or "30m"
    found = first(done, "find_free_time")
    if found is None:
        span = day_range(req)
        args = {"duration": wanted}
        if span:
            args.update({"from": span[0].isoformat(), "to": span[1].isoformat()})
        return call("find_free_time", **args)
    return say(answers.slots(items(found), req.today, _wanted_words(wanted)))


def _wanted_words(wanted: str) -> str:
    minutes = int(wanted.rstrip("m"))
    hours, rest = divmod(minutes, 60)
    if hours and not rest:
        return answers.plural(hours, "hour")
    return f"{minutes} minutes"


@intent(
    "day_overview",
    r"\b(?:what does|how does) my (day|week) look|\b(?:my )?agenda\b"
    r"|\boverview of (?:my )?(?:day|today)\b",
    ("list_events", "list_tasks"),
    "give an overview of your day",
)
def overview(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    span = day_range(req) or (req.today, req.today)
    events, tasks = first(done, "list_events"), first(done, "list_tasks")
    if events is None or tasks is None:
        until = (span[1] + timedelta(days=1)).isoformat()
        return calls(
            Call("list_events", {"from": span[0].isoformat(), "to": span[1].isoformat()}),
            Call("list_tasks", {"status": "open", "due_before": until}),
        )
    words = _span_words(span, req.today)
    due = [t for t in items(tasks) if (day := answers.due_day(t)) and day <= span[1]]
    return say(
        answers.events(items(events), req.today, words)
        + "\n"
        + answers.tasks(due, req.today, "open tasks due by then")
    )


@intent(
    "list_events",
    r"\b(?:calendar|schedule|events?|meetings?|appointments?)\b.*\b(?:today|tomorrow|tonight|week|weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}-\d{2}-\d{2})\b"
    r"|\bwhat(?:'s| is) on\b|\bam i (?:busy|free) (?:on |this |next )?\w+",
    ("list_events",),
    "show your calendar",
)
def list_events(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    span = day_range(req) or (req.today, req.today)
    listed = first(done, "list_events")
    if listed is None:
        return call("list_events", **{"from": span[0].isoformat(), "to": span[1].isoformat()})
    return say(answers.events(items(listed), req.today, _span_words(span, req.today)))


@intent(
    "add_event",
    r"^(?:please )?(?:(?:add|create|put|schedule|book|set up|arrange)(?: an?| the)?"
    r"(?: new)?(?: event)?(?: called| named)?:?) (.+?)(?: (?:in|on|to) my calendar)?$",
    ("add_event",),
    "add events",
)
def add_event(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    added = first(done, "add_event")
    if added is not None:
        event = added.value if isinstance(added.value, dict) else {}
        return say(
            f"Added \u201c{event.get('title', '')}\u201d to your calendar: "
            f"{answers.event_line(event, req.today)}."
        )
    found = phrase(req, req.words(m), "event")
    if not found.title:
        return say("What is the event? Give me its name before the day and time.")
    if found.start is None:
        return say(f"When is \u201c{found.title}\u201d? Tell me a day and a time.")
    return call(
        "add_event",
        title=found.title[0].upper() + found.title[1:],
        start=iso(found.start),
        end=iso(found.end),
        all_day=found.all_day or None,
        location=found.location,
        rrule=found.rrule,
        attendees=list(found.attendees) or None,
    )


# Planning and free time before the general "what's on" and "add ..." patterns.
SPECIFIC: tuple[Intent, ...] = (plan, apply, free, overview)
GENERAL: tuple[Intent, ...] = (add_event, list_events)
