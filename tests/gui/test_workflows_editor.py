"""The workflow editor's forms on a real store: the checks name the field of a problem
(steps' arguments against the catalog, the trigger), templates pass as text, the JSON
view round-trips and keeps what the form does not show; conditions, arguments and steps
are typed and ordered as the file format wants them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.services.actions.registry import Param, default_catalog
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.workflows_checks import check_definition, split_problem, step_of
from desktop.ui.panes.workflows_conditions import ConditionsForm
from desktop.ui.panes.workflows_editor import DefinitionCheck, OnDefinition, OnError, WorkflowEditor
from desktop.ui.panes.workflows_params import ParamsForm
from desktop.ui.panes.workflows_steps import StepsForm

pytestmark = pytest.mark.gui

TASK_STEP = {"kind": "action", "action": "add_task", "args": {"title": "Water the plants"}}


def definition(name: str, *steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "trigger": {"kind": "manual"}, "steps": list(steps), **extra}


@pytest.fixture
def check(pane_ctx: PaneContext) -> DefinitionCheck:
    """The pane's check: the file format and each step's arguments, on the database executor."""
    catalog = pane_ctx.catalog

    def run(data: dict[str, Any], on_ok: OnDefinition, on_error: OnError) -> None:
        pane_ctx.read(lambda s: check_definition(s, catalog, data), on_ok, on_error)

    return run


def test_the_editor_names_the_field_of_a_problem_and_keeps_what_was_typed(
    qtbot: QtBot, check: DefinitionCheck
) -> None:
    editor = WorkflowEditor(default_catalog(), check, definition("Bad", TASK_STEP))
    qtbot.addWidget(editor)
    editor.show()
    steps = editor.steps_form
    due = steps.args.field("due")
    assert isinstance(due, QLineEdit)
    due.setText("the day after never")
    steps.args.edited.emit()
    editor.accept()
    qtbot.waitUntil(lambda: steps.problem.isVisible())
    assert steps.problem.text().startswith("steps[0].args.due: ")
    assert "never" in steps.problem.text()
    assert steps.args.problems["due"].isVisible()
    assert "border" in due.styleSheet()
    assert editor.tabs.currentWidget() is steps
    assert editor.isVisible()
    assert editor.result_value is None
    assert due.text() == "the day after never"

    # A template is only rendered when the step runs: it passes the check as text.
    due.setText("{{event.start}}")
    steps.args.edited.emit()
    editor.accept()
    qtbot.waitUntil(lambda: editor.result_value is not None)
    assert editor.result_value["steps"][0]["args"]["due"] == "{{event.start}}"


def test_the_editor_shows_trigger_problems_on_the_trigger_tab(
    qtbot: QtBot, check: DefinitionCheck
) -> None:
    editor = WorkflowEditor(default_catalog(), check, definition("Cron", TASK_STEP))
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(2)
    trigger = editor.trigger_form
    trigger.kind.setCurrentIndex(trigger.kind.findData("time"))
    trigger.time_mode.setCurrentIndex(trigger.time_mode.findData("cron"))
    trigger.cron.setText("every tuesday")
    editor.accept()
    qtbot.waitUntil(lambda: trigger.problem.isVisible())
    assert trigger.problem.text().startswith("trigger.cron: ")
    assert editor.tabs.currentWidget() is trigger
    assert editor.result_value is None


def test_the_json_view_round_trips_and_keeps_what_the_form_does_not_show(
    qtbot: QtBot, check: DefinitionCheck
) -> None:
    branch = {
        "kind": "branch",
        "when": {"mode": "all", "items": [{"field": "time.hour", "op": "lt", "value": 12}]},
        "then": [TASK_STEP],
        "otherwise": [],
    }
    original = definition(
        "Morning",
        branch,
        conditions={
            "mode": "any",
            "items": [{"field": "time.weekday", "op": "in", "value": ["mon"]}],
        },
    )
    editor = WorkflowEditor(default_catalog(), check, original)
    qtbot.addWidget(editor)
    assert editor.conditions_form.conditions() == original["conditions"]
    assert editor.steps_form.value() == [branch]
    editor.advanced.setChecked(True)
    assert editor.pages.currentWidget() is editor.json_edit
    text = editor.json_edit.toPlainText()
    editor.json_edit.setPlainText(text.replace('"Morning"', '"Mornings"'))
    editor.advanced.setChecked(False)
    assert editor.name.text() == "Mornings"
    assert editor.definition()["steps"] == [branch]

    editor.advanced.setChecked(True)
    editor.json_edit.setPlainText("{not json")
    editor.advanced.setChecked(False)  # refused: the text stays, the problem is shown
    assert editor.advanced.isChecked()
    assert editor.problem.text().startswith("Not valid JSON: line 1")
    assert editor.json_edit.toPlainText() == "{not json"


def test_problem_paths_are_split_and_name_their_step() -> None:
    assert split_problem("steps[2].args.title: must be text") == (
        "steps[2].args.title",
        "must be text",
    )
    assert split_problem("trigger.filter.percent: 'x' is not a number") == (
        "trigger.filter.percent",
        "'x' is not a number",
    )
    assert split_problem("something went wrong: badly") == ("", "something went wrong: badly")
    assert step_of("steps[3].then[0].args.x") == (3, "then[0].args.x")
    assert step_of("steps[0]") == (0, "")
    assert step_of("conditions.items[1].op") is None


def test_a_step_naming_an_unknown_argument_or_missing_a_required_one_is_refused(
    qtbot: QtBot, check: DefinitionCheck
) -> None:
    problems: list[str] = []
    bad_key = {"kind": "action", "action": "add_task", "args": {"title": "x", "colour": "red"}}
    missing = {"kind": "action", "action": "add_task", "args": {}}
    templated = {"kind": "action", "action": "add_task", "args": {"title": "{{message.subject}}"}}
    passed: list[dict[str, Any]] = []
    for step in (bad_key, missing):
        check(definition("W", step), passed.append, lambda exc: problems.append(str(exc)))
    check(definition("W", templated), passed.append, lambda exc: problems.append(str(exc)))
    qtbot.waitUntil(lambda: len(problems) + len(passed) == 3)
    assert problems[0].startswith("steps[0].args.colour: add_task has no such argument")
    assert problems[1].startswith("steps[0].args.title: add_task needs it")
    assert [p["steps"][0]["args"]["title"] for p in passed] == ["{{message.subject}}"]


def test_condition_rows_are_typed_for_their_operator(qtbot: QtBot) -> None:
    form = ConditionsForm()
    qtbot.addWidget(form)
    form.set_conditions(
        {
            "mode": "any",
            "items": [
                {"field": "time.hour", "op": "lt", "value": 12},
                {"mode": "all", "items": [{"field": "task.title", "op": "is_true"}]},
            ],
        }
    )
    assert form.table.rowCount() == 1  # the nested group has no row; it is kept
    assert not form.nested_label.isHidden()
    form.add_row("time.weekday", "in", None)
    value = form.row_widgets(1)[2]
    value.setText("mon, fri, 3")
    form.add_row("message.subject", "contains", "42")
    form.add_row("task.done", "is_true", None)
    assert not form.row_widgets(3)[2].isEnabled()  # is_true takes no value
    assert form.conditions() == {
        "mode": "any",
        "items": [
            {"field": "time.hour", "op": "lt", "value": 12},
            {"field": "time.weekday", "op": "in", "value": ["mon", "fri", 3]},
            {"field": "message.subject", "op": "contains", "value": "42"},
            {"field": "task.done", "op": "is_true"},
            {"mode": "all", "items": [{"field": "task.title", "op": "is_true"}]},
        ],
    }
    form.table.setCurrentCell(0, 0)
    form.remove_button.click()
    assert [item.get("field") for item in form.conditions()["items"][:3]] == [
        "time.weekday",
        "message.subject",
        "task.done",
    ]


def test_argument_fields_type_what_they_hold_and_keep_templates_as_text(qtbot: QtBot) -> None:
    form = ParamsForm()
    qtbot.addWidget(form)
    params = (
        Param("count", "integer", "how many"),
        Param("amount", "number", "how much"),
        Param("tags", "array", "tags"),
        Param("done", "boolean", "done"),
        Param("when", "string", "when", format="when"),
        Param("level", "string", "level", enum=("low", "high")),
    )
    form.set_params(params, {"count": 3, "tags": ["a", "b"], "other": "kept"})
    count = form.field("count")
    assert isinstance(count, QLineEdit)
    assert count.text() == "3"
    assert (
        form.field("tags").currentText()
        if not isinstance(form.field("tags"), QLineEdit)
        else form.field("tags").text() == "a, b"
    )
    amount, when = form.field("amount"), form.field("when")
    assert isinstance(amount, QLineEdit)
    assert isinstance(when, QLineEdit)
    amount.setText("2.5")
    when.setText("{{event.start}}")
    form.field("done").setCurrentText("true")
    form.field("level").setCurrentText("high")
    assert form.values() == {
        "other": "kept",
        "count": 3,
        "amount": 2.5,
        "tags": ["a", "b"],
        "done": True,
        "when": "{{event.start}}",
        "level": "high",
    }
    count.setText("{{message.count}}")
    assert form.values()["count"] == "{{message.count}}"
    assert form.show_problem("count", "must be a whole number")
    assert "border" in count.styleSheet()
    assert not form.show_problem("nope", "x")
    assert count.styleSheet() == ""


def test_steps_are_added_reordered_and_removed(qtbot: QtBot) -> None:
    form = StepsForm(default_catalog())
    qtbot.addWidget(form)
    form.set_steps(
        [TASK_STEP, {"kind": "notify", "args": {"text": "Done: {{steps.0.result.title}}"}}]
    )
    assert form.list.count() == 2
    assert form.list.item(1).text().startswith("2. notify: Done:")
    form.select(1)
    form.move_step(-1)
    assert [step["kind"] for step in form.value()] == ["notify", "action"]
    assert form.list.currentRow() == 0
    index = form.add_step("list_tasks")
    assert index == 1
    assert form.value()[1] == {"kind": "action", "action": "list_tasks", "args": {}}
    form.kind.setCurrentIndex(form.kind.findData("stop"))
    assert form.value()[1] == {"kind": "stop"}
    form.remove_step()
    assert [step["kind"] for step in form.value()] == ["notify", "action"]
    assert form.value()[1] == TASK_STEP
