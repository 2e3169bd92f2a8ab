"""Read actions on the agents' record: performance per agent and the steps awaiting approval.

Approving or denying a step is deliberately not an action: every action can be an
agent's tool, and an agent must never approve its own pending steps. The user
approves through `atrium agent approve` or the Agents pane (desktop.agents.service).
"""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.agent_logs import AgentLogService
from desktop.services.container import Services


def _stats(s: Services, a: dict[str, Any]) -> Any:
    return AgentLogService(s.ctx).stats()


def _approvals(s: Services, a: dict[str, Any]) -> Any:
    return AgentLogService(s.ctx).pending(a.get("limit", 500))


ACTIONS = (
    Action(
        "agent_stats",
        "Each agent's runs, success rate, median latency and cost this month",
        "read",
        _stats,
        area="agents",
    ),
    Action(
        "list_agent_approvals",
        "List agent steps that wait for the user's approval, newest first",
        "read",
        _approvals,
        (Param("limit", "integer", "look at most at this many recent runs"),),
        area="agents",
    ),
)
