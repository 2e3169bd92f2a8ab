"""Registers every built-in action of every area."""

from __future__ import annotations

from types import ModuleType

from desktop.services.actions import (
    agent_actions,
    bill_actions,
    calendar_actions,
    category_actions,
    finance_actions,
    ical_actions,
    import_actions,
    ledger_actions,
    ledger_more_actions,
    message_actions,
    misc_actions,
    phrase_actions,
    project_actions,
    reminder_actions,
    review_actions,
    schedule_actions,
    task_actions,
    task_order_actions,
    workflow_actions,
)
from desktop.services.actions.registry import ActionCatalog


def register_all(catalog: ActionCatalog) -> None:
    modules: tuple[ModuleType, ...] = (
        task_actions,
        calendar_actions,
        finance_actions,
        misc_actions,
        reminder_actions,
        schedule_actions,
        ical_actions,
        phrase_actions,
        task_order_actions,
        project_actions,
        category_actions,
        import_actions,
        ledger_actions,
        bill_actions,
        ledger_more_actions,
        message_actions,
        agent_actions,
        workflow_actions,
        review_actions,
    )
    for module in modules:
        for action in module.ACTIONS:
            catalog.register(action)
