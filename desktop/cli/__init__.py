"""The `atrium` command: no sub-command opens the window; sub-commands call services.

Imports stay lazy so that a command never loads Qt and `atrium --version`
loads nothing at all. Bad input prints one line ``error: ...`` on stderr and
exits 2; an unexpected failure exits 1 and names the log file.
"""

from __future__ import annotations

import sys

from desktop.cli.parser import build_parser

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if getattr(args, "handler", None) is None:
        from desktop.app import run_gui

        return run_gui(
            args.data_dir,
            sys.argv[:1],
            quick_add=args.quick_add,
            smoke=args.smoke,
            all_panes=args.all_panes,
        )
    from desktop.cli.runner import run_command

    return run_command(args)
