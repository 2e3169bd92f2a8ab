"""The agent loop on a real store: tool calls run, errors go back, limits hold, text streams."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pytest

from desktop.agents.approvals import EXTERNAL_NOTE, ApprovalPolicy
from desktop.agents.costs import cost_micros
from desktop.agents.loop import MAX_RESULT_CHARS, AgentStep, result_payload, run_agent
from desktop.agents.model import ChatMessage, ModelReply, ProviderError, Usage
from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from tests.unit.agents.loop_scripted import (
    Profile,
    ScriptedProvider,
    answer,
    calls,
    tool_results,
)

PLANNER = Profile(
    "planner", "You plan the user's tasks.", ("add_task", "list_tasks", "complete_task")
)
POLICY = ApprovalPolicy()


def run(services: Services, provider: ScriptedProvider, prompt: str = "do it", **kw: Any) -> Any:
    return run_agent(services, provider, PLANNER, prompt, policy=POLICY, **kw)


def test_a_tool_call_really_creates_the_task(services: Services) -> None:
    provider = ScriptedProvider(
        [
            calls(("add_task", {"title": "Call the dentist", "due": "tomorrow 17:00"})),
            answer("Added."),
        ]
    )
    result = run(services, provider, "add a task to call the dentist tomorrow at 5pm")

    [task] = services.tasks.list()
    assert task.title == "Call the dentist"
    assert task.due is not None
    assert task.due.astimezone(services.ctx.zone).isoformat() == "2026-03-05T17:00:00+01:00"
    assert (result.status, result.output) == ("done", "Added.")
    [step] = result.steps
    assert (step.tool, step.status, step.risk, step.needs_approval) == (
        "add_task",
        "done",
        "write",
        False,
    )
    assert step.result["title"] == "Call the dentist"
    assert step.started_at is not None
    assert step.finished_at is not None
    # The second model call saw the real result as a "tool" message tied to the call.
    second = provider.seen[1]
    assert second[-1].role == "tool"
    assert second[-1].tool_call_id == second[-2].tool_calls[0].id
    assert tool_results(second)[0]["result"]["id"] == str(task.id)
    assert result.changed == {"tasks"}
    assert len(result.undo) == 1


def test_the_model_gets_the_system_prompt_the_note_and_only_its_tools(
    services: Services,
) -> None:
    provider = ScriptedProvider([answer("Nothing to do.")])
    run(services, provider, "hello")
    system, user = provider.seen[0]
    assert system.role == "system"
    assert system.content.startswith("You plan the user's tasks.")
    assert EXTERNAL_NOTE in system.content
    assert (user.role, user.content) == ("user", "hello")
    tools = provider.tools_seen[0]
    assert [t.name for t in tools] == list(PLANNER.tools)
    assert tools[0].parameters["required"] == ["title"]
    assert {t.name: t.risk for t in tools} == {
        "add_task": "write",
        "list_tasks": "read",
        "complete_task": "write",
    }


def test_bad_arguments_go_back_to_the_model_which_corrects_them(services: Services) -> None:
    provider = ScriptedProvider(
        [
            calls(("add_task", {"titel": "Water the plants"})),
            calls(("add_task", {"title": "Water the plants"})),
            answer("Done."),
        ]
    )
    result = run(services, provider)

    first, second = result.steps
    assert first.status == "error"
    assert first.error is not None
    assert "has no parameter titel" in first.error
    assert second.status == "done"
    [fed_back] = tool_results(provider.seen[1])
    assert fed_back == {"error": first.error}
    assert [t.title for t in services.tasks.list()] == ["Water the plants"]
    assert result.status == "done"


def test_an_unknown_id_and_an_unknown_tool_are_errors_the_model_reads(
    services: Services,
) -> None:
    provider = ScriptedProvider(
        [
            calls(
                ("complete_task", {"id": "0192f3c4-0000-7000-8000-000000000000"}),
                ("delete_everything", {}),
            ),
            answer("I could not."),
        ]
    )
    result = run(services, provider)
    missing, unknown = result.steps
    assert missing.status == unknown.status == "error"
    assert missing.error is not None
    assert "no task with id" in missing.error
    assert unknown.error == (
        "there is no tool named 'delete_everything'; the tools are "
        "add_task, list_tasks, complete_task"
    )
    assert [r["error"] for r in tool_results(provider.seen[1])] == [
        missing.error,
        unknown.error,
    ]


def test_the_step_limit_stops_a_model_that_never_answers(services: Services) -> None:
    provider = ScriptedProvider([calls(("list_tasks", {}))], repeat_last=True)
    recorded: list[AgentStep] = []
    result = run(services, provider, max_steps=3, on_step=recorded.append)
    assert result.status == "step_limit"
    assert len(result.steps) == 3
    assert [s.number for s in recorded] == [1, 2, 3]
    assert len(provider.seen) == 4  # the fourth reply asked for more and was not run
    assert result.output.startswith("Stopped after 3 tool calls")
    assert "agents.max_steps" in result.output


def test_a_reply_with_more_calls_than_the_budget_runs_only_the_budget(
    services: Services,
) -> None:
    provider = ScriptedProvider([calls(*[("add_task", {"title": f"Task {n}"}) for n in range(5)])])
    result = run(services, provider, max_steps=2)
    assert result.status == "step_limit"
    assert sorted(t.title for t in services.tasks.list()) == ["Task 0", "Task 1"]


def test_streamed_pieces_reach_on_text_and_make_the_output(services: Services) -> None:
    text = "You have nothing due today; enjoy the afternoon."
    provider = ScriptedProvider([calls(("list_tasks", {})), answer(text)])
    pieces: list[str] = []
    result = run(services, provider, on_text=pieces.append)
    assert len(pieces) > 3
    assert "".join(pieces) == text == result.output


def test_tokens_and_cost_are_summed_over_the_replies(services: Services) -> None:
    first, second = Usage(1200, 300), Usage(2500, 800)
    provider = ScriptedProvider(
        [calls(("list_tasks", {}), usage=first), answer("Nothing.", usage=second)]
    )
    result = run(services, provider)
    assert (result.input_tokens, result.output_tokens) == (3700, 1100)
    expected = cost_micros("openai", "gpt-4o-mini", first) + cost_micros(
        "openai", "gpt-4o-mini", second
    )
    assert expected > 0
    assert result.cost_micros == expected
    assert result.latency_ms >= result.model_ms + result.action_ms - 0.001
    assert result.overhead_ms >= 0


def test_the_model_named_in_the_reply_is_the_one_costed(services: Services) -> None:
    reply = ModelReply("Hi", usage=Usage(1000, 1000), model="gpt-4o")
    result = run(services, ScriptedProvider([reply]))
    assert result.model == "gpt-4o"
    assert result.cost_micros == cost_micros("openai", "gpt-4o", Usage(1000, 1000))


def test_a_provider_failure_ends_the_run_as_an_error(services: Services) -> None:
    def refuse(_messages: Sequence[ChatMessage]) -> ModelReply:
        raise ProviderError("auth", "the OpenAI key was refused")

    provider = ScriptedProvider([calls(("add_task", {"title": "Kept"})), refuse])
    result = run(services, provider)
    assert result.status == "error"
    assert result.error == "the OpenAI key was refused"
    assert isinstance(result.failure, ProviderError)
    assert result.failure.kind == "auth"
    assert len(result.steps) == 1  # what ran before the failure is still recorded
    assert [t.title for t in services.tasks.list()] == ["Kept"]


def test_a_cancelled_run_stops_between_steps(services: Services) -> None:
    provider = ScriptedProvider(
        [calls(("add_task", {"title": "First"}), ("add_task", {"title": "Second"}))]
    )
    done: list[AgentStep] = []
    result = run(services, provider, on_step=done.append, cancelled=lambda: bool(done))
    assert result.status == "cancelled"
    assert [t.title for t in services.tasks.list()] == ["First"]


def test_a_specialist_naming_an_unknown_action_is_refused(services: Services) -> None:
    broken = Profile("broken", "x", ("add_task", "fly_to_the_moon"))
    with pytest.raises(UserError, match="no action named 'fly_to_the_moon'"):
        run_agent(services, ScriptedProvider([]), broken, "go", policy=POLICY)


def test_long_results_are_cut_down_for_the_model(services: Services) -> None:
    services.tasks.add_many([TaskDraft(f"Task number {n} " + "x" * 200) for n in range(300)])
    provider = ScriptedProvider([calls(("list_tasks", {})), answer("Many.")])
    result = run(services, provider)
    content = provider.seen[1][-1].content
    assert len(content) <= MAX_RESULT_CHARS
    payload = json.loads(content)
    assert 0 < len(payload["result"]) < 300
    assert payload["truncated"].startswith(f"only the first {len(payload['result'])} of 300")
    assert result.steps[0].result == payload["result"]


def test_result_payload_keeps_small_values_whole() -> None:
    assert result_payload({"a": 1}) == {"result": {"a": 1}}
    cut = result_payload("y" * (MAX_RESULT_CHARS * 2))
    assert len(cut["result"]) == MAX_RESULT_CHARS
    assert cut["truncated"] == "the result was cut short"
