"""The webhook step: POST a JSON body to a URL, telling passing failures from lasting ones.

A network error, a timeout, a 5xx answer or a 429 is `TransientStepError` (the engine
retries it with backoff, honouring Retry-After); any other 4xx is a `StepError`. Every
request carries an `Idempotency-Key` (the run and the step), so a receiver can drop a
repeat after a crash. The standard library's urllib does the request (imported on use).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

TIMEOUT_SECONDS = 10.0
MAX_RETRY_AFTER_SECONDS = 60.0
MAX_BODY_SHOWN = 2000
MAX_BODY_READ = 1_000_000


class StepError(Exception):
    """A step failed for a reason that trying again will not fix."""


class TransientStepError(StepError):
    """A step failed for a reason that may pass (network, overload): worth another try."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class WebhookAnswer:
    """What the receiver answered."""

    status: int
    body: Any

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "body": self.body}


def post_json(
    url: str,
    body: Any,
    *,
    headers: Mapping[str, str] | None = None,
    idempotency_key: str,
    timeout: float = TIMEOUT_SECONDS,
) -> WebhookAnswer:
    """POST `body` as JSON to `url`; the answer, or StepError / TransientStepError."""
    import urllib.error
    import urllib.request

    if not url.startswith(("http://", "https://")):
        raise StepError(f"{url!r} is not an http:// or https:// address")
    sent_headers = {
        "Content-Type": "application/json",
        "User-Agent": "Atrium-workflows",
        "Idempotency-Key": idempotency_key,
        **dict(headers or {}),
    }
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=payload, headers=sent_headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return WebhookAnswer(response.status, _decoded(_read(response)))
    except urllib.error.HTTPError as exc:
        status, text = exc.code, _read(exc)
        if status == 429 or status >= 500:
            raise TransientStepError(
                f"{url} answered {status}", _retry_after(exc.headers)
            ) from None
        raise StepError(f"{url} refused the request with {status}: {_shown(text)}") from None
    except TimeoutError:
        raise TransientStepError(f"{url} did not answer within {timeout:g} s") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TransientStepError(f"cannot reach {url}: {reason}") from None


def _read(response: Any) -> str:
    raw = response.read(MAX_BODY_READ) if response is not None else b""
    return bytes(raw or b"").decode("utf-8", errors="replace")


def _retry_after(headers: Any) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    if value is None:
        return None
    try:
        return min(MAX_RETRY_AFTER_SECONDS, max(0.0, float(value)))
    except ValueError:
        return None  # an HTTP date: fall back to the engine's own backoff


def _decoded(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return _shown(text)


def _shown(text: str) -> str:
    return text if len(text) <= MAX_BODY_SHOWN else text[:MAX_BODY_SHOWN] + "…"
