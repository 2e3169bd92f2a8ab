"""`atrium tx bills [--days N] [--create] [--json]`: bills due soon, their tasks, paid ones."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_helpers import Cli, count_rows, make_cli, snapshot, today


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, day.day)


def _due() -> date:
    """The next payment's day: 1 to 7 days ahead, on a day every month has."""
    return next(day for day in (today() + timedelta(days=n) for n in range(1, 8)) if day.day <= 28)


@pytest.fixture(scope="module")
def bills_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A EUR account with Netflix paid monthly for six months, the next payment due soon."""
    due = _due()
    commands = [["account", "add", "Checking", "--currency", "EUR"]]
    for months in range(1, 7):
        day = _months_back(due, months)
        commands.append(["tx", "add", "-12.99", "--payee", "Netflix", "--date", day.isoformat()])
        salary_day = _months_back(due, months).replace(day=1).isoformat()
        commands.append(["tx", "add", "2500", "--payee", "Employer", "--date", salary_day])
    return snapshot(tmp_path_factory, "bills", *commands)


@pytest.fixture
def cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    bills_db: Path,
) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory, copy_of=bills_db)


def test_bills_lists_the_payment_due_without_a_task(cli: Cli) -> None:
    [bill] = cli.json("tx", "bills")
    assert (bill["payee"], bill["amount"], bill["currency"]) == ("Netflix", "12.99", "EUR")
    assert bill["due"] == _due().isoformat()
    assert (bill["interval"], bill["task_id"], bill["task_status"]) == ("monthly", None, None)
    text = cli.ok("tx", "bills").out
    assert "Netflix" in text
    assert "1 without a task; `atrium tx bills --create` makes them." in text


def test_create_makes_the_task_once(cli: Cli) -> None:
    run = cli.json("tx", "bills", "--create")
    [made] = run["created"]
    assert run["paid"] == []
    again = cli.json("tx", "bills", "--create")
    assert again == {"created": [], "paid": []}
    assert count_rows(cli.database, "tasks") == 1

    [task] = cli.json("task", "list")
    assert task["id"] == made["task_id"]
    assert task["title"] == "Pay Netflix (€12.99)"
    assert task["tags"] == ["bills"]
    assert task["reminders"] == [1440]
    assert task["due"] == _due().isoformat()
    [bill] = cli.json("tx", "bills")
    assert (bill["task_id"], bill["task_status"]) == (made["task_id"], "todo")
    assert "No new bill tasks" in cli.ok("tx", "bills", "--create").out


def test_a_deleted_bill_task_is_not_made_again(cli: Cli) -> None:
    [made] = cli.json("tx", "bills", "--create")["created"]
    cli.ok("task", "delete", made["task_id"])
    assert cli.json("tx", "bills", "--create")["created"] == []
    assert [b["task_status"] for b in cli.json("tx", "bills")] == ["deleted"]
    assert cli.json("task", "list") == []


def test_a_payment_completes_the_bill_task(cli: Cli) -> None:
    [made] = cli.json("tx", "bills", "--create")["created"]
    due = _due()
    paid = cli.json("tx", "add", "-12.99", "--payee", "NETFLIX.COM", "--date", due.isoformat())
    run = cli.json("tx", "bills", "--create")
    [payment] = run["paid"]
    assert (payment["task_id"], payment["transaction_id"]) == (made["task_id"], paid["id"])
    assert (payment["amount"], payment["paid_on"]) == ("12.99", due.isoformat())
    shown = cli.json("task", "show", made["task_id"])
    assert shown["status"] == "done"
    assert shown["notes"].endswith(
        f"Paid by transaction {paid['id']} on {due.isoformat()} (€12.99)"
    )
    # The next payment is a month away: nothing due within the week.
    assert cli.json("tx", "bills") == []
    assert cli.ok("tx", "bills").out == "No bills due in the next 7 days.\n"


def test_days_choose_how_far_ahead(cli: Cli) -> None:
    assert cli.json("tx", "bills", "--days", "0") == []  # due from tomorrow on
    assert len(cli.json("tx", "bills", "--days", "40")) == 1


def test_bad_days_are_refused_and_change_nothing(cli: Cli) -> None:
    assert cli.fails("tx", "bills", "--days", "-1", "--create") == (
        "look 0 to 366 days ahead for bills, not -1"
    )
    assert "--days" in cli.fails("tx", "bills", "--days", "soon")
    assert count_rows(cli.database, "tasks") == 0
