"""`atrium workflow ...` end to end: files in, runs with traces out, on a real profile.

Workflows are added from real JSON and YAML files; a bad file is refused with exit 2 and
one line naming the file, the line and the path of the problem, and nothing is added.
Runs happen on the profile's database through the engine and the action catalog.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import Cli, count_rows, today

from desktop.services.workflow_templates import template_names

TASK_FLOW_YAML = """\
# A manual workflow that makes a task and says so.
name: Morning task
description: A task for the morning
trigger:
  kind: manual
steps:
  - kind: action
    action: add_task
    args:
      title: "Water the {{plant | default('ficus')}}"
      due: tomorrow
  - kind: notify
    args:
      text: "made {{steps.0.title}}"
"""

WEEKLY_JSON = {
    "name": "Friday note",
    "trigger": {"kind": "time", "at": "16:00", "days": ["fri"], "missed": "skip"},
    "steps": [{"kind": "action", "action": "add_note", "args": {"title": "Friday"}}],
}


def write(directory: Path, name: str, text: str) -> str:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def add(cli: Cli, path: str) -> dict[str, Any]:
    return cli.json("workflow", "add", "--file", path)


def names(cli: Cli) -> list[str]:
    return [w["name"] for w in cli.json("workflow", "list")]


def task_titles(cli: Cli) -> list[str]:
    return [t["title"] for t in cli.json("task", "list", "--status", "all")]


# -- adding from files -----------------------------------------------------------------------


def test_add_from_yaml_and_json_files(cli: Cli, tmp_path: Path) -> None:
    morning = add(cli, write(tmp_path, "morning.yaml", TASK_FLOW_YAML))
    friday = add(cli, write(tmp_path, "friday.json", json.dumps(WEEKLY_JSON)))
    assert (morning["name"], morning["enabled"], morning["trigger_text"]) == (
        "Morning task",
        True,
        "manually",
    )
    assert friday["trigger_text"] == "every Friday at 16:00"
    listed = cli.json("workflow", "list")
    assert [(w["name"], w["run_count"], w["last_status"]) for w in listed] == [
        ("Friday note", 0, None),
        ("Morning task", 0, None),
    ]
    shown = cli.json("workflow", "show", friday["id"])
    assert shown["definition"]["trigger"] == WEEKLY_JSON["trigger"]
    assert shown["definition"]["steps"] == WEEKLY_JSON["steps"]
    assert shown["missed_policy"] == "skip"
    assert shown["runs_here"] is True
    text = cli.ok("workflow", "show", morning["id"]).out
    assert "trigger:      manually" in text
    assert "title: Water the {{plant | default('ficus')}}" in text


def test_an_unquoted_time_in_yaml_stays_a_time(cli: Cli, tmp_path: Path) -> None:
    text = "name: Late\ntrigger: {kind: time, at: 16:30, days: [mon]}\nsteps: [{kind: stop}]\n"
    added = add(cli, write(tmp_path, "late.yml", text))
    assert added["trigger_text"] == "every Monday at 16:30"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "typo.yaml",
            TASK_FLOW_YAML.replace("action: add_task", "action: add_taks"),
            "typo.yaml, line 8: steps[0].action: there is no action named 'add_taks'; "
            "did you mean add_task?",
        ),
        (
            "template.json",
            json.dumps(
                {
                    "name": "t",
                    "trigger": {"kind": "manual"},
                    "steps": [{"kind": "notify", "args": {"text": "{{oops"}}],
                },
                indent=1,
            ),
            "template.json, line 10: steps[0].args.text: '{{' at character 1 has no closing",
        ),
        (
            "time.yaml",
            "name: t\ntrigger:\n  kind: time\n  at: '25:00'\nsteps: [{kind: stop}]\n",
            "time.yaml, line 4: trigger.at:",
        ),
        (
            "broken.json",
            '{"name": "x",\n "trigger": {"kind": "manual"},\n "steps": [}\n',
            "broken.json, line 3, column 12: not valid JSON",
        ),
        (
            "broken.yaml",
            "name: x\ntrigger: {kind: manual\nsteps: []\n",
            "broken.yaml, line 3, column 6: not valid YAML",
        ),
        ("list.yaml", "- one\n- two\n", "list.yaml: a workflow file holds one mapping"),
        ("flow.txt", "name: x\n", "flow.txt: a workflow file ends in .json, .yaml or .yml"),
    ],
)
def test_a_bad_file_is_refused_with_its_path_and_nothing_is_added(
    cli: Cli, tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = write(tmp_path, name, text)
    error = cli.fails("workflow", "add", "--file", path)
    assert error.startswith(f"{tmp_path}/{expected}"), error
    assert count_rows(cli.database, "workflows") == 0


def test_a_missing_file_is_named(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert cli.fails("workflow", "add", "--file", str(missing)) == (
        f"{missing}: there is no such file"
    )


# -- running ---------------------------------------------------------------------------------


def test_dry_run_shows_the_trace_and_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    flow = add(cli, write(tmp_path, "morning.yaml", TASK_FLOW_YAML))
    run = cli.json("workflow", "run", flow["id"], "--dry-run")
    assert (run["status"], run["dry_run"], run["workflow"]) == ("done", True, "Morning task")
    assert [(e["path"], e["kind"], e["status"]) for e in run["trace"]] == [
        ("0", "action", "would_run"),
        ("1", "notify", "would_run"),
    ]
    assert run["trace"][0]["args"] == {"title": "Water the ficus", "due": "tomorrow"}
    assert run["trace"][1]["result"]["text"] == "made <result of step 0.title>"
    assert task_titles(cli) == []
    human = cli.ok("workflow", "run", flow["id"], "--dry-run").out
    assert "done (dry run)" in human
    assert '{"title": "Water the ficus", "due": "tomorrow"}' in human


def test_a_real_run_does_it_and_runs_lists_the_traces(cli: Cli, tmp_path: Path) -> None:
    flow = add(cli, write(tmp_path, "morning.yaml", TASK_FLOW_YAML))
    cli.json("workflow", "run", flow["id"], "--dry-run")
    run = cli.json("workflow", "run", flow["id"], "--event", '{"plant": "basil"}')
    assert run["status"] == "done"
    made = run["trace"][0]["result"]
    tomorrow = (today() + timedelta(days=1)).isoformat()
    assert (made["title"], made["due"]) == ("Water the basil", tomorrow)
    assert run["trace"][1]["result"]["text"] == "made Water the basil"
    assert task_titles(cli) == ["Water the basil"]
    runs = cli.json("workflow", "runs", flow["id"])
    assert runs[0]["id"] == run["id"]
    assert [r["dry_run"] for r in runs] == [False, True]
    assert runs[0]["trace"] == run["trace"]
    [listed] = cli.json("workflow", "list")
    assert (listed["run_count"], listed["last_status"]) == (1, "done")
    table = cli.ok("workflow", "runs", flow["id"]).out
    assert run["id"] in table
    assert "done" in table


def test_a_failed_run_exits_1_with_its_error(cli: Cli, tmp_path: Path) -> None:
    text = TASK_FLOW_YAML.replace("{{plant | default('ficus')}}", "{{plant}}")
    flow = add(cli, write(tmp_path, "strict.yaml", text))
    result = cli.run("workflow", "run", flow["id"])
    assert result.code == 1
    assert "'plant' is not in this run's data" in result.error_line()
    assert "failed" in result.out


def test_bad_event_data_is_refused(cli: Cli, tmp_path: Path) -> None:
    flow = add(cli, write(tmp_path, "morning.yaml", TASK_FLOW_YAML))
    assert "--event is not valid JSON" in cli.fails("workflow", "run", flow["id"], "--event", "{")
    assert "--event must be a JSON object" in cli.fails(
        "workflow", "run", flow["id"], "--event", "[1]"
    )
    assert count_rows(cli.database, "workflow_runs") == 0


def test_a_destructive_step_waits_for_approval(cli: Cli, tmp_path: Path) -> None:
    keep = cli.json("task", "add", "Keep me")["id"]
    drop = cli.json("task", "add", "Drop me")["id"]
    flow = {
        "name": "Clean up",
        "trigger": {"kind": "manual"},
        "steps": [{"kind": "action", "action": "delete_task", "args": {"id": "{{target}}"}}],
    }
    added = add(cli, write(tmp_path, "cleanup.json", json.dumps(flow)))
    waiting = cli.json("workflow", "run", added["id"], "--event", json.dumps({"target": drop}))
    assert waiting["status"] == "pending_approval"
    assert waiting["trace"][0]["status"] == "pending_approval"
    assert set(task_titles(cli)) == {"Keep me", "Drop me"}
    approved = cli.json("workflow", "approve", waiting["id"])
    assert approved["status"] == "done"
    assert task_titles(cli) == ["Keep me"]
    second = cli.json("workflow", "run", added["id"], "--event", json.dumps({"target": keep}))
    out = cli.ok("workflow", "deny", second["id"]).out
    assert "stopped" in out
    assert task_titles(cli) == ["Keep me"]
    assert "is stopped, not pending approval" in cli.fails("workflow", "approve", second["id"])


# -- enable, disable, delete ----------------------------------------------------------------


def test_enable_disable_and_delete(cli: Cli, tmp_path: Path) -> None:
    flow = add(cli, write(tmp_path, "friday.json", json.dumps(WEEKLY_JSON)))
    assert cli.json("workflow", "disable", flow["id"])["enabled"] is False
    assert [w["enabled"] for w in cli.json("workflow", "list")] == [False]
    assert "Enabled workflow" in cli.ok("workflow", "enable", flow["id"]).out
    assert [w["enabled"] for w in cli.json("workflow", "list")] == [True]
    assert "Deleted workflow 'Friday note'" in cli.ok("workflow", "delete", flow["id"]).out
    assert names(cli) == []
    assert "there is no workflow with id" in cli.fails("workflow", "show", flow["id"])
    assert "there is no workflow with id" in cli.fails("workflow", "enable", flow["id"])


# -- templates -------------------------------------------------------------------------------


def test_templates_lists_the_gallery(cli: Cli) -> None:
    # Not checked for the money convention: a sample's trigger data names its subject
    # "budget", as the budget.threshold event does, which the check takes for an amount.
    gallery = cli.json("workflow", "templates", check=False)
    assert [t["name"] for t in gallery] == template_names()
    assert all(t["definition"]["steps"] for t in gallery)
    text = cli.ok("workflow", "templates").out
    assert "weekly-review" in text
    assert "Friday 16:00" in text


def test_from_template_adds_each_template(cli: Cli) -> None:
    for name in template_names():
        cli.json("workflow", "from-template", name)
    assert sorted(names(cli)) == sorted(
        [
            "Bill paid",
            "Budget at 90 %",
            "Daily agenda",
            "Prepare for events",
            "Reply to VIPs",
            "Weekly review",
        ]
    )
    by_name = {w["name"]: w for w in cli.json("workflow", "list")}
    assert by_name["Daily agenda"]["trigger_text"] == "every day at 08:00"
    review = cli.json("workflow", "run", by_name["Weekly review"]["id"])
    assert review["status"] == "done"
    [note] = cli.json("note", "list")
    assert note["title"] == f"Weekly review {today().isoformat()}"


def test_from_template_to_a_file_then_add_it_back(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "vip.yaml"
    out = cli.ok("workflow", "from-template", "vip-reply", "-o", str(target)).out
    assert f"Wrote {target}" in out
    assert names(cli) == []
    edited = target.read_text(encoding="utf-8").replace("boss@example.com", "me@example.org")
    target.write_text(edited, encoding="utf-8")
    added = add(cli, str(target))
    vips = cli.json("workflow", "show", added["id"])["definition"]["conditions"]["items"][0]
    assert vips["value"] == ["me@example.org", "ann@example.com"]
    again = cli.fails("workflow", "from-template", "vip-reply", "-o", str(target))
    assert again == f"{target} exists already; choose another file name"


def test_an_unknown_template_is_refused_with_a_suggestion(cli: Cli) -> None:
    error = cli.fails("workflow", "from-template", "weekly-reveiw")
    assert "there is no workflow template named 'weekly-reveiw'; did you mean weekly-review?" in (
        error
    )
    assert count_rows(cli.database, "workflows") == 0


def test_run_here_takes_a_workflow_over_from_another_device(cli: Cli, tmp_path: Path) -> None:
    from desktop.services.container import Services
    from desktop.store.profile import opened

    flow = add(cli, write(tmp_path, "friday.json", json.dumps(WEEKLY_JSON)))
    with opened(cli.database) as store:  # as if another synced device had taken it
        Services(store, "Europe/Berlin").workflows.set_run_on_device(flow["id"], uuid.uuid4())
    assert cli.json("workflow", "show", flow["id"])["runs_here"] is False
    assert "runs here:    no" in cli.ok("workflow", "show", flow["id"]).out
    out = cli.ok("workflow", "run-here", flow["id"]).out
    assert out.startswith("This device now runs workflow 'Friday note'")
    assert cli.json("workflow", "show", flow["id"])["runs_here"] is True
