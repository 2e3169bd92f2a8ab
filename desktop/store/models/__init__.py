"""Every model, importable from one place (Alembic's target metadata)."""

from desktop.store.models.automation import AgentLog, VoiceCommand, Workflow, WorkflowRun
from desktop.store.models.base import SYNC_COLUMNS, Base, Synced
from desktop.store.models.calendar import Attendee, CalendarEvent
from desktop.store.models.finance import (
    ACCOUNT_KINDS,
    RULE_PAYEE_OPS,
    Account,
    Budget,
    CategoryRule,
    ExchangeRate,
    ImportBatch,
    Transaction,
    TransactionSplit,
)
from desktop.store.models.inbox import PLATFORMS, Integration, Message
from desktop.store.models.local import AppMeta, LocalEvent
from desktop.store.models.notes import LINK_KINDS, Note, NoteLink
from desktop.store.models.people import DevProject, User
from desktop.store.models.reminders import REMINDER_STATES, ReminderState
from desktop.store.models.tasks import PRIORITIES, TASK_STATUSES, Task

SYNCED_MODELS: tuple[type[Synced], ...] = (
    User,
    DevProject,
    Task,
    CalendarEvent,
    Attendee,
    Message,
    Integration,
    Account,
    Transaction,
    Budget,
    CategoryRule,
    ImportBatch,
    TransactionSplit,
    ExchangeRate,
    Note,
    NoteLink,
    Workflow,
    WorkflowRun,
    VoiceCommand,
    AgentLog,
    ReminderState,
)

__all__ = [
    "ACCOUNT_KINDS",
    "LINK_KINDS",
    "PLATFORMS",
    "PRIORITIES",
    "REMINDER_STATES",
    "RULE_PAYEE_OPS",
    "SYNCED_MODELS",
    "SYNC_COLUMNS",
    "TASK_STATUSES",
    "Account",
    "AgentLog",
    "AppMeta",
    "Attendee",
    "Base",
    "Budget",
    "CalendarEvent",
    "CategoryRule",
    "DevProject",
    "ExchangeRate",
    "ImportBatch",
    "Integration",
    "LocalEvent",
    "Message",
    "Note",
    "NoteLink",
    "ReminderState",
    "Synced",
    "Task",
    "Transaction",
    "TransactionSplit",
    "User",
    "VoiceCommand",
    "Workflow",
    "WorkflowRun",
]
