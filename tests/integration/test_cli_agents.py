"""`atrium agent list|run|log|approve|deny|pending|stats` with the offline planner, end to end.

The offline provider needs no model, so these runs are the real thing: the planner
reads the request, the loop runs its tool calls through the catalog on the
profile's database, and the AgentLog rows are what `agent log` shows.
"""

from __future__ import annotations

import pytest
from cli_helpers import Cli, count_rows

RUN_KEYS = {
    "run_id",
    "agent",
    "provider",
    "model",
    "status",
    "output",
    "steps",
    "tokens_in",
    "tokens_out",
    "cost",
    "latency_ms",
}
STEP_KEYS = {"tool", "args", "result", "needs_approval", "approved"}
ADD_DENTIST = "add a task to call the dentist tomorrow at 5pm"


def titles(cli: Cli) -> list[str]:
    return [t["title"] for t in cli.json("task", "list")]


def test_list_names_every_agent_and_its_tools(cli: Cli) -> None:
    agents = cli.json("agent", "list")
    names = [a["name"] for a in agents]
    assert {"assistant", "scheduler", "researcher", "communicator", "coder"} <= set(names)
    communicator = next(a for a in agents if a["name"] == "communicator")
    assert {"draft_reply", "send_message", "list_messages"} <= set(communicator["tools"])
    assert all(a["description"] for a in agents)
    text = cli.ok("agent", "list").out
    assert text.splitlines()[0].split() == ["NAME", "WHAT", "IT", "DOES", "TOOLS"]
    assert "scheduler" in text


def test_run_creates_the_task_and_reports_the_run(cli: Cli) -> None:
    run = cli.json("agent", "run", "assistant", ADD_DENTIST, "--provider", "offline")
    assert set(run) >= RUN_KEYS
    assert (run["agent"], run["provider"], run["status"]) == ("assistant", "offline", "done")
    [step] = run["steps"]
    assert set(step) >= STEP_KEYS
    assert (step["tool"], step["needs_approval"], step["approved"]) == ("add_task", False, None)
    assert step["result"]["title"] == "Call the dentist"
    assert titles(cli) == ["Call the dentist"]
    assert "Call the dentist" in run["output"]
    assert run["tokens_in"] > 0
    assert run["cost"] == "0.000000"
    assert isinstance(run["latency_ms"], int)


def test_the_default_provider_is_the_setting_and_text_output_streams(cli: Cli) -> None:
    out = cli.ok("agent", "run", "assistant", ADD_DENTIST).out
    lines = out.splitlines()
    assert "Call the dentist" in lines[0]
    assert lines[1].startswith("  1. add_task title='Call the dentist'")
    assert lines[1].endswith(": done")
    assert lines[-1].startswith("[done] run ")
    assert "offline rules-1" in lines[-1]


def test_log_and_stats_show_the_runs(cli: Cli) -> None:
    first = cli.json("agent", "run", "assistant", ADD_DENTIST)
    second = cli.json("agent", "run", "assistant", "what is due tomorrow")
    log = cli.json("agent", "log")
    assert [r["run_id"] for r in log] == [second["run_id"], first["run_id"]]
    assert [r["run_id"] for r in cli.json("agent", "log", "--limit", "1")] == [second["run_id"]]
    assert log[1]["steps"][0]["tool"] == "add_task"
    assert "what is due tomorrow" in cli.ok("agent", "log").out
    [stats] = cli.json("agent", "stats")
    assert (stats["agent"], stats["runs"], stats["succeeded"]) == ("assistant", 2, 2)
    assert stats["success_rate"] == 1.0
    assert stats["cost_this_month"] == "0.000000"
    assert cli.fails("agent", "log", "--limit", "0") == "--limit must be at least 1"


def test_a_delete_waits_and_approve_really_deletes(cli: Cli) -> None:
    cli.ok("agent", "run", "assistant", ADD_DENTIST)
    run = cli.json("agent", "run", "assistant", "delete the task call the dentist")
    assert run["status"] == "pending"
    waiting = [s for s in run["steps"] if s["approved"] is None and s["needs_approval"]]
    [step] = waiting
    assert step["tool"] == "delete_task"
    assert titles(cli) == ["Call the dentist"]
    [pending] = cli.json("agent", "pending")
    assert (pending["run_id"], pending["step"]["number"]) == (run["run_id"], step["number"])

    approved = cli.ok("agent", "approve", run["run_id"], str(step["number"])).out
    assert approved.startswith(f"Approved step {step['number']}: delete_task")
    assert titles(cli) == []
    assert cli.json("agent", "pending") == []
    after = cli.json("agent", "log")[0]
    assert after["status"] == "done"
    assert after["steps"][-1]["approved"] is True
    again = cli.fails("agent", "approve", run["run_id"])
    assert again == f"run {run['run_id']} has no step waiting for approval"


def test_deny_leaves_everything_as_it_was(cli: Cli) -> None:
    cli.ok("agent", "run", "assistant", ADD_DENTIST)
    text = cli.ok("agent", "run", "assistant", "delete the task call the dentist").out
    assert "wait for your approval" in text
    assert "Approve: atrium agent approve " in text
    run_id = cli.json("agent", "log")[0]["run_id"]
    denied = cli.json("agent", "deny", run_id)
    assert denied["status"] == "done"
    assert denied["steps"][-1]["approved"] is False
    assert titles(cli) == ["Call the dentist"]


def test_yes_approves_the_delete_up_front(cli: Cli) -> None:
    cli.ok("agent", "run", "assistant", ADD_DENTIST)
    run = cli.json("agent", "run", "assistant", "delete the task call the dentist", "--yes")
    assert run["status"] == "done"
    assert run["steps"][-1]["tool"] == "delete_task"
    assert run["steps"][-1]["approved"] is True
    assert titles(cli) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("agent", "run", "chef", "cook"), "there is no agent named 'chef'"),
        (("agent", "run", "assistant", "  "), "the prompt is empty"),
        (("agent", "approve", "nonsense"), "'nonsense' is not an agent run id"),
        (
            ("agent", "deny", "0192f3c4-0000-7000-8000-000000000000"),
            "there is no agent run with id",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    cli: Cli, argv: tuple[str, ...], message: str
) -> None:
    before = count_rows(cli.database, "agent_logs")
    assert message in cli.fails(*argv)
    assert count_rows(cli.database, "agent_logs") == before


def test_an_unknown_provider_is_a_usage_error(cli: Cli) -> None:
    result = cli.run("agent", "run", "assistant", "hi", "--provider", "gemini")
    assert result.code == 2
    assert "invalid choice: 'gemini'" in result.err
