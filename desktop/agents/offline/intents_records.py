"""Intents on notes, search, the inbox, projects and reminders."""

from __future__ import annotations

import re
from typing import Any

from desktop.agents.offline import answers
from desktop.agents.offline.intent import Intent, first, intent, items
from desktop.agents.offline.steps import Call, Request, Step, ToolResult, call, calls, say

_PLATFORMS = {"email": "email", "emails": "email", "mail": "email", "slack": "slack", "sms": "sms"}
_PLATFORMS.update(teams="teams", texts="sms")
# A message that asks for something, and one that needs nothing from the user.
_ASKS = re.compile(r"\?|\b(?:please|can you|could you|would you|let me know|rsvp|reply)\b", re.I)
_BULK = re.compile(r"\b(?:newsletter|no-?reply|notifications?|digest|unsubscribe|promo)\b", re.I)


@intent(
    "add_note",
    r"^(?:please )?(?:take|make|write|save|add|jot down|create)(?: a| me a)?(?: new)? note"
    r"(?: called| named| titled| about| that)?:? (.+)$|^note(?: that|:) (.+)$",
    ("add_note",),
    "write notes",
)
def add_note(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    added = first(done, "add_note")
    if added is not None:
        note = added.value if isinstance(added.value, dict) else {}
        return say(
            f"Saved the note \u201c{note.get('title', '')}\u201d {answers.reference('note', note)}."
        )
    text = req.words(m, 1) if m.group(1) else req.words(m, 2)
    title, sep, body = text.partition(":")
    if not sep:
        words = text.split()
        title = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        body = text
    title = title.strip()
    return call("add_note", title=title[:1].upper() + title[1:], body=body.strip() or None)


@intent(
    "summarise_notes",
    r"\b(?:summari[sz]e|sum up|what do (?:i|my notes) (?:know|say) about)(?: my)? notes?"
    r"(?: (?:about|on|for))? (.+)$|\bwhat do my notes say about (.+)$",
    ("search", "get_note"),
    "summarise notes with references",
)
def summarise_notes(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    topic = req.words(m, 1) if m.group(1) else req.words(m, 2)
    found = first(done, "search")
    if found is None:
        return call("search", query=topic, kind="note", limit=5)
    hits = items(found)
    if not hits:
        return say(f"I found no notes about '{topic}'.")
    read = [r for r in done if r.name == "get_note" and isinstance(r.value, dict)]
    if not read:
        return calls(*(Call("get_note", {"id": str(hit["id"])}) for hit in hits[:3]))
    lines = [
        f"{n.value['title']} {answers.reference('note', n.value)}: {_gist(n.value)}" for n in read
    ]
    more = f"\n({len(hits) - len(read)} more notes match.)" if len(hits) > len(read) else ""
    return say(f"What your notes say about '{topic}':\n{answers.bullet_list(lines)}{more}")


def _gist(note: dict[str, Any]) -> str:
    body = " ".join(str(note.get("body", "")).split())
    sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
    return sentence[:160] + ("…" if len(sentence) > 160 else "") or "(empty)"


@intent(
    "list_notes",
    r"\b(?:show|list|see)(?: me)? (?:all )?(?:my |the )?(?:recent )?notes\b(?: tagged #?(\w+))?",
    ("list_notes",),
    "list notes",
)
def list_notes(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_notes")
    if listed is None:
        return call("list_notes", tag=m.group(1), limit=20)
    label = f"notes tagged {m.group(1)}" if m.group(1) else "notes"
    return say(answers.notes(items(listed), label))


@intent(
    "search",
    r"^(?:please )?(?:search(?: for)?|look up|find(?: anything| everything)?(?: about)?|"
    r"what do i have (?:about|on)) (?:my notes (?:about|on|for) )?(.+)$",
    ("search",),
    "search everything",
)
def search(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    query = req.words(m)
    kind = "note" if re.search(r"\bnotes?\b", req.lower) else None
    found = first(done, "search")
    if found is None:
        return call("search", query=query, kind=kind, limit=10)
    return say(answers.found(items(found), query))


@intent(
    "triage_inbox",
    r"\b(?:triage|sort|go through|clean up) (?:my )?(?:inbox|messages|emails?|mail)\b",
    ("list_messages",),
    "triage your inbox",
)
def triage(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_messages")
    if listed is None:
        return call("list_messages", unread=True, limit=50)
    groups: dict[str, list[str]] = {"Needs a reply": [], "FYI": [], "Can be archived": []}
    for message in items(listed):
        subject = message.get("subject") or message.get("snippet")
        line = f"{message.get('sender')}: {subject} {answers.reference('message', message)}"
        text = " ".join(str(message.get(k, "")) for k in ("sender_address", "subject", "snippet"))
        group = (
            "Can be archived"
            if _BULK.search(text)
            else "Needs a reply"
            if _ASKS.search(text)
            else "FYI"
        )
        groups[group].append(line)
    if not any(groups.values()):
        return say("Your inbox has no unread messages.")
    parts = [
        f"{name} ({len(lines)}):\n{answers.bullet_list(lines)}"
        for name, lines in groups.items()
        if lines
    ]
    return say("\n".join(parts))


@intent(
    "list_messages",
    r"\b(?:unread|new|recent|latest)? ?(?:messages|emails|mails|slack|texts|inbox)\b",
    ("list_messages",),
    "read your inbox",
)
def list_messages(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    unread = bool(re.search(r"\b(?:unread|new)\b", req.lower)) or None
    platform = next((p for w, p in _PLATFORMS.items() if re.search(rf"\b{w}\b", req.lower)), None)
    listed = first(done, "list_messages")
    if listed is None:
        return call("list_messages", unread=unread, platform=platform, limit=20)
    label = ("unread " if unread else "") + (f"{platform} " if platform else "") + "messages"
    return say(answers.messages(items(listed), req.today, label))


@intent(
    "mark_message",
    r"^(?:please )?(?:(mark) (?:the )?(?:message|email|mail) from (.+?) (?:as )?(read|unread)"
    r"|(archive|star) (?:the )?(?:message|email|mail) from (.+))$",
    ("list_messages", "mark_message"),
    "mark messages read, starred or archived",
)
def mark_message(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    sender = req.words(m, 2) if m.group(1) else req.words(m, 5)
    change: dict[str, Any] = (
        {"read": m.group(3) == "read"}
        if m.group(1)
        else {"archived" if m.group(4) == "archive" else "starred": True}
    )
    listed = first(done, "list_messages")
    if listed is None:
        return call("list_messages", limit=50)
    mine = [x for x in items(listed) if sender.casefold() in str(x.get("sender", "")).casefold()]
    if not mine:
        return say(f"I found no message from {sender}.")
    if first(done, "mark_message") is None:
        return call("mark_message", id=str(mine[0]["id"]), **change)
    what = ", ".join(k if v else f"not {k}" for k, v in change.items())
    return say(
        f"Marked the message from {mine[0].get('sender')} "
        f"\u201c{mine[0].get('subject')}\u201d {what}."
    )


@intent(
    "project_work",
    r"\b(?:open work|what(?:'s| is) (?:open|left)|summari[sz]e|status of|tasks? (?:in|for|of))"
    r"(?: (?:in|on|for))? (?:the )?project (.+)$"
    r"|\bproject (.+?)(?:'s)? (?:open work|status|tasks)$",
    ("list_projects", "list_tasks"),
    "summarise a project's open work",
)
def project_work(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    name = req.words(m, 1) if m.group(1) else req.words(m, 2)
    projects = first(done, "list_projects")
    if projects is None:
        return call("list_projects")
    project = next(
        (p for p in items(projects) if str(p.get("name", "")).casefold() == name.casefold()), None
    )
    if project is None:
        known = ", ".join(str(p.get("name")) for p in items(projects)) or "none yet"
        return say(f"There is no project called {name} (projects: {known}).")
    tasks = first(done, "list_tasks")
    if tasks is None:
        return call("list_tasks", status="open")
    mine = [t for t in items(tasks) if t.get("project_id") == project.get("id")]
    reference = answers.reference("project", project)
    head = f"Project {project['name']} ({project.get('status')}) {reference}"
    return say(f"{head}:\n" + answers.tasks(mine, req.today, "open tasks"))


@intent(
    "add_project",
    r"^(?:please )?(?:add|create|start|new)(?: a)?(?: new)? project(?: called| named)?:? (.+)$",
    ("add_project",),
    "add projects",
)
def add_project(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    added = first(done, "add_project")
    if added is None:
        return call("add_project", name=req.words(m))
    project = added.value if isinstance(added.value, dict) else {}
    return say(f"Added the project {project.get('name')} {answers.reference('project', project)}.")


@intent(
    "list_projects", r"\b(?:my |all |list |show )?projects\b", ("list_projects",), "list projects"
)
def list_projects(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_projects")
    if listed is None:
        return call("list_projects")
    rows = items(listed)
    if not rows:
        return say("You have no projects yet.")
    lines = [f"{p.get('name')} ({p.get('status')})" for p in rows]
    return say(f"{answers.plural(len(rows), 'project')}:\n{answers.bullet_list(lines)}")


@intent(
    "list_reminders",
    r"\b(?:reminders|what (?:will|should) you remind me)\b",
    ("list_reminders",),
    "list reminders",
)
def reminders(req: Request, m: re.Match[str], done: list[ToolResult]) -> Step:
    listed = first(done, "list_reminders")
    if listed is None:
        return call("list_reminders")
    rows = items(listed)
    if not rows:
        return say("No reminders in the next 7 days.")
    lines = [f"{r.get('title')} ({answers.when(r.get('fire_at'), req.today)})" for r in rows]
    return say(f"{answers.plural(len(rows), 'reminder')}:\n{answers.bullet_list(lines)}")


ADDING: tuple[Intent, ...] = (add_note, add_project)
SPECIFIC: tuple[Intent, ...] = (
    summarise_notes,
    list_notes,
    triage,
    mark_message,
    project_work,
    search,
)
GENERAL: tuple[Intent, ...] = (list_messages, list_projects, reminders)
