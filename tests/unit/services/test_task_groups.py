"""Task counts per project and per tag (the Tasks pane's group heads), and the filters
that list one group: no project, no tag, a second tag."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services.container import Services
from desktop.services.tasks import ProjectCount, TagCount, TaskDraft, TaskFilter

TODAY = date(2026, 3, 4)


def _seed(services: Services) -> dict[str, object]:
    atrium = services.records.add_project("Atrium").value
    garden = services.records.add_project("garden").value
    services.records.add_project("Empty")  # no tasks: no group
    services.tasks.add_many(
        [
            TaskDraft("Ship it", project_id=atrium.id, tags=["work", "Urgent"], due=TODAY),
            TaskDraft("Write docs", project_id=atrium.id, tags=["work"]),
            TaskDraft("Plant roses", project_id=garden.id, tags=["home"]),
            TaskDraft("Buy milk", tags=["home", "errand"], due=TODAY),
            TaskDraft("Think", due=TODAY + timedelta(days=3)),
            TaskDraft("Old", project_id=garden.id, tags=["WORK"], status="done"),
        ]
    )
    return {"atrium": atrium.id, "garden": garden.id}


def test_counts_per_project_name_each_project_and_put_no_project_last(
    services: Services,
) -> None:
    ids = _seed(services)
    counts = services.tasks.count_by_project(TaskFilter())
    assert counts == [
        ProjectCount(ids["atrium"], "Atrium", 2),  # type: ignore[arg-type]
        ProjectCount(ids["garden"], "garden", 1),  # type: ignore[arg-type]
        ProjectCount(None, None, 2),
    ]
    done = services.tasks.count_by_project(TaskFilter(status="done"))
    assert done == [ProjectCount(ids["garden"], "garden", 1)]  # type: ignore[arg-type]


def test_counts_per_tag_count_a_task_under_each_tag_ignoring_case(services: Services) -> None:
    _seed(services)
    counts = services.tasks.count_by_tag(TaskFilter())
    assert counts == [
        TagCount("errand", 1),
        TagCount("home", 2),
        TagCount("Urgent", 1),
        TagCount("work", 2),
        TagCount(None, 1),
    ]
    every = {
        c.tag.lower() if c.tag else None: c.count
        for c in services.tasks.count_by_tag(TaskFilter(status="all"))
    }
    assert every["work"] == 3  # "work" and "WORK" are one tag


def test_counts_follow_the_filter_of_the_view(services: Services) -> None:
    _seed(services)
    due_today = TaskFilter(due_before=TODAY + timedelta(days=1))
    assert services.tasks.count_by_tag(due_today) == [
        TagCount("errand", 1),
        TagCount("home", 1),
        TagCount("Urgent", 1),
        TagCount("work", 1),
    ]
    assert [c.count for c in services.tasks.count_by_project(due_today)] == [1, 1]
    searched = TaskFilter(search="roses")
    assert services.tasks.count_by_tag(searched) == [TagCount("home", 1)]
    assert services.tasks.count_by_project(TaskFilter(tag="errand")) == [
        ProjectCount(None, None, 1)
    ]


def test_the_group_filters_list_the_tasks_of_one_group(services: Services) -> None:
    ids = _seed(services)

    def titles(flt: TaskFilter) -> list[str]:
        return sorted(t.title for t in services.tasks.list(flt))

    assert titles(TaskFilter(no_project=True)) == ["Buy milk", "Think"]
    assert titles(TaskFilter(untagged=True)) == ["Think"]
    assert titles(TaskFilter(tag="home", also_tag="#ERRAND")) == ["Buy milk"]
    assert titles(TaskFilter(also_tag="work")) == ["Ship it", "Write docs"]
    assert titles(TaskFilter(project_id=ids["garden"], status="all")) == ["Old", "Plant roses"]  # type: ignore[arg-type]
    assert services.tasks.count(TaskFilter(untagged=True, no_project=True)) == 1


def test_deleted_tasks_and_deleted_projects_are_not_counted(services: Services) -> None:
    ids = _seed(services)
    milk = services.tasks.list(TaskFilter(search="milk"))[0]
    services.tasks.delete(milk.id)
    services.records.delete_project(str(ids["garden"]))  # its tasks leave the project
    by_tag = {c.tag: c.count for c in services.tasks.count_by_tag(TaskFilter())}
    assert "errand" not in by_tag
    assert by_tag["home"] == 1
    by_project = services.tasks.count_by_project(TaskFilter())
    assert [(c.name, c.count) for c in by_project] == [("Atrium", 2), (None, 2)]


def test_no_tasks_no_groups(services: Services) -> None:
    assert services.tasks.count_by_project(TaskFilter()) == []
    assert services.tasks.count_by_tag(TaskFilter()) == []
