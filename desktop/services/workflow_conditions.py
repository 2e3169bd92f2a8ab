"""Workflow conditions and trigger filters: typed comparisons on a run's facts.

A condition's field is a dotted path into the trigger's data ("message.sender",
"transaction.amount") or a built-in fact, computed only when a condition asks for it
and then kept for the rest of the evaluation:

    time.hour, time.minute      the hour and minute now, in the user's zone
    time.weekday                "mon" .. "sun"
    date.today                  "YYYY-MM-DD" in the user's zone
    calendar.free_next_minutes  minutes until the next event starts (within a day; 1440 if none)
    tasks.overdue_count         open tasks whose due day has passed

Numbers compare as Decimal; texts compare case-insensitively for equals / contains / in;
gt/lt on texts compare them as texts (ISO dates order correctly). A missing field makes
a comparison false, except not_equals / not_contains / is_false, which then hold.

The trigger data of each store event (what dispatch receives):
    task.*              {"task": {"id", "title", "tags", "priority", "due", ...}}
    event.starting      {"event": {"id", "title", "start", ...}, "minutes_before": N}
    message.received    {"message": {"id", "sender", "sender_address", "subject", "platform"}}
    transaction.imported{"transaction": {"id", "payee", "amount", "currency", "category", ...}}
    budget.threshold    {"budget": {"category", "percent", "month", ...}}
    sync.conflict       {"conflict": {...}}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from desktop.services.workflow_spec import WEEKDAYS, Condition, ConditionGroup, Trigger
from desktop.services.workflow_templating import is_missing, resolve

if TYPE_CHECKING:
    from desktop.services.container import Services

BUILTIN_FACTS = (
    "time.hour",
    "time.minute",
    "time.weekday",
    "date.today",
    "calendar.free_next_minutes",
    "tasks.overdue_count",
)
_SUBJECTS = {
    "task": "task",
    "event": "event",
    "message": "message",
    "transaction": "transaction",
    "budget": "budget",
}
FREE_HORIZON_MINUTES = 24 * 60


class Facts:
    """What conditions can read: the trigger's data and the built-ins, computed lazily."""

    def __init__(
        self,
        data: Mapping[str, Any],
        *,
        now: datetime,
        services: Services | None = None,
    ) -> None:
        self.data = data
        self.now = now
        self._services = services
        self._cache: dict[str, Any] = {}

    def get(self, path: str) -> Any:
        """The value at `path`: a built-in fact, else the trigger's data (MISSING if absent)."""
        if path in BUILTIN_FACTS:
            if path not in self._cache:
                self._cache[path] = self._builtin(path)
            return self._cache[path]
        return resolve(path, self.data)

    def _builtin(self, path: str) -> Any:
        if path == "time.hour":
            return self.now.hour
        if path == "time.minute":
            return self.now.minute
        if path == "time.weekday":
            return WEEKDAYS[self.now.weekday()]
        if path == "date.today":
            return self.now.date().isoformat()
        if self._services is None:
            return None
        if path == "calendar.free_next_minutes":
            return _free_minutes(self._services, self.now)
        return _overdue_count(self._services)


def holds(group: ConditionGroup, facts: Facts) -> bool:
    """Whether all (or any) of the group's items hold; an empty group holds."""
    if not group.items:
        return True
    results = (
        holds(item, facts) if isinstance(item, ConditionGroup) else compare(item, facts)
        for item in group.items
    )
    return all(results) if group.mode == "all" else any(results)


def compare(condition: Condition, facts: Facts) -> bool:
    """Whether one condition holds for `facts`."""
    actual = facts.get(condition.field)
    missing = is_missing(actual) or actual is None
    op, expected = condition.op, condition.value
    if op == "is_true":
        return not missing and _truth(actual)
    if op == "is_false":
        return missing or not _truth(actual)
    if missing:
        return op in ("not_equals", "not_contains")
    return _OPERATIONS[op](actual, expected)


def describe(condition: Condition) -> str:
    """A condition as a short text, for traces and the pane."""
    if condition.op in ("is_true", "is_false"):
        return f"{condition.field} {condition.op.replace('_', ' ')}"
    return f"{condition.field} {condition.op.replace('_', ' ')} {condition.value!r}"


def trigger_matches(trigger: Trigger, data: Mapping[str, Any]) -> bool:
    """Whether an event's `data` passes the trigger's filter (see EVENT_FILTERS)."""
    subject_name = _SUBJECTS.get((trigger.event or "").split(".")[0], "")
    subject = data.get(subject_name) if subject_name else None
    subject = subject if isinstance(subject, Mapping) else {}
    return all(_filter_holds(key, wanted, subject, data) for key, wanted in trigger.filter.items())


def _filter_holds(
    key: str, wanted: Any, subject: Mapping[str, Any], data: Mapping[str, Any]
) -> bool:
    if key.endswith("_contains"):
        field_name = key.removesuffix("_contains")
        haystack = subject.get(field_name)
        if field_name == "sender":
            haystack = f"{subject.get('sender') or ''} {subject.get('sender_address') or ''}"
        return _contains(haystack, wanted)
    if key == "tag":
        return _contains(subject.get("tags") or [], wanted)
    if key in ("platform", "category"):
        return _equals(subject.get(key), wanted)
    if key == "minutes_before":
        return "minutes_before" not in data or _equals(data["minutes_before"], wanted)
    if key == "min_amount":
        amount = _number(subject.get("amount"))
        limit = _number(wanted)
        return amount is not None and limit is not None and abs(amount) >= limit
    if key == "percent":
        percent, limit = _number(subject.get("percent")), _number(wanted)
        return percent is not None and limit is not None and percent >= limit
    return False


# -- comparisons -------------------------------------------------------------------------


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (int, float, str)):
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).casefold()


def _equals(actual: Any, expected: Any) -> bool:
    if isinstance(actual, bool) or isinstance(expected, bool):
        return _text(actual) == _text(expected)
    left, right = _number(actual), _number(expected)
    if left is not None and right is not None:
        return left == right
    return _text(actual).strip() == _text(expected).strip()


def _contains(actual: Any, expected: Any) -> bool:
    if isinstance(actual, (list, tuple)):
        return any(_equals(item, expected) for item in actual)
    if actual is None:
        return False
    return _text(expected) in _text(actual)


def _ordered(actual: Any, expected: Any) -> int | None:
    """-1, 0 or 1 comparing actual with expected; None when they cannot be compared."""
    left, right = _number(actual), _number(expected)
    if left is not None and right is not None:
        return (left > right) - (left < right)
    if isinstance(actual, (int, float, Decimal)) or isinstance(expected, (int, float, Decimal)):
        return None  # a number against a text that is not a number
    a, b = _text(actual), _text(expected)
    return (a > b) - (a < b)


def _order_op(test: Callable[[int], bool]) -> Callable[[Any, Any], bool]:
    def check(actual: Any, expected: Any) -> bool:
        order = _ordered(actual, expected)
        return order is not None and test(order)

    return check


def _truth(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return bool(value)


_OPERATIONS: dict[str, Callable[[Any, Any], bool]] = {
    "equals": _equals,
    "not_equals": lambda a, e: not _equals(a, e),
    "contains": _contains,
    "not_contains": lambda a, e: not _contains(a, e),
    "gt": _order_op(lambda o: o > 0),
    "gte": _order_op(lambda o: o >= 0),
    "lt": _order_op(lambda o: o < 0),
    "lte": _order_op(lambda o: o <= 0),
    "in": lambda a, e: any(_equals(a, item) for item in e),
}


# -- built-ins that ask the services ------------------------------------------------------


def _free_minutes(services: Services, now: datetime) -> int:
    """Minutes until the next timed event starts (one under way means 0), within a day."""
    zone = services.ctx.zone
    local = now.astimezone(zone)
    horizon = now + timedelta(minutes=FREE_HORIZON_MINUTES)
    occurrences = services.calendar.occurrences(local.date(), horizon.astimezone(zone).date())
    starts = [
        occurrence.start
        for occurrence in occurrences
        if isinstance(occurrence.start, datetime)
        and isinstance(occurrence.end, datetime)
        and occurrence.end > now
        and occurrence.start < horizon
    ]
    if not starts:
        return FREE_HORIZON_MINUTES
    return max(0, int((min(starts) - now).total_seconds() // 60))


def _overdue_count(services: Services) -> int:
    """Open tasks whose due day (or instant) has passed."""
    from desktop.services.tasks import TaskFilter
    from desktop.services.today import is_overdue

    today, now = services.ctx.today(), services.ctx.now()
    due = services.tasks.list(TaskFilter(due_before=today + timedelta(days=1), limit=10_000))
    return sum(1 for task in due if is_overdue(task, today, now))
