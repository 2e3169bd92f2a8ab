"""OpenAIProvider through the real `openai` SDK against a loopback OpenAI server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.agents.model import ChatMessage, ProviderError, ToolCall, ToolSpec, Usage
from desktop.agents.providers.keys import store_api_key
from desktop.agents.providers.openai_provider import TOOL_NAME, OpenAIProvider
from desktop.services.actions.registry import default_catalog
from tests.agents_fakes import FakeOpenAI, isolated_keyring

ADD_TASK = ToolSpec(
    "add_task",
    "Add a task",
    {
        "type": "object",
        "properties": {"title": {"type": "string"}, "due": {"type": "string"}},
        "required": ["title"],
    },
    "write",
)
ASK = [ChatMessage("system", "You help."), ChatMessage("user", "Buy milk tomorrow")]


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No key or URL in the environment, and an empty keyring of our own."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with isolated_keyring(tmp_path):
        yield


def provider(fake: FakeOpenAI, **options: float) -> OpenAIProvider:
    retries = int(options.pop("max_retries", 3))
    timeout = float(options.pop("timeout", 10.0))
    return OpenAIProvider(
        "gpt-4o-mini",
        api_key="test-key",
        base_url=fake.base_url,
        max_retries=retries,
        timeout=timeout,
    )


def test_plain_text_answer_and_usage(fake: FakeOpenAI) -> None:
    fake.answer("Added it.", usage=(42, 7))
    reply = provider(fake).complete(ASK, [])
    assert reply.text == "Added it."
    assert reply.tool_calls == ()
    assert reply.usage == Usage(42, 7)
    assert reply.stop_reason == "end"
    assert reply.model == "gpt-4o-mini"
    body = fake.bodies[0]
    assert body["model"] == "gpt-4o-mini"
    assert body["messages"] == [
        {"role": "system", "content": "You help."},
        {"role": "user", "content": "Buy milk tomorrow"},
    ]
    assert "tools" not in body
    assert "stream" not in body


def test_streamed_text_arrives_in_pieces_with_usage(fake: FakeOpenAI) -> None:
    fake.answer("Here is your plan for the day.", usage=(30, 11))
    seen: list[str] = []
    reply = provider(fake).complete(ASK, [ADD_TASK], on_text=seen.append)
    assert len(seen) > 1
    assert "".join(seen) == reply.text == "Here is your plan for the day."
    assert reply.usage == Usage(30, 11)
    assert fake.bodies[0]["stream"] is True
    assert fake.bodies[0]["stream_options"] == {"include_usage": True}


def test_tool_call_with_parsed_arguments_and_tool_format(fake: FakeOpenAI) -> None:
    fake.tool_call("add_task", {"title": "buy milk", "due": "tomorrow"})
    reply = provider(fake).complete(ASK, [ADD_TASK])
    assert reply.stop_reason == "tool_use"
    assert len(reply.tool_calls) == 1
    call = reply.tool_calls[0]
    assert (call.name, call.arguments) == ("add_task", {"title": "buy milk", "due": "tomorrow"})
    assert call.id.startswith("call_")
    assert fake.bodies[0]["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "add_task",
                "description": "Add a task",
                "parameters": ADD_TASK.parameters,
            },
        }
    ]


def test_streamed_tool_calls_are_put_together_by_index(fake: FakeOpenAI) -> None:
    fake.answer(
        "Two things.",
        tool_calls=[
            ("add_task", {"title": "buy milk", "tags": ["home", "errand"]}),
            ("add_task", {"title": "call the bank about the café card"}),
        ],
    )
    seen: list[str] = []
    reply = provider(fake).complete(ASK, [ADD_TASK], on_text=seen.append)
    assert "".join(seen) == reply.text == "Two things."
    assert [c.arguments for c in reply.tool_calls] == [
        {"title": "buy milk", "tags": ["home", "errand"]},
        {"title": "call the bank about the café card"},
    ]
    assert len({c.id for c in reply.tool_calls}) == 2
    assert reply.stop_reason == "tool_use"


def test_tool_results_go_back_in_the_wire_format(fake: FakeOpenAI) -> None:
    fake.tool_call("add_task", {"title": "buy milk"}).answer("Done: buy milk is on your list.")
    chosen = provider(fake)
    first = chosen.complete(ASK, [ADD_TASK])
    call = first.tool_calls[0]
    conversation = [
        *ASK,
        ChatMessage("assistant", first.text, first.tool_calls),
        ChatMessage(
            "tool", '{"id": "t1", "title": "buy milk"}', tool_call_id=call.id, name=call.name
        ),
    ]
    second = chosen.complete(conversation, [ADD_TASK])
    assert second.text == "Done: buy milk is on your list."
    sent = fake.bodies[1]["messages"]
    assert sent[2] == {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": "add_task", "arguments": '{"title": "buy milk"}'},
            }
        ],
    }
    assert sent[3] == {
        "role": "tool",
        "tool_call_id": call.id,
        "content": '{"id": "t1", "title": "buy milk"}',
    }


def test_429_with_retry_after_is_waited_out_then_answered(fake: FakeOpenAI) -> None:
    fake.fail(429, retry_after="1").answer("after the wait")
    reply = provider(fake).complete(ASK, [])
    assert reply.text == "after the wait"
    assert len(fake.requests) == 2
    waited = fake.requests[1].at - fake.requests[0].at
    assert 0.9 <= waited < 2.5


def test_429_that_persists_is_a_rate_limit_error(fake: FakeOpenAI) -> None:
    for _ in range(3):
        fake.fail(429, retry_after="0.1")
    with pytest.raises(ProviderError) as caught:
        provider(fake, max_retries=2).complete(ASK, [])
    assert caught.value.kind == "rate_limit"
    assert "3 attempts" in str(caught.value)
    assert len(fake.requests) == 3


def test_500_is_retried_with_backoff_then_a_server_error(fake: FakeOpenAI) -> None:
    fake.fail(500).fail(500).fail(500).answer("never reached")
    with pytest.raises(ProviderError) as caught:
        provider(fake, max_retries=2).complete(ASK, [])
    assert caught.value.kind == "server"
    assert "HTTP 500" in str(caught.value)
    assert len(fake.requests) == 3
    gaps = [b.at - a.at for a, b in zip(fake.requests, fake.requests[1:], strict=False)]
    assert gaps[1] > gaps[0] * 1.2  # exponential: the second wait is longer
    assert fake.pending == 1


def test_refused_key_is_an_auth_error_without_retries(fake: FakeOpenAI) -> None:
    chosen = OpenAIProvider("gpt-4o-mini", api_key="wrong", base_url=fake.base_url)
    with pytest.raises(ProviderError) as caught:
        chosen.complete(ASK, [])
    assert caught.value.kind == "auth"
    assert "refused" in str(caught.value)
    assert "atrium agent key openai" in str(caught.value)
    assert len(fake.requests) == 1


def test_unknown_model_names_the_model_and_the_setting() -> None:
    with FakeOpenAI(known_models={"gpt-4o-mini"}) as fake:
        chosen = OpenAIProvider("gpt-9-ultra", api_key="test-key", base_url=fake.base_url)
        with pytest.raises(ProviderError) as caught:
            chosen.complete(ASK, [])
    assert caught.value.kind == "model"
    assert "unknown model 'gpt-9-ultra'" in str(caught.value)
    assert "agents.model" in str(caught.value)


@pytest.mark.parametrize("streamed", [False, True])
def test_malformed_json_is_reported_as_malformed(fake: FakeOpenAI, streamed: bool) -> None:
    fake.malformed()
    with pytest.raises(ProviderError) as caught:
        provider(fake).complete(ASK, [], on_text=(lambda _: None) if streamed else None)
    assert caught.value.kind == "malformed"
    assert "could not be read" in str(caught.value)


@pytest.mark.parametrize("streamed", [False, True])
def test_tool_arguments_that_are_not_json_are_malformed(fake: FakeOpenAI, streamed: bool) -> None:
    fake.answer(tool_calls=[("add_task", '{"title": "buy mi')])
    with pytest.raises(ProviderError) as caught:
        provider(fake).complete(ASK, [ADD_TASK], on_text=(lambda _: None) if streamed else None)
    assert caught.value.kind == "malformed"
    assert "add_task" in str(caught.value)


def test_a_server_that_does_not_answer_in_time_is_a_network_error(fake: FakeOpenAI) -> None:
    fake.stall(3)
    with pytest.raises(ProviderError) as caught:
        provider(fake, timeout=0.3, max_retries=0).complete(ASK, [])
    assert caught.value.kind == "network"
    assert "did not answer within 0.3 s" in str(caught.value)


def test_nothing_listening_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chosen = OpenAIProvider(
        "gpt-4o-mini", api_key="k", base_url=f"http://127.0.0.1:{port}/v1", max_retries=0
    )
    with pytest.raises(ProviderError) as caught:
        chosen.complete(ASK, [])
    assert caught.value.kind == "network"
    assert f"127.0.0.1:{port}" in str(caught.value)


def test_environment_key_and_base_url_are_honoured(
    fake: FakeOpenAI, no_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    fake.answer("from the environment")
    assert OpenAIProvider("gpt-4o-mini").complete(ASK, []).text == "from the environment"
    assert fake.requests[0].headers["authorization"] == "Bearer test-key"


def test_the_keyring_key_comes_before_the_environment(
    fake: FakeOpenAI, no_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_api_key("openai", "sk-from-keyring", allow_insecure=True)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    fake.api_key = "sk-from-keyring"
    fake.answer("keyring key accepted")
    chosen = OpenAIProvider("gpt-4o-mini", base_url=fake.base_url)
    assert chosen.complete(ASK, []).text == "keyring key accepted"
    assert fake.requests[0].headers["authorization"] == "Bearer sk-from-keyring"


def test_no_key_anywhere_says_how_to_set_one(fake: FakeOpenAI, no_env: None) -> None:
    with pytest.raises(ProviderError) as caught:
        OpenAIProvider("gpt-4o-mini", base_url=fake.base_url).complete(ASK, [])
    assert caught.value.kind == "auth"
    assert str(caught.value) == (
        "no OpenAI API key: set one with `atrium agent key openai` or OPENAI_API_KEY"
    )
    assert fake.requests == []


def test_every_catalog_action_is_a_valid_tool_name() -> None:
    names = default_catalog().names()
    assert names
    assert [n for n in names if not TOOL_NAME.match(n)] == []


def test_a_bad_tool_name_is_refused_before_anything_is_sent(fake: FakeOpenAI) -> None:
    bad = ToolSpec("add task!", "spaces are not allowed", {"type": "object"}, "write")
    with pytest.raises(ValueError, match="not allowed"):
        provider(fake).complete(ASK, [bad])
    assert fake.requests == []


def test_assistant_text_with_tool_calls_keeps_both(fake: FakeOpenAI) -> None:
    fake.answer("ok")
    turn = ChatMessage(
        "assistant", "Let me add that.", (ToolCall("call_9", "add_task", {"title": "x"}),)
    )
    provider(fake).complete([*ASK, turn, ChatMessage("tool", "{}", tool_call_id="call_9")], [])
    sent = fake.bodies[0]["messages"][2]
    assert sent["content"] == "Let me add that."
    assert sent["tool_calls"][0]["function"]["arguments"] == '{"title": "x"}'


def test_close_releases_the_client_and_a_later_call_opens_a_new_one() -> None:
    with FakeOpenAI(keep_alive=True) as fake:
        fake.answer("one").answer("two")
        chosen = OpenAIProvider("gpt-4o-mini", api_key="test-key", base_url=fake.base_url)
        assert chosen.complete(ASK, []).text == "one"
        chosen.close()
        chosen.close()  # twice is harmless
        assert chosen.complete(ASK, []).text == "two"
        chosen.close()
    assert len(fake.requests) == 2
