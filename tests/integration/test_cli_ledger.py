"""`atrium tx transfer|link-transfer|split|unreconcile`, `tx list --balances`, `account
reconcile` and `rate set|list`: the real CLI, checked through its --json output."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli, make_cli, snapshot


@pytest.fixture(scope="module")
def accounts_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Checking (EUR) with salary and rent in March 2026, Savings (EUR), Card (USD)."""
    return snapshot(
        tmp_path_factory,
        "ledger",
        ["account", "add", "Checking", "--currency", "EUR"],
        ["account", "add", "Savings", "--currency", "EUR", "--kind", "savings"],
        ["account", "add", "Card", "--currency", "USD", "--kind", "credit"],
        ["tx", "add", "2000", "--payee", "Employer", "--date", "2026-03-01", "--category", "pay"],
        ["tx", "add", "-800", "--payee", "Landlord", "--date", "2026-03-02", "--category", "rent"],
    )


@pytest.fixture
def ledger(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    accounts_db: Path,
) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory, copy_of=accounts_db)


def balances(cli: Cli) -> dict[str, str]:
    return {a["name"]: a["balance"] for a in cli.json("account", "list")}


def test_transfer_moves_balances_but_not_the_summary(ledger: Cli) -> None:
    before = ledger.json("tx", "summary", "--month", "2026-03")

    made = ledger.json(
        "tx", "transfer", "300", "--from", "Checking", "--to", "Savings", "--date", "2026-03-03"
    )

    assert (made["outgoing"]["amount"], made["incoming"]["amount"]) == ("-300.00", "300.00")
    assert made["outgoing"]["transfer_peer_id"] == made["incoming"]["id"]
    assert balances(ledger)["Savings"] == "300.00"
    after = ledger.json("tx", "summary", "--month", "2026-03")
    assert (after["income"], after["expenses"]) == (before["income"], before["expenses"])
    assert after["by_category"] == {"rent": "800.00"}


def test_transfer_between_currencies_needs_the_arriving_amount(ledger: Cli) -> None:
    assert "--to-amount" in ledger.fails(
        "tx", "transfer", "100", "--from", "Checking", "--to", "Card"
    )
    made = ledger.json(
        "tx", "transfer", "100", "--from", "Checking", "--to", "Card", "--to-amount", "108.50"
    )
    assert (made["incoming"]["amount"], made["incoming"]["currency"]) == ("108.50", "USD")
    assert "to itself" in ledger.fails("tx", "transfer", "1", "--from", "Card", "--to", "card")
    assert len(ledger.json("tx", "list")) == 4


def test_link_transfer_and_delete_both_sides(ledger: Cli) -> None:
    out = ledger.json("tx", "add", "-50", "--payee", "To savings", "--account", "Checking")
    into = ledger.json("tx", "add", "50", "--payee", "From checking", "--account", "Savings")

    linked = ledger.json("tx", "link-transfer", out["id"], into["id"])

    assert linked["incoming"]["transfer_peer_id"] == out["id"]
    assert "already one side" in ledger.fails("tx", "link-transfer", out["id"], into["id"])
    ledger.ok("do", "delete_transaction", "--arg", f"id={into['id']}")
    assert {t["payee"] for t in ledger.json("tx", "list")} == {"Employer", "Landlord"}


def test_split_and_clear(ledger: Cli) -> None:
    rent = next(t for t in ledger.json("tx", "list") if t["payee"] == "Landlord")

    split = ledger.json(
        "tx", "split", rent["id"], "--part", "rent=-700", "--part", "utilities=-100=power"
    )

    assert [(p["category"], p["amount"], p["memo"]) for p in split["splits"]] == [
        ("rent", "-700.00", ""),
        ("utilities", "-100.00", "power"),
    ]
    summary = ledger.json("tx", "summary", "--month", "2026-03")
    assert summary["by_category"] == {"rent": "700.00", "utilities": "100.00"}
    error = ledger.fails("tx", "split", rent["id"], "--part", "a=-1", "--part", "b=-2")
    assert "a difference of -797.00 EUR" in error
    assert ledger.json("tx", "split", rent["id"], "--clear")["splits"] == []
    assert "CATEGORY=AMOUNT" in ledger.fails("tx", "split", rent["id"], "--part", "rent")


def test_rates_convert_the_summary(ledger: Cli) -> None:
    ledger.json("tx", "add", "-10", "--payee", "Diner", "--account", "Card", "--date", "2026-03-05")
    missing = ledger.json("tx", "summary", "--month", "2026-03")
    assert missing["missing_rates"] == ["USD"]
    assert "rate set USD" in ledger.ok("tx", "summary", "--month", "2026-03").out

    rate = ledger.json("rate", "set", "USD", "0.92", "--month", "2026-02")
    converted = ledger.json("tx", "summary", "--month", "2026-03")

    assert (rate["currency"], rate["to_currency"], rate["rate"]) == ("USD", "EUR", "0.92")
    assert converted["missing_rates"] == []
    assert converted["expenses"] == "809.20"
    (usd,) = converted["converted"]
    assert (usd["rate"], usd["rate_month"], usd["converted_expenses"]) == (
        "0.92",
        "2026-02",
        "9.20",
    )
    assert [r["month"] for r in ledger.json("rate", "list")] == ["2026-02"]
    assert "not a rate" in ledger.fails("rate", "set", "USD", "lots")


def test_list_with_balances(ledger: Cli) -> None:
    rows = ledger.json("tx", "list", "--account", "Checking", "--balances")
    plain = ledger.json("tx", "list", "--account", "Checking")

    assert [(r["payee"], r["balance"]) for r in rows] == [
        ("Landlord", "1200.00"),
        ("Employer", "2000.00"),
    ]
    assert all("balance" not in r for r in plain)
    assert "--account" in ledger.fails("tx", "list", "--balances")
    assert "BALANCE" in ledger.ok("tx", "list", "--account", "Checking", "--balances").out


def test_reconcile_then_protect_then_unreconcile(ledger: Cli) -> None:
    check = ledger.json(
        "account", "reconcile", "Checking", "--balance", "1150", "--date", "2026-03-31"
    )
    assert (check["difference"], check["finished"]) == ("-50.00", False)
    assert len(check["unreconciled"]) == 2
    assert "a difference of -50.00 EUR" in ledger.fails(
        "account",
        "reconcile",
        "Checking",
        "--balance",
        "1150",
        "--date",
        "2026-03-31",
        "--finish",
    )

    done = ledger.json(
        "account", "reconcile", "Checking", "--balance", "1200", "--date", "2026-03-31", "--finish"
    )

    assert done["finished"] is True
    rent = next(t for t in ledger.json("tx", "list") if t["payee"] == "Landlord")
    assert rent["reconciled"] is True
    error = ledger.fails(
        "do", "update_transaction", "--arg", f"id={rent['id']}", "--arg", "amount=-1"
    )
    assert f"atrium tx unreconcile {rent['id']}" in error
    assert ledger.json("tx", "unreconcile", rent["id"])["reconciled"] is False
    ledger.ok("do", "update_transaction", "--arg", f"id={rent['id']}", "--arg", "amount=-1")
