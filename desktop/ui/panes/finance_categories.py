"""Categories in the Finance pane: edit one in the table, learn a rule from the correction.

The transactions table edits a category in place (F2 or a click on a selected
row's category) with a combo box of the known categories. The change goes through
`set_transaction_category`; when the correction suggests a rule ("always file
Rewe under Groceries"), a bar above the table offers to add it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.messages import show_error

if TYPE_CHECKING:
    from desktop.services.category_rules import CorrectionView
    from desktop.ui.panes.finance_pane import FinancePane

AnyIndex = QModelIndex | QPersistentModelIndex


class CategoryDelegate(QStyledItemDelegate):
    """Edits a category with an editable combo box of the categories in use."""

    def __init__(self, categories: Callable[[], list[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._categories = categories

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setEditable(True)
        editor.setAccessibleName(self.tr("Category"))
        editor.addItems(self._categories())
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)


class RuleSuggestionBar(QFrame):
    """ "Always file “Rewe” under Groceries?  [Add rule] [Not now]" above the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleSuggestion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add &rule"))
        self.dismiss_button = QPushButton(self.tr("Not now"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.dismiss_button)
        self.proposal: dict[str, Any] | None = None
        self.dismiss_button.clicked.connect(self.clear)
        self.hide()

    def offer(self, correction: CorrectionView) -> None:
        rule = correction.suggested_rule
        if rule is None or correction.covered_by_rule is not None:
            self.clear()
            return
        self.proposal = {
            "category": rule.category,
            f"payee_{rule.payee_op}": rule.payee_pattern,
        }
        if rule.position:
            self.proposal["position"] = rule.position
        self.text.setText(
            self.tr("Always file payees containing “{pattern}” under {category}?").format(
                pattern=rule.payee_pattern, category=rule.category
            )
        )
        self.show()

    def clear(self) -> None:
        self.proposal = None
        self.hide()


class CategoryEditing:
    """Connects the pane's table, its delegate and the suggestion bar to the actions."""

    def __init__(self, pane: FinancePane, bar: RuleSuggestionBar) -> None:
        self.pane = pane
        self.bar = bar
        self.delegate = CategoryDelegate(self._categories, pane.table)
        pane.table.setItemDelegateForColumn(pane.model.CATEGORY, self.delegate)
        pane.model.category_edited.connect(self.store)
        bar.add_button.clicked.connect(self.add_rule)

    def store(self, tx_id: str, category: str, previous: str) -> None:
        """Save a category edited in the table; offer the rule the correction suggests."""

        def failed(exc: Exception) -> None:
            show_error(self.pane, exc, self.pane.tr("Could not change the category"))
            self.pane.reload()

        self.pane.ctx.act(
            "set_transaction_category",
            {"id": tx_id, "category": category},
            self.bar.offer,
            failed,
            initiator=self.pane,
        )

    def add_rule(self) -> None:
        """Add the suggested rule (used by later imports and category suggestions)."""
        proposal = self.bar.proposal
        self.bar.clear()
        if proposal is None:
            return
        self.pane.ctx.act(
            "add_category_rule",
            proposal,
            on_error=lambda exc: show_error(self.pane, exc, self.pane.tr("Could not add the rule")),
            initiator=self.pane,
        )

    def _categories(self) -> list[str]:
        data = self.pane.data
        return data.categories() if data is not None else []
