"""Full-text search across tasks, events, notes, messages and transactions (FTS5)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import text

from desktop.core.errors import UserError
from desktop.services.base import ServiceContext

KINDS = ("task", "event", "note", "message", "transaction")
_WORD = re.compile(r"\w+", re.UNICODE)

# Relevance ranking (bm25) costs a few microseconds per matching row, and a
# common word can match a large part of everything the user has. Ranking is
# therefore done among the CANDIDATES most recent matches (FTS rowids grow with
# every insert and edit): FTS5 walks a doclist backwards cheaply, and a rowid
# floor bounds the ranked set. Rarer words rank every match.
CANDIDATES = 2000

_FLOOR_SQL = text(
    """
    SELECT rowid FROM search_index
    WHERE search_index MATCH :match
    ORDER BY rowid DESC LIMIT 1 OFFSET :offset
    """
)

# bm25 weights: a hit in the title counts more than one in the body.
_SEARCH_SQL = text(
    """
    SELECT kind, ref, title,
           snippet(search_index, 1, '[', ']', '…', 12) AS snippet,
           bm25(search_index, 5.0, 1.0) AS score
    FROM search_index
    WHERE search_index MATCH :match AND rowid >= :floor
    ORDER BY score
    LIMIT :limit
    """
)


@dataclass(frozen=True)
class SearchHit:
    """One search result."""

    kind: str
    id: uuid.UUID
    title: str
    snippet: str


def fts_query(query: str, kind: str | None = None) -> str | None:
    """User words as a safe FTS5 query: every word must appear in the title or body, the
    last as a prefix; with `kind`, only rows of that kind. None when there is no word.

    FTS5 syntax in user input (quotes, AND, NEAR, column filters) is neutralised
    by quoting each word. The kind is an indexed column, so it narrows the match in
    the index instead of being read from every matching row.
    """
    words = _WORD.findall(query)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    if len(words[-1]) >= 2:
        quoted[-1] += "*"
    match = "{title body} : (" + " ".join(quoted) + ")"
    return match if kind is None else f'kind : "{kind}" AND {match}'


class SearchService:
    """Search everything the user has."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, query: str, *, kind: str | None = None, limit: int = 20) -> list[SearchHit]:
        if kind is not None and kind not in KINDS:
            raise UserError(f"'{kind}' is not something to search; use one of {', '.join(KINDS)}")
        match = fts_query(query, kind)
        if match is None:
            raise UserError("the search has no words to look for")
        if not 1 <= limit <= 500:
            raise UserError("the limit must be between 1 and 500")
        with self.ctx.store.read() as session:
            floor = session.scalar(_FLOOR_SQL, {"match": match, "offset": CANDIDATES - 1})
            rows = session.execute(
                _SEARCH_SQL, {"match": match, "limit": limit, "floor": floor or 0}
            )
            return [
                SearchHit(
                    kind=row.kind, id=uuid.UUID(hex=row.ref), title=row.title, snippet=row.snippet
                )
                for row in rows
            ]
