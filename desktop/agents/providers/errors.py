"""SDK failures turned into `ProviderError`s that say what happened and what to do.

Both SDKs (openai, anthropic) raise the same shapes: `APIStatusError` with a status code
and the decoded error body, `APITimeoutError`, `APIConnectionError`, and a plain
`ValueError` (json) when a body cannot be decoded. The SDKs already retry 408/409/429/5xx
and connection failures with exponential backoff, honouring `Retry-After`; what reaches
here is the failure that remains after those attempts.

Kinds: "auth" (missing or refused key), "model" (unknown model), "rate_limit",
"server" (5xx), "network" (cannot connect, timeout), "malformed" (unreadable answer),
"request" (any other 4xx: the server refused this conversation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.agents.model import ProviderError


@dataclass(frozen=True)
class Endpoint:
    """Who is being called, for messages: the provider, its label, the model, the retries."""

    provider: str  # "openai" | "anthropic" | "local"
    model: str
    base_url: str | None
    max_retries: int
    timeout: float

    @property
    def label(self) -> str:
        if self.provider == "local":
            return f"the local model server at {self.base_url}"
        return {"openai": "OpenAI", "anthropic": "Anthropic"}.get(self.provider, self.provider)

    @property
    def fix_key(self) -> str:
        if self.provider == "local":
            return "give the server's key, or check agents.base_url"
        env = f"{self.provider.upper()}_API_KEY"
        return f"store the right one with `atrium agent key {self.provider}` or set {env}"

    @property
    def attempts(self) -> str:
        count = self.max_retries + 1
        return f"{count} attempt{'s' if count != 1 else ''}"


def server_message(exc: Any) -> str:
    """The error message the server put in its body (both vendors' formats), else ''."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error")
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if isinstance(inner, str):
            return inner
        if body.get("message"):
            return str(body["message"])
    if isinstance(body, str) and body.strip():
        return body.strip()[:200]
    return ""


def _code(exc: Any) -> str:
    body = getattr(exc, "body", None)
    code = getattr(exc, "code", None)
    if code is None and isinstance(body, dict):
        inner = body.get("error")
        source = inner if isinstance(inner, dict) else body
        code = source.get("code") or source.get("type")
    return str(code or "")


def _status_error(exc: Any, end: Endpoint) -> ProviderError:
    status = int(exc.status_code)
    said = server_message(exc)
    detail = f"HTTP {status}" + (f": {said}" if said else "")
    if status in (401, 403):
        if end.provider == "local":
            refused = f"{end.label} refused the request"
        else:
            refused = f"the {end.label} key was refused"
        return ProviderError("auth", f"{refused} ({detail}); {end.fix_key}")
    if status == 404 or "model" in _code(exc):
        where = (
            " (or agents.base_url is not an OpenAI-compatible API)"
            if end.provider == "local"
            else ""
        )
        return ProviderError(
            "model",
            f"unknown model '{end.model}' at {end.label}{where} ({detail}); set agents.model "
            "(or pass --model) to a model it serves",
        )
    if status == 429:
        wait = exc.response.headers.get("retry-after") if getattr(exc, "response", None) else None
        hint = f" (it asks to wait {wait} s)" if wait else ""
        return ProviderError(
            "rate_limit",
            f"{end.label} is still limiting requests after {end.attempts}{hint} ({detail}); "
            "wait a minute and try again",
        )
    if status >= 500:
        return ProviderError(
            "server",
            f"{end.label} failed with a server error after {end.attempts} ({detail}); "
            "try again later",
        )
    return ProviderError("request", f"{end.label} refused the request ({detail})")


def translate(exc: BaseException, sdk: Any, end: Endpoint) -> ProviderError | None:
    """The ProviderError for an SDK failure, or None when `exc` is not one (re-raise it)."""
    if isinstance(exc, sdk.APITimeoutError):
        return ProviderError(
            "network",
            f"{end.label} did not answer within {end.timeout:g} s ({end.attempts}); "
            "try again, or raise agents.timeout_seconds",
        )
    if isinstance(exc, sdk.APIConnectionError):
        cause = exc.__cause__ or exc
        where = f" at {end.base_url}" if end.base_url and end.provider != "local" else ""
        check = "that the server runs" if end.provider == "local" else "the network connection"
        return ProviderError("network", f"cannot reach {end.label}{where} ({cause}); check {check}")
    if isinstance(exc, sdk.APIStatusError):
        return _status_error(exc, end)
    if isinstance(exc, sdk.APIResponseValidationError | ValueError):
        return malformed(end, str(exc))
    return None


def malformed(end: Endpoint, detail: str) -> ProviderError:
    hint = " (is agents.base_url an OpenAI-compatible API?)" if end.provider == "local" else ""
    return ProviderError(
        "malformed", f"the answer from {end.label} could not be read ({detail}){hint}; try again"
    )


def missing_key(provider: str) -> ProviderError:
    label = {"openai": "OpenAI", "anthropic": "Anthropic"}.get(provider, provider)
    env = f"{provider.upper()}_API_KEY"
    return ProviderError(
        "auth", f"no {label} API key: set one with `atrium agent key {provider}` or {env}"
    )
