"""AnthropicProvider through the real `anthropic` SDK against a loopback Anthropic server."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.agents.model import ChatMessage, ProviderError, ToolSpec, Usage
from desktop.agents.providers.anthropic_provider import AnthropicProvider
from desktop.agents.providers.keys import store_api_key
from tests.agents_fakes import FakeAnthropic, isolated_keyring

ADD_TASK = ToolSpec(
    "add_task",
    "Add a task",
    {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]},
    "write",
)
ASK = [ChatMessage("system", "You help."), ChatMessage("user", "Buy milk tomorrow")]


@pytest.fixture
def fake() -> Iterator[FakeAnthropic]:
    with FakeAnthropic() as server:
        yield server


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_AUTH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ANTHROPIC_CONFIG_DIR", str(tmp_path / "no-profiles"))
    with isolated_keyring(tmp_path):
        yield


def provider(fake: FakeAnthropic, *, max_retries: int = 3, **options: int) -> AnthropicProvider:
    return AnthropicProvider(
        "claude-3-5-haiku-latest",
        api_key="test-key",
        base_url=fake.base_url,
        max_retries=max_retries,
        timeout=10.0,
        **options,
    )


def test_plain_text_answer_with_system_parameter_and_usage(fake: FakeAnthropic) -> None:
    fake.answer("Added it.", usage=(40, 6))
    reply = provider(fake).complete(ASK, [])
    assert reply.text == "Added it."
    assert reply.usage == Usage(40, 6)
    assert reply.stop_reason == "end"
    assert reply.model == "claude-3-5-haiku-latest"
    body = fake.bodies[0]
    assert body["system"] == "You help."
    assert body["max_tokens"] == 1024
    assert body["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "Buy milk tomorrow"}]}
    ]
    assert "tools" not in body


def test_max_tokens_is_a_parameter(fake: FakeAnthropic) -> None:
    fake.answer("short")
    provider(fake, max_tokens=77).complete(ASK, [])
    assert fake.bodies[0]["max_tokens"] == 77


def test_streamed_text_and_tool_use(fake: FakeAnthropic) -> None:
    fake.answer(
        "I will add both.",
        tool_calls=[("add_task", {"title": "buy milk"}), ("add_task", {"title": "pay rent"})],
        usage=(55, 21),
    )
    seen: list[str] = []
    reply = provider(fake).complete(ASK, [ADD_TASK], on_text=seen.append)
    assert len(seen) > 1
    assert "".join(seen) == reply.text == "I will add both."
    assert [(c.name, c.arguments) for c in reply.tool_calls] == [
        ("add_task", {"title": "buy milk"}),
        ("add_task", {"title": "pay rent"}),
    ]
    assert all(c.id.startswith("toolu_") for c in reply.tool_calls)
    assert reply.usage == Usage(55, 21)
    assert reply.stop_reason == "tool_use"
    assert fake.bodies[0]["stream"] is True


def test_tool_use_plain_and_the_tool_format(fake: FakeAnthropic) -> None:
    fake.tool_call("add_task", {"title": "buy milk"})
    reply = provider(fake).complete(ASK, [ADD_TASK])
    assert reply.tool_calls[0].arguments == {"title": "buy milk"}
    assert reply.text == ""
    assert fake.bodies[0]["tools"] == [
        {"name": "add_task", "description": "Add a task", "input_schema": ADD_TASK.parameters}
    ]


def test_tool_results_go_back_as_a_user_turn_of_tool_result_blocks(fake: FakeAnthropic) -> None:
    fake.answer(
        "Adding.", tool_calls=[("add_task", {"title": "a"}), ("add_task", {"title": "b"})]
    ).answer("Both are on your list.")
    chosen = provider(fake)
    first = chosen.complete(ASK, [ADD_TASK])
    one, two = first.tool_calls
    conversation = [
        *ASK,
        ChatMessage("assistant", first.text, first.tool_calls),
        ChatMessage("tool", '{"id": "t1"}', tool_call_id=one.id, name="add_task"),
        ChatMessage("tool", '{"id": "t2"}', tool_call_id=two.id, name="add_task"),
        ChatMessage("user", "Thanks"),
    ]
    assert chosen.complete(conversation, [ADD_TASK]).text == "Both are on your list."
    sent = fake.bodies[1]["messages"]
    assert len(sent) == 3
    assert sent[1] == {
        "role": "assistant",
        "content": [
            {"type": "text", "text": "Adding."},
            {"type": "tool_use", "id": one.id, "name": "add_task", "input": {"title": "a"}},
            {"type": "tool_use", "id": two.id, "name": "add_task", "input": {"title": "b"}},
        ],
    }
    assert sent[2] == {
        "role": "user",
        "content": [
            {"type": "tool_result", "tool_use_id": one.id, "content": '{"id": "t1"}'},
            {"type": "tool_result", "tool_use_id": two.id, "content": '{"id": "t2"}'},
            {"type": "text", "text": "Thanks"},
        ],
    }


def test_429_with_retry_after_is_waited_out_then_answered(fake: FakeAnthropic) -> None:
    fake.fail(429, retry_after="1").answer("after the wait")
    assert provider(fake).complete(ASK, []).text == "after the wait"
    assert len(fake.requests) == 2
    assert 0.9 <= fake.requests[1].at - fake.requests[0].at < 2.5


@pytest.mark.parametrize("status", [500, 529])
def test_server_errors_are_retried_then_reported(fake: FakeAnthropic, status: int) -> None:
    for _ in range(3):
        fake.fail(status, retry_after="0.05")
    with pytest.raises(ProviderError) as caught:
        provider(fake, max_retries=2).complete(ASK, [])
    assert caught.value.kind == "server"
    assert f"HTTP {status}" in str(caught.value)
    assert len(fake.requests) == 3


def test_rate_limit_that_persists(fake: FakeAnthropic) -> None:
    fake.fail(429, retry_after="0.05").fail(429, retry_after="0.05")
    with pytest.raises(ProviderError) as caught:
        provider(fake, max_retries=1).complete(ASK, [], on_text=lambda _: None)
    assert caught.value.kind == "rate_limit"
    assert "2 attempts" in str(caught.value)


def test_refused_key_is_an_auth_error(fake: FakeAnthropic) -> None:
    chosen = AnthropicProvider("claude-3-5-haiku-latest", api_key="bad", base_url=fake.base_url)
    with pytest.raises(ProviderError) as caught:
        chosen.complete(ASK, [])
    assert caught.value.kind == "auth"
    assert "the Anthropic key was refused" in str(caught.value)
    assert "atrium agent key anthropic" in str(caught.value)
    assert len(fake.requests) == 1


def test_unknown_model() -> None:
    with FakeAnthropic(known_models={"claude-3-5-haiku-latest"}) as fake:
        chosen = AnthropicProvider("claude-0", api_key="test-key", base_url=fake.base_url)
        with pytest.raises(ProviderError) as caught:
            chosen.complete(ASK, [])
    assert caught.value.kind == "model"
    assert "unknown model 'claude-0'" in str(caught.value)
    assert "agents.model" in str(caught.value)


@pytest.mark.parametrize("streamed", [False, True])
def test_malformed_json(fake: FakeAnthropic, streamed: bool) -> None:
    fake.malformed()
    with pytest.raises(ProviderError) as caught:
        provider(fake).complete(ASK, [], on_text=(lambda _: None) if streamed else None)
    assert caught.value.kind == "malformed"


def test_tool_input_that_is_not_an_object_is_malformed(fake: FakeAnthropic) -> None:
    fake.answer(tool_calls=[("add_task", "just a string")])
    with pytest.raises(ProviderError) as caught:
        provider(fake).complete(ASK, [ADD_TASK])
    assert caught.value.kind == "malformed"
    assert "add_task" in str(caught.value)


def test_environment_key_and_base_url_are_honoured(
    fake: FakeAnthropic, no_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", fake.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    fake.answer("from the environment")
    chosen = AnthropicProvider("claude-3-5-haiku-latest")
    assert chosen.complete(ASK, []).text == "from the environment"
    assert fake.key_of(fake.requests[0].headers) == "test-key"


def test_the_keyring_key_is_used(
    fake: FakeAnthropic, no_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_api_key("anthropic", "sk-ant-ring", allow_insecure=True)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-env")
    fake.api_key = "sk-ant-ring"
    fake.answer("keyring key accepted")
    chosen = AnthropicProvider("claude-3-5-haiku-latest", base_url=fake.base_url)
    assert chosen.complete(ASK, []).text == "keyring key accepted"


def test_no_key_anywhere(fake: FakeAnthropic, no_env: None) -> None:
    with pytest.raises(ProviderError) as caught:
        AnthropicProvider("claude-3-5-haiku-latest", base_url=fake.base_url).complete(ASK, [])
    assert caught.value.kind == "auth"
    assert "ANTHROPIC_API_KEY" in str(caught.value)
    assert fake.requests == []


@pytest.mark.parametrize(
    ("header", "value"), [("x-api-key", "test-key"), ("Authorization", "Bearer test-key")]
)
def test_the_fake_accepts_either_key_header(fake: FakeAnthropic, header: str, value: str) -> None:
    fake.answer("raw")
    body = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}
    request = urllib.request.Request(
        fake.base_url + "/v1/messages",
        data=json.dumps(body).encode(),
        headers={header: value, "content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        answer = json.loads(response.read())
    assert answer["content"] == [{"type": "text", "text": "raw"}]
