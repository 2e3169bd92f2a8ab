"""Editing and deleting recorded money: a transaction's fields, a transaction, a month's budget.

Kept apart from `finance.py` (which records and reads) so each stays small. Every
edit is one unit of work, so the action catalog can undo it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import parse_id
from desktop.core.money import parse_amount
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.services.finance import FINANCE, TransactionView, month_bounds
from desktop.services.reconcile import reconciled_message
from desktop.services.splits import live_parts, transaction_view
from desktop.store.models import Account, Budget, Transaction


@dataclass(frozen=True)
class TransactionEdit:
    """New values for a transaction; None leaves a field as it is."""

    date: date | None = None
    amount: str | None = None
    payee: str | None = None
    category: str | None = None
    memo: str | None = None
    account: str | None = None  # an account id or name


class FinanceEdits:
    """Changes to transactions and budgets that already exist."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def update_transaction(self, tx_id: str, edit: TransactionEdit) -> Outcome[TransactionView]:
        """Change the given fields. Moving to another account keeps the currency, so the
        account must hold the same one.

        A reconciled transaction keeps its amount and date (un-reconcile it first); a split
        one keeps its amount (change the parts first); a new amount on one side of a
        transfer in one currency moves the other side too."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Transaction, tx_id, "transaction")
            new_amount = None if edit.amount is None else parse_amount(edit.amount, row.currency)
            _check_protected(uow.s, row, edit, new_amount)
            if edit.account is not None:
                account = self._account(uow.s, edit.account)
                if account.currency != row.currency:
                    raise UserError(
                        f"the account '{account.name}' keeps {account.currency} but this "
                        f"transaction is in {row.currency}; record it there as a new transaction"
                    )
                if row.transfer_peer_id is not None:
                    _check_not_peer_account(uow.s, row, account)
                row.account_id = account.id
            if new_amount is not None and new_amount != row.amount_minor:
                _move_peer(uow.s, row, new_amount)
                row.amount_minor = new_amount
            if edit.date is not None:
                row.date = edit.date
            if edit.payee is not None:
                row.payee = clean_text(edit.payee, "payee", limit=300, required=True)
            if edit.memo is not None:
                row.memo = clean_text(edit.memo, "memo", limit=10_000)
            if edit.category is not None:
                category = clean_text(edit.category, "category", limit=100)
                if category != row.category:
                    row.category = category
                    row.category_source = "user" if category else ""
            uow.commit()
            return Outcome(transaction_view(uow.s, row), FINANCE)

    def delete_transaction(self, tx_id: str) -> Outcome[int]:
        """Delete a transaction with its parts; for a transfer, both sides (undoable through
        the catalog). The value is how many transactions went."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Transaction, tx_id, "transaction")
            doomed = [row]
            if row.transfer_peer_id is not None:
                peer = uow.s.get(Transaction, row.transfer_peer_id)
                if peer is not None and peer.deleted_hlc is None:
                    doomed.append(peer)
            for tx in doomed:
                if tx.reconciled:
                    raise UserError(reconciled_message(uow.s, tx, "delete"))
            for tx in doomed:
                for part in live_parts(uow.s, tx):
                    uow.tombstone(part)
                uow.tombstone(tx)
            uow.commit()
            return Outcome(len(doomed), FINANCE)

    def delete_budget(self, category: str, month: date) -> Outcome[int]:
        """Remove the budget of `category` in `month`; the spending itself stays."""
        first, _ = month_bounds(month)
        name = clean_text(category, "category", limit=100, required=True)
        with self.ctx.store.unit_of_work() as uow:
            row = uow.s.get(Budget, Budget.id_for(self.ctx.store.user_id, name, first))
            if row is None or row.deleted_hlc is not None:
                raise NotFoundError(f"there is no budget for '{name}' in {first:%B %Y}")
            uow.tombstone(row)
            uow.commit()
            return Outcome(1, FINANCE)

    def _account(self, session: Session, ref: str) -> Account:
        ident = parse_id(ref)
        query = select(Account).where(live(Account), Account.owner_id == self.ctx.store.user_id)
        if ident is not None:
            found = session.scalar(query.where(Account.id == ident))
        else:
            found = session.scalar(query.where(func.lower(Account.name) == ref.strip().lower()))
        if found is None:
            raise NotFoundError(f"there is no account '{ref}'; `atrium account list` shows them")
        return found


def _check_protected(
    session: Session, row: Transaction, edit: TransactionEdit, new_amount: int | None
) -> None:
    """Refuse changes that would undo a reconciliation or break a split."""
    amount_changes = new_amount is not None and new_amount != row.amount_minor
    if row.reconciled:
        if amount_changes:
            raise UserError(reconciled_message(session, row, "change the amount of"))
        if edit.date is not None and edit.date != row.date:
            raise UserError(reconciled_message(session, row, "change the date of"))
    if amount_changes and live_parts(session, row):
        raise UserError(
            f"transaction {row.id} is split into parts that add up to its amount; change the "
            f"parts with `atrium tx split {row.id} --part CATEGORY=AMOUNT ...` (or remove "
            "them with --clear) first"
        )


def _move_peer(session: Session, row: Transaction, new_amount: int) -> None:
    """The other side of a transfer in the same currency follows a new amount."""
    if row.transfer_peer_id is None:
        return
    peer = session.get(Transaction, row.transfer_peer_id)
    if peer is None or peer.deleted_hlc is not None or peer.currency != row.currency:
        return
    if peer.reconciled:
        raise UserError(
            "the other side of this transfer follows its amount, and "
            + reconciled_message(session, peer, "change the amount of")
        )
    peer.amount_minor = -new_amount


def _check_not_peer_account(session: Session, row: Transaction, account: Account) -> None:
    peer = session.get(Transaction, row.transfer_peer_id)
    if peer is not None and peer.account_id == account.id:
        raise UserError(
            f"the other side of this transfer is in '{account.name}'; a transfer goes from one "
            "account to another"
        )
