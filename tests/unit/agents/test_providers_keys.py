"""API keys in the keyring, make_provider from real settings, and `atrium agent key`."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.agents.model import PROVIDERS, ChatMessage
from desktop.agents.providers import make_provider
from desktop.agents.providers.anthropic_provider import AnthropicProvider
from desktop.agents.providers.keys import (
    DEFAULT_MODELS,
    default_model,
    find_api_key,
    key_source,
    store_api_key,
)
from desktop.agents.providers.local_provider import LocalProvider
from desktop.agents.providers.openai_provider import OpenAIProvider
from desktop.cli import main
from desktop.config import Settings
from desktop.core.errors import UserError
from desktop.services.container import Services
from tests.agents_fakes import FakeOpenAI, isolated_keyring


@pytest.fixture
def ring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with isolated_keyring(tmp_path):
        yield tmp_path / "keyring_pass.cfg"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def test_keyring_then_environment_then_none(ring: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_api_key("openai") is None
    assert key_source("openai") == "none"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    assert find_api_key("openai") == "sk-env"
    assert key_source("openai") == "environment"
    store_api_key("openai", "  sk-ring\n", allow_insecure=True)
    assert find_api_key("openai") == "sk-ring"
    assert key_source("openai") == "keyring"
    assert find_api_key("anthropic") is None
    assert "openai_2eapi_5fkey" in ring.read_text()  # in the test's own keyring file


def test_an_insecure_keyring_is_refused_without_permission(ring: Path) -> None:
    with pytest.raises(UserError, match="no secure keyring"):
        store_api_key("anthropic", "sk-ant")
    assert find_api_key("anthropic") is None


@pytest.mark.parametrize("bad", ["", "   ", "sk one", "sk\ntwo"])
def test_bad_keys_are_refused(ring: Path, bad: str) -> None:
    with pytest.raises(UserError):
        store_api_key("openai", bad, allow_insecure=True)
    assert find_api_key("openai") is None


def test_only_cloud_providers_take_keys(ring: Path) -> None:
    with pytest.raises(UserError, match="only openai and anthropic"):
        store_api_key("local", "x", allow_insecure=True)


def test_make_provider_follows_the_settings(settings: Settings, services: Services) -> None:
    offline = make_provider(None, settings, services)
    assert offline.name == "offline"
    assert offline.model == default_model("offline")
    settings.set("agents.provider", "openai")
    settings.set("agents.model", "gpt-4.1-mini")
    settings.set("agents.timeout_seconds", 12)
    chosen = make_provider(None, settings)
    assert isinstance(chosen, OpenAIProvider)
    assert (chosen.name, chosen.model, chosen.timeout) == ("openai", "gpt-4.1-mini", 12.0)
    assert make_provider("openai", settings, model="gpt-4o").model == "gpt-4o"


def test_the_model_setting_belongs_to_the_configured_provider(settings: Settings) -> None:
    settings.set("agents.provider", "openai")
    settings.set("agents.model", "gpt-4.1")
    other = make_provider("anthropic", settings)
    assert isinstance(other, AnthropicProvider)
    assert other.model == DEFAULT_MODELS["anthropic"] == "claude-3-5-haiku-latest"


def test_local_provider_uses_the_base_url_setting(settings: Settings) -> None:
    settings.set("agents.base_url", "http://127.0.0.1:8080/v1")
    chosen = make_provider("local", settings)
    assert isinstance(chosen, LocalProvider)
    assert (chosen.model, chosen.base_url) == ("llama3.1", "http://127.0.0.1:8080/v1")


def test_unknown_provider_and_offline_without_services(settings: Settings) -> None:
    with pytest.raises(UserError, match="choose one of offline, openai, anthropic, local"):
        make_provider("gemini", settings)
    with pytest.raises(UserError, match="services"):
        make_provider("offline", settings)
    assert set(DEFAULT_MODELS) | {"offline"} == set(PROVIDERS)


def test_a_made_provider_reaches_the_server_with_the_keyring_key(
    ring: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_api_key("openai", "sk-made", allow_insecure=True)
    with FakeOpenAI(api_key="sk-made") as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        fake.answer("made and used")
        reply = make_provider("openai", settings).complete([ChatMessage("user", "hi")], [])
    assert reply.text == "made and used"
    assert fake.bodies[0]["model"] == "gpt-4o-mini"


def _agent_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stdin: str, *flags: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--data-dir", str(tmp_path / "profile"), "agent", "key", *flags])


def test_cli_stores_a_piped_key_when_allowed(
    ring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _agent_key(monkeypatch, tmp_path, "sk-cli-123\n", "openai", "--allow-insecure") == 0
    assert find_api_key("openai") == "sk-cli-123"
    out = capsys.readouterr().out
    assert "Stored the OpenAI API key" in out
    assert "sk-cli-123" not in out
    assert not (tmp_path / "profile" / "atrium.sqlite3").exists()  # no database needed


def test_cli_refuses_an_insecure_keyring_with_a_clear_message(
    ring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _agent_key(monkeypatch, tmp_path, "sk-ant-1\n", "anthropic") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "--allow-insecure" in err
    assert find_api_key("anthropic") is None


def test_cli_refuses_an_empty_key(
    ring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _agent_key(monkeypatch, tmp_path, "\n", "openai", "--allow-insecure") == 2
    assert "no OpenAI API key was given" in capsys.readouterr().err


def test_cli_rejects_an_unknown_provider(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path), "agent", "key", "local"])
    assert exited.value.code == 2


def test_cli_without_any_keyring_points_at_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        status = _agent_key(monkeypatch, tmp_path, "sk-1\n", "openai", "--allow-insecure")
    finally:
        keyring.set_keyring(previous)
    assert status == 2
    err = capsys.readouterr().err
    assert "set OPENAI_API_KEY instead" in err
    assert "--allow-insecure" not in err
