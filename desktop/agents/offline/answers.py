"""Answers for people: counts, titles, times and amounts from the actions' JSON results.

Results arrive as the JSON the catalog's values turn into (`desktop.services.jsonable`):
instants are ISO 8601 with the user's offset, dates YYYY-MM-DD, money decimal strings.
Every function here takes those plain values and returns short English text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

MAX_LISTED = 8


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def counted(count: int, label: str) -> str:
    """'1 task due today', '3 tasks due today': the plural on the label's first noun.

    The label's first word that is a known noun (task, message, note, event) takes the
    number: "open tasks tagged work" -> "1 open task tagged work".
    """
    words = label.split()
    for index, word in enumerate(words):
        stem = word.removesuffix("s")
        if stem in ("task", "message", "note", "event", "transaction", "project"):
            words[index] = stem if count == 1 else stem + "s"
            break
    return f"{count} {' '.join(words)}"


def _parse_when(text: str) -> date | datetime | None:
    try:
        return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    except ValueError:
        return None


def day_name(day: date, today: date) -> str:
    """'today', 'tomorrow', 'yesterday' or 'Fri 6 Mar'."""
    offset = (day - today).days
    names = {0: "today", 1: "tomorrow", -1: "yesterday"}
    return names.get(offset, f"{day:%a} {day.day} {day:%b}")


def on_day(text: str | None, today: date) -> str:
    """'today', 'tomorrow' or 'on Fri 6 Mar' for an ISO date."""
    said = when(text, today)
    return said if said in ("today", "tomorrow", "yesterday") or not said else f"on {said}"


def when(text: str | None, today: date) -> str:
    """An ISO date or date-time as people say it: 'tomorrow 17:00', 'Fri 6 Mar'."""
    if not text:
        return ""
    value = _parse_when(text)
    if value is None:
        return text
    if isinstance(value, datetime):
        return f"{day_name(value.date(), today)} {value:%H:%M}"
    return day_name(value, today)


def clock(text: str) -> str:
    value = _parse_when(text)
    return f"{value:%H:%M}" if isinstance(value, datetime) else text


def due_day(task: dict[str, Any]) -> date | None:
    """The local day a task is due on, or None."""
    value = _parse_when(str(task.get("due") or ""))
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def money(amount: Any, currency: str = "") -> str:
    text = str(amount).lstrip("-")
    return f"{text} {currency}".strip()


def bullet_list(lines: list[str], total: int | None = None) -> str:
    """Lines as a bulleted list, the first MAX_LISTED of them, saying how many more there are."""
    shown = [f"- {line}" for line in lines[:MAX_LISTED]]
    extra = (total if total is not None else len(lines)) - len(shown)
    if extra > 0:
        shown.append(f"- … and {extra} more")
    return "\n".join(shown)


def task_line(task: dict[str, Any], today: date) -> str:
    parts = [str(task.get("title", ""))]
    if task.get("due"):
        parts.append(f"due {when(task['due'], today)}")
    if task.get("priority") in ("high", "urgent"):
        parts.append(str(task["priority"]))
    return ", ".join(parts)


def tasks(items: list[dict[str, Any]], today: date, heading: str) -> str:
    """'You have 3 open tasks:' and the list, or that there are none."""
    if not items:
        return f"No {counted(0, heading)[2:]}."
    lines = [task_line(item, today) for item in items]
    return f"{counted(len(items), heading)}:\n{bullet_list(lines)}"


def event_line(event: dict[str, Any], today: date) -> str:
    title = str(event.get("title", ""))
    if event.get("all_day"):
        return f"{title} ({when(event.get('start'), today)}, all day)"
    span = f"{when(event.get('start'), today)}–{clock(str(event.get('end', '')))}"
    place = f" at {event['location']}" if event.get("location") else ""
    return f"{title} ({span}){place}"


def events(items: list[dict[str, Any]], today: date, span: str) -> str:
    if not items:
        return f"Nothing on your calendar {span}."
    lines = [event_line(item, today) for item in items]
    return f"{plural(len(items), 'event')} {span}:\n{bullet_list(lines)}"


def slots(items: list[dict[str, Any]], today: date, wanted: str) -> str:
    if not items:
        return f"I found no free slot of {wanted} in that time."
    lines = [
        f"{when(s['start'], today)}–{clock(s['end'])} ({_minutes(int(s['minutes']))})"
        for s in items
    ]
    return f"{plural(len(items), 'free slot')} of at least {wanted}:\n{bullet_list(lines)}"


def _minutes(total: int) -> str:
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"


def plan(view: dict[str, Any], today: date, applied: bool) -> str:
    """The focus blocks of a plan, what did not fit, and what applying did."""
    blocks = view.get("blocks") or []
    lines = [
        f"{b['title']}: {when(b['start'], today)}–{clock(b['end'])}"
        + (f" (part {b['part']} of {b['parts']})" if int(b.get("parts", 1)) > 1 else "")
        for b in blocks
    ]
    if applied and view.get("applied"):
        done = view["applied"]
        head = (
            f"Done: {plural(int(done['created']), 'focus block')} written to your calendar "
            f"({done['kept']} kept, {done['removed']} removed)."
        )
    elif blocks:
        head = f"Here is a plan with {plural(len(blocks), 'focus block')}:"
    else:
        head = "There is nothing to plan: no open task with an estimate fits."
    parts = [head]
    if blocks:
        parts.append(bullet_list(lines))
    unplaced = view.get("unplaced") or []
    if unplaced:
        names = ", ".join(f"{u['title']} ({u['reason']})" for u in unplaced[:MAX_LISTED])
        parts.append(f"Not placed: {names}.")
    parts.extend(str(note) + "." for note in view.get("notes") or [])
    if blocks and not applied:
        parts.append("Say 'apply the plan' to put these blocks in your calendar.")
    return "\n".join(parts)


def messages(items: list[dict[str, Any]], today: date, heading: str) -> str:
    if not items:
        return f"No {counted(0, heading)[2:]}."
    lines = [
        f"{m.get('sender', '')}: {m.get('subject') or m.get('snippet', '')} "
        f"({when(m.get('received_at'), today)})"
        for m in items
    ]
    return f"{counted(len(items), heading)}:\n{bullet_list(lines)}"


def reference(kind: str, item: dict[str, Any]) -> str:
    return f"[{kind}:{item.get('id', '')}]"


def found(items: list[dict[str, Any]], query: str) -> str:
    """Search results with a reference to each item."""
    if not items:
        return f"I found nothing about '{query}'."
    lines = [
        f"{item.get('kind', '')} \u201c{item.get('title', '')}\u201d "
        f"{reference(str(item.get('kind')), item)}"
        + (f": {item['snippet']}" if item.get("snippet") else "")
        for item in items
    ]
    return f"{plural(len(items), 'result')} for '{query}':\n{bullet_list(lines)}"


def notes(items: list[dict[str, Any]], heading: str) -> str:
    if not items:
        return f"No {counted(0, heading)[2:]}."
    lines = [
        f"{n.get('title', '')} {reference('note', n)}"
        + (f" #{' #'.join(n['tags'])}" if n.get("tags") else "")
        for n in items
    ]
    return f"{counted(len(items), heading)}:\n{bullet_list(lines)}"


def error(result_error: str) -> str:
    return f"That did not work: {result_error}"
