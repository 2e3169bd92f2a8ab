"""ImportService: statements into accounts, duplicates found, batches undone (real SQLite)."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.core.errors import NotFoundError, UserError
from desktop.services.category_rules import RuleDraft
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.finance_import import ImportService
from desktop.store.models import Account, ImportBatch, Transaction
from desktop.store.profile import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def fixture(name: str) -> Path:
    return FIXTURES / name


def live_rows(store: Store, account: str = "Checking") -> list[Transaction]:
    with store.read() as session:
        rows = session.scalars(
            select(Transaction)
            .join(Account, Account.id == Transaction.account_id)
            .where(Account.name == account, Transaction.deleted_hlc.is_(None))
            .order_by(Transaction.date, Transaction.amount_minor)
        ).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


def keyed(rows: list[Transaction]) -> list[tuple[date, int, str]]:
    return [(row.date, row.amount_minor, row.payee) for row in rows]


@pytest.fixture
def euro(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    return services


def test_new_rows_are_imported_with_cleaned_payees_and_a_batch(
    euro: Services, store: Store
) -> None:
    outcome = euro.imports.commit(fixture("march.csv"))

    result = outcome.value
    assert (result.imported, result.duplicates, result.errors) == (8, 0, [])
    assert outcome.changes.finance
    assert result.batch is not None
    rows = live_rows(store)
    assert len(rows) == 8
    assert {row.import_batch for row in rows} == {result.batch}
    rewe = next(row for row in rows if row.amount_minor == -4510)
    assert rewe.original_payee == "REWE Markt 1234 Berlin"
    assert rewe.payee
    assert rewe.memo == "groceries"
    assert rewe.hlc > 0
    assert rewe.field_hlc["payee"] == rewe.hlc
    assert (
        sum(row.amount_minor for row in rows)
        == 2500_00 - 45_10 - 7_00 - 120_00 - 19_99 - 62_35 - 800_00
    )
    [batch] = euro.imports.batches()
    assert (batch.source, batch.format, batch.imported, batch.undone) == (
        "march.csv",
        "csv",
        8,
        False,
    )
    assert batch.account == "Checking"


def test_imported_rows_are_found_by_search(euro: Services, store: Store) -> None:
    euro.imports.commit(fixture("march.csv"))

    hits = euro.search.search("Stadtwerke", kind="transaction")

    stadtwerke = [row for row in live_rows(store) if row.amount_minor == -12000]
    assert [hit.id for hit in hits] == [stadtwerke[0].id]


def test_a_failure_mid_import_leaves_nothing(
    euro: Services, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = ImportService._insert

    def insert_then_fail(self: ImportService, *args: Any) -> None:
        real_insert(self, *args)  # the rows are in the transaction ...
        raise RuntimeError("disk unplugged")  # ... and then the import dies

    monkeypatch.setattr(ImportService, "_insert", insert_then_fail)

    with pytest.raises(RuntimeError, match="disk unplugged"):
        euro.imports.commit(fixture("march.csv"))
    assert live_rows(store) == []
    assert euro.imports.batches() == []


def test_reimporting_the_same_file_adds_nothing(euro: Services, store: Store) -> None:
    euro.imports.commit(fixture("march.csv"))
    again = euro.imports.commit(fixture("march.csv")).value

    assert (again.imported, again.duplicates) == (0, 8)
    assert len(live_rows(store)) == 8


def test_an_overlapping_statement_adds_only_the_new_rows(euro: Services, store: Store) -> None:
    euro.imports.commit(fixture("march.csv"))
    second = euro.imports.commit(fixture("march_april.csv")).value

    assert (second.imported, second.duplicates) == (4, 4)
    rows = live_rows(store)
    assert len(rows) == 12
    assert len({(row.date, row.amount_minor) for row in rows}) == 11  # two equal coffees stay two
    assert [r.date for r in rows if r.date.month == 4] == [
        date(2026, 4, 2),
        date(2026, 4, 7),
        date(2026, 4, 12),
        date(2026, 4, 15),
    ]


def test_a_manual_entry_is_matched_and_given_the_bank_id(euro: Services, store: Store) -> None:
    manual = euro.finance.add_transaction(
        TransactionDraft(amount="-120", payee="Stadtwerke", date=date(2026, 3, 9))
    ).value
    result = euro.imports.commit(fixture("statement.ofx")).value

    assert (result.imported, result.duplicates, result.linked) == (4, 1, 1)
    rows = live_rows(store)
    assert len(rows) == 5
    matched = next(row for row in rows if row.id == manual.id)
    assert matched.bank_transaction_id == "20260310-001"
    assert matched.date == date(2026, 3, 9)  # the user's entry is kept as it was
    again = euro.imports.commit(fixture("statement.ofx")).value
    assert (again.imported, again.duplicates, again.linked) == (0, 5, 0)


def test_same_amount_near_date_other_payee_is_imported_but_suspicious(
    euro: Services, store: Store
) -> None:
    euro.finance.add_transaction(
        TransactionDraft(amount="-62.35", payee="Zahnarzt Dr. Weber", date=date(2026, 3, 21))
    )
    preview = euro.imports.preview(fixture("march.csv"))

    suspicious = [row for row in preview.rows if row.status == "suspicious"]
    assert [(row.line, row.amount) for row in suspicious] == [(7, Decimal("-62.35"))]
    assert "1 day apart" in suspicious[0].reason
    assert "Zahnarzt" in suspicious[0].reason
    assert suspicious[0].matched_id is not None
    assert (preview.new, preview.duplicates, preview.suspicious) == (7, 0, 1)
    result = euro.imports.commit(fixture("march.csv")).value
    assert (result.imported, result.suspicious) == (8, 1)
    assert len(live_rows(store)) == 9


def test_the_same_bank_id_twice_in_one_file_counts_once(
    euro: Services, store: Store, tmp_path: Path
) -> None:
    text = fixture("statement.ofx").read_text()
    repeated = text.replace("<FITID>20260305-002</FITID>", "<FITID>20260305-001</FITID>")
    path = tmp_path / "twice.ofx"
    path.write_text(repeated)

    preview = euro.imports.preview(path)
    dupes = [row for row in preview.rows if row.status == "duplicate"]
    assert len(dupes) == 1
    assert "same bank id as line" in dupes[0].reason
    result = euro.imports.commit(path).value
    assert (result.imported, result.duplicates) == (4, 1)
    assert len(live_rows(store)) == 4


def test_a_malformed_file_imports_nothing_and_names_the_lines(euro: Services, store: Store) -> None:
    with pytest.raises(UserError) as caught:
        euro.imports.commit(fixture("malformed.csv"))

    message = str(caught.value)
    assert "line 3" in message
    assert "line 4" in message
    assert "nothing was imported" in message
    assert "--keep-valid" in message
    assert "2 valid rows" in message
    assert live_rows(store) == []
    assert euro.imports.batches() == []


def test_keep_valid_imports_the_valid_rows_and_lists_the_errors(
    euro: Services, store: Store
) -> None:
    result = euro.imports.commit(fixture("malformed.csv"), keep_valid=True).value

    assert result.imported == 2
    assert [error.split(":")[0] for error in result.errors] == ["line 3", "line 4"]
    assert sorted(row.amount_minor for row in live_rows(store)) == [-4510, -1999]


def test_a_file_in_another_currency_is_refused(services: Services, store: Store) -> None:
    services.finance.add_account("Dollars", currency="USD")

    with pytest.raises(UserError, match=r"in EUR but the account 'Dollars' is in USD"):
        services.imports.commit(fixture("statement.ofx"))
    assert live_rows(store, "Dollars") == []


def test_undo_import_removes_exactly_the_batch(euro: Services, store: Store) -> None:
    euro.finance.add_transaction(
        TransactionDraft(amount="-5", payee="Kiosk", date=date(2026, 3, 3))
    )
    first = euro.imports.commit(fixture("march.csv")).value
    second = euro.imports.commit(fixture("march_april.csv")).value
    assert second.batch is not None
    assert first.batch is not None

    removed = euro.imports.undo_import(second.batch)

    assert removed.value == 4
    assert removed.changes.finance
    rows = live_rows(store)
    assert len(rows) == 9
    assert {row.import_batch for row in rows} == {first.batch, None}
    undone = {b.id: b.undone for b in euro.imports.batches()}
    assert sorted(undone.values()) == [False, True]
    with pytest.raises(UserError, match="already undone"):
        euro.imports.undo_import(second.batch)
    with pytest.raises(NotFoundError, match="no import batch"):
        euro.imports.undo_import("0192f3c4-0000-7000-8000-000000000000")
    with pytest.raises(UserError, match="not an import batch id"):
        euro.imports.undo_import("yesterday")


def test_dry_run_writes_nothing(euro: Services, store: Store) -> None:
    result = euro.imports.commit(fixture("march.csv"), dry_run=True)

    assert (result.value.imported, result.value.batch, result.value.dry_run) == (8, None, True)
    assert not result.changes.finance
    assert live_rows(store) == []
    assert euro.imports.batches() == []


def test_rules_categorise_imported_rows_and_file_categories_stay(
    euro: Services, store: Store
) -> None:
    euro.category_rules.add(RuleDraft("subscriptions", "contains", "netflix", rename_to="Netflix"))

    euro.imports.commit(fixture("categories.qif"))

    by_amount = {row.amount_minor: row for row in live_rows(store)}
    netflix = by_amount[-1999]
    assert (netflix.category, netflix.category_source, netflix.payee) == (
        "subscriptions",
        "rule",
        "Netflix",
    )
    rewe = by_amount[-4510]
    assert (rewe.category, rewe.category_source) == ("Groceries", "import")
    aral = by_amount[-6235]
    assert (aral.category, aral.category_source) == ("", "")


def test_the_csv_mapping_is_saved_on_the_account_and_reused(
    euro: Services, store: Store, tmp_path: Path
) -> None:
    spec = "date=Buchungstag,amount=Betrag,payee=Empfänger,memo=Verwendungszweck,decimal=comma"
    first = euro.imports.commit(fixture("bank_de.csv"), mapping=spec).value
    assert first.imported == 2
    with store.read() as session:
        saved = session.scalars(select(Account.import_mapping)).one()
    assert saved is not None
    assert saved["date"] == "Buchungstag"
    assert saved["decimal"] == "comma"

    later = tmp_path / "bank_de_june.csv"
    later.write_bytes(
        "Buchungstag;Betrag;Empfänger;Verwendungszweck\r\n01.06.2026;-2,50;Kiosk;\r\n".encode()
    )
    preview = euro.imports.preview(later)
    assert preview.mapping == saved
    [row] = preview.rows
    assert (row.date, row.amount) == (date(2026, 6, 1), Decimal("-2.50"))
    assert euro.imports.commit(later).value.imported == 1
    assert sorted(r.amount_minor for r in live_rows(store)) == [-123456, -1230, -250]


def test_the_account_comes_from_the_file_or_must_be_named(services: Services) -> None:
    services.finance.add_account("Savings", currency="EUR")
    services.finance.add_account("Giro 6789", currency="EUR")

    preview = services.imports.preview(fixture("statement.ofx"))
    assert preview.account == "Giro 6789"  # ACCTID DE000123456789 ends in 6789
    with pytest.raises(UserError, match=r"--account NAME.*'Giro 6789', 'Savings'"):
        services.imports.preview(fixture("march.csv"))
    named = services.imports.preview(fixture("march.csv"), account="savings")
    assert named.account == "Savings"


def test_missing_file_and_no_account_are_clear_errors(services: Services, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="there is no file"):
        services.imports.preview(tmp_path / "nope.csv")
    shutil.copy(fixture("march.csv"), tmp_path / "march.csv")
    with pytest.raises(UserError, match="account add"):
        services.imports.commit(tmp_path / "march.csv")


def test_import_batch_row_records_counts(euro: Services, store: Store) -> None:
    euro.imports.commit(fixture("march.csv"))
    euro.imports.commit(fixture("march_april.csv"))

    with store.read() as session:
        batches = session.scalars(
            select(ImportBatch).order_by(ImportBatch.created_at, ImportBatch.id)
        ).all()
        counts = [(b.source_name, b.format, b.imported, b.duplicates) for b in batches]
    assert counts == [("march.csv", "csv", 8, 0), ("march_april.csv", "csv", 4, 4)]


def test_an_existing_transaction_absorbs_only_one_file_row(euro: Services, store: Store) -> None:
    euro.finance.add_transaction(
        TransactionDraft(amount="-3.50", payee="Starbucks", date=date(2026, 3, 5))
    )

    preview = euro.imports.preview(fixture("march.csv"))

    coffees = [row.status for row in preview.rows if row.amount == Decimal("-3.50")]
    assert coffees == ["duplicate", "new"]  # the file's two coffees, one already entered
    result = euro.imports.commit(fixture("march.csv")).value
    assert (result.imported, result.duplicates) == (7, 1)
    assert len([row for row in live_rows(store) if row.amount_minor == -350]) == 2


def test_a_guessed_mapping_is_saved_after_the_first_csv_import(
    euro: Services, store: Store
) -> None:
    euro.imports.commit(fixture("march.csv"), dry_run=True)
    with store.read() as session:
        assert session.scalars(select(Account.import_mapping)).one() is None  # not on a dry run

    euro.imports.commit(fixture("march.csv"))

    with store.read() as session:
        saved = session.scalars(select(Account.import_mapping)).one()
    assert saved is not None
    assert (saved["date"], saved["amount"], saved["payee"]) == ("Date", "Amount", "Payee")


CELLS = st.sampled_from(
    ["2026-03-02", "2026-02-30", "03/04/2026", "", "-12.50", "1.234,56", "abc", "Rewe", '"x,y"']
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=5), max_size=6),
    keep_valid=st.booleans(),
)
def test_any_csv_imports_whole_or_not_at_all(
    euro: Services, store: Store, tmp_path: Path, rows: list[list[str]], keep_valid: bool
) -> None:
    path = tmp_path / "fuzz.csv"
    lines = ["Date,Amount,Payee", *(",".join(cells) for cells in rows)]
    path.write_text("\n".join(lines) + "\n")
    before = len(live_rows(store))

    try:
        result = euro.imports.commit(path, keep_valid=keep_valid).value
    except UserError:
        assert len(live_rows(store)) == before  # refused: nothing half-imported
        return
    assert len(live_rows(store)) == before + result.imported
    assert keep_valid or result.errors == []
