"""Plan focus time: a proposal, re-planned when the calendar changes, applied on request."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.ui.dialogs.plan_dialog import PlanDialog
from desktop.ui.panes.base import PaneContext

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 3, 9)  # the fixed clock is Wed 4 March 2026; plan the next week


@pytest.fixture
def dialog(qtbot: QtBot, pane_ctx: PaneContext, services: Services) -> PlanDialog:
    services.tasks.add(TaskDraft("Write report", estimate_minutes=120, due=MONDAY + timedelta(2)))
    dialog = PlanDialog(pane_ctx, MONDAY)
    dialog.last.setDate(dialog.first.date().addDays(2))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_plan_is_shown_then_applied(
    qtbot: QtBot, dialog: PlanDialog, services: Services
) -> None:
    with qtbot.waitSignal(dialog.planned, timeout=5000):
        dialog.replan()
    assert dialog.table.rowCount() == 2  # 2 h split into focus blocks of at most 90 min
    assert dialog.table.item(0, 3).text().startswith("Write report")
    assert dialog.apply_button.isEnabled()
    assert services.calendar.occurrences(MONDAY, MONDAY + timedelta(2)) == []

    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.apply_button.click()
    titles = [o.title for o in services.calendar.occurrences(MONDAY, MONDAY + timedelta(2))]
    assert titles == ["Focus: Write report", "Focus: Write report"]
    assert "2 block(s) added" in dialog.status.text()


def test_a_new_event_in_the_way_makes_it_plan_again(
    qtbot: QtBot, dialog: PlanDialog, pane_ctx: PaneContext
) -> None:
    with qtbot.waitSignal(dialog.planned, timeout=5000):
        dialog.replan()
    first_start = dialog.plan.blocks[0].start
    begin = first_start.astimezone(BERLIN)
    with qtbot.waitSignal(dialog.planned, timeout=5000):
        pane_ctx.act(
            "add_event",
            {
                "title": "Surprise meeting",
                "start": begin.replace(tzinfo=None).isoformat(timespec="minutes"),
                "duration": "3h",
            },
        )
    assert all(b.start >= begin + timedelta(hours=3) or b.end <= begin for b in dialog.plan.blocks)


def test_nothing_to_plan_says_so(qtbot: QtBot, pane_ctx: PaneContext) -> None:
    dialog = PlanDialog(pane_ctx, MONDAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=5000):
        dialog.replan()
    assert "Nothing to plan" in dialog.status.text()
    assert not dialog.apply_button.isEnabled()


def test_closing_while_it_plans_is_quiet(qtbot: QtBot, pane_ctx: PaneContext) -> None:
    dialog = PlanDialog(pane_ctx, MONDAY)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    with qtbot.assertNotEmitted(pane_ctx.runner.failed, wait=200):
        dialog.replan()
        dialog.close()  # deleted before the plan comes back
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
        qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def test_apply_refuses_a_plan_that_changed_since_it_was_shown(
    qtbot: QtBot, dialog: PlanDialog, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.dialogs.plan_dialog.show_error", lambda w, exc: errors.append(str(exc))
    )
    with qtbot.waitSignal(dialog.planned, timeout=5000):
        dialog.replan()
    shown = dialog.plan.blocks[0]
    # A change the dialog has not seen yet (written behind its back, no announcement).
    services.calendar.add(EventDraft("Surprise", shown.start, shown.end))
    with qtbot.waitSignal(dialog.planned, timeout=5000):  # refused, then planned again
        dialog.apply_button.click()
    assert "changed since it was shown" in errors[0]
    titles = [o.title for o in services.calendar.occurrences(MONDAY, MONDAY + timedelta(2))]
    assert titles == ["Surprise"]  # no focus block was written
