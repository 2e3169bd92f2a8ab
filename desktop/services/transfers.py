"""Transfers between the user's own accounts: two linked transactions, neither income nor spending.

`transfer` records money leaving one account and arriving in another: a negative
transaction in `from`, a positive one in `to`, each in its account's currency and
each holding the other's id in `transfer_peer_id`. Between currencies the amount
that arrived (`to_amount`) is required. `link_transfer` marks two transactions that
already exist (both imported from statements, say) as the two sides of a transfer.

Summaries, budgets, recurring payments and category suggestions leave transfers
out; balances count them. Deleting one side deletes both; changing the amount of
one side changes the other when both are in one currency (see finance_edits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.ids import new_id
from desktop.core.money import parse_amount, to_decimal
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live
from desktop.services.finance import FINANCE, FinanceService, TransactionView
from desktop.services.splits import live_parts, transaction_view
from desktop.store.models import Account, Transaction


@dataclass(frozen=True)
class TransferView:
    """The two sides of a transfer: money out of one account and into another."""

    outgoing: TransactionView
    incoming: TransactionView


class TransferService:
    """Recording and linking transfers."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def transfer(
        self,
        amount: str,
        from_account: str,
        to_account: str,
        day: date | None = None,
        memo: str = "",
        to_amount: str | None = None,
    ) -> Outcome[TransferView]:
        """Move `amount` (in `from`'s currency) to `to`; `to_amount` is what arrived there."""
        finance = FinanceService(self.ctx)
        with self.ctx.store.unit_of_work() as uow:
            source = finance._find_account(uow.s, from_account)
            target = finance._find_account(uow.s, to_account)
            if source.id == target.id:
                raise UserError(
                    f"a transfer goes from one account to another, not from '{source.name}' "
                    "to itself"
                )
            out_minor = _positive(amount, source.currency, "amount")
            in_minor = _arrived(out_minor, source, target, to_amount)
            note = clean_text(memo, "memo", limit=10_000)
            when = day or self.ctx.today()
            out_id, in_id = new_id(), new_id()
            outgoing = Transaction(
                id=out_id,
                account_id=source.id,
                date=when,
                amount_minor=-out_minor,
                currency=source.currency,
                payee=clean_text(f"Transfer to {target.name}", "payee", limit=300),
                memo=note,
                category="",
                transfer_peer_id=in_id,
            )
            incoming = Transaction(
                id=in_id,
                account_id=target.id,
                date=when,
                amount_minor=in_minor,
                currency=target.currency,
                payee=clean_text(f"Transfer from {source.name}", "payee", limit=300),
                memo=note,
                category="",
                transfer_peer_id=out_id,
            )
            uow.s.add_all([outgoing, incoming])
            uow.commit()
            view = TransferView(
                transaction_view(uow.s, outgoing), transaction_view(uow.s, incoming)
            )
            return Outcome(view, FINANCE)

    def link_transfer(self, first_id: str, second_id: str) -> Outcome[TransferView]:
        """Mark two existing transactions (money out of one account, into another) as
        the sides of one transfer."""
        with self.ctx.store.unit_of_work() as uow:
            first = get_live(uow.s, Transaction, first_id, "transaction")
            second = get_live(uow.s, Transaction, second_id, "transaction")
            _check_linkable(uow.s, first, second)
            first.transfer_peer_id, second.transfer_peer_id = second.id, first.id
            uow.commit()
            outgoing, incoming = (first, second) if first.amount_minor < 0 else (second, first)
            view = TransferView(
                transaction_view(uow.s, outgoing), transaction_view(uow.s, incoming)
            )
            return Outcome(view, FINANCE)


def _positive(text: str, currency: str, what: str) -> int:
    minor = parse_amount(text, currency)
    if minor <= 0:
        raise UserError(
            f"the {what} of a transfer is what moves, above 0 (not '{text}'); "
            "--from and --to give the direction"
        )
    return minor


def _arrived(out_minor: int, source: Account, target: Account, to_amount: str | None) -> int:
    if source.currency == target.currency:
        if to_amount is not None and parse_amount(to_amount, target.currency) != out_minor:
            raise UserError(
                f"'{source.name}' and '{target.name}' both keep {source.currency}, so the same "
                f"amount arrives; leave out --to-amount (or record a fee as its own transaction)"
            )
        return out_minor
    if to_amount is None:
        raise UserError(
            f"'{source.name}' keeps {source.currency} and '{target.name}' keeps "
            f"{target.currency}: give --to-amount, what arrived in {target.currency}"
        )
    return _positive(to_amount, target.currency, "amount that arrived")


def _check_linkable(session: Session, first: Transaction, second: Transaction) -> None:
    if first.id == second.id:
        raise UserError("a transfer links two different transactions; give two ids")
    for row in (first, second):
        if row.transfer_peer_id is not None:
            raise UserError(
                f"transaction {row.id} is already one side of a transfer (with "
                f"{row.transfer_peer_id})"
            )
        if live_parts(session, row):
            raise UserError(
                f"transaction {row.id} is split into categories; clear the split first with "
                f"`atrium tx split {row.id} --clear`"
            )
    if first.account_id == second.account_id:
        raise UserError(
            "both transactions are in the same account; a transfer goes from one account to another"
        )
    if (first.amount_minor < 0) == (second.amount_minor < 0):
        sign = "out of" if first.amount_minor < 0 else "into"
        raise UserError(
            f"both transactions move money {sign} their accounts; a transfer links money "
            "out of one account with money into another"
        )
    if first.currency == second.currency and first.amount_minor != -second.amount_minor:
        code = first.currency
        raise UserError(
            f"the amounts differ ({to_decimal(first.amount_minor, code)} and "
            f"{to_decimal(second.amount_minor, code)} {code}); the two sides of a transfer in "
            "one currency move the same amount"
        )
