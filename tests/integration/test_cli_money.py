"""`atrium account/tx/budget ...`: money as exact decimal strings with a currency."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from cli_helpers import Cli, count_rows, make_cli, snapshot, today


@pytest.fixture(scope="module")
def november_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A EUR account with a month of income, groceries and rent, and two budgets."""
    commands = [["account", "add", "Checking", "--currency", "EUR"]]
    for amount, payee, day, category in [
        ("2500", "Employer GmbH", "11-01", "salary"),
        ("-100.00", "Landlord", "11-02", "rent"),
        ("-12.50", "Rewe Markt", "11-03", "groceries"),
        ("-7.25", "Bäckerei Kamps", "11-05", "groceries"),
        ("-3", "Kiosk", "11-30", ""),
        ("-99", "Next month", "12-01", "groceries"),
    ]:
        commands.append(
            ["tx", "add", amount, "--payee", payee, "--date", f"2026-{day}", "--category", category]
        )
    commands.append(["budget", "set", "groceries", "400", "--month", "2026-11"])
    commands.append(["budget", "set", "rent", "50", "--month", "2026-11"])
    return snapshot(tmp_path_factory, "november", *commands)


@pytest.fixture
def november(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    november_db: Path,
) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory, copy_of=november_db)


def test_account_add_and_list(cli: Cli) -> None:
    account = cli.json("account", "add", "Savings", "--currency", "eur", "--kind", "savings")

    assert uuid.UUID(account["id"])
    assert (account["name"], account["kind"], account["currency"]) == ("Savings", "savings", "EUR")
    assert account["balance"] == "0.00"
    assert cli.json("account", "list") == [account]
    assert "Savings" in cli.ok("account", "list").out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--currency", "EURO"], "currency"),
        (["--currency", "€"], "currency"),
        (["--kind", "piggybank"], "invalid choice"),
    ],
)
def test_bad_accounts_are_refused(cli: Cli, argv: list[str], words: str) -> None:
    assert words in cli.fails("account", "add", "Odd", *argv)
    assert cli.json("account", "list") == []


def test_a_second_account_with_the_same_name_is_refused(cli: Cli) -> None:
    cli.json("account", "add", "Wallet", "--kind", "cash")
    assert "already" in cli.fails("account", "add", "Wallet")
    assert len(cli.json("account", "list")) == 1


def test_tx_add_prints_exact_amounts(cli: Cli) -> None:
    cli.json("account", "add", "Checking", "--currency", "EUR")

    spent = cli.json(
        "tx",
        "add",
        "-12.50",
        "--payee",
        "Rewe",
        "--date",
        "2026-11-03",
        "--category",
        "groceries",
        "--memo",
        "weekly shop",
    )
    earned = cli.json("tx", "add", "+1,234.5", "--payee", "Client", "--date", "2026-11-04")

    assert uuid.UUID(spent["id"])
    assert (spent["amount"], spent["currency"]) == ("-12.50", "EUR")
    assert (spent["payee"], spent["date"], spent["category"], spent["memo"]) == (
        "Rewe",
        "2026-11-03",
        "groceries",
        "weekly shop",
    )
    assert spent["account"] == "Checking"
    assert earned["amount"] == "1234.50"
    assert cli.json("account", "list")[0]["balance"] == "1222.00"


def test_tx_add_defaults_to_today_and_the_first_account(cli: Cli) -> None:
    cli.json("account", "add", "Main", "--currency", "EUR")
    cli.json("account", "add", "Other", "--currency", "EUR")
    before = today()

    tx = cli.json("tx", "add", "-1", "--payee", "Coffee")

    assert tx["account"] == "Main"
    assert tx["date"] in {before.isoformat(), today().isoformat()}


def test_tx_add_to_a_named_account(cli: Cli) -> None:
    cli.json("account", "add", "Main", "--currency", "EUR")
    cli.json("account", "add", "Card", "--currency", "USD", "--kind", "credit")

    tx = cli.json("tx", "add", "-20", "--payee", "Books", "--account", "Card")

    assert (tx["account"], tx["amount"], tx["currency"]) == ("Card", "-20.00", "USD")


def test_a_currency_without_cents_has_no_decimals(cli: Cli) -> None:
    cli.json("account", "add", "Yen", "--currency", "JPY")

    assert cli.json("tx", "add", "-1200", "--payee", "Ramen")["amount"] == "-1200"
    assert "decimals" in cli.fails("tx", "add", "-12.5", "--payee", "Ramen")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["abc", "--payee", "X"], "not an amount"),
        (["NaN", "--payee", "X"], "not an amount"),
        (["-3.999", "--payee", "X"], "decimals"),
        (["-5", "--payee", ""], "payee"),
        (["-5", "--payee", "X", "--date", "2026-13-01"], "2026-13-01"),
        (["-5", "--payee", "X", "--account", "Nope"], "no account"),
        (["-5"], "--payee"),
    ],
)
def test_bad_transactions_are_refused_and_nothing_is_added(
    cli: Cli, argv: list[str], words: str
) -> None:
    cli.json("account", "add", "Checking", "--currency", "EUR")
    rows = count_rows(cli.database, "transactions")

    assert words in cli.fails("tx", "add", *argv)
    assert count_rows(cli.database, "transactions") == rows
    assert len(cli.json("account", "list")) == 1


def test_a_refused_first_transaction_does_not_leave_an_account(cli: Cli) -> None:
    cli.fails("tx", "add", "-5", "--payee", "")
    assert cli.json("account", "list") == []


def test_tx_list_filters_by_month_and_category(november: Cli) -> None:
    cli = november

    groceries = cli.json("tx", "list", "--month", "2026-11", "--category", "Groceries")
    month = cli.json("tx", "list", "--month", "2026-11")

    assert [(t["payee"], t["amount"]) for t in groceries] == [
        ("Bäckerei Kamps", "-7.25"),
        ("Rewe Markt", "-12.50"),
    ]
    assert len(month) == 5
    assert all(t["date"].startswith("2026-11-") for t in month)
    assert len(cli.json("tx", "list")) == 6
    assert "Rewe Markt" in cli.ok("tx", "list", "--month", "2026-11").out


def test_tx_summary_json(november: Cli) -> None:
    summary = november.json("tx", "summary", "--month", "2026-11")

    assert summary["month"] == "2026-11"
    assert summary["currency"] == "EUR"
    assert summary["income"] == "2500.00"
    assert summary["expenses"] == "122.75"
    assert summary["net"] == "2377.25"
    assert summary["by_category"] == {
        "rent": "100.00",
        "groceries": "19.75",
        "uncategorized": "3.00",
    }
    assert summary["budgets"] == [
        {
            "category": "groceries",
            "month": "2026-11",
            "budget": "400.00",
            "spent": "19.75",
            "remaining": "380.25",
            "currency": "EUR",
            # Added by issue 9: no October budget, so nothing rolls over; November is past.
            "rollover": "0.00",
            "available": "400.00",
            "projected": "19.75",
            "used_percent": 4.9,
            "alert": None,
        },
        {
            "category": "rent",
            "month": "2026-11",
            "budget": "50.00",
            "spent": "100.00",
            "remaining": "-50.00",
            "currency": "EUR",
            "rollover": "0.00",
            "available": "50.00",
            "projected": "100.00",
            "used_percent": 200.0,
            "alert": 100,
        },
    ]


def test_tx_summary_of_an_empty_month_is_zero(november: Cli) -> None:
    summary = november.json("tx", "summary", "--month", "2025-01")

    assert (summary["income"], summary["expenses"], summary["net"]) == ("0.00", "0.00", "0.00")
    assert summary["by_category"] == {}
    assert summary["budgets"] == []


def test_tx_summary_where_spending_exceeds_income(cli: Cli) -> None:
    cli.json("account", "add", "Checking", "--currency", "EUR")
    cli.json("tx", "add", "-12.50", "--payee", "Rewe", "--date", "2026-10-03")

    summary = cli.json("tx", "summary", "--month", "2026-10")

    assert (summary["income"], summary["expenses"], summary["net"]) == ("0.00", "12.50", "-12.50")


def test_tx_summary_without_json(november: Cli) -> None:
    out = november.ok("tx", "summary", "--month", "2026-11").out
    assert "2500.00" in out
    assert "122.75" in out
    assert "groceries" in out
    assert "-50.00" in out


@pytest.mark.parametrize("month", ["2026-13", "november", "2026-1", "2026-11-01", ""])
def test_a_bad_month_is_refused(cli: Cli, month: str) -> None:
    assert "month" in cli.fails("tx", "summary", "--month", month)


def test_tx_summary_needs_a_month(cli: Cli) -> None:
    assert "--month" in cli.fails("tx", "summary")


def test_budget_set_and_list(november: Cli) -> None:
    cli = november

    updated = cli.json("budget", "set", "groceries", "420.5", "--month", "2026-11")

    assert updated == {
        "category": "groceries",
        "month": "2026-11",
        "budget": "420.50",
        "spent": "19.75",
        "remaining": "400.75",
        "currency": "EUR",
    }
    budgets = cli.json("budget", "list", "--month", "2026-11")
    assert [(b["category"], b["budget"]) for b in budgets] == [
        ("groceries", "420.50"),
        ("rent", "50.00"),
    ]
    assert cli.json("budget", "list", "--month", "2026-12") == []
    assert "No budgets" in cli.ok("budget", "list", "--month", "2026-12").out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["groceries", "-4", "--month", "2026-11"], "positive"),
        (["groceries", "lots", "--month", "2026-11"], "not an amount"),
        (["groceries", "400", "--month", "2026-00"], "month"),
        (["groceries", "400"], "--month"),
        (["", "400", "--month", "2026-11"], "category"),
    ],
)
def test_bad_budgets_are_refused(november: Cli, argv: list[str], words: str) -> None:
    before = november.json("budget", "list", "--month", "2026-11")

    assert words in november.fails("budget", "set", *argv)
    assert november.json("budget", "list", "--month", "2026-11") == before
