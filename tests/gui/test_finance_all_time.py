"""The Finance pane's "All time" table over a few thousand real rows: newest first, more
as the table scrolls, filters in SQL, categories edited in place; budgets with rollover."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QProgressBar
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from desktop.core.ids import new_id
from desktop.services.container import Services
from desktop.services.transaction_pages import PAGE_SIZE
from desktop.store.models import Account, Transaction
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.finance_pane import ALL_TIME, FinancePane
from desktop.ui.panes.finance_table import SPENDING_COLOUR
from tests.gui.test_finance_pane import MARCH, column, open_finance, seeded, tree_texts, window

__all__ = ["seeded", "window"]  # fixtures shared with the pane's own tests

pytestmark = pytest.mark.gui

COUNT = 3_000
# "Groceries" and "groceries" are one category; "travel" only happened long ago.
CATEGORIES = ("groceries", "Groceries", "rent", "fun", "", "salary")


@dataclass(frozen=True)
class Seeded:
    """What was stored, to compute the expected order and filters independently."""

    id: uuid.UUID
    day: date
    created: datetime
    account: str
    category: str


def _history(services: Services) -> list[Seeded]:
    """COUNT transactions over two accounts and about two years, many on the same day and
    some also created at the same instant (so the id breaks the tie)."""
    rng = random.Random(3)
    kept: list[Seeded] = []
    with services.ctx.store.unit_of_work() as uow:
        accounts = {
            name: Account(name=name, kind=kind, currency="EUR")
            for name, kind in (("Checking", "checking"), ("Card", "credit"))
        }
        uow.s.add_all(accounts.values())
        uow.s.flush()
        rows = []
        for n in range(COUNT):
            name = "Card" if rng.random() < 0.4 else "Checking"
            day = MARCH + timedelta(days=3) - timedelta(days=rng.randrange(760))
            category = "travel" if n == 7 else rng.choice(CATEGORIES)
            if n == 7:
                day = date(2024, 3, 1)
            created = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(40))
            ident = new_id()
            row = uow.stamp_insert(
                {
                    "id": ident,
                    "account_id": accounts[name].id,
                    "date": day,
                    "amount_minor": rng.randint(100, 90_000) * (1 if category == "salary" else -1),
                    "currency": "EUR",
                    "payee": f"Payee {n}",
                    "memo": "",
                    "category": category,
                    "original_payee": "",
                    "category_source": "",
                    "cleared": True,
                }
            )
            row["created_at"] = row["updated_at"] = created
            rows.append(row)
            kept.append(Seeded(ident, day, created, name, category))
        uow.s.execute(insert(Transaction), rows)
        uow.commit()
    return kept


def newest_first(rows: list[Seeded]) -> list[str]:
    ordered = sorted(rows, key=lambda r: (r.day, r.created, r.id.hex), reverse=True)
    return [str(r.id) for r in ordered]


@pytest.fixture
def history(services: Services) -> list[Seeded]:
    return _history(services)


def shown_ids(pane: FinancePane) -> list[str]:
    model = pane.model
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def choose(qtbot: QtBot, pane: FinancePane, box: QComboBox, data: Any) -> None:
    """Pick the entry of `box` holding `data` and wait for what it reads."""
    index = box.findData(data)
    assert index >= 0, data
    with qtbot.waitSignal(pane.loaded):
        box.setCurrentIndex(index)


def fetch_next_page(qtbot: QtBot, pane: FinancePane) -> None:
    """Scroll to the last row, as a user would, and wait for the next page."""
    with qtbot.waitSignal(pane.model.rows_fetched):
        pane.table.scrollToBottom()


def test_all_time_shows_every_transaction_newest_first_a_page_at_a_time(
    qtbot: QtBot, window: MainWindow, history: list[Seeded], qtmodeltester: Any
) -> None:
    pane = open_finance(qtbot, window)
    assert pane.month_box.itemText(0) == "All time"
    march_rows = pane.model.rowCount()

    choose(qtbot, pane, pane.month_box, ALL_TIME)
    expected = newest_first(history)
    assert pane.month_box.currentText() == "All time"
    assert shown_ids(pane) == expected[:PAGE_SIZE]
    assert pane.summary.text().startswith("All time, newest first. This month, March 2026:")
    assert pane.count_label.text() == f"Newest {PAGE_SIZE} transactions · more as you scroll"
    qtmodeltester.check(pane.model)

    fetch_next_page(qtbot, pane)
    assert shown_ids(pane) == expected[: 2 * PAGE_SIZE]
    while pane.model.has_more():
        fetch_next_page(qtbot, pane)
    assert shown_ids(pane) == expected  # every row once, in order
    assert pane.count_label.text() == f"{COUNT:,} transactions"

    # Back to a month: the month's rows, read whole, as before.
    choose(qtbot, pane, pane.month_box, MARCH.isoformat())
    assert not pane.model.paged
    assert pane.model.rowCount() == march_rows
    assert march_rows == sum(1 for r in history if r.day >= MARCH)


def test_all_time_filters_are_applied_in_sql(
    qtbot: QtBot, window: MainWindow, history: list[Seeded]
) -> None:
    pane = open_finance(qtbot, window)
    choose(qtbot, pane, pane.month_box, ALL_TIME)
    categories = [pane.category_box.itemText(i) for i in range(pane.category_box.count())]
    assert "travel" in categories  # used once, two years ago: all time knows it

    spelled = [pane.category_box.itemData(i) for i in range(pane.category_box.count())]
    grocery_entries = [name for name in spelled if name and name.lower() == "groceries"]
    assert len(grocery_entries) == 1  # one entry for both spellings
    choose(qtbot, pane, pane.category_box, grocery_entries[0])
    groceries = [r for r in history if r.category.lower() == "groceries"]
    assert {r.category for r in groceries} == {"groceries", "Groceries"}
    assert shown_ids(pane) == newest_first(groceries)[:PAGE_SIZE]
    assert set(column(pane.model, 2)) == {"groceries", "Groceries"}

    card_id = pane.account_box.itemData(pane.account_box.findText("Card"))
    choose(qtbot, pane, pane.account_box, card_id)
    on_card = [r for r in groceries if r.account == "Card"]
    assert shown_ids(pane) == newest_first(on_card)[:PAGE_SIZE]
    while pane.model.has_more():
        fetch_next_page(qtbot, pane)
    assert shown_ids(pane) == newest_first(on_card)

    choose(qtbot, pane, pane.category_box, "travel")
    assert shown_ids(pane) == []  # the one travel row is on Checking
    choose(qtbot, pane, pane.account_box, None)
    assert column(pane.model, 1) == ["Payee 7"]
    assert pane.count_label.text() == "1 transactions"


def test_a_category_edited_in_all_time_is_stored_in_place(
    qtbot: QtBot, window: MainWindow, history: list[Seeded], services: Services
) -> None:
    pane = open_finance(qtbot, window)
    choose(qtbot, pane, pane.month_box, ALL_TIME)
    fetch_next_page(qtbot, pane)
    row = PAGE_SIZE + 17  # on the second page
    index = pane.model.index(row, pane.model.CATEGORY)
    tx = pane.model.transaction_at(row)
    assert tx is not None
    assert tx.category != "Books"

    pane.table.setFocus()
    pane.table.scrollTo(index)
    pane.table.setCurrentIndex(index)
    scrolled = pane.table.verticalScrollBar().value()
    assert scrolled > 0
    pane.table.edit(index)
    editor = pane.table.viewport().findChild(QComboBox)
    assert editor is not None
    editor.setCurrentText("Books")
    # The delegate commits on the next turn of the event loop; the row shows it at once,
    # and the pane reads again what it shows once the change is stored.
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: column(pane.model, 2)[row] == "Books")

    stored = services.finance.transactions(category="books")
    assert [t.id for t in stored] == [tx.id]
    # Refreshed in place: the scrolled rows, the current row and the position stay.
    assert pane.model.rowCount() == 2 * PAGE_SIZE
    assert column(pane.model, 2)[row] == "Books"
    assert pane.table.currentIndex().row() == row
    assert pane.table.verticalScrollBar().value() == scrolled


def test_budgets_show_spent_of_available_with_rollover_and_projection(
    qtbot: QtBot,
    window: MainWindow,
    seeded: None,
    services: Services,
) -> None:
    february = date(2026, 2, 1)
    services.finance.set_budget("groceries", "100", february)  # 60 spent: 40 rolls over
    services.finance.set_budget("fun", "50", MARCH)  # nothing spent
    pane = open_finance(qtbot, window)

    assert tree_texts(pane.budgets, 0) == ["fun", "groceries", "rent"]
    assert tree_texts(pane.budgets, 2) == ["0.00 / 50.00", "120.25 / 140.00", "300.00 / 400.00"]
    # March 4th of 31 days: 120.25 spent becomes 120.25 * 31 / 4 = 931.94 by the end.
    assert tree_texts(pane.budgets, 3) == [
        "projected 0.00 of 50.00",
        "projected 931.94 of 140.00",
        "projected 2,325.00 of 400.00",
    ]
    items = [pane.budgets.topLevelItem(i) for i in range(pane.budgets.topLevelItemCount())]
    fun, groceries, rent = (item for item in items if item is not None)
    red = QColor(SPENDING_COLOUR)
    assert [item.foreground(3).color() == red for item in (fun, groceries, rent)] == [
        False,
        True,
        True,
    ]
    assert "+ 40.00 left over from last month = 140.00 available" in groceries.toolTip(0)
    assert "nothing rolled over" in rent.toolTip(0)
    bar = pane.budgets.itemWidget(groceries, 1)
    assert isinstance(bar, QProgressBar)
    assert (bar.property("over"), bar.format()) == (False, "85%")  # of the 140 available

    # A past month has no projection; its overspending rolls into March's tooltip above.
    choose(qtbot, pane, pane.month_box, february.isoformat())
    assert tree_texts(pane.budgets, 2) == ["60.00 / 100.00"]
    assert tree_texts(pane.budgets, 3) == [""]
