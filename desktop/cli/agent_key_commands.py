"""`atrium agent key openai|anthropic [--allow-insecure]`: keep a model API key in the keyring.

The key is read from standard input (hidden when it is a terminal), never from the
command line, where it would land in the shell's history and the process list. An
insecure keyring (one that writes a plain file) is refused unless --allow-insecure.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desktop.cli.output import say
from desktop.core.errors import UserError

LABELS = {"openai": "OpenAI", "anthropic": "Anthropic"}


def read_key(label: str) -> str:
    """The key typed (hidden) at a terminal, or the first line piped in."""
    if sys.stdin.isatty():
        return getpass.getpass(f"{label} API key: ")
    return sys.stdin.readline()


def agent_key(args: argparse.Namespace, _services: Any) -> int:
    from desktop.agents.providers.keys import store_api_key
    from desktop.services.secrets import keyring_status

    label = LABELS[args.provider]
    key = read_key(label).strip()
    if not key:
        raise UserError(
            f"no {label} API key was given; pipe it in, e.g. "
            f"`atrium agent key {args.provider} < keyfile`, or type it when asked"
        )
    status = keyring_status()
    if status.backend.startswith(("keyring.backends.fail", "keyring.backends.null")):
        raise UserError(f"{status.advice}; or set {args.provider.upper()}_API_KEY instead")
    if not status.secure and not args.allow_insecure:
        raise UserError(
            f"{status.advice}; or run again with --allow-insecure to keep the {label} key "
            f"in the plain-text keyring ({status.backend})"
        )
    store_api_key(args.provider, key, allow_insecure=args.allow_insecure)
    where = "" if status.secure else " (a plain-text keyring)"
    say(f"Stored the {label} API key in the keyring {status.backend}{where}.")
    return 0


HANDLERS = {"agent.key": agent_key}
