"""Category suggestions for uncategorised transactions: the user's rules first, then a model.

Rules give their category with confidence 1.0 (source "rule"). Transactions no rule
matches go to a classifier trained on the user's own categorised history (source
"learned", with the model's confidence). The model is trained lazily on first use,
never at import, and kept in memory keyed on (number of training rows, their latest
`updated_at`): asking again without a change in the history does not retrain. The
runtime retrains in the background after finance changes (`training_data` and `learn` on
workers), so the first suggestion does not wait for training; the cache is guarded by a
lock, as several threads use it.

Rows whose category was itself only guessed by the model ("learned") are not trained
on, so a wrong guess is not reinforced; everything else with a category is (the
user's own choice, a rule's, a bank file's, or a category typed before sources
were recorded).
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.money import to_decimal
from desktop.services.base import Outcome, ServiceContext, live
from desktop.services.category_rules import CategoryRuleService, apply_rule
from desktop.services.ledger_totals import has_splits
from desktop.store.models import Transaction

if TYPE_CHECKING:
    from desktop.services.finance_learning import CategoryModel, Example

FINANCE = Changes(finance=True)
LEARNED_SOURCE = "learned"
DEFAULT_MIN_CONFIDENCE = 0.6


@dataclass(frozen=True)
class CategorySuggestion:
    """A category proposed for one uncategorised transaction."""

    transaction_id: uuid.UUID
    date: date
    payee: str
    amount: Decimal
    currency: str
    category: str
    confidence: float
    source: str


@dataclass(frozen=True)
class CategorizeResult:
    """What `apply` wrote: counts by source and what stayed uncategorised."""

    uncategorised: int
    applied: int
    by_rule: int
    by_model: int
    below_confidence: int
    min_confidence: float
    model_trained_on: int


@dataclass(frozen=True)
class TrainingData:
    """The labelled history read for training, and which model it was read against."""

    key: tuple[int, datetime | None]
    based_on: tuple[int, datetime | None] | None
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class _Candidate:
    row: Transaction
    category: str
    confidence: float
    source: str


class CategorizeService:
    """Suggests and applies categories; holds the trained model between calls."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        # The model cache is shared by the database executor (suggestions) and the I/O
        # pool (background retraining): every read and write of it holds this lock.
        self._lock = threading.Lock()
        self._model_key: tuple[int, datetime | None] | None = None
        self._model: CategoryModel | None = None
        self._trained_on = 0

    def suggestions(self, limit: int | None = None) -> list[CategorySuggestion]:
        """A category for each uncategorised transaction that can get one, newest first."""
        if limit is not None and limit < 1:
            raise UserError(f"the limit must be at least 1, not {limit}")
        with self.ctx.store.read() as session:
            candidates = self._candidates(session, limit)
            return [
                CategorySuggestion(
                    transaction_id=c.row.id,
                    date=c.row.date,
                    payee=c.row.payee,
                    amount=to_decimal(c.row.amount_minor, c.row.currency),
                    currency=c.row.currency,
                    category=c.category,
                    confidence=round(c.confidence, 3),
                    source=c.source,
                )
                for c in candidates
            ]

    def apply(self, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Outcome[CategorizeResult]:
        """Write every rule match and every learned guess of at least `min_confidence`."""
        if not 0.0 <= min_confidence <= 1.0:
            raise UserError(f"the minimum confidence is between 0 and 1, not {min_confidence}")
        with self.ctx.store.unit_of_work() as uow:
            total = self._uncategorised_count(uow.s)
            candidates = self._candidates(uow.s, None)
            by_rule = by_model = below = 0
            rules = CategoryRuleService(self.ctx).rule_set(uow.s)
            for candidate in candidates:
                row = candidate.row
                if candidate.source == "rule":
                    rule = rules.match(
                        row.payee, row.amount_minor, str(row.account_id), row.original_payee
                    )
                    if rule is not None:
                        apply_rule(row, rule)
                        by_rule += 1
                elif candidate.confidence >= min_confidence:
                    row.category = candidate.category
                    row.category_source = LEARNED_SOURCE
                    by_model += 1
                else:
                    below += 1
            uow.commit()
        result = CategorizeResult(
            uncategorised=total - by_rule - by_model,
            applied=by_rule + by_model,
            by_rule=by_rule,
            by_model=by_model,
            below_confidence=below,
            min_confidence=min_confidence,
            model_trained_on=self._trained_on,
        )
        return Outcome(result, FINANCE)

    # -- the work ----------------------------------------------------------------------

    def _candidates(self, session: Session, limit: int | None) -> list[_Candidate]:
        query = (
            select(Transaction)
            .where(
                live(Transaction),
                *_needs_category(self.ctx.store.user_id),
            )
            .order_by(Transaction.date.desc(), Transaction.id.desc())
        )
        rows = list(session.scalars(query).all())
        rules = CategoryRuleService(self.ctx).rule_set(session)
        out: list[_Candidate] = []
        unmatched: list[Transaction] = []
        for row in rows:
            rule = rules.match(row.payee, row.amount_minor, str(row.account_id), row.original_payee)
            if rule is not None:
                out.append(_Candidate(row, rule.category, 1.0, "rule"))
            else:
                unmatched.append(row)
        if unmatched:
            model = self._trained_model(session)
            if model is not None:
                guesses = model.suggest([_example(row) for row in unmatched])
                for row, guess in zip(unmatched, guesses, strict=True):
                    if guess.category:
                        out.append(_Candidate(row, guess.category, guess.confidence, "learned"))
        order = {row.id: index for index, row in enumerate(rows)}
        out.sort(key=lambda c: order[c.row.id])
        return out if limit is None else out[:limit]

    def _trained_model(self, session: Session) -> CategoryModel | None:
        """The model over the current history: from memory when the history is unchanged.

        Holds the model lock while training, so a background `learn` of the same history
        and this call never train twice: whichever comes second finds the model made.
        """
        key = self._history_key(session)
        with self._lock:
            if key != self._model_key:
                self._keep(key, self._train(self._examples(session)))
            return self._model

    # -- training in the background ----------------------------------------------------

    def training_data(self) -> TrainingData | None:
        """The labelled history to train on; None when the model in memory already has it.

        Blocking database work: run it on the database executor, and `learn` on a worker.
        """
        with self.ctx.store.read() as session:
            key = self._history_key(session)
            with self._lock:
                based_on = self._model_key
            if key == based_on:
                return None
            return TrainingData(key, based_on, tuple(self._examples(session)))

    def learn(self, data: TrainingData) -> int:
        """Train on `data` (CPU only, no database) and keep the model; its example count.

        Nothing is replaced when the model changed since `data` was read (a newer history
        was trained on meanwhile).
        """
        with self._lock:
            if self._model_key == data.based_on:
                self._keep(data.key, self._train(list(data.examples)))
            return self._trained_on

    @property
    def model_key(self) -> tuple[int, datetime | None] | None:
        """What the model in memory was trained on (rows, their latest change); None: none."""
        with self._lock:
            return self._model_key

    def _history_key(self, session: Session) -> tuple[int, datetime | None]:
        count, latest = session.execute(
            select(func.count(), func.max(Transaction.updated_at)).where(*self._training())
        ).one()
        return int(count), latest

    def _examples(self, session: Session) -> list[Example]:
        rows = session.execute(
            select(
                Transaction.payee,
                Transaction.original_payee,
                Transaction.memo,
                Transaction.amount_minor,
                Transaction.category,
            ).where(*self._training())
        ).all()
        return [
            _make_example(payee, original, memo, amount, category)
            for payee, original, memo, amount, category in rows
        ]

    def _training(self) -> tuple[ColumnElement[bool], ...]:
        return (
            live(Transaction),
            Transaction.owner_id == self.ctx.store.user_id,
            Transaction.category != "",
            Transaction.category_source != LEARNED_SOURCE,
        )

    @staticmethod
    def _train(examples: list[Example]) -> CategoryModel | None:
        from desktop.services.finance_learning import CategoryModel

        return CategoryModel.train(examples)

    def _keep(self, key: tuple[int, datetime | None], model: CategoryModel | None) -> None:
        """Called with the lock held."""
        self._model = model
        self._model_key = key
        self._trained_on = model.trained_on if model is not None else 0

    def _uncategorised_count(self, session: Session) -> int:
        return int(
            session.scalar(
                select(func.count()).where(
                    live(Transaction),
                    *_needs_category(self.ctx.store.user_id),
                )
            )
            or 0
        )


def _needs_category(owner_id: uuid.UUID) -> tuple[ColumnElement[bool], ...]:
    """Uncategorised rows that should have a category: not a transfer between own
    accounts (those are neither income nor spending) and not split (the parts have them)."""
    return (
        Transaction.owner_id == owner_id,
        Transaction.category == "",
        Transaction.transfer_peer_id.is_(None),
        ~has_splits(),
    )


def _example(row: Transaction) -> Example:
    return _make_example(row.payee, row.original_payee, row.memo, row.amount_minor, "")


def _make_example(
    payee: str, original: str, memo: str, amount_minor: int, category: str
) -> Example:
    """The model's view of a transaction: the bank's payee text (the model cleans it)."""
    from desktop.services.finance_learning import Example

    return Example(payee=original or payee, memo=memo, amount_minor=amount_minor, category=category)
