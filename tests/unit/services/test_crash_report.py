"""Crash reports: the saved text and the Sentry event carry no local variable, body or secret."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from desktop.services.crash_report import (
    format_report,
    send_to_sentry,
    sentry_available,
)
from desktop.services.crash_report import scrub_event as scrub_sentry_event

BODY = "Dear Bob,\nthe merger closes on Friday. Keep it quiet.\nAlice"


def _exc_info() -> Any:
    try:
        password = "hunter2hunter2"  # noqa: F841 - a local variable a report must not carry
        raise ValueError("could not log in with password=hunter2hunter2")
    except ValueError:
        return sys.exc_info()


def _event() -> dict[str, Any]:
    """An event shaped like the ones sentry-sdk builds (with every field it may fill)."""
    return {
        "level": "error",
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": "could not log in with password=hunter2hunter2",
                    "stacktrace": {
                        "frames": [
                            {
                                "filename": "desktop/integrations/imap.py",
                                "function": "fetch",
                                "lineno": 42,
                                "context_line": '    secret = "hunter2hunter2"',
                                "vars": {"body": BODY, "password": "hunter2hunter2"},
                            }
                        ]
                    },
                }
            ]
        },
        "breadcrumbs": {
            "values": [
                {"category": "desktop.inbox", "message": f"reply drafted:\n{BODY}"},
                {"category": "httplib", "data": {"body": BODY, "url": "https://x"}},
            ]
        },
        "logentry": {"message": "sending %s", "params": [BODY]},
        "request": {"headers": {"Authorization": "Bearer abcdefghijkl"}, "data": BODY},
        "extra": {"draft": BODY},
        "user": {"email": "bob@example.org"},
        "tags": {"dsn": "https://abcdef123456@o1.ingest.sentry.io/1"},
    }


def test_the_sentry_event_loses_local_variables_bodies_and_secrets() -> None:
    event = scrub_sentry_event(_event(), secrets=["bob@example.org"])
    text = repr(event)
    assert "Keep it quiet" not in text
    assert "merger" not in text
    assert "hunter2hunter2" not in text
    assert "abcdefghijkl" not in text
    assert "abcdef123456" not in text
    assert "bob@example.org" not in text
    frame = event["exception"]["values"][0]["stacktrace"]["frames"][0]
    assert "vars" not in frame
    assert frame["function"] == "fetch"  # where it failed is kept
    assert frame["lineno"] == 42
    assert event["exception"]["values"][0]["type"] == "ValueError"
    assert event["breadcrumbs"]["values"][0]["message"].startswith("reply drafted:")


def test_the_saved_report_has_the_traceback_and_the_diagnostics_but_no_secret() -> None:
    report = format_report(_exc_info(), "DIAGNOSTICS FOLLOW", "the main thread")
    assert report.startswith("Atrium ")
    assert "crashed in the main thread" in report
    assert "Traceback (most recent call last)" in report
    assert "ValueError" in report
    assert "hunter2hunter2" not in report
    assert report.rstrip().endswith("DIAGNOSTICS FOLLOW")


def test_without_a_dsn_or_the_sdk_nothing_is_sent() -> None:
    assert send_to_sentry("", _exc_info()).startswith("not sent: no Sentry DSN")
    if sentry_available():
        pytest.skip("sentry-sdk is installed here")
    outcome = send_to_sentry("https://k@o1.ingest.sentry.io/1", _exc_info())
    assert "sentry-sdk is not installed" in outcome
