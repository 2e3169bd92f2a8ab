"""Running one catalogue action for a sub-command and printing what it returns.

Flags the user left out (None, False or an empty list) are not passed, so the
action's own defaults apply; the result is printed as JSON with --json, else by
the sub-command's own `human` printer.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services


def call_action(services: Services, action: str, **args: Any) -> Any:
    """The value of `action` called with the arguments that were given."""
    present = {k: v for k, v in args.items() if v is not None and v is not False and v != []}
    return default_catalog().call(services, action, present).value


def print_result(
    args: argparse.Namespace,
    services: Services,
    value: Any,
    human: Callable[[Any, ZoneInfo], None],
) -> int:
    """Print `value` (JSON with --json, else through `human`); the exit status 0."""
    if args.json:
        emit_json(value, services.ctx.zone)
    else:
        human(value, services.ctx.zone)
    return 0
