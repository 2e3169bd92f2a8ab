"""The Today pane on a real store: what is due, what is unread, the month's money, and jumps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.messages import IncomingMessage
from desktop.services.tasks import TaskDraft
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.today_pane import ID_ROLE, TodayPane

pytestmark = pytest.mark.gui

TODAY = date(2026, 3, 4)  # FIXED_NOW is 2026-03-04 10:00 UTC, 11:00 in Berlin


def seed(services: Services) -> dict[str, str]:
    ids: dict[str, str] = {}
    berlin = services.ctx.zone
    standup = services.calendar.add(
        EventDraft(
            "Standup",
            datetime(2026, 3, 4, 9, 30, tzinfo=berlin),
            datetime(2026, 3, 4, 9, 45, tzinfo=berlin),
            location="Room 2",
        )
    ).value
    ids["standup"] = str(standup.id)
    services.calendar.add(
        EventDraft("Dentist", datetime(2026, 3, 5, 16, 0, tzinfo=berlin),
                   datetime(2026, 3, 5, 17, 0, tzinfo=berlin))
    )  # fmt: skip
    services.calendar.add(EventDraft("Next week", date(2026, 3, 11), date(2026, 3, 12), True))
    ids["late"] = str(
        services.tasks.add(TaskDraft("Pay rent", due=TODAY - timedelta(days=2))).value.id
    )
    ids["due"] = str(services.tasks.add(TaskDraft("Call mum", due=TODAY, priority="high")).value.id)
    services.tasks.add(TaskDraft("Someday", due=TODAY + timedelta(days=5)))
    for n in range(3):
        services.messages.receive(IncomingMessage("email", f"Sender {n}", f"Hello {n}"))
    services.messages.receive(IncomingMessage("slack", "Bot", "ping"))
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_transaction(TransactionDraft("-120.50", "Market", category="groceries"))
    services.finance.add_transaction(TransactionDraft("-30", "Cinema", category="fun"))
    services.finance.set_budget("groceries", "100", TODAY)
    services.finance.set_budget("fun", "200", TODAY)
    return ids


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    window = MainWindow(
        pane_ctx.runner,
        pane_ctx.events,
        pane_builders={"today": lambda: TodayPane(pane_ctx)},
    )
    qtbot.addWidget(window)
    yield window
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def open_today(qtbot: QtBot, window: MainWindow) -> TodayPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "today"):
        window.show()
    pane = window.pane_widget("today")
    assert isinstance(pane, TodayPane)
    return pane


def texts(tree: QTreeWidget, column: int) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def click(tree: QTreeWidget, item: QTreeWidgetItem, column: int = 0) -> None:
    rect = tree.visualRect(tree.indexFromItem(item, column))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_it_lists_the_day_from_the_store(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    seed(services)
    pane = open_today(qtbot, window)

    assert pane.events_heading.text() == "Events (2)"
    assert pane.tasks_heading.text() == "Tasks (1 overdue, 1 due today)"
    assert pane.unread_heading.text() == "Unread messages (4)"
    assert texts(pane.events, 1) == ["Standup · Room 2", "Dentist"]
    assert texts(pane.events, 0) == ["Today 09:30–09:45", "Tomorrow 16:00–17:00"]
    assert texts(pane.tasks, 1) == ["Pay rent", "Call mum"]  # overdue first
    assert texts(pane.tasks, 2) == ["Mon 2 Mar", "Today"]
    assert pane.tasks.topLevelItem(1).font(1).bold()  # high priority stands out
    assert texts(pane.unread, 0) == ["Email", "Slack"]
    assert texts(pane.unread, 1) == ["3 unread", "1 unread"]
    assert pane.spent_label.text() == "Spent 150.50 EUR of 300.00 EUR budgeted"
    assert pane.spent_bar.format() == "50%"
    assert texts(pane.budgets, 0) == ["fun", "groceries"]
    assert texts(pane.budgets, 2) == ["30.00 / 200.00", "120.50 / 100.00"]
    over = pane.budgets.itemWidget(pane.budgets.topLevelItem(1), 1)
    assert over.property("over") is True
    assert "Wednesday 4 March 2026" in pane.findChild(type(pane.spent_label), "todayDate").text()


def test_an_empty_day_says_so(qtbot: QtBot, window: MainWindow) -> None:
    pane = open_today(qtbot, window)

    assert texts(pane.events, 0) == ["Nothing on the calendar today or tomorrow"]
    assert texts(pane.tasks, 0) == ["Nothing due today"]
    assert texts(pane.unread, 0) == ["All caught up"]
    assert texts(pane.budgets, 0) == ["No budgets for this month"]
    assert not pane.spent_bar.isVisibleTo(pane)
    assert pane.spent_label.text() == "Spent 0.00 USD this month (no budgets set)"
    # Placeholders are not targets.
    with qtbot.assertNotEmitted(pane.open_item):
        click(pane.events, pane.events.topLevelItem(0))


def test_a_click_or_enter_opens_the_item(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = seed(services)
    pane = open_today(qtbot, window)

    with qtbot.waitSignal(pane.open_item) as event:
        click(pane.events, pane.events.topLevelItem(0), 1)
    assert event.args == ["event", ids["standup"] + "@2026-03-04"]  # the occurrence's day

    with qtbot.waitSignal(pane.open_item) as task:
        click(pane.tasks, pane.tasks.topLevelItem(1), 1)
    assert task.args == ["task", ids["due"]]

    pane.unread.setFocus()
    pane.unread.setCurrentItem(pane.unread.topLevelItem(1))
    with qtbot.waitSignal(pane.open_item) as unread:
        QTest.keyClick(pane.unread, Qt.Key.Key_Return)
    assert unread.args == ["inbox", "slack"]

    with qtbot.waitSignal(pane.open_item) as budget:
        click(pane.budgets, pane.budgets.topLevelItem(1), 0)
    assert budget.args == ["finance", "groceries"]


def test_ticking_a_task_completes_it_and_the_day_refreshes(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    ids = seed(services)
    pane = open_today(qtbot, window)

    item = pane.tasks.topLevelItem(0)
    assert item.data(0, ID_ROLE) == ids["late"]
    with qtbot.assertNotEmitted(pane.open_item), qtbot.waitSignal(pane.loaded):
        click(pane.tasks, item, 0)  # the checkbox column completes, it does not jump
    assert texts(pane.tasks, 1) == ["Call mum"]
    assert services.tasks.get(ids["late"]).status == "done"

    pane.tasks.setFocus()
    pane.tasks.setCurrentItem(pane.tasks.topLevelItem(0), 0)
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.tasks, Qt.Key.Key_Space)
    assert texts(pane.tasks, 0) == ["Nothing due today"]


def test_any_change_refreshes_it(qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext) -> None:
    pane = open_today(qtbot, window)
    with qtbot.waitSignal(pane.loaded):
        pane_ctx.act("add_task", {"title": "Water plants", "due": "today"})
    assert texts(pane.tasks, 1) == ["Water plants"]
    with qtbot.waitSignal(pane.loaded):
        pane_ctx.act("add_transaction", {"amount": "-9.99", "payee": "Kiosk"})
    assert pane.spent_label.text().startswith("Spent 9.99 USD")


def test_a_failed_completion_is_shown_and_the_box_unticks(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed(services)
    pane = open_today(qtbot, window)
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.panes.today_pane.show_error",
        lambda parent, exc, what="": shown.append(str(exc)),
    )
    services.tasks.delete(ids["late"])  # gone behind the pane's back
    click(pane.tasks, pane.tasks.topLevelItem(0), 0)
    qtbot.waitUntil(lambda: bool(shown))
    assert "no task" in shown[0]
    assert pane.tasks.topLevelItem(0).checkState(0) == Qt.CheckState.Unchecked
    assert pane.tasks.topLevelItem(0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_the_snapshot_is_taken_at_the_fixed_clock(services: Services) -> None:
    snap = services.today.snapshot()
    assert snap.today == TODAY
    assert snap.now == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
