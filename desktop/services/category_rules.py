"""User category rules: add, list, delete, reorder; apply them; learn from corrections.

Rules apply in `position` order and the first match wins (see desktop.core.category_rules).
Positions are kept dense (1, 2, 3, ...) so `move` can say "put rule X at place 2".
A user correction (`set_category`) marks the transaction's category as chosen by
the user and proposes a rule, unless an existing rule already gives that category.
"""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.category_rules import RuleSet, RuleSpec, check_rule, suggest_rule
from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.money import parse_amount, to_decimal
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.services.finance import FinanceService
from desktop.store.models import Account, CategoryRule, Transaction

FINANCE = Changes(finance=True)
RULE_SOURCE = "rule"
USER_SOURCE = "user"


@dataclass(frozen=True)
class RuleView:
    """A rule as shown to the user (amount bounds in the main currency's units)."""

    id: uuid.UUID
    position: int
    payee_op: str
    payee_pattern: str
    min_amount: Decimal | None
    max_amount: Decimal | None
    account: str | None
    category: str
    rename_to: str
    enabled: bool


@dataclass(frozen=True)
class RuleDraft:
    """What `category rule add` asks for; amounts are text such as "-50" or "12.50"."""

    category: str
    payee_op: str = ""
    payee_pattern: str = ""
    min_amount: str | None = None
    max_amount: str | None = None
    account: str | None = None
    rename_to: str = ""
    position: int | None = None


@dataclass(frozen=True)
class RuleProposal:
    """A rule the user may add (see `suggested_command`); position 0 means last."""

    payee_op: str
    payee_pattern: str
    category: str
    position: int


@dataclass(frozen=True)
class CorrectionView:
    """A category the user set on a transaction, and the rule it suggests (if any)."""

    transaction_id: uuid.UUID
    payee: str
    category: str
    previous_category: str
    suggested_rule: RuleProposal | None
    suggested_command: str
    covered_by_rule: uuid.UUID | None


@dataclass(frozen=True)
class RuleApplication:
    """What applying the rules to uncategorised transactions did (or would do)."""

    matched: int
    applied: int
    unmatched: int
    by_category: dict[str, int]


class CategoryRuleService:
    """Use cases on category rules."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- the rule set (used by imports too) --------------------------------------------

    def rule_set(self, session: Session) -> RuleSet:
        """The enabled rules of the user, in order, ready to match transactions."""
        rows = session.scalars(
            select(CategoryRule)
            .where(
                live(CategoryRule),
                CategoryRule.owner_id == self.ctx.store.user_id,
                CategoryRule.enabled,
            )
            .order_by(CategoryRule.position, CategoryRule.created_at)
        ).all()
        return RuleSet([_spec(row) for row in rows])

    # -- managing rules ----------------------------------------------------------------

    def add(self, draft: RuleDraft) -> Outcome[RuleView]:
        with self.ctx.store.unit_of_work() as uow:
            code = self._currency(uow.s)
            account = self._account(uow.s, draft.account) if draft.account else None
            spec = check_rule(
                RuleSpec(
                    category=clean_text(draft.category, "category", limit=100, required=True),
                    payee_op=draft.payee_op,
                    payee_pattern=clean_text(draft.payee_pattern, "payee pattern", limit=300),
                    min_minor=_minor(draft.min_amount, code, "--min"),
                    max_minor=_minor(draft.max_amount, code, "--max"),
                    account_id=str(account.id) if account is not None else None,
                    rename_to=clean_text(draft.rename_to, "new payee name", limit=300),
                )
            )
            if draft.position is not None and draft.position < 1:
                raise UserError(f"a rule position starts at 1, not {draft.position}")
            rows = self._ordered(uow.s)
            at = _clamp(draft.position, len(rows) + 1)
            row = CategoryRule(
                position=at,
                payee_op=spec.payee_op,
                payee_pattern=spec.payee_pattern,
                min_minor=spec.min_minor,
                max_minor=spec.max_minor,
                account_id=account.id if account is not None else None,
                category=spec.category,
                rename_to=spec.rename_to,
                enabled=True,
            )
            rows.insert(at - 1, row)
            uow.s.add(row)
            _renumber(rows)
            uow.commit()
            return Outcome(self._view(uow.s, row, code), FINANCE)

    def list(self) -> builtins.list[RuleView]:
        with self.ctx.store.read() as session:
            code = self._currency(session)
            return [self._view(session, row, code) for row in self._ordered(session)]

    def delete(self, rule_id: str) -> Outcome[int]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, CategoryRule, rule_id, "category rule")
            uow.tombstone(row)
            _renumber([r for r in self._ordered(uow.s) if r.id != row.id])
            uow.commit()
            return Outcome(1, FINANCE)

    def move(self, rule_id: str, position: int | None) -> Outcome[RuleView]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, CategoryRule, rule_id, "category rule")
            if position is None:
                raise UserError("give the rule's new position, 1 = first")
            rows = [r for r in self._ordered(uow.s) if r.id != row.id]
            if position < 1:
                raise UserError(f"a rule position starts at 1, not {position}")
            rows.insert(_clamp(position, len(rows) + 1) - 1, row)
            _renumber(rows)
            uow.commit()
            return Outcome(self._view(uow.s, row, self._currency(uow.s)), FINANCE)

    # -- applying rules ----------------------------------------------------------------

    def apply_to_uncategorised(self, apply: bool) -> Outcome[RuleApplication]:
        """Run the rules over live transactions without a category; write only when `apply`."""
        with self.ctx.store.unit_of_work() as uow:
            rules = self.rule_set(uow.s)
            rows = uow.s.scalars(
                select(Transaction).where(
                    live(Transaction),
                    Transaction.owner_id == self.ctx.store.user_id,
                    Transaction.category == "",
                )
            ).all()
            counts: dict[str, int] = {}
            matched = 0
            for row in rows:
                rule = rules.match(
                    row.payee, row.amount_minor, str(row.account_id), row.original_payee
                )
                if rule is None:
                    continue
                matched += 1
                counts[rule.category] = counts.get(rule.category, 0) + 1
                if apply:
                    apply_rule(row, rule)
            if apply:
                uow.commit()
            result = RuleApplication(
                matched=matched,
                applied=matched if apply else 0,
                unmatched=len(rows) - matched,
                by_category=dict(sorted(counts.items(), key=lambda item: -item[1])),
            )
            return Outcome(result, FINANCE if apply and matched else Changes())

    def set_category(self, tx_id: str, category: str | None) -> Outcome[CorrectionView]:
        """The user's choice of category for one transaction, plus a rule suggestion.

        An empty category clears it; None (not given at all) is refused.
        """
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Transaction, tx_id, "transaction")
            if category is None:
                raise UserError("give the category to set, or an empty one to clear it")
            name = clean_text(category, "category", limit=100)
            previous = row.category
            row.category = name
            row.category_source = USER_SOURCE if name else ""
            covering = self.rule_set(uow.s).match(
                row.payee, row.amount_minor, str(row.account_id), row.original_payee
            )
            suggestion: RuleProposal | None = None
            command = ""
            covered: uuid.UUID | None = None
            if covering is not None and covering.category.lower() == name.lower():
                covered = uuid.UUID(str(covering.id)) if covering.id else None
            elif name:
                spec = suggest_rule(row.payee, name)
                # In front of a rule that gives this payee another category, or it never wins.
                at = covering.position if covering is not None else 0
                suggestion = RuleProposal(spec.payee_op, spec.payee_pattern, spec.category, at)
                command = rule_command(replace(spec, position=at))
            view = CorrectionView(
                transaction_id=row.id,
                payee=row.payee,
                category=name,
                previous_category=previous,
                suggested_rule=suggestion,
                suggested_command=command,
                covered_by_rule=covered,
            )
            uow.commit()
            return Outcome(view, FINANCE)

    # -- helpers -----------------------------------------------------------------------

    def _ordered(self, session: Session) -> builtins.list[CategoryRule]:
        return list(
            session.scalars(
                select(CategoryRule)
                .where(live(CategoryRule), CategoryRule.owner_id == self.ctx.store.user_id)
                .order_by(CategoryRule.position, CategoryRule.created_at)
            ).all()
        )

    def _currency(self, session: Session) -> str:
        """The currency amount bounds are typed and shown in: the profile's main one."""
        return FinanceService(self.ctx).primary_currency(session)

    def _account(self, session: Session, ref: str) -> Account:
        try:
            ident = uuid.UUID(ref)
        except ValueError:
            found = session.scalars(
                select(Account).where(
                    live(Account),
                    Account.owner_id == self.ctx.store.user_id,
                    func.lower(Account.name) == ref.strip().lower(),
                )
            ).first()
            if found is None:
                raise UserError(
                    f"there is no account named '{ref}'; see `atrium account list`"
                ) from None
            return found
        return get_live(session, Account, ident, "account")

    def _view(self, session: Session, row: CategoryRule, code: str) -> RuleView:
        account = session.get(Account, row.account_id) if row.account_id else None
        return RuleView(
            id=row.id,
            position=row.position,
            payee_op=row.payee_op,
            payee_pattern=row.payee_pattern,
            min_amount=None if row.min_minor is None else to_decimal(row.min_minor, code),
            max_amount=None if row.max_minor is None else to_decimal(row.max_minor, code),
            account=account.name if account is not None else None,
            category=row.category,
            rename_to=row.rename_to,
            enabled=row.enabled,
        )


def apply_rule(row: Transaction, rule: RuleSpec) -> None:
    """Give `row` the rule's category (and new payee name, keeping the bank's original)."""
    row.category = rule.category
    row.category_source = RULE_SOURCE
    if rule.rename_to and rule.rename_to != row.payee:
        if not row.original_payee:
            row.original_payee = row.payee
        row.payee = rule.rename_to


def rule_command(spec: RuleSpec) -> str:
    """The `atrium category rule add ...` line that creates `spec`."""
    flag = {"contains": "--payee-contains", "equals": "--payee-equals", "regex": "--payee-regex"}
    parts = ["atrium category rule add"]
    if spec.payee_op in flag:
        parts.append(f"{flag[spec.payee_op]} {_quote(spec.payee_pattern)}")
    parts.append(f"--category {_quote(spec.category)}")
    if spec.position > 0:
        parts.append(f"--position {spec.position}")
    return " ".join(parts)


def _quote(text: str) -> str:
    return text if text and all(ch.isalnum() or ch in "-_." for ch in text) else f'"{text}"'


def _spec(row: CategoryRule) -> RuleSpec:
    return RuleSpec(
        category=row.category,
        payee_op=row.payee_op,
        payee_pattern=row.payee_pattern,
        min_minor=row.min_minor,
        max_minor=row.max_minor,
        account_id=str(row.account_id) if row.account_id else None,
        rename_to=row.rename_to,
        position=row.position,
        id=str(row.id),
        enabled=row.enabled,
    )


def _minor(text: str | None, code: str, flag: str) -> int | None:
    if text is None or not str(text).strip():
        return None
    try:
        return parse_amount(str(text), code)
    except UserError as exc:
        raise UserError(f"{flag}: {exc}") from None


def _clamp(position: int | None, last: int) -> int:
    if position is None:
        return last
    return max(1, min(position, last))


def _renumber(rows: list[CategoryRule]) -> None:
    for index, row in enumerate(rows, start=1):
        if row.position != index:
            row.position = index
