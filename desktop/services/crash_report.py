"""Crash reports: the text a user saves, and the opt-in Sentry event with secrets scrubbed.

A report is the traceback followed by the diagnostics (desktop.services.diagnostics).
When the user set `crash.sentry_dsn` and sentry-sdk is installed (it is not a
dependency: it is imported only here, only when a DSN is set), the exception is
sent without local variables, without the user's message bodies and with every
string run through the diagnostics' scrubber (`scrub_event`, the SDK's before_send).
"""

from __future__ import annotations

import importlib.util
import logging
import traceback
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from desktop import __version__
from desktop.services.diagnostics import REDACTED, scrub

log = logging.getLogger("desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
# Request and context fields that may carry message bodies, headers or cookies.
_DROPPED = ("request", "extra", "user")
SEND_TIMEOUT_S = 5.0


def format_report(exc_info: ExcInfo, diagnostics_text: str, where: str = "") -> str:
    """The report a user saves: what failed, the traceback, then the diagnostics."""
    exc_type, exc, tb = exc_info
    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    header = f"Atrium {__version__} crashed" + (f" in {where}" if where else "")
    return f"{header}\n\n{scrub(lines)}\n{'-' * 72}\n{diagnostics_text}"


def sentry_available() -> bool:
    return importlib.util.find_spec("sentry_sdk") is not None


def _scrub_value(value: Any, secrets: Iterable[str]) -> Any:
    if isinstance(value, str):
        return scrub(value, secrets)
    if isinstance(value, dict):
        return {k: _scrub_value(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_value(v, secrets) for v in value]
    return value


def scrub_event(event: dict[str, Any], secrets: Iterable[str] = ()) -> dict[str, Any]:
    """A Sentry event without local variables, bodies, request data, and with strings scrubbed."""
    listed = list(secrets)
    for name in _DROPPED:
        event.pop(name, None)
    for exception in (event.get("exception") or {}).get("values") or []:
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
            for key in ("pre_context", "context_line", "post_context"):
                frame.pop(key, None)  # source lines can hold literals such as test secrets
    for thread in (event.get("threads") or {}).get("values") or []:
        for frame in (thread.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    crumbs = event.get("breadcrumbs")
    values = crumbs.get("values") if isinstance(crumbs, dict) else crumbs
    for crumb in values or []:
        crumb.pop("data", None)  # log records' arguments, HTTP bodies
        if "message" in crumb:
            crumb["message"] = _first_line(crumb["message"])
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        logentry.pop("params", None)
    return dict(_scrub_value(event, listed))


def _first_line(message: Any) -> str:
    """A log message's first line: bodies quoted in a message follow on later lines."""
    text = str(message)
    return text.splitlines()[0] + (f" {REDACTED}" if "\n" in text else "") if text else ""


def send_to_sentry(dsn: str, exc_info: ExcInfo, secrets: Iterable[str] = ()) -> str:
    """Send one exception to the DSN (blocks up to SEND_TIMEOUT_S); what happened, in words."""
    if not dsn:
        return "not sent: no Sentry DSN is set"
    if not sentry_available():
        return "not sent: sentry-sdk is not installed (pip install sentry-sdk to send reports)"
    import sentry_sdk  # type: ignore[import-not-found, unused-ignore]

    listed = [dsn, *secrets]
    try:
        sentry_sdk.init(
            dsn=dsn,
            release=f"atrium@{__version__}",
            include_local_variables=False,
            send_default_pii=False,
            max_breadcrumbs=20,
            before_send=lambda event, _hint: scrub_event(event, listed),
            default_integrations=False,
        )
        event_id = sentry_sdk.capture_exception(exc_info)
        sentry_sdk.flush(timeout=SEND_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001 - a report must never crash the crash handler
        log.warning("could not send the crash report: %s", exc)
        return f"not sent: {type(exc).__name__}: {scrub(str(exc), listed)}"
    return f"sent (event {event_id})" if event_id else "not sent: the SDK dropped it"
