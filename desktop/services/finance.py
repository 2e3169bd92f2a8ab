"""Finance: accounts, transactions, monthly budgets and the month summary."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import parse_id
from desktop.core.money import check_currency, parse_amount, to_decimal
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.services.exchange_rates import find_rates
from desktop.services.ledger_totals import (
    ConvertedCurrency,
    MonthFlows,
    SplitView,
    convert_totals,
    month_flows,
    month_totals_query,
    split_views,
)
from desktop.store.models import (
    ACCOUNT_KINDS,
    Account,
    Budget,
    Transaction,
    User,
)

FINANCE = Changes(finance=True)
DEFAULT_CURRENCY = "USD"


@dataclass(frozen=True)
class AccountView:
    id: uuid.UUID
    name: str
    kind: str
    currency: str
    balance: Decimal
    archived: bool


@dataclass(frozen=True)
class TransactionView:
    id: uuid.UUID
    account_id: uuid.UUID
    account: str
    date: date
    amount: Decimal
    currency: str
    payee: str
    memo: str
    category: str
    # The parts of a split transaction (their categories count instead of `category`).
    splits: tuple[SplitView, ...] = ()
    # One side of a transfer between own accounts: the other side's transaction id.
    transfer_peer_id: uuid.UUID | None = None
    reconciled: bool = False


@dataclass(frozen=True)
class BudgetView:
    category: str
    month: str
    budget: Decimal
    spent: Decimal
    remaining: Decimal
    currency: str


@dataclass(frozen=True)
class MonthSummary:
    """Income, expenses and budgets of one month in one currency."""

    month: str
    currency: str
    income: Decimal
    expenses: Decimal
    net: Decimal
    by_category: dict[str, Decimal]
    budgets: tuple[BudgetView, ...]
    other_currencies: tuple[str, ...]
    # Currencies of the month without any rate into `currency`: left out of the sums.
    missing_rates: tuple[str, ...] = ()
    # What was converted into `currency`, per currency, with the rate and its month.
    converted: tuple[ConvertedCurrency, ...] = ()


@dataclass
class TransactionDraft:
    amount: str
    payee: str
    date: date | None = None
    account: str | None = None
    category: str = ""
    memo: str = ""


def month_bounds(month: date) -> tuple[date, date]:
    """First day of `month` and of the month after."""
    first = month.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following


class FinanceService:
    """Use cases on money."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- accounts ----------------------------------------------------------------------

    def add_account(
        self, name: str, *, currency: str | None = None, kind: str = "checking"
    ) -> Outcome[AccountView]:
        if kind not in ACCOUNT_KINDS:
            raise UserError(
                f"'{kind}' is not an account kind; use one of {', '.join(ACCOUNT_KINDS)}"
            )
        with self.ctx.store.unit_of_work() as uow:
            clean = clean_text(name, "account name", limit=200, required=True)
            if self._account_by_name(uow.s, clean) is not None:
                raise UserError(f"there is already an account named '{clean}'")
            row = Account(
                name=clean,
                kind=kind,
                currency=check_currency(currency or self.primary_currency(uow.s)),
            )
            uow.s.add(row)
            uow.commit()
            return Outcome(self._account_view(uow.s, row), FINANCE)

    def accounts(self) -> list[AccountView]:
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Account)
                .where(live(Account), Account.owner_id == self.ctx.store.user_id)
                .order_by(Account.name)
            )
            return [self._account_view(session, row) for row in rows]

    # -- transactions ------------------------------------------------------------------

    def add_transaction(self, draft: TransactionDraft) -> Outcome[TransactionView]:
        with self.ctx.store.unit_of_work() as uow:
            account = self._resolve_account(uow.s, draft.account)
            if account.id is None:
                uow.s.add(account)
                uow.s.flush()
            row = Transaction(
                account_id=account.id,
                date=draft.date or self.ctx.today(),
                amount_minor=parse_amount(draft.amount, account.currency),
                currency=account.currency,
                payee=clean_text(draft.payee, "payee", limit=300, required=True),
                memo=clean_text(draft.memo, "memo", limit=10_000),
                category=clean_text(draft.category, "category", limit=100),
            )
            uow.s.add(row)
            uow.commit()
            return Outcome(transaction_view(row, account.name), FINANCE)

    def transactions(
        self,
        *,
        month: date | None = None,
        category: str | None = None,
        account: str | None = None,
        limit: int | None = None,
    ) -> list[TransactionView]:
        query = transactions_with_account(self.ctx.store.user_id, month)
        if category:
            query = query.where(func.lower(Transaction.category) == category.strip().lower())
        with self.ctx.store.read() as session:
            if account:
                query = query.where(
                    Transaction.account_id == self._find_account(session, account).id
                )
            parts = split_views(session, query)
            query = query.order_by(Transaction.date.desc(), Transaction.id.desc())
            if limit is not None:
                query = query.limit(limit)
            return [
                transaction_view(tx, name, parts.get(tx.id, ()))
                for tx, name in session.execute(query)
            ]

    def delete_transaction(self, tx_id: str) -> Outcome[int]:
        """Delete a transaction (both sides of a transfer): see FinanceEdits."""
        from desktop.services.finance_edits import FinanceEdits

        return FinanceEdits(self.ctx).delete_transaction(tx_id)

    # -- budgets -----------------------------------------------------------------------

    def set_budget(
        self, category: str, amount: str, month: date, currency: str | None = None
    ) -> Outcome[BudgetView]:
        first, _ = month_bounds(month)
        name = clean_text(category, "category", limit=100, required=True)
        with self.ctx.store.unit_of_work() as uow:
            code = check_currency(currency or self.primary_currency(uow.s))
            minor = parse_amount(amount, code)
            if minor < 0:
                raise UserError("a budget is a positive amount to spend at most")
            ident = Budget.id_for(self.ctx.store.user_id, name, first)
            row = uow.s.get(Budget, ident)
            if row is None:
                row = Budget(
                    id=ident, category=name, month=first, amount_minor=minor, currency=code
                )
                uow.s.add(row)
            else:
                row.deleted_hlc = None
                row.amount_minor, row.currency, row.category = minor, code, name
            uow.commit()
        return Outcome(self._budget_views(first, code, only=name.lower())[0], FINANCE)

    def budgets(self, month: date, currency: str | None = None) -> list[BudgetView]:
        with self.ctx.store.read() as session:
            code = currency or self.primary_currency(session)
        return self._budget_views(month_bounds(month)[0], code)

    def summary(self, month: date, currency: str | None = None) -> MonthSummary:
        """Income, expenses, spending by category and budgets of a month (see ledger_totals:
        transfers left out, split parts by category, other currencies converted)."""
        first, following = month_bounds(month)
        with self.ctx.store.read() as session:
            code = check_currency(currency) if currency else self.primary_currency(session)
            flows = month_flows(session, self.ctx.store.user_id, first, following, code)
        return MonthSummary(
            month=first.strftime("%Y-%m"),
            currency=code,
            income=to_decimal(flows.income, code),
            expenses=to_decimal(flows.expenses, code),
            net=to_decimal(flows.income - flows.expenses, code),
            by_category=_category_totals(list(flows.spent.values()), code),
            budgets=tuple(self._budget_views(first, code, flows=flows)),
            other_currencies=flows.other_currencies,
            missing_rates=flows.missing_rates,
            converted=flows.converted,
        )

    def month_totals(self, first: date, last: date) -> list[MonthSummary]:
        """Income, expenses and net of each month `first`..`last` in the primary currency,
        in one index-only query (for charts: categories and budgets are left empty).

        Transfers are left out; other currencies are converted as in `summary`."""
        start, _ = month_bounds(first)
        _, end = month_bounds(last)
        with self.ctx.store.read() as session:
            code = self.primary_currency(session)
            rows = session.execute(month_totals_query(self.ctx.store.user_id, start, end)).all()
            found: dict[str, dict[str, tuple[int, int]]] = {}
            for key, cur, income, spent in rows:
                found.setdefault(key, {})[cur] = (int(income or 0), int(spent or 0))
            currencies = {cur for totals in found.values() for cur in totals}
            rates = find_rates(session, self.ctx.store.user_id, currencies, code, end)
        out = []
        current = start
        while current < end:
            key = current.strftime("%Y-%m")
            income, spent, missing = convert_totals(found.get(key, {}), code, rates, current)
            out.append(
                MonthSummary(
                    month=key,
                    currency=code,
                    income=to_decimal(income, code),
                    expenses=to_decimal(spent, code),
                    net=to_decimal(income - spent, code),
                    by_category={},
                    budgets=(),
                    other_currencies=(),
                    missing_rates=missing,
                )
            )
            current = month_bounds(current)[1]
        return out

    # -- helpers -----------------------------------------------------------------------

    def primary_currency(self, session: Session) -> str:
        """The profile's currency preference, else the first account's, else USD."""
        prefs = session.scalar(select(User.preferences).where(User.id == self.ctx.store.user_id))
        if prefs and isinstance(prefs.get("currency"), str):
            return str(prefs["currency"])
        first = session.scalar(
            select(Account.currency)
            .where(live(Account), Account.owner_id == self.ctx.store.user_id)
            .order_by(Account.created_at)
        )
        return first or DEFAULT_CURRENCY

    def _budget_views(
        self, first: date, code: str, only: str | None = None, flows: MonthFlows | None = None
    ) -> list[BudgetView]:
        _, following = month_bounds(first)
        with self.ctx.store.read() as session:
            budgets = session.scalars(
                select(Budget)
                .where(
                    live(Budget),
                    Budget.owner_id == self.ctx.store.user_id,
                    Budget.month == first,
                    Budget.currency == code,
                )
                .order_by(Budget.category)
            ).all()
            if budgets and flows is None:
                flows = month_flows(session, self.ctx.store.user_id, first, following, code)
        spent = flows.spent if flows is not None else {}
        views = []
        for budget in budgets:
            if only is not None and budget.category.lower() != only:
                continue
            used = spent.get(budget.category.lower(), ("", 0))[1]
            views.append(
                BudgetView(
                    category=budget.category,
                    month=first.strftime("%Y-%m"),
                    budget=to_decimal(budget.amount_minor, code),
                    spent=to_decimal(used, code),
                    remaining=to_decimal(budget.amount_minor - used, code),
                    currency=code,
                )
            )
        return views

    def _account_view(self, session: Session, row: Account) -> AccountView:
        total = (
            session.scalar(
                select(func.coalesce(func.sum(Transaction.amount_minor), 0)).where(
                    live(Transaction), Transaction.account_id == row.id
                )
            )
            or 0
        )
        return AccountView(
            row.id,
            row.name,
            row.kind,
            row.currency,
            to_decimal(row.opening_balance_minor + int(total), row.currency),
            row.archived,
        )

    def _account_by_name(self, session: Session, name: str) -> Account | None:
        return session.scalars(
            select(Account).where(
                live(Account),
                Account.owner_id == self.ctx.store.user_id,
                func.lower(Account.name) == name.strip().lower(),
            )
        ).first()

    def _find_account(self, session: Session, ref: str) -> Account:
        if parse_id(ref) is not None:
            return get_live(session, Account, ref, "account")
        found = self._account_by_name(session, ref)
        if found is None:
            raise NotFoundError(f"there is no account named '{ref}'; see `atrium account list`")
        return found

    def _resolve_account(self, session: Session, ref: str | None) -> Account:
        if ref:
            return self._find_account(session, ref)
        first = session.scalars(
            select(Account)
            .where(live(Account), Account.owner_id == self.ctx.store.user_id, ~Account.archived)
            .order_by(Account.created_at)
        ).first()
        if first is not None:
            return first
        return Account(name="Cash", kind="cash", currency=self.primary_currency(session))


def transactions_with_account(
    owner: uuid.UUID, month: date | None = None
) -> Select[Transaction, str]:
    """The query of `owner`'s live transactions (of `month`, else all) with their account's
    name, without order or limit."""
    query = (
        select(Transaction, Account.name)
        .join(Account, Account.id == Transaction.account_id)
        .where(live(Transaction), Transaction.owner_id == owner)
    )
    if month is not None:
        first, following = month_bounds(month)
        query = query.where(Transaction.date >= first, Transaction.date < following)
    return query


def transaction_view(
    row: Transaction, account: str, splits: tuple[SplitView, ...] = ()
) -> TransactionView:
    """A transaction row as the view the panes, CLI and agents read (with its splits, if any)."""
    return TransactionView(
        row.id,
        row.account_id,
        account,
        row.date,
        to_decimal(row.amount_minor, row.currency),
        row.currency,
        row.payee,
        row.memo,
        row.category,
        splits,
        row.transfer_peer_id,
        row.reconciled,
    )


def _category_totals(rows: Sequence[Any], code: str) -> dict[str, Decimal]:
    """Spent per category, largest first; blank categories count as "uncategorized"."""
    totals: dict[str, int] = {}
    for category, total in rows:
        key = category or "uncategorized"
        totals[key] = totals.get(key, 0) + int(total)
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return {key: to_decimal(total, code) for key, total in ordered}
