"""API keys, default models, and the one place that builds a provider from the settings.

A key is looked up in the OS keyring first (`desktop.services.secrets`, entries
"openai.api_key" and "anthropic.api_key"), then in the environment variable the SDK
itself reads (OPENAI_API_KEY, ANTHROPIC_API_KEY). Base URLs are left to the SDKs, which
read OPENAI_BASE_URL and ANTHROPIC_BASE_URL; the local provider's URL is a setting.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Protocol

from desktop.agents.model import PROVIDERS, Provider
from desktop.core.errors import UserError

if TYPE_CHECKING:
    from desktop.services.container import Services

KEYED_PROVIDERS = ("openai", "anthropic")
KEYRING_ENTRIES = {"openai": "openai.api_key", "anthropic": "anthropic.api_key"}
ENV_KEYS = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}
# The offline planner names its own model (desktop.agents.offline.MODEL).
DEFAULT_MODELS = {
    "openai": "gpt-4o-mini",
    "anthropic": "claude-3-5-haiku-latest",
    "local": "llama3.1",
}


class SettingsReader(Protocol):
    """What make_provider needs of `desktop.config.Settings`."""

    def get(self, name: str) -> Any: ...


def _keyed(provider: str) -> str:
    if provider not in KEYED_PROVIDERS:
        raise UserError(f"only {' and '.join(KEYED_PROVIDERS)} take an API key, not '{provider}'")
    return provider


def find_api_key(provider: str) -> str | None:
    """The key from the keyring, else from the environment, else None.

    An unreadable keyring (none installed, locked) is not an error here: the
    environment may still have the key, and a missing key is reported by the caller.
    """
    from desktop.services.secrets import load_secret

    try:
        stored = load_secret(KEYRING_ENTRIES[_keyed(provider)])
    except UserError:
        stored = None
    if stored:
        return stored
    return os.environ.get(ENV_KEYS[provider]) or None


def key_source(provider: str) -> str:
    """Where the key would come from: "keyring", "environment" or "none" (for status lines)."""
    from desktop.services.secrets import load_secret

    try:
        if load_secret(KEYRING_ENTRIES[_keyed(provider)]):
            return "keyring"
    except UserError:
        pass
    return "environment" if os.environ.get(ENV_KEYS[provider]) else "none"


def store_api_key(provider: str, key: str, *, allow_insecure: bool = False) -> None:
    """Keep `key` in the keyring; refuses an insecure keyring unless `allow_insecure`."""
    from desktop.services.secrets import store_secret

    key = key.strip()
    if not key:
        raise UserError(f"the {provider} API key is empty; paste the key and try again")
    if any(c.isspace() for c in key):
        raise UserError(f"the {provider} API key holds spaces or line breaks; paste only the key")
    store_secret(KEYRING_ENTRIES[_keyed(provider)], key, allow_insecure=allow_insecure)


def default_model(provider: str) -> str:
    """The model a provider uses when neither --model nor agents.model names one."""
    if provider == "offline":
        from desktop.agents.offline import MODEL

        return MODEL
    if provider not in DEFAULT_MODELS:
        raise UserError(f"unknown provider '{provider}'; choose one of {', '.join(PROVIDERS)}")
    return DEFAULT_MODELS[provider]


def make_provider(
    name: str | None,
    settings: SettingsReader,
    services: Services | None = None,
    *,
    model: str | None = None,
) -> Provider:
    """The provider `name` (None: the setting agents.provider) with its model and timeout.

    The model is `model`, else agents.model when `name` is the configured provider, else
    the provider's default. "offline" (no model to choose) needs `services`: the planner
    reads the local data.
    No SDK is imported and no key is read until the provider's first `complete`.
    """
    configured = str(settings.get("agents.provider") or "offline")
    chosen = name or configured
    if chosen not in PROVIDERS:
        raise UserError(f"unknown provider '{chosen}'; choose one of {', '.join(PROVIDERS)}")
    if chosen == "offline":
        if services is None:
            raise UserError("the offline planner needs the profile's services")
        from desktop.agents.offline import OfflineProvider

        return OfflineProvider(services)
    setting_model = str(settings.get("agents.model") or "") if chosen == configured else ""
    model_name = model or setting_model or DEFAULT_MODELS[chosen]
    timeout = float(settings.get("agents.timeout_seconds"))
    if chosen == "openai":
        from desktop.agents.providers.openai_provider import OpenAIProvider

        return OpenAIProvider(model_name, timeout=timeout)
    if chosen == "anthropic":
        from desktop.agents.providers.anthropic_provider import AnthropicProvider

        return AnthropicProvider(model_name, timeout=timeout)
    from desktop.agents.providers.local_provider import LocalProvider

    return LocalProvider(model_name, str(settings.get("agents.base_url")), timeout=timeout)
