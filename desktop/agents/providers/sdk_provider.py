"""What the OpenAI and Anthropic providers share: settings, the API key and the SDK client.

`SdkProvider` keeps the model, key, base URL, timeout and retry count, finds the key
(explicit, else the keyring's, else the vendor's environment variable, see keys.py),
and makes the vendor SDK's client on first use: the SDK module is imported only then,
so importing a provider costs nothing. Subclasses name the SDK module and its client
class, and add the wire format and `complete`.
"""

from __future__ import annotations

import importlib
from typing import Any

from desktop.agents.providers.errors import Endpoint, missing_key


class SdkProvider:
    """A model provider reached through a vendor SDK client (made lazily, closed on demand)."""

    name = ""
    key_name = ""
    """The vendor whose key `find_api_key` looks up ("openai", "anthropic")."""
    sdk_module = ""
    """The SDK's module, imported on first use ("openai", "anthropic")."""
    sdk_client_class = ""
    """The SDK's client class in that module ("OpenAI", "Anthropic")."""

    def __init__(
        self,
        model: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
    ) -> None:
        self.model = model
        self.api_key = api_key
        self.base_url = base_url
        self.timeout = timeout
        self.max_retries = max_retries
        self._client: Any = None

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint(self.name, self.model, self.base_url, self.max_retries, self.timeout)

    def _key(self) -> str:
        """The explicit key, else the keyring's, else the vendor's environment variable."""
        if self.api_key:
            return self.api_key
        from desktop.agents.providers.keys import find_api_key

        key = find_api_key(self.key_name)
        if key is None:
            raise missing_key(self.key_name)
        return key

    def client(self) -> Any:
        """The SDK client, made on first use (None base_url: the SDK reads its *_BASE_URL)."""
        if self._client is None:
            sdk = importlib.import_module(self.sdk_module)
            make_client = getattr(sdk, self.sdk_client_class)
            self._client = make_client(
                api_key=self._key(),
                base_url=self.base_url,
                timeout=sdk.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
                max_retries=self.max_retries,
            )
            self.base_url = str(self._client.base_url).rstrip("/")
        return self._client

    def close(self) -> None:
        """Close the SDK client's connections (a later `complete` opens a new client)."""
        if self._client is not None:
            self._client.close()
            self._client = None
