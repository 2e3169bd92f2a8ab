"""The small dialog that records or edits a transaction (for `add_transaction` or
`update_transaction`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.finance import AccountView, TransactionView

EXPENSE, INCOME = "expense", "income"


class CheckedDialog(QDialog):
    """A form dialog that stays open, saying what is wrong, until its input can be saved.

    Subclasses build a form, pass it to `_lay_out`, and answer `problem` and `arguments`.

    Signals:
        None (accepted/rejected as every QDialog).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")

    def _lay_out(self, form: QFormLayout) -> QDialogButtonBox:
        """The form, the error line and OK/Cancel, top to bottom; returns the buttons."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        return buttons

    def problem(self) -> str:
        """What is wrong with the input, or "" when it can be saved."""
        raise NotImplementedError

    def arguments(self) -> dict[str, Any]:
        """The action's arguments the input makes."""
        raise NotImplementedError

    def accept(self) -> None:
        message = self.problem()
        if message:
            self.error.setText(message)
            return
        super().accept()

    def run(self) -> dict[str, Any] | None:
        """Show the dialog until closed; the action's arguments, or None when cancelled."""
        try:
            if self.exec() == QDialog.DialogCode.Accepted:
                return self.arguments()
            return None
        finally:
            self.deleteLater()


class AddTransactionDialog(CheckedDialog):
    """Date, payee, amount (spent or received), category, account and memo.

    Signals:
        None (accepted/rejected as every QDialog).
    """

    def __init__(
        self,
        accounts: Sequence[AccountView],
        categories: Sequence[str],
        today: date,
        parent: QWidget | None = None,
        editing: TransactionView | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = editing
        self.setWindowTitle(self.tr("Edit transaction") if editing else self.tr("Add transaction"))
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Date"))
        self.payee = QLineEdit()
        self.payee.setAccessibleName(self.tr("Payee"))
        self.payee.setPlaceholderText(self.tr("Who was paid, or who paid"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Spent or received"))
        self.kind.addItem(self.tr("Spent"), EXPENSE)
        self.kind.addItem(self.tr("Received"), INCOME)
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setPlaceholderText("12.50")
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItems(list(categories))
        self.category.setCurrentText("")
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        for account in accounts:
            if not account.archived:
                self.account.addItem(f"{account.name} ({account.currency})", str(account.id))
        self.memo = QLineEdit()
        self.memo.setAccessibleName(self.tr("Memo"))
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Payee"), self.payee)
        form.addRow(self.tr("&Type"), self.kind)
        form.addRow(self.tr("A&mount"), self.amount)
        form.addRow(self.tr("&Category"), self.category)
        if self.account.count():
            form.addRow(self.tr("A&ccount"), self.account)
        form.addRow(self.tr("M&emo"), self.memo)
        self.buttons = self._lay_out(form)
        if editing is not None:
            self._fill(editing)
        self.payee.setFocus()

    def _fill(self, tx: TransactionView) -> None:
        self.date.setDate(QDate(tx.date.year, tx.date.month, tx.date.day))
        self.payee.setText(tx.payee)
        self.kind.setCurrentIndex(self.kind.findData(EXPENSE if tx.amount < 0 else INCOME))
        self.amount.setText(str(abs(tx.amount)))
        self.category.setCurrentText(tx.category)
        self.memo.setText(tx.memo)
        index = self.account.findData(str(tx.account_id))
        if index >= 0:
            self.account.setCurrentIndex(index)

    def problem(self) -> str:
        """What is wrong with the input, or "" when it can be saved."""
        if not self.payee.text().strip():
            return self.tr("Say who was paid (or who paid).")
        try:
            value = Decimal(self.amount.text().strip().replace(",", ""))
        except InvalidOperation:
            return self.tr("Write the amount as a number, like 12.50.")
        if not value.is_finite() or value <= 0:
            return self.tr("Write the amount as a positive number, like 12.50.")
        return ""

    def accept(self) -> None:
        message = self.problem()
        if message:
            self.error.setText(message)
            return
        super().accept()

    def arguments(self) -> dict[str, Any]:
        """The `add_transaction` arguments the input makes (with the id when editing, for
        `update_transaction`)."""
        amount = self.amount.text().strip().replace(",", "").lstrip("+-")
        sign = "-" if self.kind.currentData() == EXPENSE else ""
        args: dict[str, Any] = {
            "date": self.date.date().toString("yyyy-MM-dd"),
            "payee": self.payee.text().strip(),
            "amount": f"{sign}{amount}",
            "category": self.category.currentText().strip(),
            "memo": self.memo.text().strip(),
        }
        if self.account.count():
            args["account"] = self.account.currentData()
        if self.editing is not None:
            args["id"] = str(self.editing.id)
        return args

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        accounts: Sequence[AccountView],
        categories: Sequence[str],
        today: date,
        editing: TransactionView | None = None,
    ) -> dict[str, Any] | None:
        """Run the dialog; the action's arguments, or None when cancelled."""
        return cls(accounts, categories, today, parent, editing).run()


class BudgetDialog(CheckedDialog):
    """A category and the most to spend on it in a month (for `set_budget`).

    Signals:
        None (accepted/rejected as every QDialog).
    """

    def __init__(
        self,
        categories: Sequence[str],
        month: date,
        parent: QWidget | None = None,
        category: str = "",
        amount: Decimal | None = None,
    ) -> None:
        super().__init__(parent)
        self.month = month
        self.setWindowTitle(self.tr("Budget for {month}").format(month=f"{month:%B %Y}"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItems(list(categories))
        self.category.setCurrentText(category)
        self.amount = QLineEdit("" if amount is None else str(amount))
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setPlaceholderText("250")
        form = QFormLayout()
        form.addRow(self.tr("&Category"), self.category)
        form.addRow(self.tr("&At most"), self.amount)
        self._lay_out(form)
        (self.amount if category else self.category).setFocus()

    def problem(self) -> str:
        """What is wrong with the input, or "" when it can be saved."""
        if not self.category.currentText().strip():
            return self.tr("Name the category the budget is for.")
        try:
            value = Decimal(self.amount.text().strip().replace(",", ""))
        except InvalidOperation:
            return self.tr("Write the amount as a number, like 250.")
        if not value.is_finite() or value < 0:
            return self.tr("Write the amount as a positive number, like 250.")
        return ""

    def arguments(self) -> dict[str, Any]:
        """The `set_budget` arguments the input makes."""
        return {
            "category": self.category.currentText().strip(),
            "amount": self.amount.text().strip().replace(",", ""),
            "month": f"{self.month:%Y-%m}",
        }

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        categories: Sequence[str],
        month: date,
        category: str = "",
        amount: Decimal | None = None,
    ) -> dict[str, Any] | None:
        """Run the dialog; the `set_budget` arguments, or None when cancelled."""
        return cls(categories, month, parent, category, amount).run()
