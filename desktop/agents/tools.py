"""The tools an agent may call: actions of the catalog, described for a model.

A tool is an action's name, one-line description, JSON schema and risk level
(`ToolSpec`). A specialist names the actions it needs; `tool_specs` looks them
up in the catalog, so a capability added to the catalog is a tool at once.
Actions that steer the agents themselves are never tools: an agent must not be
able to approve its own pending steps.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.agents.model import ToolSpec
from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, ActionCatalog, default_catalog

# Names an agent is never given, whatever a specialist lists.
NEVER_TOOLS = frozenset({"approve_agent_step", "deny_agent_step", "run_agent"})


def tool_spec(action: Action) -> ToolSpec:
    """The tool definition of one action."""
    return ToolSpec(
        name=action.name,
        description=action.description,
        parameters=action.schema(),
        risk=action.risk,
    )


def tool_specs(names: Iterable[str], catalog: ActionCatalog | None = None) -> tuple[ToolSpec, ...]:
    """The tools for `names`, in the order given, each once.

    A UserError names an unknown action or one an agent may not call.
    """
    source = catalog or default_catalog()
    specs: dict[str, ToolSpec] = {}
    for name in names:
        if name in NEVER_TOOLS:
            raise UserError(f"'{name}' steers the agents themselves and cannot be an agent's tool")
        if name not in specs:
            specs[name] = tool_spec(source.get(name))
    return tuple(specs.values())
