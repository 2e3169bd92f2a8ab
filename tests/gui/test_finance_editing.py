"""Editing in the Finance pane: change and delete transactions, set and remove budgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.finance_dialog import AddTransactionDialog, BudgetDialog
from desktop.ui.panes.finance_editing import ConfirmFinanceDelete
from desktop.ui.panes.finance_pane import FinancePane
from tests.gui.test_finance_pane import MARCH, column, open_finance, seeded, tree_texts, window

__all__ = ["seeded", "window"]  # fixtures shared with the pane's own tests

pytestmark = pytest.mark.gui


def select_payee(pane: FinancePane, payee: str) -> None:
    row = column(pane.model, 1).index(payee)
    pane.table.setFocus()
    pane.table.setCurrentIndex(pane.model.index(row, 1))


def test_enter_edits_the_selected_transaction(
    qtbot: QtBot,
    window: MainWindow,
    seeded: None,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = open_finance(qtbot, window)
    edited: list[Any] = []

    def ask(cls: type, parent: Any, accounts: Any, categories: Any, today: date, editing: Any):  # type: ignore[no-untyped-def]
        edited.append(editing)
        dialog = AddTransactionDialog(accounts, categories, today, parent, editing)
        dialog.payee.setText("Bakery Schmidt")
        dialog.amount.setText("42.10")
        return dialog.arguments()

    monkeypatch.setattr(AddTransactionDialog, "ask", classmethod(ask))
    select_payee(pane, "Bakery")
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_Return)
    assert edited[0].payee == "Bakery"
    assert "Bakery Schmidt" in column(pane.model, 1)
    changed = [t for t in services.finance.transactions() if t.payee == "Bakery Schmidt"]
    assert [(t.amount, t.category, t.account) for t in changed] == [
        (Decimal("-42.10"), "Groceries", "Checking")
    ]


def test_delete_asks_first_and_keeps_the_row_when_cancelled(
    qtbot: QtBot,
    window: MainWindow,
    seeded: None,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = open_finance(qtbot, window)
    answers = [False, True]
    asked: list[str] = []

    def ask(cls: type, parent: Any, title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(ConfirmFinanceDelete, "ask", classmethod(ask))
    select_payee(pane, "Rent Co")
    QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert "Rent Co" in column(pane.model, 1)
    assert "“Rent Co” on 2026-03-01" in asked[0]
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert "Rent Co" not in column(pane.model, 1)
    assert "Rent Co" not in [t.payee for t in services.finance.transactions()]


def test_a_budget_is_set_changed_and_removed(
    qtbot: QtBot,
    window: MainWindow,
    seeded: None,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = open_finance(qtbot, window)
    replies = [
        {"category": "fun", "amount": "60", "month": "2026-03"},
        {"category": "fun", "amount": "75", "month": "2026-03"},
    ]
    offered: list[tuple[str, Any]] = []

    def ask(
        cls: type, parent: Any, categories: Any, month: date, category: str = "", amount: Any = None
    ):  # type: ignore[no-untyped-def]
        offered.append((category, amount))
        return replies.pop(0)

    monkeypatch.setattr(BudgetDialog, "ask", classmethod(ask))
    monkeypatch.setattr(ConfirmFinanceDelete, "ask", classmethod(lambda cls, *a: True))
    with qtbot.waitSignal(pane.loaded):
        QTest.mouseClick(pane.budget_button, Qt.MouseButton.LeftButton)
    assert "fun" in tree_texts(pane.budgets, 0)
    pane.budgets.setFocus()
    pane.budgets.setCurrentItem(pane.budgets.topLevelItem(tree_texts(pane.budgets, 0).index("fun")))
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.budgets, Qt.Key.Key_Return)
    assert offered[1] == ("fun", Decimal("60.00"))
    assert {b.category: b.budget for b in services.finance.budgets(MARCH)}["fun"] == Decimal("75")
    pane.budgets.setCurrentItem(pane.budgets.topLevelItem(tree_texts(pane.budgets, 0).index("fun")))
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.budgets, Qt.Key.Key_Delete)
    assert "fun" not in tree_texts(pane.budgets, 0)
    assert [b.category for b in services.finance.budgets(MARCH)] == ["groceries", "rent"]


def test_the_budget_dialog_checks_its_input(qtbot: QtBot) -> None:
    dialog = BudgetDialog(["groceries"], MARCH)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.error.text() == "Name the category the budget is for."
    dialog.category.setCurrentText("groceries")
    QTest.keyClicks(dialog.amount, "lots")
    dialog.accept()
    assert dialog.error.text() == "Write the amount as a number, like 250."
    dialog.amount.setText("1,250")
    dialog.accept()
    assert dialog.arguments() == {"category": "groceries", "amount": "1250", "month": "2026-03"}


def test_the_editor_starts_from_the_transaction(qtbot: QtBot, services: Services) -> None:
    account = services.finance.add_account("Checking", currency="EUR").value
    tx = services.finance.add_transaction(
        TransactionDraft("125", "Refund", date(2026, 3, 2), "Checking", "shopping", "order 7")
    ).value
    dialog = AddTransactionDialog([account], ["shopping"], date(2026, 3, 4), editing=tx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit transaction"
    assert dialog.arguments() == {
        "date": "2026-03-02",
        "payee": "Refund",
        "amount": "125.00",
        "category": "shopping",
        "memo": "order 7",
        "account": str(account.id),
        "id": str(tx.id),
    }
