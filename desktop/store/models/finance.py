"""Accounts, transactions (integer minor units) and monthly budgets."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.ids import natural_id
from desktop.store.models.base import Base, Synced

ACCOUNT_KINDS = ("checking", "savings", "credit", "cash", "investment")


class Account(Synced, Base):
    """A bank account, card, wallet or cash box."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('checking', 'savings', 'credit', 'cash', 'investment')", name="kind"
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="checking")
    currency: Mapped[str] = mapped_column(String(3))
    institution: Mapped[str] = mapped_column(String(200), default="")
    opening_balance_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    archived: Mapped[bool] = mapped_column(default=False)


class Transaction(Synced, Base):
    """A posted amount: negative is money out, positive money in."""

    __tablename__ = "transactions"
    __table_args__ = (
        Index(None, "owner_id", "date"),
        Index(None, "owner_id", "category", "date"),
        Index(None, "owner_id", "account_id", "date"),
        Index(None, "owner_id", "bank_transaction_id"),
        Index(None, "account_id", "deleted_hlc", "amount_minor"),  # balances, index-only
    )

    account_id: Mapped[uuid.UUID]
    date: Mapped[date]
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    payee: Mapped[str] = mapped_column(String(300))
    memo: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    bank_transaction_id: Mapped[str | None] = mapped_column(String(255))
    import_batch: Mapped[str | None] = mapped_column(String(64))
    cleared: Mapped[bool] = mapped_column(default=True)


class Budget(Synced, Base):
    """A spending limit for one category in one month (id from its natural key)."""

    __tablename__ = "budgets"
    __table_args__ = (Index(None, "owner_id", "month"),)

    @staticmethod
    def id_for(owner_id: uuid.UUID, category: str, month: date) -> uuid.UUID:
        """The id of the budget of `category` in `month` (first day): the same on every device."""
        return natural_id(owner_id, "budget", category.strip().lower(), month.isoformat())

    category: Mapped[str] = mapped_column(String(100))
    month: Mapped[date]
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
