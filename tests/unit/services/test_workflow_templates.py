"""The template gallery on a real store: every template parses and dry-runs, and the ones
with an effect do it for real, fired the way the running app fires them (store events,
derived events) where the trigger is an event.

The fixed clock says Wednesday 2026-03-04, 11:00 in Berlin.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.calendar_views import EventDraft
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.messages import IncomingMessage
from desktop.services.store_events import StoreEvent, StoreEventService
from desktop.services.tasks import TaskDraft, TaskFilter, TaskView
from desktop.services.workflow_derived import DerivedEvents
from desktop.services.workflow_spec import parse_workflow, workflow_dict
from desktop.services.workflow_templates import from_template, template, templates
from desktop.services.workflows import WorkflowRunView
from tests.conftest import FakeClock

NAMES = [view.name for view in templates()]
BERLIN_TODAY = date(2026, 3, 4)


def add_template(services: Services, name: str) -> Any:
    return services.workflows.add(from_template(name)).value


def dry_run(services: Services, name: str) -> WorkflowRunView:
    view = template(name)
    workflow = services.workflows.add(view.definition).value
    return services.workflows.run(workflow.id, event=view.sample_event, dry_run=True)


def all_tasks(services: Services) -> list[TaskView]:
    return services.tasks.list(TaskFilter(status="all"))


def at(services: Services, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=services.ctx.zone)


def pump_store_events(services: Services) -> list[WorkflowRunView]:
    """What the running app does after a write: dispatch the new store events."""
    runs: list[WorkflowRunView] = []

    def dispatch(event: StoreEvent) -> None:
        runs.extend(services.workflows.dispatch(event.name, {event.noun: event.data}, event.key))

    StoreEventService(services.ctx).dispatch_pending(dispatch)
    return runs


# -- the gallery ---------------------------------------------------------------------------


def test_the_gallery_has_the_six_templates_with_unique_names() -> None:
    assert NAMES == [
        "daily-agenda",
        "vip-reply",
        "bill-paid",
        "budget-90",
        "prep-task",
        "weekly-review",
    ]
    for view in templates():
        assert view.title
        assert view.description == view.definition["description"]


@pytest.mark.parametrize("name", NAMES)
def test_every_template_parses_and_names_only_known_actions(name: str) -> None:
    definition = from_template(name)
    spec = parse_workflow(definition)
    assert spec.name == definition["name"]
    assert parse_workflow(workflow_dict(spec)) == spec
    known = set(default_catalog().names())
    actions = [step.action for step in spec.steps if step.kind == "action"]
    assert set(actions) <= known


def test_from_template_gives_a_fresh_copy_each_time() -> None:
    first = from_template("vip-reply")
    first["conditions"]["items"][0]["value"].append("me@example.com")
    assert "me@example.com" not in from_template("vip-reply")["conditions"]["items"][0]["value"]


def test_an_unknown_template_names_the_closest_one() -> None:
    with pytest.raises(UserError, match="did you mean daily-agenda") as info:
        from_template("daily-agenga")
    assert "weekly-review" in str(info.value)


@pytest.mark.parametrize("name", NAMES)
def test_every_template_runs_in_a_dry_run_without_writing(services: Services, name: str) -> None:
    before = (len(all_tasks(services)), len(services.notes.list()))
    run = dry_run(services, name)
    assert run.status == "done", run.error
    assert run.dry_run
    steps = template(name).definition["steps"]
    assert [entry["status"] for entry in run.trace] == ["would_run"] * len(steps)
    assert (len(all_tasks(services)), len(services.notes.list())) == before


def test_dry_runs_show_the_rendered_arguments(services: Services) -> None:
    vip = dry_run(services, "vip-reply")
    assert vip.trace[0]["args"]["title"] == "Reply to Ann Example"
    assert vip.trace[0]["args"]["notes"] == "About: Contract draft"
    budget = dry_run(services, "budget-90")
    assert budget.trace[0]["result"]["text"] == (
        "Budget groceries: 91.5 % used (366.00 of 400.00 EUR)"
    )
    agenda = dry_run(services, "daily-agenda")
    assert agenda.trace[1]["args"]["text"] == "<result of step 0.text>"


# -- real runs -----------------------------------------------------------------------------


def test_daily_agenda_notifies_todays_events_and_tasks(services: Services) -> None:
    services.calendar.add(
        EventDraft(
            "Standup",
            at(services, BERLIN_TODAY, 9, 30),
            at(services, BERLIN_TODAY, 9, 45),
            location="Room 4",
        )
    )
    services.calendar.add(
        EventDraft(
            "Tomorrow's talk",
            at(services, date(2026, 3, 5), 10),
            at(services, date(2026, 3, 5), 11),
        )
    )
    services.tasks.add(TaskDraft("Send invoice", due=BERLIN_TODAY))
    services.tasks.add(TaskDraft("Renew passport", due=date(2026, 3, 1)))
    services.tasks.add(TaskDraft("Later", due=date(2026, 3, 20)))
    workflow = add_template(services, "daily-agenda")
    run = services.workflows.run(workflow.id)
    assert run.status == "done", run.error
    [text] = run.notifications
    assert text.splitlines() == [
        "Agenda for Wednesday 4 March",
        "Events (1):",
        "- 09:30–09:45 Standup (Room 4)",
        "Tasks due (2):",
        "- Renew passport (overdue since 2026-03-01)",
        "- Send invoice",
    ]


def test_daily_agenda_of_an_empty_day_says_so(services: Services) -> None:
    run = services.workflows.run(add_template(services, "daily-agenda").id)
    assert run.notifications == [
        "Agenda for Wednesday 4 March: nothing on the calendar and no task due."
    ]


def test_vip_reply_makes_a_task_for_a_message_from_a_vip_only(services: Services) -> None:
    add_template(services, "vip-reply")
    StoreEventService(services.ctx).cursor()  # the app watches from now on
    for sender, address in (("Ann Example", "ann@example.com"), ("Spam Co", "news@spam.test")):
        services.messages.receive(
            IncomingMessage(
                platform="email", sender=sender, sender_address=address, subject="Hello"
            )
        )
    runs = pump_store_events(services)
    assert [run.status for run in runs] == ["done"]
    [task] = all_tasks(services)
    assert (task.title, task.due, task.priority) == (
        "Reply to Ann Example",
        date(2026, 3, 5),
        "high",
    )
    assert task.notes == "About: Hello"
    assert pump_store_events(services) == []  # each event once


def _netflix_history(services: Services) -> None:
    services.finance.add_account("Checking", currency="EUR")
    for month in range(9, 15):  # 2025-09 .. 2026-02, the next one due 2026-03-06
        year, number = 2025 + (month - 1) // 12, (month - 1) % 12 + 1
        services.finance.add_transaction(
            TransactionDraft(amount="-12.99", payee="Netflix", date=date(year, number, 6))
        )


def test_bill_paid_completes_the_bill_task_when_the_payment_is_imported(
    services: Services, tmp_path: Path
) -> None:
    _netflix_history(services)
    [bill] = services.bills.create_tasks().value
    add_template(services, "bill-paid")
    StoreEventService(services.ctx).cursor()
    statement = tmp_path / "march.csv"
    statement.write_text("Date,Amount,Payee,Memo\n2026-03-04,-12.99,Netflix,\n", encoding="utf-8")
    default_catalog().call(
        services, "import_transactions", {"path": str(statement), "account": "Checking"}
    )
    runs = pump_store_events(services)
    assert [run.status for run in runs] == ["done"]
    [paid] = runs[0].trace[0]["result"]
    assert paid["title"] == "Pay Netflix (€12.99)"
    task = services.tasks.get(str(bill.task_id))
    assert task.status == "done"
    assert "Paid by transaction" in task.notes


def test_budget_90_notifies_once_a_budget_passes_ninety_percent(services: Services) -> None:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.set_budget("groceries", "200", date(2026, 3, 1))
    workflow = add_template(services, "budget-90")
    runs: list[WorkflowRunView] = []

    def dispatch(name: str, data: dict[str, Any], key: str) -> None:
        runs.extend(services.workflows.dispatch(name, data, key))

    services.finance.add_transaction(
        TransactionDraft(amount="-150", payee="Market", date=BERLIN_TODAY, category="groceries")
    )
    DerivedEvents(services.ctx).budgets(dispatch)
    assert runs == []  # 75 %: the workflow's filter wants 90
    services.finance.add_transaction(
        TransactionDraft(amount="-35", payee="Market", date=BERLIN_TODAY, category="groceries")
    )
    DerivedEvents(services.ctx).budgets(dispatch)
    assert [run.notifications for run in runs] == [
        ["Budget groceries: 92.5 % used (185.00 of 200.00 EUR)"]
    ]
    DerivedEvents(services.ctx).budgets(dispatch)  # the same budget and month again
    assert len({run.id for run in runs}) == 1
    assert len(services.workflows.runs(workflow.id)) == 1


def test_prep_task_is_made_the_day_before_a_prep_event(
    services: Services, clock: FakeClock
) -> None:
    tomorrow = date(2026, 3, 5)
    services.calendar.add(
        EventDraft("Board prep", at(services, tomorrow, 12), at(services, tomorrow, 13))
    )
    services.calendar.add(
        EventDraft("Lunch", at(services, tomorrow, 12, 30), at(services, tomorrow, 13, 30))
    )
    add_template(services, "prep-task")
    derived = DerivedEvents(services.ctx)
    runs: list[WorkflowRunView] = []

    def dispatch(name: str, data: dict[str, Any], key: str) -> None:
        runs.extend(services.workflows.dispatch(name, data, key))

    derived.check(dispatch)  # the first check only marks the time
    clock.advance(hours=1, minutes=30)  # 12:30 Berlin: a day before both events began
    derived.check(dispatch)
    assert [run.status for run in runs] == ["done"]
    [task] = all_tasks(services)
    assert (task.title, task.due) == ("Prepare: Board prep", BERLIN_TODAY)


def test_weekly_review_writes_the_weeks_note(services: Services, clock: FakeClock) -> None:
    services.finance.add_account("Checking", currency="EUR")
    for amount, payee, day, category in (
        ("-40", "Market", date(2026, 3, 2), "groceries"),
        ("-10.50", "Bakery", date(2026, 3, 4), "groceries"),
        ("-25", "Cinema", date(2026, 3, 3), "fun"),
        ("-99", "Last week", date(2026, 2, 27), "groceries"),
        ("1200", "Salary", date(2026, 3, 2), "salary"),
    ):
        services.finance.add_transaction(
            TransactionDraft(amount=amount, payee=payee, date=day, category=category)
        )
    old = services.tasks.add(TaskDraft("Done last week")).value
    clock.current = datetime(2026, 2, 27, 9, 0, tzinfo=UTC)
    services.tasks.complete(old.id)
    clock.current = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    services.tasks.complete(services.tasks.add(TaskDraft("File taxes")).value.id)
    services.tasks.add(TaskDraft("Still open"))
    clock.current = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)  # Friday, 16:00 in Berlin
    workflow = add_template(services, "weekly-review")
    run = services.workflows.run(workflow.id)
    assert run.status == "done", run.error
    [note] = services.notes.list()
    assert note.title == "Weekly review 2026-03-06"
    assert "review" in note.tags
    body = services.notes.get(str(note.id)).body
    assert "Week of 2026-03-02 to 2026-03-06." in body
    assert "## Completed tasks (1)\n- File taxes\n" in body
    assert "- groceries: €50.50\n- fun: €25\n- **Total EUR: €75.50**" in body
    assert "Done last week" not in body
    assert "Still open" not in body
    assert "salary" not in body


def test_week_review_of_a_quiet_week_says_so(services: Services) -> None:
    text = default_catalog().call(services, "week_review", {}).value.text
    assert "## Completed tasks (0)\n- none" in text
    assert "## Spending\n- no spending" in text


def test_the_agenda_action_takes_another_day(services: Services) -> None:
    services.tasks.add(TaskDraft("Friday thing", due=date(2026, 3, 6)))
    agenda = default_catalog().call(services, "day_agenda", {"day": "fri"}).value
    assert agenda.day == date(2026, 3, 6)
    assert agenda.title == "Agenda for Friday 6 March"
    assert [task.title for task in agenda.due] == ["Friday thing"]
    assert agenda.overdue == ()


def test_a_week_across_two_months_counts_both(services: Services) -> None:
    services.finance.add_account("Checking", currency="EUR")
    for amount, day in (
        ("-5", date(2026, 3, 29)),
        ("-7", date(2026, 3, 30)),
        ("-11", date(2026, 4, 1)),
    ):
        services.finance.add_transaction(
            TransactionDraft(amount=amount, payee="Shop", date=day, category="food")
        )
    review = default_catalog().call(services, "week_review", {"day": "2026-04-01"}).value
    assert (review.first, review.last) == (date(2026, 3, 30), date(2026, 4, 1))
    assert [(s.category, str(s.amount)) for s in review.spending] == [("food", "18.00")]
