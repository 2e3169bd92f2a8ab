"""Intents on tasks: add (and remind), list what is due or overdue, complete, change, count."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from desktop.agents.offline import answers
from desktop.agents.offline.arguments import day_range, iso, phrase
from desktop.agents.offline.intent import Intent, first, intent, items
from desktop.agents.offline.steps import Request, Step, ToolResult, call, say

_TASK = r"(?:the )?(?:task |todo )?"


def _pick(req: Request, found: list[dict[str, Any]], name: str) -> dict[str, Any] | Step:
    """The one task `name` means among `found`, or the question to ask instead."""
    exact = [t for t in found if str(t.get("title", "")).casefold() == name.casefold()]
    if len(exact) == 1 or len(found) == 1:
        return exact[0] if len(exact) == 1 else found[0]
    if not found:
        return say(f"I found no open task matching \u201c{name}\u201d.")
    lines = [answers.task_line(t, req.today) for t in found]
    return say(
        f"Several open tasks match \u201c{name}\u201d; which one?\n{answers.bullet_list(lines)}"
    )


@intent(
    "add_task",
    r"^(?:please )?(?:(?:add|create|make|new)(?: a)?(?: new)? (?:task|todo|to-do)"
    r"(?: to| called| named)?"
    r"|remind me (?:to|about)|i need to|don't let me forget to|todo:?)(?: (.+))?$",
    ("add_task",),
    "add tasks and reminders",
)
def add_task(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    added = first(done, "add_task")
    if added is not None:
        task = added.value if isinstance(added.value, dict) else {}
        due = f", due {answers.when(task.get('due'), req.today)}" if task.get("due") else ""
        remind = " I will remind you then." if task.get("reminders") else ""
        return say(f"Added the task \u201c{task.get('title', '')}\u201d{due}.{remind}")
    found = phrase(req, req.words(m), "task")
    if not found.title:
        return say("What should the task say? Give me a few words before the date.")
    reminding = req.lower.startswith(("remind me", "please remind me"))
    return call(
        "add_task",
        title=found.title[0].upper() + found.title[1:],
        due=iso(found.due),
        priority=found.priority,
        tags=list(found.tags) or None,
        estimate=f"{found.estimate_minutes}m" if found.estimate_minutes else None,
        recurrence=found.rrule,
        reminders=["0"] if reminding and isinstance(found.due, datetime) else None,
    )


@intent(
    "overdue_tasks",
    r"\b(?:overdue|late|past due|missed (?:any )?(?:deadlines|tasks))\b",
    ("list_tasks",),
    "list overdue tasks",
)
def overdue(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_tasks")
    if listed is None:
        return call("list_tasks", status="open", due_before=req.now.isoformat(timespec="minutes"))
    return say(answers.tasks(items(listed), req.today, "overdue tasks"))


@intent(
    "due_tasks",
    r"\b(?:what(?:'s| is)? due|tasks? (?:are |is )?due|due (?:today|tomorrow|this week|on)"
    r"|(?:my )?(?:tasks|to-?dos?) (?:for )?(?:today|tomorrow|this week|next week))\b",
    ("list_tasks",),
    "say what is due",
)
def due_tasks(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    span = day_range(req) or (req.today, req.today)
    listed = first(done, "list_tasks")
    if listed is None:
        limit = span[1] + timedelta(days=1)
        return call("list_tasks", status="open", due_before=limit.isoformat())
    due = [t for t in items(listed) if (day := answers.due_day(t)) and span[0] <= day <= span[1]]
    late = [t for t in items(listed) if (day := answers.due_day(t)) and day < span[0]]
    words = answers.day_name(span[0], req.today) if span[0] == span[1] else "in that time"
    text = answers.tasks(due, req.today, f"tasks due {words}")
    if late and span[0] <= req.today:
        text += f"\nAlso {answers.plural(len(late), 'overdue task')}."
    return say(text)


@intent(
    "task_stats",
    r"\bhow many (?:open )?tasks\b|\btask (?:stats|statistics|counts?)\b",
    ("task_stats",),
    "count your tasks",
)
def stats(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    counted = first(done, "task_stats")
    if counted is None:
        return call("task_stats")
    v = counted.value if isinstance(counted.value, dict) else {}
    return say(
        f"You have {answers.plural(int(v.get('open', 0)), 'open task')}: "
        f"{v.get('overdue', 0)} overdue, {v.get('due_today', 0)} due today; "
        f"{v.get('completed_last_7_days', 0)} done in the last 7 days."
    )


@intent(
    "complete_task",
    r"^(?:please )?(?:mark|set) " + _TASK + r"(.+?) (?:as )?(?:done|complete|completed|finished)$"
    r"|^(?:please )?(?:complete|finish|check off|tick off) " + _TASK + r"(.+)$"
    r"|^i (?:have )?(?:finished|completed|did) " + _TASK + r"(.+)$",
    ("list_tasks", "complete_task"),
    "complete tasks",
)
def complete(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    name = next(req.words(m, g) for g in (1, 2, 3) if m.group(g))
    return _on_task(req, name, done, "complete_task", {}, "Marked \u201c{title}\u201d done.")


@intent(
    "delete_task",
    r"^(?:please )?(?:delete|remove|drop) (?:the )?(?:task|todo) (.+)$",
    ("list_tasks", "delete_task"),
    "delete tasks (with your approval)",
)
def delete(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    return _on_task(req, req.words(m), done, "delete_task", {}, "Deleted \u201c{title}\u201d.")


@intent(
    "task_priority",
    r"^(?:please )?(?:make|mark|set) "
    + _TASK
    + r"(.+?) (?:as |to )?(?:a )?(low|medium|high|urgent)"
    r"(?: priority)?$|^(?:please )?set (?:the )?priority of "
    + _TASK
    + r"(.+?) to (low|medium|high|urgent)$",
    ("list_tasks", "update_task"),
    "change a task's priority or due date",
)
def priority(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    name, level = (req.words(m, 1), m.group(2)) if m.group(1) else (req.words(m, 3), m.group(4))
    template = f"\u201c{{title}}\u201d is now {level} priority."
    return _on_task(req, name, done, "update_task", {"priority": level}, template)


@intent(
    "reschedule_task",
    r"^(?:please )?(?:move|postpone|push|reschedule|defer) "
    + _TASK
    + r"(.+?) (?:to|until|till) (.+)$",
    ("list_tasks", "update_task"),
    "change a task's priority or due date",
)
def reschedule(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    due = phrase(req, req.words(m, 2), "task").due
    if due is None:
        return say(
            f"I could not read \u201c{req.words(m, 2)}\u201d as a day; say e.g. 'to friday'."
        )
    shown = answers.when(iso(due), req.today)
    return _on_task(
        req,
        req.words(m),
        done,
        "update_task",
        {"due": iso(due)},
        f"Moved \u201c{{title}}\u201d to {shown}.",
    )


def _on_task(
    req: Request, name: str, done: list[ToolResult], tool: str, extra: dict[str, Any], told: str
) -> Step:
    """Find the open task called `name`, run `tool` on it, then say `told`."""
    listed = first(done, "list_tasks")
    if listed is None:
        return call("list_tasks", status="open", search=name)
    chosen = _pick(req, items(listed), name)
    if isinstance(chosen, Step):
        return chosen
    if first(done, tool) is None:
        return call(tool, id=str(chosen["id"]), **extra)
    return say(told.format(title=chosen.get("title", name)))


@intent(
    "list_tasks",
    r"\b(?:(?:show|list|what are|what're|see)(?: me)? (?:all )?(?:my |the )?(?:open )?"
    r"(?:tasks|to-?dos)|(?:tasks|to-?dos) (?:tagged|with tag) "
    r"|my (?:open )?(?:tasks|to-?dos|to-?do list)$|what do i have to do)",
    ("list_tasks",),
    "list your tasks",
)
def list_all(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    tag = re.search(r"(?:tagged|with tag|#)\s*#?(\w+)", req.lower)
    listed = first(done, "list_tasks")
    if listed is None:
        return call("list_tasks", status="open", tag=tag.group(1) if tag else None)
    label = f"open tasks tagged {tag.group(1)}" if tag else "open tasks"
    return say(answers.tasks(items(listed), req.today, label))


# Requests naming one task come before the general ones ("mark X done" is no list request).
NAMED: tuple[Intent, ...] = (complete, priority, reschedule, delete)
ADDING: tuple[Intent, ...] = (add_task,)
GENERAL: tuple[Intent, ...] = (overdue, stats, due_tasks, list_all)
