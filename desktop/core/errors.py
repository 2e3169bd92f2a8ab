"""The error hierarchy every layer raises and every surface knows how to show.

`UserError` is bad input or a state the user can fix: surfaces show its message
as it is (the CLI prints ``error: <message>`` and exits 2). Anything else that
escapes is a bug or an environment failure: surfaces log it and point at the log.
"""

from __future__ import annotations


class AtriumError(Exception):
    """Base of every error Atrium raises on purpose."""


class UserError(AtriumError):
    """Bad input or a fixable state; the message says what is wrong and what to do."""


class NotFoundError(UserError):
    """A record the user named does not exist (or was deleted)."""


class StoreError(AtriumError):
    """The local database cannot be used (damaged, unreadable, too new)."""
