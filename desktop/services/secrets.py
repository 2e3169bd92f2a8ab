"""Secrets in the OS keyring, and an honest report of how safe that keyring is.

Passwords, tokens and API keys are stored only through `keyring`. When the only
backend available writes plain files (or fails), Atrium says so instead of
silently storing a secret in the clear.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import UserError

SERVICE = "Atrium"
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


@dataclass(frozen=True)
class KeyringStatus:
    """Which keyring backend is in use and whether it protects secrets."""

    backend: str
    secure: bool
    advice: str


def keyring_status() -> KeyringStatus:
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    chained = getattr(backend, "backends", None)
    members = [type(b).__module__ for b in chained] if chained else [type(backend).__module__]
    secure = any(not m.startswith(_INSECURE_MODULES) for m in members) and not name.startswith(
        _INSECURE_MODULES
    )
    advice = (
        ""
        if secure
        else (
            "no secure keyring is available; install and unlock a Secret Service keyring "
            "(GNOME Keyring or KWallet) before storing passwords"
        )
    )
    return KeyringStatus(name, secure, advice)


def store_secret(key: str, secret: str, *, allow_insecure: bool = False) -> None:
    """Save a secret in the keyring; refuse an insecure backend unless told otherwise."""
    import keyring
    from keyring.errors import KeyringError

    status = keyring_status()
    if not status.secure and not allow_insecure:
        raise UserError(status.advice)
    try:
        keyring.set_password(SERVICE, key, secret)
    except KeyringError as exc:
        raise UserError(f"the keyring refused to store the secret: {exc}") from None


def load_secret(key: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError as exc:
        raise UserError(f"the keyring could not be read: {exc}") from None
