"""How the Health pane words things: alerts with what to do, sizes, states, area names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.health import Alert


def _tr(text: str) -> str:
    return QCoreApplication.translate("HealthPane", text)


def size_text(size: int) -> str:
    """Bytes as a person reads them: `812 bytes`, `4.0 KB`, `12.3 MB`, `1.5 GB` (powers of 1000)."""
    if size < 1000:
        return _tr("{n} bytes").format(n=size)
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}"
    return f"{value:.1f} TB"  # not reached


def state_name(state: str) -> str:
    """An integration's state in words."""
    return {
        "connected": _tr("Connected"),
        "needs_auth": _tr("Needs sign-in"),
        "error": _tr("Failing"),
        "disabled": _tr("Turned off"),
    }.get(state, state)


def AREA_NAMES() -> dict[str, str]:
    """Area of the row counts -> its translated name."""
    return {
        "tasks": _tr("Tasks"),
        "events": _tr("Events"),
        "messages": _tr("Messages"),
        "transactions": _tr("Transactions"),
        "notes": _tr("Notes"),
        "projects": _tr("Projects"),
        "workflows": _tr("Workflows"),
        "voice_commands": _tr("Voice commands"),
        "agent_runs": _tr("Agent runs"),
        "integrations": _tr("Integrations"),
    }


def alert_text(alert: Alert) -> str:
    """What is wrong and what to do about it, in one or two sentences."""
    kind, subject, detail = alert.kind, alert.subject, alert.detail
    if kind == "integration_auth":
        return _tr(
            "{name} needs you to sign in again. Open Settings → Integrations and reconnect it."
        ).format(name=subject)
    if kind == "integration_error":
        return _tr(
            "{name} keeps failing: {error}. Check the account in Settings → Integrations; "
            "reconnect it if the error persists."
        ).format(name=subject, error=detail or _tr("unknown error"))
    if kind == "disk_low":
        free = size_text(int(detail)) if detail.isdigit() else detail
        return _tr(
            "Only {free} free on the disk holding {folder}. Free some space: Atrium cannot "
            "save anything once the disk is full."
        ).format(free=free, folder=subject)
    if kind == "integrity":
        return _tr(
            "The database {path} is damaged ({problems}). Quit Atrium, copy the file somewhere "
            "safe and restore a backup (`sqlite3 FILE .recover` can rescue its rows)."
        ).format(path=subject, problems=detail)
    if kind == "schema":
        return _tr(
            "The database {path} has schema {revision}, not the one this Atrium uses. "
            "Restart Atrium to upgrade it."
        ).format(path=subject, revision=detail or _tr("none"))
    if kind == "sync_failing":
        return _tr(
            "Sync with {server} has been failing for a while: {error}. Check the network and "
            "the server in Settings → Sync."
        ).format(server=subject, error=detail or _tr("unknown error"))
    return f"{kind}: {subject} {detail}".strip()
