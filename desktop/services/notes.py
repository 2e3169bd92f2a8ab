"""Notes: Markdown bodies with tags and links to other records."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.base import (
    Outcome,
    ServiceContext,
    clean_tags,
    clean_text,
    get_live,
    live,
    require_id,
)
from desktop.store.models import LINK_KINDS, Note, NoteLink

NOTES = Changes(notes=True)


@dataclass(frozen=True)
class NoteLinkView:
    target_kind: str
    target_id: uuid.UUID


@dataclass(frozen=True)
class NoteView:
    id: uuid.UUID
    title: str
    body: str
    tags: tuple[str, ...]
    pinned: bool
    links: tuple[NoteLinkView, ...]
    created_at: datetime
    updated_at: datetime


class NoteService:
    """Use cases on notes."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(
        self,
        title: str,
        body: str = "",
        tags: list[str] | None = None,
        links: list[tuple[str, str]] | None = None,
    ) -> Outcome[NoteView]:
        with self.ctx.store.unit_of_work() as uow:
            row = Note(
                title=clean_text(title, "title", limit=500, required=True),
                body=clean_text(body, "body", limit=1_000_000),
                tags=clean_tags(tags),
            )
            uow.s.add(row)
            uow.s.flush()
            for kind, target in links or ():
                uow.s.add(_link(row.id, kind, target))
            uow.commit()
        return Outcome(self.get(row.id), NOTES)

    def update(
        self,
        note_id: str | uuid.UUID,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: list[str] | None = None,
        pinned: bool | None = None,
    ) -> Outcome[NoteView]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Note, note_id, "note")
            if title is not None:
                row.title = clean_text(title, "title", limit=500, required=True)
            if body is not None:
                row.body = clean_text(body, "body", limit=1_000_000)
            if tags is not None:
                row.tags = clean_tags(tags)
            if pinned is not None:
                row.pinned = pinned
            uow.commit()
        return Outcome(self.get(row.id), NOTES)

    def link(self, note_id: str | uuid.UUID, kind: str, target: str) -> Outcome[NoteView]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Note, note_id, "note")
            uow.s.add(_link(row.id, kind, target))
            uow.commit()
        return Outcome(self.get(row.id), NOTES)

    def delete(self, note_id: str | uuid.UUID) -> Outcome[int]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Note, note_id, "note")
            for link in uow.s.scalars(
                select(NoteLink).where(live(NoteLink), NoteLink.note_id == row.id)
            ):
                uow.tombstone(link)
            uow.tombstone(row)
            uow.commit()
            return Outcome(1, NOTES)

    def get(self, note_id: str | uuid.UUID) -> NoteView:
        with self.ctx.store.read() as session:
            row = get_live(session, Note, note_id, "note")
            links = session.scalars(
                select(NoteLink).where(live(NoteLink), NoteLink.note_id == row.id)
            )
            return _view(
                row, tuple(NoteLinkView(link.target_kind, link.target_id) for link in links)
            )

    def list(self, *, tag: str | None = None, limit: int | None = None) -> list[NoteView]:
        # Plain columns, not ORM objects: listing thousands of notes stays cheap.
        query = (
            select(
                Note.id,
                Note.title,
                Note.body,
                Note.tags,
                Note.pinned,
                Note.created_at,
                Note.updated_at,
            )
            .where(live(Note), Note.owner_id == self.ctx.store.user_id)
            .order_by(Note.pinned.desc(), Note.updated_at.desc())
        )
        if tag:
            query = query.where(
                text(
                    "EXISTS (SELECT 1 FROM json_each(notes.tags) WHERE lower(value) = :tag)"
                ).bindparams(tag=tag.strip().lstrip("#").lower())
            )
        if limit is not None:
            query = query.limit(limit)
        with self.ctx.store.read() as session:
            return [
                NoteView(ident, title, body, tuple(tags or ()), pinned, (), created, updated)
                for ident, title, body, tags, pinned, created, updated in session.execute(query)
            ]


def _link(note_id: uuid.UUID, kind: str, target: str) -> NoteLink:
    if kind not in LINK_KINDS:
        raise UserError(f"'{kind}' cannot be linked; use one of {', '.join(LINK_KINDS)}")
    return NoteLink(note_id=note_id, target_kind=kind, target_id=require_id(target, kind))


def _view(row: Note, links: tuple[NoteLinkView, ...]) -> NoteView:
    return NoteView(
        row.id,
        row.title,
        row.body,
        tuple(row.tags or ()),
        row.pinned,
        links,
        row.created_at,
        row.updated_at,
    )
