"""LocalProvider: the OpenAI wire format against an OpenAI-compatible server (Ollama, llama.cpp)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from desktop.agents.costs import cost_known, cost_micros
from desktop.agents.model import ChatMessage, ProviderError, ToolSpec, Usage
from desktop.agents.providers.local_provider import NO_KEY, LocalProvider
from tests.agents_fakes import FakeOpenAI

ASK = [ChatMessage("user", "What is on today?")]
LIST_TASKS = ToolSpec("list_tasks", "List tasks", {"type": "object", "properties": {}}, "read")


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    """A local server that wants no key (like Ollama) and serves one model."""
    with FakeOpenAI(api_key=None, known_models={"llama3.1"}) as fake:
        yield fake


def local(server: FakeOpenAI, model: str = "llama3.1") -> LocalProvider:
    return LocalProvider(model, server.base_url, timeout=10.0, max_retries=1)


def test_plain_answer_needs_no_key_and_never_sends_the_openai_key(
    server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-cloud-key")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    server.answer("Two meetings.", usage=(12, 3))
    reply = local(server).complete(ASK, [])
    assert reply.text == "Two meetings."
    assert reply.usage == Usage(12, 3)
    authorization = server.requests[0].headers["authorization"]
    assert authorization == f"Bearer {NO_KEY}"
    assert "sk-secret" not in authorization


def test_a_key_is_sent_when_the_server_wants_one() -> None:
    with FakeOpenAI(api_key="lm-studio-key") as fake:
        fake.answer("ok")
        chosen = LocalProvider("qwen", fake.base_url, api_key="lm-studio-key")
        assert chosen.complete(ASK, []).text == "ok"


def test_a_server_that_wants_a_key_says_so() -> None:
    with FakeOpenAI(api_key="lm-studio-key") as fake:
        url = fake.base_url
        with pytest.raises(ProviderError) as caught:
            LocalProvider("qwen", url).complete(ASK, [])
    assert caught.value.kind == "auth"
    assert str(caught.value).startswith(f"the local model server at {url} refused")


def test_streamed_tool_call_round_trip(server: FakeOpenAI) -> None:
    server.tool_call("list_tasks", {}).answer("You have nothing due today.")
    chosen = local(server)
    seen: list[str] = []
    first = chosen.complete(ASK, [LIST_TASKS], on_text=seen.append)
    assert [(c.name, c.arguments) for c in first.tool_calls] == [("list_tasks", {})]
    call = first.tool_calls[0]
    conversation = [
        *ASK,
        ChatMessage("assistant", "", first.tool_calls),
        ChatMessage("tool", "[]", tool_call_id=call.id, name="list_tasks"),
    ]
    second = chosen.complete(conversation, [LIST_TASKS], on_text=seen.append)
    assert "".join(seen) == second.text == "You have nothing due today."
    assert server.bodies[1]["messages"][-1] == {
        "role": "tool",
        "tool_call_id": call.id,
        "content": "[]",
    }
    assert server.bodies[1]["model"] == "llama3.1"


def test_a_model_the_server_lacks_points_at_both_settings(server: FakeOpenAI) -> None:
    with pytest.raises(ProviderError) as caught:
        local(server, "mistral").complete(ASK, [])
    assert caught.value.kind == "model"
    message = str(caught.value)
    assert "unknown model 'mistral'" in message
    assert "agents.base_url" in message
    assert server.base_url in message


def test_no_server_running_is_a_network_error_naming_the_url() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(ProviderError) as caught:
        LocalProvider("llama3.1", url, max_retries=0).complete(ASK, [])
    assert caught.value.kind == "network"
    message = str(caught.value)
    assert message.startswith(f"cannot reach the local model server at {url} (")
    assert message.count(url) == 1
    assert "server runs" in message


def test_a_server_speaking_something_else_is_malformed(server: FakeOpenAI) -> None:
    server.malformed()
    with pytest.raises(ProviderError) as caught:
        local(server).complete(ASK, [])
    assert caught.value.kind == "malformed"
    assert "OpenAI-compatible" in str(caught.value)


def test_local_models_are_free_and_the_cost_is_known() -> None:
    usage = Usage(1_000_000, 1_000_000)
    assert cost_micros("local", "llama3.1", usage) == 0
    assert cost_known("local", "llama3.1")
    assert cost_micros("local", "gpt-4o", usage) == 0  # even when named like a cloud model
