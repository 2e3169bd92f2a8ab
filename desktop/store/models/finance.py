"""Accounts, transactions (integer minor units) and monthly budgets."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Index, Integer, String, Text, false
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
    # The CSV column mapping last used to import into this account (see `tx import --map`).
    import_mapping: Mapped[dict[str, Any] | None]
    # The last reconciliation: the statement balance agreed with, and its day.
    reconciled_balance_minor: Mapped[int | None] = mapped_column(BigInteger)
    reconciled_on: Mapped[date | None]


class Transaction(Synced, Base):
    """A posted amount: negative is money out, positive money in."""

    __tablename__ = "transactions"
    __table_args__ = (
        # Month totals, category sums and charts read everything from the index alone
        # (transfers between own accounts are neither income nor spending; the id joins
        # split parts).
        Index(
            "ix_transactions_month_totals",
            "owner_id",
            "date",
            "currency",
            "deleted_hlc",
            "transfer_peer_id",
            "amount_minor",
            "category",
            "id",
        ),
        Index(None, "owner_id", "category", "date"),
        Index(None, "owner_id", "account_id", "date"),
        Index(None, "owner_id", "bank_transaction_id"),
        Index(None, "account_id", "deleted_hlc", "amount_minor"),  # balances, index-only
        Index(None, "import_batch"),
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
    # The payee as the bank wrote it ("AMZN Mktp DE*2K3L"); `payee` holds the cleaned name.
    original_payee: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # Who chose the category: "" (nobody), "user", "rule", "learned" or "import" (the file said).
    category_source: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # A transfer between the user's own accounts: the id of the other side's transaction.
    transfer_peer_id: Mapped[uuid.UUID | None]
    # Agreed with a bank statement (see `account reconcile`).
    reconciled: Mapped[bool] = mapped_column(default=False, server_default=false())


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


RULE_PAYEE_OPS = ("", "contains", "equals", "regex")


class CategoryRule(Synced, Base):
    """A user rule: transactions whose payee / amount / account match get a category.

    Rules apply in `position` order; the first match wins. Every condition that is
    set must hold (an empty payee op, a null bound or a null account matches all).
    """

    __tablename__ = "category_rules"
    __table_args__ = (
        CheckConstraint("payee_op IN ('', 'contains', 'equals', 'regex')", name="payee_op"),
        Index(None, "owner_id", "position"),
    )

    position: Mapped[int] = mapped_column(Integer, default=0)
    payee_op: Mapped[str] = mapped_column(String(8), default="")
    payee_pattern: Mapped[str] = mapped_column(String(300), default="")
    min_minor: Mapped[int | None] = mapped_column(BigInteger)
    max_minor: Mapped[int | None] = mapped_column(BigInteger)
    account_id: Mapped[uuid.UUID | None]
    category: Mapped[str] = mapped_column(String(100))
    rename_to: Mapped[str] = mapped_column(String(300), default="")
    enabled: Mapped[bool] = mapped_column(default=True)


class ImportBatch(Synced, Base):
    """One statement import: what came from which file, so it can be listed and undone."""

    __tablename__ = "import_batches"
    __table_args__ = (Index(None, "owner_id", "created_at"),)

    account_id: Mapped[uuid.UUID]
    source_name: Mapped[str] = mapped_column(String(300))
    format: Mapped[str] = mapped_column(String(8))
    imported: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    undone: Mapped[bool] = mapped_column(default=False)


class TransactionSplit(Synced, Base):
    """One part of a split transaction: its category and amount (the parts sum to the whole)."""

    __tablename__ = "transaction_splits"
    __table_args__ = (Index(None, "owner_id", "transaction_id"),)

    transaction_id: Mapped[uuid.UUID]
    position: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(100), default="")
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    memo: Mapped[str] = mapped_column(Text, default="")


class ExchangeRate(Synced, Base):
    """What one unit of `currency` was worth in `to_currency` in a month, as the user entered it.

    The rate is decimal text ("1.0834"), exact; the id comes from the natural key.
    """

    __tablename__ = "exchange_rates"
    __table_args__ = (Index(None, "owner_id", "month"),)

    @staticmethod
    def id_for(owner_id: uuid.UUID, currency: str, to_currency: str, month: date) -> uuid.UUID:
        """The id of the rate `currency` -> `to_currency` in `month` (first day)."""
        return natural_id(owner_id, "rate", currency, to_currency, month.isoformat())

    month: Mapped[date]
    currency: Mapped[str] = mapped_column(String(3))
    to_currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[str] = mapped_column(String(32))
