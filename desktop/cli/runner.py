"""Running one sub-command: the profile, logging, and the error contract."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from desktop.config import Paths, setup_logging
from desktop.core.errors import AtriumError, UserError

if TYPE_CHECKING:
    from desktop.services.container import Services

log = logging.getLogger("desktop.cli")

# Commands that work on the database file itself and must not open (and so migrate) it.
FILE_COMMANDS = frozenset(
    {"db.check", "db.upgrade", "doctor", "desktop.install", "desktop.uninstall", "agent.key"}
)


def run_command(args: argparse.Namespace) -> int:
    paths: Paths | None = None
    try:
        paths = Paths.resolve(args.data_dir).ensure()
        setup_logging(paths)
        from desktop.cli import commands

        handler = commands.HANDLERS[args.handler]
        if args.handler in FILE_COMMANDS:
            return handler(args, paths)
        with open_services(paths) as services:
            return handler(args, services)
    except UserError as exc:
        sys.stderr.write(f"error: {one_line(exc)}\n")
        return 2
    except AtriumError as exc:
        log.error("%s", exc)
        sys.stderr.write(f"error: {one_line(exc)}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        known = _storage_problem(exc, paths)
        if known is not None:
            log.error("%s", known)
            sys.stderr.write(f"error: {one_line(known)}\n")
            return 1
        log.exception("unexpected failure in %s", args.handler)
        where = paths.log_file if paths else "the log file"
        sys.stderr.write(
            f"error: unexpected failure ({type(exc).__name__}: {one_line(exc)}); "
            f"details are in {where}\n"
        )
        return 1


def one_line(problem: BaseException | str) -> str:
    """The message on one line: quoted input may hold newlines, stderr gets one `error:` line."""
    return " ".join(str(problem).split())


def _storage_problem(exc: Exception, paths: Paths | None) -> AtriumError | None:
    """A database failure (disk full, locked, damaged) as a clear message, else None."""
    if paths is None or "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import DBAPIError

    from desktop.store.profile import storage_error

    return storage_error(paths.database, exc) if isinstance(exc, DBAPIError) else None


class open_services:  # noqa: N801 - used like a function in a with statement
    """Open the profile's store and services for one command; close them after."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths

    def __enter__(self) -> Services:
        from desktop.services.base import env_zone
        from desktop.services.container import Services
        from desktop.store.profile import open_store

        self.store = open_store(self.paths.database)
        return Services(self.store, env_zone(), self.paths.settings)

    def __exit__(self, *exc: object) -> None:
        self.store.close()
