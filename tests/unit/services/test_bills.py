"""BillService: bills due soon become tasks once, and a payment completes its task."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.config import Settings
from desktop.core.errors import UserError
from desktop.core.ids import natural_id
from desktop.services.bills import BillService, bill_uid
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.tasks import TaskFilter, TaskView
from desktop.store.models import Task
from desktop.store.profile import Store

# The fixed clock says 2026-03-04 (Berlin). Netflix was paid on the 6th for six months,
# so the next payment is due 2026-03-06; the rent (the 15th) is further off.
NETFLIX_DUE = date(2026, 3, 6)
RENT_DUE = date(2026, 3, 15)


def pay(services: Services, amount: str, payee: str, day: date, category: str = "") -> str:
    outcome = services.finance.add_transaction(
        TransactionDraft(amount=amount, payee=payee, date=day, category=category)
    )
    return str(outcome.value.id)


@pytest.fixture
def history(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    for month in range(9, 15):  # 2025-09 .. 2026-02
        year, number = 2025 + (month - 1) // 12, (month - 1) % 12 + 1
        pay(services, "-12.99", "Netflix", date(year, number, 6), "subscriptions")
        pay(services, "-950", "Hausverwaltung Rent", date(year, number, 15), "rent")
        pay(services, "2500", "Employer GmbH", date(year, number, 1), "salary")  # money in
    return services


def all_tasks(services: Services) -> list[TaskView]:
    return list(services.tasks.list(TaskFilter(status="all")))


def test_a_bill_due_soon_is_listed_without_a_task(history: Services) -> None:
    [bill] = history.bills.upcoming()
    assert (bill.payee, bill.amount, bill.currency, bill.due) == (
        "Netflix",
        Decimal("12.99"),
        "EUR",
        NETFLIX_DUE,
    )
    assert (bill.interval, bill.task_id, bill.task_status) == ("monthly", None, None)
    assert bill.uid == "bill:netflix:2026-03-06"
    # A longer look ahead finds the rent too; salaries are not bills.
    assert [b.payee for b in history.bills.upcoming(days=14)] == ["Netflix", "Hausverwaltung Rent"]


def test_creating_tasks_is_idempotent(history: Services, store: Store) -> None:
    [made] = history.bills.create_tasks().value
    [task] = all_tasks(history)
    assert task.id == made.task_id == natural_id(store.user_id, "bill-task", made.uid)
    assert task.title == "Pay Netflix (€12.99)"
    assert task.due == NETFLIX_DUE
    assert task.tags == ("bills",)
    assert task.reminders == (1440,)

    assert history.bills.create_tasks().value == []
    assert history.bills.sync().value.created == ()
    assert len(all_tasks(history)) == 1
    [bill] = history.bills.upcoming()
    assert (bill.task_id, bill.task_status) == (task.id, "todo")


def test_the_reminder_comes_at_nine_the_day_before(history: Services) -> None:
    history.bills.create_tasks()
    [reminder] = [r for r in history.reminders.upcoming() if r.item_kind == "task"]
    assert reminder.title == "Pay Netflix (€12.99)"
    # 09:00 in Berlin (UTC+1 in March) on the 5th.
    assert reminder.fire_at == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


def test_a_deleted_or_edited_task_is_not_made_again(history: Services) -> None:
    [netflix] = history.bills.create_tasks().value
    history.tasks.delete(str(netflix.task_id))
    assert history.bills.create_tasks().value == []
    assert [b.task_status for b in history.bills.upcoming()] == ["deleted"]
    assert history.tasks.list(TaskFilter(status="all")) == []

    [rent] = history.bills.create_tasks(days=14).value
    history.tasks.update(str(rent.task_id), title="Rent (landlord)", due=date(2026, 3, 14))
    assert history.bills.create_tasks(days=14).value == []
    [task] = history.tasks.list(TaskFilter(status="all"))
    assert (task.title, task.due) == ("Rent (landlord)", date(2026, 3, 14))


def test_a_payment_completes_the_task_and_is_noted(history: Services) -> None:
    [made] = history.bills.create_tasks().value
    tx_id = pay(history, "-12.99", "NETFLIX.COM 866-579", date(2026, 3, 7))

    [payment] = history.bills.complete_paid().value
    assert (payment.task_id, str(payment.transaction_id)) == (made.task_id, tx_id)
    assert (payment.paid_on, payment.amount) == (date(2026, 3, 7), Decimal("12.99"))
    task = history.tasks.get(str(made.task_id))
    assert task.status == "done"
    assert task.notes.endswith(f"Paid by transaction {tx_id} on 2026-03-07 (€12.99)")
    assert task.notes.startswith("Expected: 12.99 EUR")

    assert history.bills.complete_paid().value == []  # once
    # The series moved on to April: nothing due within 7 days, nothing made again.
    assert history.bills.sync().value.created == ()


@pytest.mark.parametrize(
    ("amount", "payee", "day"),
    [
        ("-15.99", "Netflix", date(2026, 3, 6)),  # 23 % more: not this bill
        ("-12.99", "Netflix", date(2026, 3, 12)),  # six days late
        ("-12.99", "Netflix", date(2026, 2, 28)),  # six days early
        ("-12.99", "Spotify", date(2026, 3, 6)),  # someone else
        ("12.99", "Netflix", date(2026, 3, 6)),  # a refund
    ],
)
def test_what_does_not_pay_the_bill(history: Services, amount: str, payee: str, day: date) -> None:
    [made] = history.bills.create_tasks().value
    pay(history, amount, payee, day)
    assert history.bills.complete_paid().value == []
    assert history.tasks.get(str(made.task_id)).status == "todo"


def test_a_price_rise_within_ten_percent_still_pays(history: Services) -> None:
    [made] = history.bills.create_tasks().value
    pay(history, "-13.99", "Netflix", date(2026, 3, 2))  # 7.7 % more, four days early
    [payment] = history.bills.complete_paid().value
    assert payment.amount == Decimal("13.99")
    assert history.tasks.get(str(made.task_id)).status == "done"


def test_without_the_expected_line_the_series_amount_is_used(history: Services) -> None:
    [made] = history.bills.create_tasks().value
    history.tasks.update(str(made.task_id), notes="my own words")
    tx_id = pay(history, "-12.99", "Netflix", date(2026, 3, 6))
    [payment] = history.bills.complete_paid().value
    assert str(payment.transaction_id) == tx_id
    notes = history.tasks.get(str(made.task_id)).notes
    assert notes == f"my own words\n\nPaid by transaction {tx_id} on 2026-03-06 (€12.99)"


def test_one_transaction_pays_one_bill(history: Services, store: Store) -> None:
    [made] = history.bills.create_tasks().value
    pay(history, "-12.99", "Netflix", date(2026, 3, 6))
    assert len(history.bills.complete_paid().value) == 1
    # The user reopens the task: the transaction already paid it, so it stays open.
    history.tasks.update(str(made.task_id), status="todo")
    assert history.bills.complete_paid().value == []


def test_the_settings_choose_the_days_and_the_reminder(history: Services) -> None:
    settings = Settings(history.settings_path)
    settings.set("bills.days_ahead", 14)
    settings.set("bills.reminder_minutes", 3 * 24 * 60)
    created = history.bills.sync().value.created
    assert [b.payee for b in created] == ["Netflix", "Hausverwaltung Rent"]
    assert {t.reminders for t in history.tasks.list()} == {(4320,)}


def test_bad_days_are_refused(services: Services) -> None:
    with pytest.raises(UserError, match="0 to 366 days"):
        services.bills.upcoming(days=-1)
    with pytest.raises(UserError, match="0 to 366 days"):
        BillService(services.ctx, days_ahead=400)


def test_a_task_made_on_another_device_counts(history: Services, store: Store) -> None:
    """A synced task with the bill's uid (another device made it) is not made twice."""
    uid = bill_uid("Netflix", NETFLIX_DUE)
    with store.unit_of_work() as uow:
        uow.s.add(Task(title="Pay Netflix", uid=uid, sort_key="a", due_date=NETFLIX_DUE))
        uow.commit()
    assert history.bills.create_tasks().value == []
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Task)) == 1
