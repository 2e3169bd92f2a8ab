"""Editing in the Finance pane: change or delete a transaction, set or remove a budget.

Every change goes through the action catalog (`update_transaction`,
`delete_transaction`, `set_budget`, `delete_budget`), so Edit ▸ Undo takes it back.
Keys: Enter or a double click edits the selected transaction, Delete deletes it
(after asking); in the budgets list Enter edits and Delete removes the budget. Both
lists also have a context menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from desktop.services.finance import TransactionView
from desktop.services.finance_insight import BudgetInsight
from desktop.ui.messages import confirm, show_error
from desktop.ui.panes.finance_dialog import AddTransactionDialog, BudgetDialog
from desktop.ui.panes.pane_format import money

if TYPE_CHECKING:
    from desktop.ui.panes.finance_pane import FinancePane


class ConfirmFinanceDelete:
    """The question asked before a transaction or a budget is deleted (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        return confirm(parent, title, text)


class FinanceEditing(QObject):
    """Wires the pane's transactions table and budgets list to the editing actions."""

    def __init__(self, pane: FinancePane) -> None:
        super().__init__(pane)
        self.pane = pane
        table, budgets = pane.table, pane.budgets
        table.doubleClicked.connect(lambda _index: self.edit_transaction())
        for widget, on_enter, on_delete, on_menu in (
            (table, self.edit_transaction, self.delete_transaction, self._transaction_menu),
            (budgets, self.edit_budget, self.delete_budget, self._budget_menu),
        ):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(on_menu)
            for key, slot in (
                (Qt.Key.Key_Return, on_enter),
                (Qt.Key.Key_Enter, on_enter),
                (QKeySequence.StandardKey.Delete, on_delete),
            ):
                shortcut = QShortcut(QKeySequence(key), widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        budgets.itemDoubleClicked.connect(lambda *_: self.edit_budget())

    # -- what is selected ------------------------------------------------------------

    def selected_transaction(self) -> TransactionView | None:
        index = self.pane.table.currentIndex()
        return self.pane.model.transaction_at(index.row()) if index.isValid() else None

    def selected_budget(self) -> BudgetInsight | None:
        data, item = self.pane.data, self.pane.budgets.currentItem()
        if data is None or item is None:
            return None
        index = self.pane.budgets.indexOfTopLevelItem(item)
        budgets = data.budgets
        return budgets[index] if 0 <= index < len(budgets) else None

    # -- transactions ----------------------------------------------------------------

    def edit_transaction(self) -> None:
        """Open the selected transaction in the editor; save through `update_transaction`."""
        tx, data = self.selected_transaction(), self.pane.data
        if tx is None or data is None:
            return
        args = AddTransactionDialog.ask(
            self.pane, data.accounts, data.categories(), data.today, editing=tx
        )
        if args is not None:
            self._act("update_transaction", args, self.tr("Could not change the transaction"))

    def delete_transaction(self) -> None:
        """Delete the selected transaction once the user confirms."""
        tx = self.selected_transaction()
        if tx is None:
            return
        text = self.tr("Delete {amount} to “{payee}” on {day}? Edit ▸ Undo brings it back.")
        if ConfirmFinanceDelete.ask(
            self.pane,
            self.tr("Delete transaction"),
            text.format(amount=money(tx.amount, tx.currency), payee=tx.payee, day=tx.date),
        ):
            self._act(
                "delete_transaction",
                {"id": str(tx.id)},
                self.tr("Could not delete the transaction"),
            )

    # -- budgets -----------------------------------------------------------------------

    def set_budget(self) -> None:
        """Ask for a new budget of the shown month."""
        self._ask_budget("", None)

    def edit_budget(self) -> None:
        budget = self.selected_budget()
        if budget is not None:
            self._ask_budget(budget.category, budget.budget)

    def delete_budget(self) -> None:
        """Remove the selected budget once the user confirms; the spending stays."""
        budget, month = self.selected_budget(), self.pane.month
        if budget is None or month is None:
            return
        text = self.tr("Remove the budget for “{category}” in {month}? Its spending stays.")
        if ConfirmFinanceDelete.ask(
            self.pane,
            self.tr("Remove budget"),
            text.format(category=budget.category, month=f"{month:%B %Y}"),
        ):
            self._act(
                "delete_budget",
                {"category": budget.category, "month": f"{month:%Y-%m}"},
                self.tr("Could not remove the budget"),
            )

    def _ask_budget(self, category: str, amount: Any) -> None:
        data, month = self.pane.data, self.pane.month
        if data is None or month is None:
            return
        args = BudgetDialog.ask(self.pane, data.categories(), month, category, amount)
        if args is not None:
            self._act("set_budget", args, self.tr("Could not set the budget"))

    # -- menus -------------------------------------------------------------------------

    def _transaction_menu(self, point: QPoint) -> None:
        table = self.pane.table
        index = table.indexAt(point)
        if index.isValid():
            table.setCurrentIndex(index)
        menu = QMenu(table)
        has_one = self.selected_transaction() is not None
        for text, slot, enabled in (
            (self.tr("&Edit…"), self.edit_transaction, has_one),
            (self.tr("&Delete…"), self.delete_transaction, has_one),
            (self.tr("&Add transaction…"), self.pane.add_transaction, True),
        ):
            self._add(menu, text, slot, enabled)
        menu.popup(table.viewport().mapToGlobal(point))

    def _budget_menu(self, point: QPoint) -> None:
        budgets = self.pane.budgets
        item = budgets.itemAt(point)
        if item is not None:
            budgets.setCurrentItem(item)
        menu = QMenu(budgets)
        has_one = self.selected_budget() is not None
        for text, slot, enabled in (
            (self.tr("&Change budget…"), self.edit_budget, has_one),
            (self.tr("&Remove budget…"), self.delete_budget, has_one),
            (self.tr("&Set a budget…"), self.set_budget, True),
        ):
            self._add(menu, text, slot, enabled)
        menu.popup(budgets.viewport().mapToGlobal(point))

    def _add(self, menu: QMenu, text: str, slot: Any, enabled: bool) -> None:
        action = QAction(text, menu)
        action.setEnabled(enabled)
        action.triggered.connect(slot)
        menu.addAction(action)

    def _act(self, action: str, args: dict[str, Any], failure: str) -> None:
        self.pane.ctx.act(
            action,
            args,
            on_error=lambda exc: show_error(self.pane, exc, failure),
            initiator=self.pane,
        )
