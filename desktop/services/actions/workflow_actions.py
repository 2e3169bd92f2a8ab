"""Actions on workflows: list, show, add, enable, disable, delete, run, runs, approvals."""

from __future__ import annotations

from typing import Any

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param
from desktop.services.base import Outcome
from desktop.services.container import Services
from desktop.store.events import current_depth


def _id(what: str = "workflow") -> Param:
    return Param("id", "string", f"the {what}'s id", required=True, format="id")


def _run(s: Services, a: dict[str, Any]) -> Any:
    # Started by another workflow's step: one level deeper, so a chain of workflows that
    # trigger each other stops at the loop guard (store_events.MAX_DEPTH).
    view = s.workflows.run(a["id"], dry_run=bool(a.get("dry_run", False)), depth=current_depth())
    return Outcome(view, view.changes | Changes(workflows=True))


def _approve(s: Services, a: dict[str, Any]) -> Any:
    view = s.workflows.approve(a["id"])
    return Outcome(view, view.changes | Changes(workflows=True))


def _deny(s: Services, a: dict[str, Any]) -> Any:
    return Outcome(s.workflows.deny(a["id"]), Changes(workflows=True))


def _update(s: Services, a: dict[str, Any]) -> Any:
    if "definition" not in a:  # an unknown workflow is named first, then what is missing
        s.workflows.get(a["id"])
        raise UserError("update_workflow needs definition: the whole new definition")
    return s.workflows.update(a["id"], a["definition"])


ACTIONS = (
    Action(
        "list_workflows",
        "List workflows with their trigger, last run and status",
        "read",
        lambda s, a: s.workflows.list(),
        area="workflows",
    ),
    Action(
        "show_workflow",
        "Show one workflow with its whole definition",
        "read",
        lambda s, a: s.workflows.get(a["id"]),
        (_id(),),
        area="workflows",
    ),
    Action(
        "add_workflow",
        "Add a workflow from its definition (name, trigger, conditions, steps)",
        "write",
        lambda s, a: s.workflows.add(a["definition"]),
        (
            Param(
                "definition",
                "object",
                "the workflow as in a workflow file: name, trigger, conditions, steps",
                required=True,
            ),
        ),
        area="workflows",
    ),
    Action(
        "update_workflow",
        "Replace a workflow's definition (its runs and counters stay)",
        "write",
        _update,
        (
            _id(),
            Param(
                "definition",
                "object",
                "the whole new definition, as in a workflow file (required)",
            ),
        ),
        area="workflows",
    ),
    Action(
        "enable_workflow",
        "Turn a workflow on",
        "write",
        lambda s, a: s.workflows.set_enabled(a["id"], True),
        (_id(),),
        area="workflows",
    ),
    Action(
        "disable_workflow",
        "Turn a workflow off (it keeps its runs)",
        "write",
        lambda s, a: s.workflows.set_enabled(a["id"], False),
        (_id(),),
        area="workflows",
    ),
    Action(
        "delete_workflow",
        "Delete a workflow",
        "destructive",
        lambda s, a: s.workflows.delete(a["id"]),
        (_id(),),
        area="workflows",
    ),
    Action(
        "run_workflow",
        "Run a workflow now (outbound steps still wait for approval unless it is trusted), "
        "or show what it would do",
        "write",
        _run,
        (_id(), Param("dry_run", "boolean", "only show what each step would do")),
        area="workflows",
    ),
    Action(
        "list_workflow_runs",
        "List a workflow's latest runs with their step traces",
        "read",
        lambda s, a: s.workflows.runs(a["id"], a.get("limit", 20)),
        (_id(), Param("limit", "integer", "how many runs (default 20)")),
        area="workflows",
    ),
    Action(
        "approve_workflow_run",
        "Approve the step a workflow run waits at, and let the run go on",
        "outbound",
        _approve,
        (_id("run"),),
        area="workflows",
    ),
    Action(
        "deny_workflow_run",
        "Refuse the step a workflow run waits at; the run stops",
        "write",
        _deny,
        (_id("run"),),
        area="workflows",
    ),
)
