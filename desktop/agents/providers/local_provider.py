"""Any OpenAI-compatible server on the user's machine or network: Ollama, llama.cpp, LM Studio.

The OpenAI wire format and SDK (openai_provider.py) pointed at `base_url` (the setting
agents.base_url, e.g. Ollama's http://127.0.0.1:11434/v1). Such servers rarely need a
key, so none is looked up: the OpenAI key in the keyring or OPENAI_API_KEY is never sent
to a local server; pass `api_key` when the server wants one. Local models cost nothing.
"""

from __future__ import annotations

from desktop.agents.providers.openai_provider import OpenAIProvider

NO_KEY = "not-needed"


class LocalProvider(OpenAIProvider):
    """An OpenAI-compatible server at `base_url` running `model`."""

    name = "local"

    def __init__(
        self,
        model: str,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
    ) -> None:
        super().__init__(
            model, api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
        )

    def _key(self) -> str:
        return self.api_key or NO_KEY
