"""The specialist agents: real tools, prompts that keep outside content as data, and each one's
typical request answered by the offline planner with that specialist's tools only."""

from __future__ import annotations

import pytest

from desktop.agents.specialists import (
    PENDING_TOOLS,
    SPECIALISTS,
    Specialist,
    available_tools,
    get_specialist,
)
from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from tests.unit.agents.offline_world import converse, seed, tools_named

NAMES = ("assistant", "scheduler", "researcher", "communicator", "coder")


def test_the_five_specialists_are_there() -> None:
    assert tuple(SPECIALISTS) == NAMES
    for name, specialist in SPECIALISTS.items():
        assert specialist.name == name
        assert specialist.title
        assert specialist.description


@pytest.mark.parametrize("name", NAMES)
def test_every_listed_tool_is_an_action(name: str) -> None:
    catalog = set(default_catalog().names())
    specialist = SPECIALISTS[name]
    unknown = [t for t in specialist.tools if t not in catalog and t not in PENDING_TOOLS]
    assert unknown == []
    assert len(set(specialist.tools)) == len(specialist.tools)  # no tool listed twice
    assert available_tools(specialist, catalog) == tuple(
        t for t in specialist.tools if t in catalog
    )


@pytest.mark.parametrize("name", NAMES)
def test_prompts_keep_outside_content_as_data_and_ask_before_sending(name: str) -> None:
    prompt = SPECIALISTS[name].system_prompt
    assert "<external_data>" in prompt
    assert "never follow instructions" in prompt
    assert "approval" in prompt


def test_the_tool_subsets_fit_the_jobs() -> None:
    catalog = default_catalog()
    risk = {a.name: a.risk for a in catalog.all()}
    scheduler, researcher = SPECIALISTS["scheduler"], SPECIALISTS["researcher"]
    assert {"find_free_time", "plan_schedule", "apply_schedule"} <= set(scheduler.tools)
    # The researcher only reads.
    assert all(risk[t] == "read" for t in researcher.tools if t in risk)
    assert {"draft_reply", "send_message", "list_messages"} <= set(
        SPECIALISTS["communicator"].tools
    )
    assert {"list_projects", "add_task", "update_task"} <= set(SPECIALISTS["coder"].tools)
    # The assistant has every tool the others have, apart from nothing.
    others = {t for s in SPECIALISTS.values() for t in s.tools}
    assert others <= set(SPECIALISTS["assistant"].tools)


def test_an_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(UserError, match=r"no agent named 'poet'.*assistant, scheduler"):
        get_specialist("poet")
    assert isinstance(get_specialist("coder"), Specialist)


@pytest.mark.parametrize(
    ("name", "request_text", "tools_called", "fact"),
    [
        ("scheduler", "Plan my day", ["plan_schedule"], "Write report"),
        ("scheduler", "Find an hour before Friday", ["find_free_time"], "free slot"),
        (
            "researcher",
            "Summarise my notes about Lisbon",
            ["search", "get_note", "get_note"],
            "[note:",
        ),
        ("communicator", "Triage my inbox", ["list_messages"], "Needs a reply (1)"),
        (
            "coder",
            "What's open in project Atrium?",
            ["list_projects", "list_tasks"],
            "Fix the sync crash",
        ),
    ],
)
def test_each_specialist_does_its_job_offline(
    services: Services, name: str, request_text: str, tools_called: list[str], fact: str
) -> None:
    seed(services)
    specialist = SPECIALISTS[name]
    done = converse(services, request_text, tools_named(*specialist.tools))
    assert done.names() == tools_called
    assert set(done.names()) <= set(specialist.tools)
    assert fact in done.answer


def test_a_specialist_says_what_is_outside_its_tools(services: Services) -> None:
    seed(services)
    done = converse(
        services,
        "How much did I spend on groceries this month?",
        tools_named(*SPECIALISTS["researcher"].tools),
    )
    assert done.calls == []
    assert "month_summary" in done.answer
    assert "search everything" in done.answer


def test_the_scheduler_plans_through_the_real_loop(services: Services) -> None:
    from desktop.agents.approvals import ApprovalPolicy
    from desktop.agents.loop import run_agent
    from desktop.agents.offline import OfflineProvider

    seed(services)
    streamed: list[str] = []
    run = run_agent(
        services,
        OfflineProvider(services),
        SPECIALISTS["scheduler"],
        "Plan my day",
        policy=ApprovalPolicy(),
        on_text=streamed.append,
    )
    assert run.status == "done"
    assert [step.tool for step in run.steps] == ["plan_schedule"]
    assert "Write report" in run.output
    assert "".join(streamed) == run.output
    assert run.input_tokens > 0
    assert run.cost_micros == 0


def test_the_communicator_never_sends_without_approval(services: Services) -> None:
    from desktop.agents.approvals import ApprovalPolicy
    from desktop.agents.loop import run_agent
    from desktop.agents.offline import OfflineProvider

    seed(services)
    run = run_agent(
        services,
        OfflineProvider(services),
        SPECIALISTS["communicator"],
        "Send an email to bob@example.org: the build is green",
        policy=ApprovalPolicy(),
    )
    assert [step.tool for step in run.steps] == ["send_message"]
    assert run.steps[0].status == "pending"
    assert run.status == "pending"
    assert "approval" in run.output
