"""The Finance pane's statement import, in-place category edits, subscriptions and charts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.finance_import_dialog import ImportPreviewDialog
from desktop.ui.panes.finance_model import HISTORY_MONTHS
from desktop.ui.panes.finance_suggest import SuggestionsDialog, suggest_categories
from desktop.ui.statement_import import StatementImport
from tests.gui.test_finance_pane import column, open_finance, tree_texts, window

__all__ = ["window"]

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


@pytest.fixture
def checking(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_account("Savings", currency="EUR", kind="savings")
    return services


def test_a_statement_is_previewed_then_imported_once(
    qtbot: QtBot, window: MainWindow, checking: Services
) -> None:
    pane = open_finance(qtbot, window)
    flow = StatementImport(pane, pane.ctx)
    previews: list[dict[str, Any]] = []
    told: list[str] = []

    def confirm(path: str, preview: Any, accounts: Any) -> dict[str, Any] | None:
        dialog = ImportPreviewDialog(preview, accounts, lambda _id: None, pane)
        qtbot.addWidget(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        statuses = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
        previews.append({"ok": ok.isEnabled(), "text": ok.text(), "statuses": statuses})
        return dialog.arguments(path) if ok.isEnabled() else None

    flow.open_path = lambda: str(FIXTURES / "march.csv")
    flow.confirm = confirm
    flow.tell = told.append
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        flow.start()
    first = previews[0]
    assert first["ok"]
    assert first["statuses"].count("New") == 8
    assert first["text"] == "Import 8"
    assert told[0].startswith("Imported 8 transactions into Checking; 0 were already there.")
    qtbot.waitUntil(lambda: "Rewe" in column(pane.model, 1) or "REWE" in str(column(pane.model, 1)))
    assert len(checking.finance.transactions(account="Checking")) == 8

    flow.start()  # the same file again: everything is already there
    qtbot.waitUntil(lambda: len(previews) == 2)
    assert previews[1]["ok"] is False
    assert set(previews[1]["statuses"]) == {"Already there"}
    assert len(checking.finance.transactions(account="Checking")) == 8


def test_the_preview_dialog_offers_the_valid_rows_of_a_damaged_file(
    qtbot: QtBot, checking: Services
) -> None:
    preview = checking.imports.preview(FIXTURES / "malformed.csv", account="Checking")
    assert preview.problems, "the fixture has unreadable rows"
    dialog = ImportPreviewDialog(preview, checking.finance.accounts(), lambda _id: None)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "could not be read" in dialog.problems.text()
    dialog.keep_valid.setChecked(True)
    assert ok.isEnabled()
    assert dialog.arguments("x.csv")["keep_valid"] is True


def test_a_category_edited_in_the_table_is_stored_and_suggests_a_rule(
    qtbot: QtBot, window: MainWindow, checking: Services
) -> None:
    for day in (2, 9):
        checking.finance.add_transaction(
            TransactionDraft("-30", "Rewe", date(2026, 3, day), "Checking", "")
        )
    pane = open_finance(qtbot, window)
    index = pane.model.index(0, pane.model.CATEGORY)
    pane.table.setFocus()
    pane.table.setCurrentIndex(index)
    QTest.keyClick(pane.table, Qt.Key.Key_F2)
    editor = pane.table.focusWidget()
    assert isinstance(editor.parentWidget(), QComboBox) or isinstance(editor, QComboBox)
    QTest.keyClicks(editor, "Groceries")
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.rule_bar.isVisible())
    assert "“rewe” under Groceries" in pane.rule_bar.text.text()
    assert sorted(t.category for t in checking.finance.transactions()) == ["", "Groceries"]
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        QTest.mouseClick(pane.rule_bar.add_button, Qt.MouseButton.LeftButton)
    rules = checking.category_rules.list()
    assert [(r.payee_op, r.payee_pattern, r.category) for r in rules] == [
        ("contains", "rewe", "Groceries")
    ]
    assert not pane.rule_bar.isVisible()

    dialog = SuggestionsDialog(pane)
    qtbot.addWidget(dialog)
    suggest_categories(pane, dialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=20_000)
    assert dialog.tree.topLevelItem(0).text(3) == "Groceries"
    assert dialog.tree.topLevelItem(0).text(4) == "100 %"
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        dialog.accept()
    assert [t.category for t in checking.finance.transactions()] == ["Groceries", "Groceries"]


def test_subscriptions_and_the_balance_chart(
    qtbot: QtBot, window: MainWindow, checking: Services
) -> None:
    first = date(2025, 9, 14)
    for n in range(6):  # a monthly subscription up to February
        checking.finance.add_transaction(
            TransactionDraft(
                "-12.99", "Netflix", first.replace(month=(first.month + n - 1) % 12 + 1,
                                                    year=first.year + (first.month + n - 1) // 12),
                "Checking", "Subscriptions",
            )
        )  # fmt: skip
    for n in range(4):  # a monthly income
        checking.finance.add_transaction(
            TransactionDraft("1000", "Salary", date(2025, 11 + n, 28) if n < 2 else
                             date(2026, n - 1, 28), "Savings", "")
        )  # fmt: skip
    pane = open_finance(qtbot, window)
    pane.side.tabs.setCurrentWidget(pane.side.subscriptions)
    qtbot.waitUntil(lambda: "Netflix" in tree_texts(pane.side.subscriptions, 0), timeout=10_000)
    row = tree_texts(pane.side.subscriptions, 0).index("Netflix")
    item = pane.side.subscriptions.topLevelItem(row)
    assert (item.text(1), item.text(2)) == ("12.99 EUR", "14 Mar")
    assert "every month" in item.toolTip(0)
    assert "Salary" not in tree_texts(pane.side.subscriptions, 0)  # income is no subscription

    line = pane.charts.balance
    assert line is not None
    assert line.count() == HISTORY_MONTHS
    points = [line.at(i).y() for i in range(line.count())]
    total = sum(a.balance for a in checking.finance.accounts())
    assert Decimal(str(points[-1])).quantize(Decimal("0.01")) == total
    assert points[-2] == pytest.approx(float(total))  # nothing booked in March yet
