"""The argument grammar of `atrium` (argparse only: building it imports nothing heavy)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from desktop import __version__
from desktop.cli import ledger_parser, workflow_parser


class Parser(argparse.ArgumentParser):
    """argparse with the house error format: one line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message}; see `{self.prog} --help`\n")
        raise SystemExit(2)


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="use the profile in DIR (also ATRIUM_DATA_DIR)",
    )
    return common


def _json() -> argparse.ArgumentParser:
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--json", action="store_true", help="print one JSON document")
    return out


class _Builder:
    def __init__(self, sub: Any) -> None:
        self.sub = sub
        self.parents = [_common()]

    def group(self, name: str, help_text: str) -> Any:
        parser = self.sub.add_parser(name, help=help_text, parents=self.parents)
        inner = parser.add_subparsers(
            dest=f"{name}_command", metavar="COMMAND", parser_class=Parser
        )
        inner.required = True
        return inner

    def command(
        self, sub: Any, name: str, handler: str, help_text: str, json: bool = True
    ) -> argparse.ArgumentParser:
        parents = [*self.parents, _json()] if json else self.parents
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, parents=parents)
        parser.set_defaults(handler=handler)
        return parser


def build_parser() -> Parser:
    parser = Parser(prog="atrium", description="Atrium, your personal command center.")
    parser.add_argument("--version", action="version", version=f"atrium {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="use the profile in DIR (also ATRIUM_DATA_DIR)",
    )
    parser.add_argument(
        "--quick-add",
        metavar="TEXT",
        help="open quick add with TEXT (in the running Atrium when there is one)",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="start, wait for the Today pane, print timings, exit"
    )
    parser.add_argument(
        "--all-panes", action="store_true", help="with --smoke: open every pane once"
    )
    parser.set_defaults(handler=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    build = _Builder(sub)
    _tasks(build)
    _events(build)
    _notes(build)
    _money(build)
    _misc(build)
    _reminders(build)
    _phrases(build)
    _calendar(build)
    _categories(build)
    ledger_parser.rate_commands(build)
    _agents(build)
    workflow_parser.workflow_commands(build)
    return parser


def _tasks(b: _Builder) -> None:
    g = b.group("task", "tasks")
    add = b.command(g, "add", "task.add", "add a task")
    add.add_argument("title")
    add.add_argument("--due", metavar="WHEN")
    add.add_argument("--priority", choices=("low", "medium", "high", "urgent"))
    add.add_argument("--tag", action="append", default=[], metavar="T")
    add.add_argument("--parent", metavar="ID")
    add.add_argument("--estimate", metavar="DURATION", help="e.g. 30m, 1h30m")
    add.add_argument("--notes", metavar="TEXT")
    add.add_argument("--repeat", metavar="RULE", help="an RRULE, e.g. FREQ=WEEKLY;BYDAY=MO")
    add.add_argument("--repeat-from", choices=("due", "completion"), help="default: due")
    add.add_argument("--literal", action="store_true", help="keep the title as typed (no parsing)")
    _remind_flags(add)
    lst = b.command(g, "list", "task.list", "list tasks")
    lst.add_argument("--status", choices=("open", "done", "cancelled", "all"), default="open")
    lst.add_argument("--tag", metavar="T")
    lst.add_argument("--search", metavar="Q")
    lst.add_argument("--due-before", metavar="WHEN")
    lst.add_argument("--limit", type=int, metavar="N")
    b.command(g, "show", "task.show", "show a task").add_argument("id")
    upd = b.command(g, "update", "task.update", "change a task")
    upd.add_argument("id")
    upd.add_argument("--title")
    upd.add_argument("--notes", metavar="TEXT")
    upd.add_argument("--status", choices=("todo", "in_progress", "done", "cancelled"))
    upd.add_argument("--priority", choices=("low", "medium", "high", "urgent"))
    due = upd.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="WHEN")
    due.add_argument("--no-due", action="store_true", help="remove the due date")
    upd.add_argument("--tag", action="append", metavar="T", help="replace the tags")
    upd.add_argument("--estimate", metavar="DURATION")
    _remind_flags(upd, update=True)
    repeat = upd.add_mutually_exclusive_group()
    repeat.add_argument("--repeat", metavar="RULE", help="an RRULE, e.g. FREQ=WEEKLY;BYDAY=MO")
    repeat.add_argument("--no-repeat", action="store_true", help="stop repeating")
    upd.add_argument("--repeat-from", choices=("due", "completion"))
    b.command(g, "done", "task.done", "mark a task done").add_argument("id")
    b.command(g, "delete", "task.delete", "delete a task and its subtasks").add_argument("id")
    b.command(g, "stats", "task.stats", "task counts")
    _task_schedule(b, g)
    _ical(b, g, "task", "VTODO")


def _events(b: _Builder) -> None:
    g = b.group("event", "calendar events")
    add = b.command(g, "add", "event.add", "add an event")
    add.add_argument("title")
    add.add_argument("--start", metavar="WHEN", help="needed unless the title says when")
    add.add_argument("--literal", action="store_true", help="keep the title as typed (no parsing)")
    span = add.add_mutually_exclusive_group()
    span.add_argument("--end", metavar="WHEN")
    span.add_argument("--duration", metavar="DURATION", help="e.g. 1h, 30m, 2d")
    add.add_argument("--all-day", action="store_true")
    add.add_argument("--rrule", metavar="RULE", help="e.g. FREQ=WEEKLY;BYDAY=MO,WE")
    add.add_argument("--location", metavar="L")
    add.add_argument("--description", metavar="TEXT")
    add.add_argument("--attendee", action="append", default=[], metavar="EMAIL")
    add.add_argument("--tz", metavar="ZONE", help="read the times in this zone and keep it")
    _remind_flags(add)
    lst = b.command(g, "list", "event.list", "list occurrences in a range of days")
    lst.add_argument("--from", dest="from_", metavar="DATE")
    lst.add_argument("--to", metavar="DATE")
    b.command(g, "show", "event.show", "show an event").add_argument("id")
    upd = b.command(g, "update", "event.update", "change an event (the whole series)")
    upd.add_argument("id")
    upd.add_argument("--title")
    upd.add_argument("--start", metavar="WHEN")
    upd.add_argument("--end", metavar="WHEN")
    upd.add_argument("--location", metavar="L")
    upd.add_argument("--description", metavar="TEXT")
    rule = upd.add_mutually_exclusive_group()
    rule.add_argument("--rrule", metavar="RULE")
    rule.add_argument("--no-rrule", action="store_true", help="stop repeating")
    upd.add_argument("--attendee", action="append", metavar="EMAIL", help="invite as well")
    _remind_flags(upd, update=True)
    _occurrence_flags(upd)
    delete = b.command(g, "delete", "event.delete", "delete an event or a whole series")
    delete.add_argument("id")
    _occurrence_flags(delete)
    _ical(b, g, "event", "VEVENT")


def _occurrence_flags(parser: argparse.ArgumentParser) -> None:
    """`--occurrence KEY_OR_DATE --scope this|following|all` for one occurrence of a series."""
    parser.add_argument(
        "--occurrence",
        metavar="KEY_OR_DATE",
        help="one occurrence: its occurrence_key from `event list --json`, or its date",
    )
    parser.add_argument(
        "--scope",
        choices=("this", "following", "all"),
        help="with --occurrence: this one (default), this and following, or all",
    )


def _notes(b: _Builder) -> None:
    g = b.group("note", "notes")
    add = b.command(g, "add", "note.add", "write a note")
    add.add_argument("title")
    body = add.add_mutually_exclusive_group()
    body.add_argument("--body", metavar="TEXT")
    body.add_argument("--body-file", metavar="F", help="read the body from a file (- for stdin)")
    add.add_argument("--tag", action="append", default=[], metavar="T")
    lst = b.command(g, "list", "note.list", "list notes")
    lst.add_argument("--tag", metavar="T")
    lst.add_argument("--limit", type=int, metavar="N")
    b.command(g, "show", "note.show", "show a note").add_argument("id")
    b.command(g, "delete", "note.delete", "delete a note").add_argument("id")


def _money(b: _Builder) -> None:
    g = b.group("account", "money accounts")
    add = b.command(g, "add", "account.add", "add an account")
    add.add_argument("name")
    add.add_argument("--currency", metavar="CODE")
    add.add_argument(
        "--kind",
        choices=("checking", "savings", "credit", "cash", "investment"),
        default="checking",
    )
    b.command(g, "list", "account.list", "list accounts with balances")
    ledger_parser.account_commands(b, g)
    g = b.group("tx", "transactions")
    add = b.command(g, "add", "tx.add", "record a transaction (negative = spent)")
    add.add_argument("amount")
    add.add_argument("--payee", required=True, metavar="P")
    add.add_argument("--date", metavar="D")
    add.add_argument("--account", metavar="A")
    add.add_argument("--category", metavar="C")
    add.add_argument("--memo", metavar="M")
    lst = b.command(g, "list", "tx.list", "list transactions")
    lst.add_argument("--month", metavar="YYYY-MM")
    lst.add_argument("--category", metavar="C")
    lst.add_argument("--account", metavar="A")
    lst.add_argument("--limit", type=int, metavar="N")
    lst.add_argument(
        "--balances", action="store_true", help="with --account: the balance after each row"
    )
    summary = b.command(g, "summary", "tx.summary", "income, spending and budgets of a month")
    summary.add_argument("--month", required=True, metavar="YYYY-MM")
    summary.add_argument("--currency", metavar="CODE")
    _tx_categories(b, g)
    _tx_import(b, g)
    ledger_parser.tx_commands(b, g)
    _tx_bills(b, g)
    g = b.group("budget", "monthly budgets")
    put = b.command(g, "set", "budget.set", "set a category's budget for a month")
    put.add_argument("category")
    put.add_argument("amount")
    put.add_argument("--month", required=True, metavar="YYYY-MM")
    b.command(g, "list", "budget.list", "budgets of a month").add_argument(
        "--month", required=True, metavar="YYYY-MM"
    )


def _tx_import(b: _Builder, g: Any) -> None:
    """`tx import FILE ...`, `tx undo-import BATCH`, `tx imports` (in finance_commands.py)."""
    imp = b.command(g, "import", "tx.import", "import a bank statement (OFX, QFX, QIF, CSV)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--account", metavar="NAME", help="default: the file's, or the only one")
    imp.add_argument("--format", choices=("ofx", "qfx", "qif", "csv"), help="default: guessed")
    imp.add_argument(
        "--map", metavar="date=COL,amount=COL,...", help="CSV columns (saved on the account)"
    )
    imp.add_argument("--dry-run", action="store_true", help="say what would happen, save nothing")
    imp.add_argument(
        "--keep-valid", action="store_true", help="import the valid rows and list the errors"
    )
    b.command(g, "undo-import", "tx.undo-import", "take back an import").add_argument("batch")
    lst = b.command(g, "imports", "tx.imports", "recent statement imports")
    lst.add_argument("--limit", type=int, default=20, metavar="N")


def _tx_bills(b: _Builder, g: Any) -> None:
    """`tx bills [--days N] [--create]` (handler in bill_commands.py)."""
    bills = b.command(g, "bills", "tx.bills", "bills due soon and their tasks")
    bills.add_argument(
        "--days", type=int, metavar="N", help="look N days ahead (default: bills.days_ahead, 7)"
    )
    bills.add_argument(
        "--create", action="store_true", help="make the missing tasks, complete the paid ones"
    )


def _tx_categories(b: _Builder, g: Any) -> None:
    """`tx categorize|set-category|recurring|export` (handlers in category_commands.py)."""
    cat = b.command(g, "categorize", "tx.categorize", "suggest categories (with --apply: set them)")
    cat.add_argument("--apply", action="store_true", help="write rule matches and sure guesses")
    cat.add_argument("--min-confidence", type=float, metavar="X", help="0 to 1 (default 0.6)")
    cat.add_argument("--limit", type=int, metavar="N")
    fix = b.command(g, "set-category", "tx.set-category", "set a transaction's category")
    fix.add_argument("id")
    fix.add_argument("category")
    rec = b.command(g, "recurring", "tx.recurring", "recurring payments and their next date")
    rec.add_argument("--all", action="store_true", help="also series that seem to have stopped")
    out = b.command(g, "export", "tx.export", "export transactions", json=False)
    out.add_argument("--format", choices=("csv",), default="csv")
    out.add_argument("--month", metavar="YYYY-MM")
    out.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")


def _categories(b: _Builder) -> None:
    """`category rule add|list|delete|move` (handlers in category_commands.py)."""
    g = b.group("category", "categories and the rules that set them")
    rules = g.add_parser("rule", help="rules that categorise transactions", parents=b.parents)
    inner = rules.add_subparsers(dest="rule_command", metavar="COMMAND", parser_class=Parser)
    inner.required = True
    add = b.command(inner, "add", "category.rule.add", "add a rule (the first match wins)")
    add.add_argument("--category", required=True, metavar="C")
    payee = add.add_mutually_exclusive_group()
    payee.add_argument("--payee-contains", metavar="TEXT")
    payee.add_argument("--payee-equals", metavar="TEXT")
    payee.add_argument("--payee-regex", metavar="RE")
    add.add_argument("--min", metavar="AMOUNT", help="size of the amount at least (sign ignored)")
    add.add_argument("--max", metavar="AMOUNT", help="size of the amount at most")
    add.add_argument("--account", metavar="A")
    add.add_argument("--rename", metavar="PAYEE", help="also rename the payee")
    add.add_argument("--position", type=int, metavar="N", help="place in the order (1 = first)")
    b.command(inner, "list", "category.rule.list", "rules in the order they apply")
    b.command(inner, "delete", "category.rule.delete", "delete a rule").add_argument("id")
    move = b.command(inner, "move", "category.rule.move", "move a rule to place N")
    move.add_argument("id")
    move.add_argument("position", type=int)


def _misc(b: _Builder) -> None:
    g = b.group("message", "the unified inbox")
    lst = b.command(g, "list", "message.list", "list messages, newest first")
    lst.add_argument("--unread", action="store_true")
    lst.add_argument("--platform", choices=("email", "slack", "teams", "sms", "other"))
    lst.add_argument("--limit", type=int, default=200, metavar="N")
    search = b.command(b.sub, "search", "search", "search everything")
    search.add_argument("query")
    search.add_argument("--kind", choices=("task", "event", "note", "message", "transaction"))
    search.add_argument("--limit", type=int, default=20, metavar="N")
    g = b.group("action", "the action catalog")
    b.command(g, "list", "action.list", "list every action")
    do = b.command(b.sub, "do", "do", "run an action of the catalog")
    do.add_argument("action")
    do.add_argument("--arg", action="append", default=[], metavar="KEY=VALUE")
    g = b.group("profile", "your profile")
    b.command(g, "show", "profile.show", "show the profile")
    put = b.command(g, "set", "profile.set", "change the profile")
    put.add_argument("--name")
    put.add_argument("--email")
    put.add_argument("--time-zone", metavar="ZONE")
    g = b.group("demo", "demo data")
    seed = b.command(g, "seed", "demo.seed", "fill the profile with realistic demo data")
    seed.add_argument("--size", choices=("small", "large"), default="small")
    g = b.group("db", "the local database")
    b.command(g, "upgrade", "db.upgrade", "upgrade the schema to this version of Atrium")
    b.command(g, "check", "db.check", "check the database's integrity and schema")
    doctor = b.command(b.sub, "doctor", "doctor", "describe this installation and find problems")
    doctor.add_argument(
        "--diagnostics",
        action="store_true",
        help="print the diagnostics to paste into a bug report (secrets scrubbed)",
    )
    g = b.group("desktop", "the Linux desktop entry, icons and metainfo")
    for verb, text in (("install", "put Atrium in"), ("uninstall", "take Atrium out of")):
        cmd = b.command(g, verb, f"desktop.{verb}", f"{text} the desktop's application menu")
        cmd.add_argument(
            "--prefix", metavar="DIR", help="the data folder to use (default: ~/.local/share)"
        )


def _phrases(b: _Builder) -> None:
    parse = b.command(b.sub, "parse", "parse", "show how a phrase is read (saves nothing)")
    parse.add_argument("text")
    parse.add_argument("--kind", choices=("task", "event"), help="default: guessed")


def _reminders(b: _Builder) -> None:
    g = b.group("reminder", "reminders of tasks and events")
    lst = b.command(g, "list", "reminder.list", "what is due next (missed ones first)")
    lst.add_argument("--days", type=int, default=7, metavar="N", help="look N days ahead")
    snooze = b.command(g, "snooze", "reminder.snooze", "show a reminder again later")
    snooze.add_argument("key")
    snooze.add_argument("--minutes", type=int, default=10, metavar="N")
    b.command(g, "dismiss", "reminder.dismiss", "never show a reminder again").add_argument("key")


def _range_flags(parser: argparse.ArgumentParser, days: int) -> None:
    parser.add_argument("--from", dest="first", metavar="DATE", help="first day (default today)")
    parser.add_argument(
        "--to", dest="last", metavar="DATE", help=f"last day (default: {days} days in all)"
    )


def _ical(b: _Builder, g: Any, kind: str, component: str) -> None:
    """`KIND import FILE.ics [--keep-valid]` and `KIND export [-o FILE]` (iCalendar)."""
    imp = b.command(g, "import", f"{kind}.import", f"import the {component}s of an .ics file")
    imp.add_argument("file", metavar="FILE.ics")
    imp.add_argument(
        "--keep-valid", action="store_true", help="import what is valid and list the errors"
    )
    exp = b.command(g, "export", f"{kind}.export", f"write {component}s as .ics", json=False)
    if kind == "event":
        exp.add_argument("--from", dest="first", metavar="DATE", help="first day of the range")
        exp.add_argument("--to", dest="last", metavar="DATE", help="last day of the range")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")


def _task_schedule(b: _Builder, g: Any) -> None:
    plan = b.command(g, "schedule", "task.schedule", "plan focus time for tasks with estimates")
    _range_flags(plan, 14)
    plan.add_argument(
        "--apply", action="store_true", help="write the plan's blocks into the calendar"
    )


def _agents(b: _Builder) -> None:
    """`agent ...`: the AI agents (other agent commands join this group)."""
    g = b.group("agent", "AI agents and their model providers")
    _agent_key(b, g)
    _agent_runs(b, g)


def _agent_key(b: _Builder, g: Any) -> None:
    """`agent key openai|anthropic [--allow-insecure]` (handler in agent_key_commands.py)."""
    key = b.command(
        g, "key", "agent.key", "store an API key in the keyring (read from stdin)", json=False
    )
    key.add_argument("provider", choices=("openai", "anthropic"))
    key.add_argument(
        "--allow-insecure",
        action="store_true",
        help="store it even when the only keyring keeps it in a plain file",
    )


def _agent_runs(b: _Builder, g: Any) -> None:
    """`agent list|run|log|approve|deny|stats` (handlers in agent_commands.py)."""
    b.command(g, "list", "agent.list", "list the agents and their tools")
    run = b.command(g, "run", "agent.run", "run an agent on a request")
    run.add_argument("name", metavar="NAME")
    run.add_argument("prompt", metavar="PROMPT")
    run.add_argument("--provider", choices=("offline", "openai", "anthropic", "local"))
    run.add_argument("--model", metavar="M", help="default: agents.model or the provider's")
    run.add_argument(
        "--yes",
        action="store_true",
        help="approve its actions up front (not sending or deleting after outside content)",
    )
    log = b.command(g, "log", "agent.log", "recent agent runs, newest first")
    log.add_argument("--limit", type=int, default=20, metavar="N")
    log.add_argument("--agent", metavar="NAME", help="only this agent's runs")
    for verb, text in (("approve", "run"), ("deny", "refuse")):
        cmd = b.command(g, verb, f"agent.{verb}", f"{text} a run's steps that wait for approval")
        cmd.add_argument("run_id", metavar="RUN_ID")
        cmd.add_argument("step", nargs="?", type=int, metavar="STEP", help="default: every one")
    b.command(g, "pending", "agent.pending", "steps of any run that wait for approval")
    b.command(g, "stats", "agent.stats", "runs, success rate, latency and cost per agent")


def _calendar(b: _Builder) -> None:
    g = b.group("calendar", "the calendar as a whole: free time")
    free = b.command(g, "free", "calendar.free", "free slots in working hours")
    _range_flags(free, 7)
    free.add_argument("--duration", default="30m", metavar="DURATION", help="shortest slot")
    free.add_argument("--hours", metavar="HH:MM-HH:MM", help="working hours for this search")


def _remind_flags(parser: argparse.ArgumentParser, update: bool = False) -> None:
    """--remind DURATION (repeatable), and --no-remind when changing."""
    group = parser.add_mutually_exclusive_group() if update else parser
    group.add_argument(
        "--remind",
        action="append",
        metavar="BEFORE",
        help="remind this long before (10m, 1h, 1d; 0 = at the time); repeatable"
        + (", replaces the reminders" if update else ""),
    )
    if update:
        group.add_argument("--no-remind", action="store_true", help="remove every reminder")
