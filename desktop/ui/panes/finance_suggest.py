"""Category suggestions for uncategorised transactions, from rules and the learned model.

The dialog opens at once and fills when the suggestions are read (aside: the first
time, the model may still be training). The user picks how sure a guess must be;
applying runs `apply_categories` with that threshold, as one undoable change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.categorize import CategorySuggestion
from desktop.ui.messages import show_error
from desktop.ui.panes.pane_format import money

if TYPE_CHECKING:
    from desktop.ui.panes.finance_pane import FinancePane

DEFAULT_PERCENT = 60


class SuggestionsDialog(QDialog):
    """The suggestions, how sure each is, and the threshold to apply them at.

    Signals:
        None (accepted/rejected as every QDialog).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggested categories"))
        self.resize(720, 480)
        self.suggestions: list[CategorySuggestion] = []
        self.status = QLabel(self.tr("Looking at your history…"))
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Suggestions"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Payee"),
                self.tr("Amount"),
                self.tr("Category"),
                self.tr("Sure"),
            ]
        )
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(DEFAULT_PERCENT)
        self.threshold.setAccessibleName(self.tr("Apply guesses at least this sure"))
        caption = QLabel(self.tr("Apply guesses at least this &sure:"))
        caption.setBuddy(self.threshold)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.threshold)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.threshold.valueChanged.connect(self._update)
        self._update()

    def show_suggestions(self, suggestions: Sequence[CategorySuggestion]) -> None:
        self.suggestions = list(suggestions)
        self.tree.clear()
        for s in self.suggestions:
            item = QTreeWidgetItem(
                [
                    s.date.isoformat(),
                    s.payee,
                    money(s.amount, s.currency),
                    s.category,
                    f"{round(s.confidence * 100)} %",
                ]
            )
            item.setToolTip(3, self.tr("from a rule") if s.source == "rule" else self.tr("learned"))
            for column in (2, 4):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.tree.addTopLevelItem(item)
        if not self.suggestions:
            self.status.setText(
                self.tr("Nothing to suggest: every transaction has a category, or there is too "
                        "little categorised history to learn from yet.")
            )  # fmt: skip
        self._update()

    def show_problem(self, message: str) -> None:
        self.status.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def chosen(self) -> int:
        """How many suggestions the current threshold applies."""
        floor = self.threshold.value() / 100
        return sum(1 for s in self.suggestions if s.confidence >= floor)

    def _update(self) -> None:
        count = self.chosen()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Apply {n}").format(n=count))
        ok.setEnabled(count > 0)
        if self.suggestions:
            text = self.tr(
                "{n} uncategorised transactions have a suggestion; {k} are at least {p} % sure."
            )
            self.status.setText(
                text.format(n=len(self.suggestions), k=count, p=self.threshold.value())
            )


def suggest_categories(pane: FinancePane, dialog: SuggestionsDialog | None = None) -> None:
    """Open the suggestions dialog over `pane`; apply what the user accepts."""
    dialog = dialog or SuggestionsDialog(pane)
    pane.ctx.read_aside(
        lambda services: services.categorize.suggestions(),
        dialog.show_suggestions,
        lambda exc: dialog.show_problem(str(exc)),
    )
    dialog.finished.connect(lambda result: _finished(pane, dialog, result))
    dialog.open()


def _finished(pane: FinancePane, dialog: SuggestionsDialog, result: int) -> None:
    threshold = dialog.threshold.value() / 100
    dialog.deleteLater()
    if result != QDialog.DialogCode.Accepted:
        return
    args: dict[str, Any] = {"min_confidence": threshold}
    pane.ctx.act(
        "apply_categories",
        args,
        on_error=lambda exc: show_error(pane, exc, pane.tr("Could not apply the categories")),
        initiator=pane,
    )
