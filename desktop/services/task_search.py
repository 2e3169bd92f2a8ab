"""Tasks matching typed words: how a task query is narrowed by the full-text index.

Two plans, chosen by how many tasks match (counted from the index alone, about a
millisecond):
- many matches ("re" in 100k tasks): keep the view's own index order and test each
  task against the matching set; the first page fills after a few hundred rows.
- few matches ("review 1"): start from the matches and look each task up by id;
  scanning the view in order would read every task to find a handful (50 ms vs 0.1).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, column, text
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.search import fts_query
from desktop.store.models import Task

# Up to this many matching tasks, the page is read starting from the matches.
DRIVE_LIMIT = 5000

# Many matches: their ids through search_map's index on the FTS rowid (reading `ref`
# from the FTS table loads each match's whole text, 3x slower).
_REFS_SQL = (
    "SELECT ref FROM search_map WHERE fts_rowid IN "
    "(SELECT rowid FROM search_index WHERE search_index MATCH :match)"
)
# Few matches: read from the FTS table, which SQLite then drives the join from (through
# search_map it may instead probe the index once per task: seconds).
_FEW_REFS_SQL = "SELECT ref FROM search_index WHERE search_index MATCH :match"
_COUNT_SQL = text(
    "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH :match LIMIT :cap)"
)


def task_match(search: str) -> str:
    """The FTS5 query for tasks matching `search`; UserError when it has no words."""
    match = fts_query(search, "task")
    if match is None:
        raise UserError("the search has no words to look for")
    return match


def narrow_by_search(query: Select[Any], match: str, session: Session | None) -> Select[Any]:
    """`query` limited to the tasks matching `match`.

    With a `session` the plan is chosen by the number of matches (see the module's
    docstring); without one, or with many matches, the condition stays in the WHERE
    clause (which is also what callers that reuse the WHERE clause need).
    """
    if session is not None and _few(session, match):
        found = (
            text(_FEW_REFS_SQL)
            .bindparams(match=match)
            .columns(column("ref", Task.id.type))
            .subquery("found")
        )
        return query.join(found, Task.id == found.c.ref)
    return query.where(text(f"tasks.id IN ({_REFS_SQL})").bindparams(match=match))


def _few(session: Session, match: str) -> bool:
    found = session.scalar(_COUNT_SQL, {"match": match, "cap": DRIVE_LIMIT + 1}) or 0
    return int(found) <= DRIVE_LIMIT
