"""`atrium category rule ...` and `atrium tx categorize|set-category|recurring|export|summary`."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_helpers import Cli, count_rows, make_cli, snapshot, today


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A EUR account: a monthly subscription for 8 months, a few categorised and open rows."""
    now = today()
    commands = [["account", "add", "Checking", "--currency", "EUR"]]
    for months in range(1, 9):
        day = _months_back(now, months).replace(day=5)
        commands.append(
            [
                *("tx", "add", "-9.99", "--payee", "Spotify"),
                *("--date", day.isoformat(), "--category", "subscriptions"),
            ]
        )
    for amount, payee, category, day in [
        ("-52.10", "Rewe Markt", "groceries", "2026-11-03"),
        ("-12.00", "REWE City", "", "2026-11-10"),
        ("-4.20", "Corner Kiosk", "", "2026-11-11"),
        ("-30.00", "Shell Station", "", "2026-11-12"),
        ("2500", "Employer GmbH", "salary", "2026-11-01"),
    ]:
        commands.append(
            ["tx", "add", amount, "--payee", payee, "--date", day, "--category", category]
        )
    commands.append(["budget", "set", "groceries", "100", "--month", "2026-10"])
    commands.append(["budget", "set", "groceries", "100", "--month", "2026-11"])
    return snapshot(tmp_path_factory, "categories", *commands)


@pytest.fixture
def history(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    history_db: Path,
) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory, copy_of=history_db)


def test_rule_add_list_move_delete(history: Cli) -> None:
    rewe = history.json(
        "category", "rule", "add", "--payee-contains", "rewe", "--category", "groceries"
    )
    assert uuid.UUID(rewe["id"])
    assert (rewe["payee_op"], rewe["payee_pattern"], rewe["category"]) == (
        "contains",
        "rewe",
        "groceries",
    )
    fuel = history.json(
        "category", "rule", "add", "--payee-regex", "^shell", "--category", "fuel",
        "--min", "10", "--max", "200", "--account", "Checking", "--rename", "Shell",
    )  # fmt: skip
    assert (fuel["min_amount"], fuel["max_amount"], fuel["account"]) == (
        "10.00",
        "200.00",
        "Checking",
    )
    assert fuel["rename_to"] == "Shell"

    rules = history.json("category", "rule", "list")
    assert [(r["position"], r["category"]) for r in rules] == [(1, "groceries"), (2, "fuel")]
    moved = history.json("category", "rule", "move", fuel["id"], "1")
    assert moved["position"] == 1
    assert [r["category"] for r in history.json("category", "rule", "list")] == [
        "fuel",
        "groceries",
    ]
    assert "fuel" in history.ok("category", "rule", "list").out

    history.json("category", "rule", "delete", rewe["id"])
    assert [r["id"] for r in history.json("category", "rule", "list")] == [fuel["id"]]
    assert count_rows(history.database, "category_rules") == 2  # a tombstone stays for sync


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--payee-regex", "(oops", "--category", "x"], "regex"),
        (["--payee-contains", "a", "--payee-equals", "b", "--category", "x"], "not allowed"),
        (["--payee-contains", "rewe"], "--category"),
        (["--category", "x"], "at least one condition"),
        (["--payee-contains", "a", "--category", "x", "--account", "Nope"], "Nope"),
    ],
)
def test_bad_rules_exit_2_and_save_nothing(history: Cli, argv: list[str], words: str) -> None:
    error = history.fails("category", "rule", "add", *argv)
    assert words in error
    assert count_rows(history.database, "category_rules") == 0


def test_categorize_suggests_then_applies(history: Cli) -> None:
    history.json("category", "rule", "add", "--payee-contains", "rewe", "--category", "groceries")
    suggestions = history.json("tx", "categorize")
    by_payee = {s["payee"]: s for s in suggestions}
    assert by_payee["REWE City"]["category"] == "groceries"
    assert (by_payee["REWE City"]["confidence"], by_payee["REWE City"]["source"]) == (1.0, "rule")
    for item in suggestions:
        assert 0.0 <= item["confidence"] <= 1.0
        assert item["source"] in ("rule", "learned")
    before = history.json("tx", "list", "--category", "groceries")

    result = history.json("tx", "categorize", "--apply")
    assert result["by_rule"] == 1
    assert result["applied"] == result["by_rule"] + result["by_model"]
    after = history.json("tx", "list", "--category", "groceries")
    assert len(after) == len(before) + 1
    assert "REWE City" in {t["payee"] for t in after}
    assert "Categorised" in history.ok("tx", "categorize", "--apply").out


def test_set_category_prints_a_rule_suggestion(history: Cli) -> None:
    kiosk = next(t for t in history.json("tx", "list") if t["payee"] == "Corner Kiosk")
    fixed = history.json("tx", "set-category", kiosk["id"], "snacks")
    assert (fixed["category"], fixed["previous_category"]) == ("snacks", "")
    assert fixed["suggested_command"].startswith("atrium category rule add --payee-contains")
    out = history.ok("tx", "set-category", kiosk["id"], "treats").out
    assert "atrium category rule add" in out
    assert "treats" in out
    assert [t["category"] for t in history.json("tx", "list") if t["id"] == kiosk["id"]] == [
        "treats"
    ]


def test_recurring_lists_the_subscription(history: Cli) -> None:
    found = history.json("tx", "recurring")
    spotify = next(r for r in found if "spotify" in r["payee"].lower())
    assert spotify["amount"] == "-9.99"
    assert spotify["currency"] == "EUR"
    assert spotify["interval"] == "monthly"
    next_date = date.fromisoformat(spotify["next_date"])
    assert next_date.day == 5
    assert today() - timedelta(days=7) <= next_date
    assert not any("kiosk" in r["payee"].lower() for r in found)
    assert "Spotify" in history.ok("tx", "recurring").out


def test_export_csv_to_stdout_and_file(history: Cli, tmp_path: Path) -> None:
    out = history.ok("tx", "export", "--format", "csv", "--month", "2026-11").out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    everything = history.ok("tx", "export", "--format", "csv").out
    all_rows = list(csv.DictReader(io.StringIO(everything, newline="")))
    assert len(all_rows) == 13
    assert rows == [r for r in all_rows if r["date"].startswith("2026-11")]
    assert len(rows) >= 5
    assert {r["payee"] for r in rows} >= {"Rewe Markt", "Employer GmbH"}
    salary = next(r for r in rows if r["payee"] == "Employer GmbH")
    assert (salary["amount"], salary["currency"], salary["category"]) == (
        "2500.00",
        "EUR",
        "salary",
    )

    target = tmp_path / "all.csv"
    said = history.ok("tx", "export", "--format", "csv", "-o", str(target)).out
    assert "Wrote 13 transactions" in said
    with target.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 13
    error = history.fails("tx", "export", "--format", "xlsx")
    assert "invalid choice" in error


def test_summary_keeps_old_fields_and_adds_new(history: Cli) -> None:
    summary = history.json("tx", "summary", "--month", "2026-11")
    for key in ("month", "currency", "income", "expenses", "net", "by_category", "budgets"):
        assert key in summary
    assert "other_currencies" in summary
    for key in ("projected_spending", "days_elapsed", "days_in_month", "alerts"):
        assert key in summary
    groceries = summary["budgets"][0]
    # October's 100 budget was not spent at all: it rolls over.
    assert (groceries["budget"], groceries["spent"], groceries["rollover"]) == (
        "100.00",
        "52.10",
        "100.00",
    )
    assert (groceries["available"], groceries["remaining"]) == ("200.00", "147.90")
    assert summary["days_in_month"] == 30
    out = history.ok("tx", "summary", "--month", "2026-11").out
    assert "ROLLOVER" in out
    assert "147.90" in out
