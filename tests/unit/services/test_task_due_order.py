"""Pages of tasks due before a limit: the fast merged read gives exactly the SQL order's rows.

Randomized data (a fixed seed, so a failure replays) over many filters, limits and offsets.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.services.container import Services
from desktop.services.tasks import TaskDraft, TaskFilter


def sql_order(services: Services, flt: TaskFilter) -> list[str]:
    """What `list` returned before the fast path: one query ordered by the due expression."""
    query = services.tasks._filtered(flt)
    assert flt.limit is not None
    query = query.limit(flt.limit).offset(flt.offset)
    with services.store.read() as session:
        return [str(row.id) for row in session.scalars(query)]


@pytest.fixture
def many(services: Services) -> Services:
    rng = random.Random(5)
    start = date(2026, 2, 1)
    drafts = []
    for i in range(400):
        day = start + timedelta(days=rng.randrange(40))
        if rng.random() < 0.5:
            due: date | datetime = day
        else:  # timed, often on the same hour, some exactly at local midnight
            hour = rng.choice((0, 9, 9, 14))
            due = datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - timedelta(hours=1)
        drafts.append(
            TaskDraft(
                title=f"Task {i}",
                due=due,
                priority=rng.choice(("low", "medium", "high", "urgent")),
                status=rng.choice(("todo", "todo", "in_progress", "done", "cancelled")),
            )
        )
    services.tasks.add_many(drafts)
    return services


@pytest.mark.parametrize("status", ["open", "all", "cancelled"])
@pytest.mark.parametrize(("limit", "offset"), [(10, 0), (50, 0), (25, 40), (500, 0)])
@pytest.mark.parametrize(
    "before", [date(2026, 3, 5), date(2026, 2, 3), datetime(2026, 3, 1, 8, 30, tzinfo=UTC)]
)
def test_the_merged_page_equals_the_sql_order(
    many: Services, status: str, limit: int, offset: int, before: date | datetime
) -> None:
    flt = TaskFilter(status=status, due_before=before, limit=limit, offset=offset)
    fast = [str(task.id) for task in many.tasks.list(flt)]
    assert fast == sql_order(many, flt)
    if offset == 0 and before != date(2026, 2, 3):  # the early limit holds too few tasks
        assert fast, "the comparison must not be between two empty pages"


def test_search_and_tags_still_apply(many: Services) -> None:
    flt = TaskFilter(search="task", due_before=date(2026, 3, 5), limit=30)
    assert [str(t.id) for t in many.tasks.list(flt)] == sql_order(many, flt)
    assert len(many.tasks.list(flt)) == 30


def test_counting_many_filters_at_once_equals_counting_each(many: Services) -> None:
    filters = {
        "today": TaskFilter(due_before=date(2026, 3, 5)),
        "overdue": TaskFilter(due_before=datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
        "upcoming": TaskFilter(due_after=date(2026, 3, 5)),
        "done": TaskFilter(status="done"),
        "all": TaskFilter(roots_only=True, order="manual"),
        "searched": TaskFilter(search="task 1", status="all"),
    }
    together = many.tasks.count_many(filters)
    assert together == {name: many.tasks.count(flt) for name, flt in filters.items()}
    assert all(together.values())
