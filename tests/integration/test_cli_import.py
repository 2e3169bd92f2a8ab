"""`atrium tx import|undo-import|imports`: statements in, duplicates out, batches undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli, count_rows, make_cli, snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
MARCH = str(FIXTURES / "march.csv")
OVERLAP = str(FIXTURES / "march_april.csv")


@pytest.fixture(scope="module")
def checking_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory, "import", ["account", "add", "Checking", "--currency", "EUR"])


@pytest.fixture
def checking(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    checking_db: Path,
) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys, tmp_path_factory, copy_of=checking_db)


def live_transactions(cli: Cli) -> list[dict[str, str]]:
    return list(cli.json("tx", "list"))


def test_import_prints_the_json_contract_and_reimport_adds_nothing(checking: Cli) -> None:
    first = checking.json("tx", "import", MARCH)

    assert {"imported", "duplicates", "errors", "batch"} <= set(first)
    assert (first["imported"], first["duplicates"], first["errors"]) == (8, 0, [])
    assert isinstance(first["batch"], str)
    assert first["batch"]
    assert len(live_transactions(checking)) == 8

    again = checking.json("tx", "import", MARCH)
    assert (again["imported"], again["duplicates"]) == (0, 8)
    overlap = checking.json("tx", "import", OVERLAP, "--account", "Checking")
    assert (overlap["imported"], overlap["duplicates"]) == (4, 4)
    assert len(live_transactions(checking)) == 12


def test_readable_summary_and_dry_run(checking: Cli) -> None:
    dry = checking.ok("tx", "import", MARCH, "--dry-run").out

    assert "Would import 8 transactions into 'Checking'" in dry
    assert live_transactions(checking) == []
    done = checking.ok("tx", "import", MARCH).out
    assert "Imported 8 transactions" in done
    assert "undo-import" in done


def test_undo_import_and_the_list_of_imports(checking: Cli) -> None:
    batch = checking.json("tx", "import", MARCH)["batch"]
    checking.json("tx", "import", OVERLAP)

    undone = checking.json("tx", "undo-import", batch)

    assert undone == {"batch": batch, "removed": 8}
    assert len(live_transactions(checking)) == 4
    listed = checking.json("tx", "imports")
    assert [(b["source"], b["undone"]) for b in listed] == [
        ("march_april.csv", False),
        ("march.csv", True),
    ]
    assert "march.csv" in checking.ok("tx", "imports").out
    assert "already undone" in checking.fails("tx", "undo-import", batch)


def test_a_malformed_file_exits_2_and_imports_nothing(checking: Cli) -> None:
    bad = str(FIXTURES / "malformed.csv")
    before = count_rows(checking.database, "transactions")

    error = checking.fails("tx", "import", bad)

    assert "line 3" in error
    assert "nothing was imported" in error
    assert "--keep-valid" in error
    assert count_rows(checking.database, "transactions") == before
    kept = checking.json("tx", "import", bad, "--keep-valid")
    assert kept["imported"] == 2
    assert len(kept["errors"]) == 2


def test_missing_file_wrong_map_and_unknown_batch_are_readable_errors(
    checking: Cli, tmp_path: Path
) -> None:
    missing = checking.fails("tx", "import", str(tmp_path / "gone.csv"))
    assert "there is no file" in missing
    assert "gone.csv" in missing

    wrong_map = checking.fails("tx", "import", MARCH, "--map", "date")
    assert "mapping" in wrong_map
    assert "=" in wrong_map
    unknown_key = checking.fails("tx", "import", MARCH, "--map", "when=Date")
    assert "when" in unknown_key

    assert "no import batch" in checking.fails(
        "tx", "undo-import", "0192f3c4-0000-7000-8000-000000000000"
    )
    assert count_rows(checking.database, "import_batches") == 0


def test_a_bad_format_choice_is_a_usage_error(checking: Cli) -> None:
    result = checking.run("tx", "import", MARCH, "--format", "xls")

    assert result.code == 2
    assert "invalid choice" in result.error_line()


def test_the_map_is_saved_and_used_next_time(checking: Cli, tmp_path: Path) -> None:
    german = str(FIXTURES / "bank_de.csv")
    spec = "date=Buchungstag,amount=Betrag,payee=Empfänger,decimal=comma"

    first = checking.json("tx", "import", german, "--map", spec)

    assert first["imported"] == 2
    amounts = {t["amount"] for t in live_transactions(checking)}
    assert amounts == {"-1234.56", "-12.30"}
    june = tmp_path / "june.csv"
    june.write_text("Buchungstag;Betrag;Empfänger;Verwendungszweck\n01.06.2026;-2,50;Kiosk;\n")
    assert checking.json("tx", "import", str(june))["imported"] == 1
