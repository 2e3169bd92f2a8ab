"""The Finance pane on a real store: accounts, filtered transactions, summary, budgets, charts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QTreeWidget
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.ui.main_window import MainWindow
from desktop.ui.panes import finance_pane
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.finance_charts import top_categories
from desktop.ui.panes.finance_dialog import AddTransactionDialog
from desktop.ui.panes.finance_model import TransactionsModel, add_months
from desktop.ui.panes.finance_pane import FinancePane

pytestmark = pytest.mark.gui

MARCH = date(2026, 3, 1)  # the fixed clock's month


@pytest.fixture
def seeded(services: Services) -> None:
    f = services.finance
    f.add_account("Checking", currency="EUR")
    f.add_account("Savings", currency="EUR", kind="savings")
    for amount, payee, day, account, category in (
        ("2500", "Employer", date(2026, 3, 1), "Checking", "salary"),
        ("-80.25", "Market", date(2026, 3, 2), "Checking", "groceries"),
        ("-40", "Bakery", date(2026, 3, 3), "Checking", "Groceries"),
        ("-300", "Rent Co", date(2026, 3, 1), "Checking", "rent"),
        ("500", "Transfer in", date(2026, 3, 2), "Savings", ""),
        ("-60", "Market", date(2026, 2, 10), "Checking", "groceries"),
    ):
        f.add_transaction(TransactionDraft(amount, payee, day, account, category))
    f.set_budget("groceries", "100", MARCH)
    f.set_budget("rent", "400", MARCH)


@pytest.fixture
def window(pane_window: Callable[..., MainWindow]) -> MainWindow:
    return pane_window("finance", FinancePane)


def open_finance(qtbot: QtBot, window: MainWindow) -> FinancePane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "finance"):
        window.select_pane("finance")
    pane = window.pane_widget("finance")
    assert isinstance(pane, FinancePane)
    return pane


def column(model: TransactionsModel, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def tree_texts(tree: QTreeWidget, col: int) -> list[str]:
    return [tree.topLevelItem(i).text(col) for i in range(tree.topLevelItemCount())]


def test_it_shows_accounts_the_month_budgets_and_charts(
    qtbot: QtBot, window: MainWindow, seeded: None, qtmodeltester: Any
) -> None:
    pane = open_finance(qtbot, window)

    assert tree_texts(pane.accounts, 0) == ["Checking", "Savings"]
    assert tree_texts(pane.accounts, 1) == ["2,019.75 EUR", "500.00 EUR"]
    assert pane.summary.text() == (
        "March 2026: income <b>3,000.00 EUR</b> · spending <b>420.25 EUR</b> · "
        "net <b>2,579.75 EUR</b>"
    )
    assert column(pane.model, 1) == ["Bakery", "Transfer in", "Market", "Rent Co", "Employer"]
    assert column(pane.model, 4)[0] == "-40.00 EUR"
    assert pane.count_label.text() == "5 transactions · total 2,579.75 EUR"
    qtmodeltester.check(pane.model)

    assert tree_texts(pane.budgets, 0) == ["groceries", "rent"]
    assert tree_texts(pane.budgets, 2) == ["120.25 / 100.00", "300.00 / 400.00"]
    over = pane.budgets.itemWidget(pane.budgets.topLevelItem(0), 1)
    under = pane.budgets.itemWidget(pane.budgets.topLevelItem(1), 1)
    assert (over.property("over"), over.format()) == (True, "120%")
    assert (under.property("over"), under.format()) == (False, "75%")

    assert pane.month_box.currentText() == "March 2026"
    assert pane.category_box.currentText() == "All categories"
    categories = [pane.category_box.itemText(i) for i in range(pane.category_box.count())]
    assert categories == ["All categories", "groceries", "rent", "salary"]

    pie = pane.charts.pie
    assert pie is not None
    assert [(s.label(), s.value()) for s in pie.slices()] == [
        ("rent", 300.0),
        ("Groceries", 120.25),
    ]
    assert pane.charts.months == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    spending = pane.charts.spending
    assert spending is not None
    assert [spending.at(i) for i in range(6)] == [0, 0, 0, 0, 60.0, 420.25]


def test_filters_by_category_and_account(qtbot: QtBot, window: MainWindow, seeded: None) -> None:
    pane = open_finance(qtbot, window)

    pane.category_box.setCurrentIndex(pane.category_box.findText("groceries"))
    assert column(pane.model, 1) == ["Bakery", "Market"]  # without case, as budgets count
    assert pane.count_label.text() == "2 transactions · total -120.25 EUR"

    pane.category_box.setCurrentIndex(0)
    pane.account_box.setCurrentIndex(pane.account_box.findText("Savings"))
    assert column(pane.model, 1) == ["Transfer in"]

    # Clicking an account in the list filters by it too.
    item = pane.accounts.topLevelItem(0)
    rect = pane.accounts.visualItemRect(item)
    QTest.mouseClick(pane.accounts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.account_box.currentText() == "Checking"
    assert len(column(pane.model, 1)) == 4


def test_another_month_reloads_and_filters_survive_a_refresh(
    qtbot: QtBot, window: MainWindow, seeded: None, pane_ctx: PaneContext
) -> None:
    pane = open_finance(qtbot, window)
    pane.account_box.setCurrentIndex(pane.account_box.findText("Checking"))

    with qtbot.waitSignal(pane.loaded):
        pane.month_box.setCurrentIndex(pane.month_box.findData("2026-02-01"))
    assert column(pane.model, 1) == ["Market"]
    assert pane.summary.text().startswith("February 2026")
    assert pane.account_box.currentText() == "Checking"
    assert tree_texts(pane.budgets, 0) == ["No budgets this month"]

    with qtbot.waitSignal(pane.loaded):  # a change elsewhere refreshes the month on screen
        pane_ctx.act("add_transaction", {"amount": "-5", "payee": "Kiosk", "date": "2026-02-11"})
    assert column(pane.model, 1) == ["Kiosk", "Market"]
    assert pane.month_box.currentText() == "February 2026"


def test_a_transaction_added_in_the_dialog_is_stored_and_shown(
    qtbot: QtBot,
    window: MainWindow,
    seeded: None,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = open_finance(qtbot, window)
    offered: list[Any] = []

    def ask(cls: type, parent: Any, accounts: Any, categories: Any, today: date) -> dict[str, Any]:
        offered.append(([a.name for a in accounts], list(categories), today))
        return {"date": "2026-03-04", "payee": "Cafe", "amount": "-4.50",
                "category": "fun", "memo": "", "account": str(accounts[1].id)}  # fmt: skip

    monkeypatch.setattr(AddTransactionDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(pane.loaded):
        QTest.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    assert offered[0][0] == ["Checking", "Savings"]
    assert offered[0][2] == date(2026, 3, 4)
    assert column(pane.model, 1)[0] == "Cafe"
    assert column(pane.model, 3)[0] == "Savings"
    assert [t.payee for t in services.finance.transactions(account="Savings")] == [
        "Cafe",
        "Transfer in",
    ]


def test_a_refused_transaction_is_reported(
    qtbot: QtBot, window: MainWindow, seeded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = open_finance(qtbot, window)
    shown: list[str] = []
    monkeypatch.setattr(finance_pane, "show_error", lambda p, exc, what="": shown.append(str(exc)))
    monkeypatch.setattr(
        AddTransactionDialog,
        "ask",
        classmethod(lambda cls, *a: {"payee": "X", "amount": "-1.234", "date": "2026-03-04"}),
    )
    pane.add_transaction()
    qtbot.waitUntil(lambda: bool(shown))
    assert "more than 2 decimals" in shown[0]


def test_the_dialog_checks_its_input_and_signs_the_amount(qtbot: QtBot, services: Services) -> None:
    account = services.finance.add_account("Checking", currency="EUR").value
    dialog = AddTransactionDialog([account], ["groceries"], date(2026, 3, 4))
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.accept()
    assert dialog.error.text() == "Say who was paid (or who paid)."
    assert dialog.result() != QDialog.DialogCode.Accepted
    QTest.keyClicks(dialog.payee, "Market")
    QTest.keyClicks(dialog.amount, "abc")
    dialog.accept()
    assert dialog.error.text() == "Write the amount as a number, like 12.50."
    dialog.amount.clear()
    QTest.keyClicks(dialog.amount, "12.50")
    dialog.category.setCurrentText("groceries")
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter accepts
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.arguments() == {
        "date": "2026-03-04",
        "payee": "Market",
        "amount": "-12.50",
        "category": "groceries",
        "memo": "",
        "account": str(account.id),
    }
    dialog.kind.setCurrentIndex(1)
    assert dialog.arguments()["amount"] == "12.50"


def test_escape_cancels_the_dialog(qtbot: QtBot) -> None:
    dialog = AddTransactionDialog([], [], date(2026, 3, 4))
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog.payee, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert "account" not in dialog.arguments()  # none yet: the service picks or makes one


def test_helpers() -> None:
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    from decimal import Decimal

    totals = {f"c{i}": Decimal(10 - i) for i in range(8)}
    top = top_categories(totals, limit=4)
    assert top == [("c0", 10), ("c1", 9), ("c2", 8), ("Other", Decimal(7 + 6 + 5 + 4 + 3))]
