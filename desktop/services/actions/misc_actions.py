"""Actions on notes, messages, search, the profile and the record-only areas."""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services
from desktop.store.models import PLATFORMS


def _id(what: str) -> Param:
    return Param("id", "string", f"the {what}'s id", required=True, format="id")


def _update_profile(s: Services, a: dict[str, Any]) -> Any:
    return s.profile.update(
        display_name=a.get("display_name"),
        email=a.get("email"),
        time_zone=a.get("time_zone"),
        locale=a.get("locale"),
    )


ACTIONS = (
    Action(
        "add_note",
        "Write a note",
        "write",
        lambda s, a: s.notes.add(a["title"], a.get("body", ""), a.get("tags")),
        (
            Param("title", "string", "the note's title", required=True),
            Param("body", "string", "the text, in Markdown"),
            Param("tags", "array", "tags (words, without #)"),
        ),
        area="notes",
    ),
    Action(
        "list_notes",
        "List notes, newest first",
        "read",
        lambda s, a: s.notes.list(tag=a.get("tag"), limit=a.get("limit")),
        (
            Param("tag", "string", "only notes with this tag"),
            Param("limit", "integer", "at most this many"),
        ),
        area="notes",
    ),
    Action(
        "get_note",
        "Show one note",
        "read",
        lambda s, a: s.notes.get(a["id"]),
        (_id("note"),),
        area="notes",
    ),
    Action(
        "update_note",
        "Change a note's title, text, tags or pin",
        "write",
        lambda s, a: s.notes.update(
            a["id"],
            title=a.get("title"),
            body=a.get("body"),
            tags=a.get("tags"),
            pinned=a.get("pinned"),
        ),
        (
            _id("note"),
            Param("title", "string", "the new title"),
            Param("body", "string", "the new text, in Markdown"),
            Param("tags", "array", "the new tags (words, without #), replacing the old ones"),
            Param("pinned", "boolean", "pinned to the top of the list or not"),
        ),
        area="notes",
    ),
    Action(
        "delete_note",
        "Delete a note",
        "destructive",
        lambda s, a: s.notes.delete(a["id"]),
        (_id("note"),),
        area="notes",
    ),
    Action(
        "list_messages",
        "List inbox messages, newest first",
        "read",
        lambda s, a: s.messages.list(
            unread=bool(a.get("unread")), platform=a.get("platform"), limit=a.get("limit", 200)
        ),
        (
            Param("unread", "boolean", "only unread messages"),
            Param("platform", "string", "only this platform", enum=PLATFORMS),
            Param("limit", "integer", "at most this many"),
        ),
        area="inbox",
    ),
    Action(
        "mark_message",
        "Mark a message read or unread, starred, archived",
        "write",
        lambda s, a: s.messages.mark(
            a["id"], read=a.get("read"), starred=a.get("starred"), archived=a.get("archived")
        ),
        (
            _id("message"),
            Param("read", "boolean", "read (true) or unread (false)"),
            Param("starred", "boolean", "starred or not"),
            Param("archived", "boolean", "archived or back in the inbox"),
        ),
        area="inbox",
    ),
    Action(
        "delete_message",
        "Delete a message",
        "destructive",
        lambda s, a: s.messages.delete(a["id"]),
        (_id("message"),),
        area="inbox",
    ),
    Action(
        "search",
        "Search tasks, events, notes, messages and transactions",
        "read",
        lambda s, a: s.search.search(a["query"], kind=a.get("kind"), limit=a.get("limit", 20)),
        (
            Param("query", "string", "words to look for", required=True),
            Param(
                "kind",
                "string",
                "only this kind of record",
                enum=("task", "event", "note", "message", "transaction"),
            ),
            Param("limit", "integer", "at most this many results"),
        ),
        area="search",
    ),
    Action(
        "get_profile",
        "Show the user's profile",
        "read",
        lambda s, a: s.profile.get(),
        area="profile",
    ),
    Action(
        "update_profile",
        "Change the user's name, email, time zone or locale",
        "write",
        _update_profile,
        (
            Param("display_name", "string", "the name to show"),
            Param("email", "string", "email address"),
            Param("time_zone", "string", "IANA time zone such as Europe/Berlin"),
            Param("locale", "string", "locale such as en_GB"),
        ),
        area="profile",
    ),
    Action(
        "add_project",
        "Add a project",
        "write",
        lambda s, a: s.records.add_project(
            a["name"], repository_url=a.get("repository_url"), description=a.get("description", "")
        ),
        (
            Param("name", "string", "the project's name", required=True),
            Param("repository_url", "string", "its repository, e.g. https://github.com/o/r"),
            Param("description", "string", "what it is"),
        ),
        area="projects",
    ),
    Action(
        "list_projects", "List projects", "read", lambda s, a: s.records.projects(), area="projects"
    ),
    Action(
        "list_voice_commands",
        "List custom voice commands",
        "read",
        lambda s, a: s.records.voice_commands(),
        area="voice",
    ),
    Action(
        "add_voice_command",
        "Bind a spoken phrase to an action",
        "write",
        lambda s, a: s.records.add_voice_command(a["phrase"], a["action"]),
        (
            Param("phrase", "string", "what to say", required=True),
            Param("action", "string", "the action to run", required=True),
        ),
        area="voice",
    ),
    Action(
        "list_agent_logs",
        "List recent agent runs",
        "read",
        lambda s, a: s.records.agent_logs(a.get("limit", 100)),
        (Param("limit", "integer", "at most this many"),),
        area="agents",
    ),
    Action(
        "list_integrations",
        "List connected accounts and their state",
        "read",
        lambda s, a: s.records.integrations(),
        area="integrations",
    ),
)
