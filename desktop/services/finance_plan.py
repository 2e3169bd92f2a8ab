"""Planning a statement import: parse, choose the account, convert, categorise, match.

`Planner.read` parses the file and chooses the account (in a read session: no
write lock is held while parsing); `Planner.plan` converts, categorises and
matches the rows inside the caller's session (a read session for a preview, the
unit of work's for a commit, so that the candidates matched are the ones the
write will see). Neither writes anything. What they decide:

- the account: `--account` (name or id); else the file's account hint (OFX ACCTID,
  QIF !Account) matched against account names and institutions; else the only
  account; else a UserError listing the accounts;
- the CSV mapping: `--map`, else the one saved on the account, else guessed from
  the header by the parser; the plan holds the mapping used, guesses filled in,
  which a commit saves on the account;
- the rows: amounts in minor units of the account's currency (a file in another
  currency is refused), payees cleaned, categories from the user's rules (else
  the file's), and the duplicate verdict of desktop.services.finance_dedup.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.money import minor_digits
from desktop.core.payees import clean_payee
from desktop.core.statements.csv_mapping import CsvMapping
from desktop.core.statements.model import ParsedStatement, RowProblem, StatementRow
from desktop.core.statements.parse import detect_format, parse_statement
from desktop.services.base import ServiceContext, get_live, live
from desktop.services.category_rules import CategoryRuleService
from desktop.services.finance import FinanceService
from desktop.services.finance_dedup import Incoming, Matcher, Verdict, load_candidates
from desktop.store.models import Account

LARGEST_MINOR = 10**15
IMPORT_SOURCE = "import"
RULE_SOURCE = "rule"


@dataclass
class PlannedRow:
    """A file row as it would be written, with the duplicate verdict."""

    incoming: Incoming
    payee: str
    memo: str
    category: str
    category_source: str
    verdict: Verdict


@dataclass(frozen=True)
class ReadStatement:
    """A parsed file and the account it goes into; nothing matched yet."""

    account_id: uuid.UUID
    parsed: ParsedStatement
    mapping: dict[str, Any] | None


@dataclass
class ImportPlan:
    """Everything an import decided; nothing written yet."""

    account: Account
    format: str
    mapping: dict[str, Any] | None
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.verdict.status == status)


class Planner:
    """Builds the `ImportPlan` of one file (see the module docstring)."""

    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def read(
        self,
        data: bytes,
        source: str,
        account_ref: str | None,
        format: str | None,
        mapping_text: str | None,
    ) -> ReadStatement:
        """Parse the file and choose the account (a read: no write lock is needed yet)."""
        kind = format or detect_format(source, data)
        mapping = CsvMapping.parse(mapping_text) if mapping_text else None
        account: Account | None = None
        if account_ref or kind == "csv":
            account = self._account(account_ref, None)
            if mapping is None and kind == "csv" and account.import_mapping:
                mapping = _saved_mapping(account)
        parsed = parse_statement(data, name=source, format=kind, mapping=mapping)
        if account is None:
            account = self._account(None, _hint(parsed))
        _check_file_currency(parsed, account)
        return ReadStatement(account.id, parsed, _mapping_used(parsed, mapping))

    def plan(self, statement: ReadStatement) -> ImportPlan:
        """Convert, categorise and match the rows read, against this session's data."""
        account = get_live(self.session, Account, statement.account_id, "account")
        parsed = statement.parsed
        plan = ImportPlan(account, parsed.format, statement.mapping)
        plan.problems.extend(parsed.problems)
        plan.notes.extend(parsed.notes)
        self._fill(plan, parsed)
        plan.problems.sort(key=lambda problem: problem.line)
        return plan

    # -- rows ----------------------------------------------------------------------------

    def _fill(self, plan: ImportPlan, parsed: ParsedStatement) -> None:
        account = plan.account
        incoming: list[tuple[Incoming, StatementRow]] = []
        for row in parsed.rows:
            converted = _incoming(row, parsed, account)
            if isinstance(converted, RowProblem):
                plan.problems.append(converted)
            else:
                incoming.append((converted, row))
        if not incoming:
            return
        first = min(item.date for item, _ in incoming)
        last = max(item.date for item, _ in incoming)
        matcher = Matcher(
            load_candidates(self.session, self.ctx.store.user_id, account.id, first, last)
        )
        rules = CategoryRuleService(self.ctx).rule_set(self.session)
        account_key = str(account.id)
        splits = 0
        for item, row in incoming:
            verdict = matcher.match(item)
            payee, category, source = item.payee, row.category.strip()[:100], ""
            if category:
                source = IMPORT_SOURCE
            if verdict.status != "duplicate":
                rule = rules.match(
                    item.payee, item.amount_minor, account_key, original_payee=item.original_payee
                )
                if rule is not None:
                    category, source = rule.category, RULE_SOURCE
                    payee = (rule.rename_to or payee)[:300]
            splits += bool(row.splits)
            plan.rows.append(PlannedRow(item, payee, row.memo[:10_000], category, source, verdict))
        if splits:
            plan.notes.append(
                f"{splits} split transaction{'s were' if splits > 1 else ' was'} imported as "
                "one transaction each"
            )

    # -- the account ---------------------------------------------------------------------

    def _account(self, ref: str | None, hint: str | None) -> Account:
        if ref:
            return FinanceService(self.ctx)._find_account(self.session, ref)
        accounts = list(
            self.session.scalars(
                select(Account)
                .where(live(Account), Account.owner_id == self.ctx.store.user_id, ~Account.archived)
                .order_by(Account.name)
            )
        )
        if not accounts:
            raise UserError(
                "there is no account to import into; add one first with "
                "`atrium account add NAME --currency CODE`"
            )
        if hint:
            found = [account for account in accounts if _hint_matches(account, hint)]
            if len(found) == 1:
                return found[0]
        if len(accounts) == 1:
            return accounts[0]
        names = ", ".join(f"'{account.name}'" for account in accounts)
        told = f"the file's account '{hint}' matches none of yours; " if hint else ""
        raise UserError(
            f"{told}say which account to import into with --account NAME; the accounts are {names}"
        )


def _hint(parsed: ParsedStatement) -> str | None:
    if parsed.account:
        return parsed.account
    return next((row.account for row in parsed.rows if row.account), None)


def _hint_matches(account: Account, hint: str) -> bool:
    """The file's account (a name or a number) names this account or its bank."""
    wanted = hint.strip().lower()
    if not wanted:
        return False
    if wanted in (account.name.strip().lower(), account.institution.strip().lower()):
        return True
    digits = re.sub(r"\D", "", wanted)
    return len(digits) >= 4 and digits[-4:] in re.sub(r"\D", "", account.name)


def _check_file_currency(parsed: ParsedStatement, account: Account) -> None:
    code = (parsed.currency or "").strip().upper()
    if code and code != account.currency:
        raise UserError(
            f"the file is in {code} but the account '{account.name}' is in {account.currency}; "
            f"import it into an account in {code} with --account NAME"
        )


def _incoming(
    row: StatementRow, parsed: ParsedStatement, account: Account
) -> Incoming | RowProblem:
    """The row ready to match and write, or the problem that keeps it out."""
    code = (row.currency or parsed.currency or account.currency).strip().upper()
    if code != account.currency:
        return RowProblem(
            row.line,
            f"the row is in {code} but the account '{account.name}' is in {account.currency}",
        )
    scaled = row.amount.scaleb(minor_digits(code))
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        return RowProblem(row.line, f"the amount {row.amount} has more decimals than {code} has")
    minor = int(scaled)
    if abs(minor) >= LARGEST_MINOR:
        return RowProblem(row.line, f"the amount {row.amount} is too large")
    raw = " ".join(row.payee.split())
    cleaned = clean_payee(raw) if raw else ""
    bank_id = (row.bank_id or "").strip()[:255] or None
    return Incoming(row.line, row.date, minor, cleaned[:300], raw[:300], bank_id)


def _saved_mapping(account: Account) -> CsvMapping:
    try:
        return CsvMapping.from_dict(account.import_mapping or {})
    except UserError as problem:
        raise UserError(
            f"the CSV mapping saved on the account '{account.name}' cannot be used ({problem}); "
            "give the columns with --map"
        ) from None


def _mapping_used(parsed: ParsedStatement, given: CsvMapping | None) -> dict[str, Any] | None:
    """The CSV mapping used, with the parser's guesses filled in (None for other formats)."""
    if parsed.format != "csv":
        return None
    used = parsed.mapping or given
    return dict(used.to_dict()) if used is not None else None
