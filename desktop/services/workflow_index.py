"""Which enabled workflows of this device wait for which store event, kept in memory.

Dispatching an event must not read and parse every workflow each time: the index maps
an event name to the parsed workflows waiting for it. It is rebuilt when the
definitions change, told apart by one cheap aggregate over the `workflows` table (the
count, the tombstones and the field HLCs of the definition columns, so counters and run
times written by each run do not count as a change). Edits made by another process or
pulled by sync are noticed the same way, on the next dispatch.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, text

from desktop.core.errors import UserError
from desktop.services.base import ServiceContext, live
from desktop.services.workflow_spec import WorkflowSpec
from desktop.store.models import Workflow

log = logging.getLogger("desktop.services")

_DEFINITION_FIELDS = ("name", "enabled", "trusted", "trigger", "conditions", "steps")
_FINGERPRINT = text(
    "SELECT count(*), total(coalesce(deleted_hlc, 0) % 1000003), "
    + ", ".join(
        f"total(coalesce(json_extract(field_hlc, '$.{name}'), 0) % 1000003)"
        for name in (*_DEFINITION_FIELDS, "run_on_device")
    )
    + " FROM workflows"
)


@dataclass(frozen=True)
class IndexedWorkflow:
    """A parsed, enabled workflow that runs on this device."""

    id: uuid.UUID
    name: str
    spec: WorkflowSpec
    trusted: bool


class TriggerIndex:
    """Event name -> the workflows waiting for it, rebuilt when definitions change."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._fingerprint: tuple[object, ...] | None = None
        self._by_event: dict[str, list[IndexedWorkflow]] = {}
        self._specs: dict[uuid.UUID, tuple[int, IndexedWorkflow]] = {}

    def invalidate(self) -> None:
        self._fingerprint = None

    def for_event(self, event_name: str) -> list[IndexedWorkflow]:
        self._refresh()
        return self._by_event.get(event_name, [])

    def _refresh(self) -> None:
        with self.ctx.store.read() as session:
            fingerprint = tuple(session.execute(_FINGERPRINT).one())
            if fingerprint == self._fingerprint:
                return
            rows = session.scalars(
                select(Workflow).where(
                    live(Workflow),
                    Workflow.owner_id == self.ctx.store.user_id,
                    Workflow.enabled.is_(True),
                )
            ).all()
            self._rebuild(rows)
        self._fingerprint = fingerprint

    def _rebuild(self, rows: Sequence[Workflow]) -> None:
        from desktop.services.workflows import spec_of

        device = self.ctx.store.device_id
        by_event: dict[str, list[IndexedWorkflow]] = {}
        specs: dict[uuid.UUID, tuple[int, IndexedWorkflow]] = {}
        for row in rows:
            if (row.run_on_device or row.origin) != device:
                continue
            cached = self._specs.get(row.id)
            if cached is not None and cached[0] == row.hlc:
                entry = cached[1]
            else:
                try:
                    entry = IndexedWorkflow(row.id, row.name, spec_of(row), bool(row.trusted))
                except UserError as exc:
                    log.warning("workflow %s is skipped: %s", row.id, exc)
                    continue
            specs[row.id] = (row.hlc, entry)
            if entry.spec.trigger.kind == "event" and entry.spec.trigger.event:
                by_event.setdefault(entry.spec.trigger.event, []).append(entry)
        self._by_event = by_event
        self._specs = specs
