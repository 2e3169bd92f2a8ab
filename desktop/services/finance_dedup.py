"""Duplicate detection for statement imports: which file rows are already in the account.

The rules, in order (issue 9, "Import"):

1. the same bank id (FITID) as a live transaction of the account: a duplicate;
   the same bank id twice in one file: the second is a duplicate;
2. the same amount, dates at most `WINDOW_DAYS` apart and a similar payee
   (rapidfuzz `token_set_ratio` of the cleaned payees ≥ `SIMILAR`, or one payee
   empty): a duplicate. When the existing transaction has no bank id (a manual
   entry) it is given the file's, so the next import matches it exactly;
3. the same amount and near dates but a dissimilar payee: suspicious (imported,
   flagged for the user to decide).

Each existing transaction absorbs at most one file row, so two equal coffees on
one day stay two. A transaction whose bank id differs from the row's is another
transaction, however alike. Candidates are loaded once, with only the needed
columns, and matched in memory through dict indexes by bank id and by amount.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.base import live
from desktop.store.models import Transaction

WINDOW_DAYS = 3
SIMILAR = 80.0

NEW = "new"
DUPLICATE = "duplicate"
SUSPICIOUS = "suspicious"


@dataclass(frozen=True)
class Candidate:
    """An existing live transaction of the account, as far as matching needs it."""

    id: uuid.UUID
    date: date
    amount_minor: int
    payee: str
    original_payee: str
    bank_id: str | None


@dataclass(frozen=True)
class Incoming:
    """A file row ready to be matched: amount in minor units, payee cleaned."""

    line: int
    date: date
    amount_minor: int
    payee: str
    original_payee: str
    bank_id: str | None


@dataclass(frozen=True)
class Verdict:
    """What matching decided for one file row."""

    status: str  # NEW, DUPLICATE or SUSPICIOUS
    reason: str = ""
    matched_id: uuid.UUID | None = None
    # The bank id to give the matched manual entry (rule 2), when there is one.
    link_bank_id: str | None = None


def load_candidates(
    session: Session, owner_id: uuid.UUID, account_id: uuid.UUID, first: date, last: date
) -> list[Candidate]:
    """The account's live transactions dated first - WINDOW_DAYS .. last + WINDOW_DAYS."""
    window = timedelta(days=WINDOW_DAYS)
    rows = session.execute(
        select(
            Transaction.id,
            Transaction.date,
            Transaction.amount_minor,
            Transaction.payee,
            Transaction.original_payee,
            Transaction.bank_transaction_id,
        ).where(
            # The owner first: the (owner, account, date) index then reads only the window.
            Transaction.owner_id == owner_id,
            Transaction.account_id == account_id,
            live(Transaction),
            Transaction.date >= first - window,
            Transaction.date <= last + window,
        )
    )
    return [Candidate(*row) for row in rows]


class Matcher:
    """Matches file rows, in file order, against the candidates (see the module docstring)."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        from rapidfuzz import fuzz  # loaded on first import, not at start-up

        self._score = fuzz.token_set_ratio
        self._by_bank: dict[str, Candidate] = {}
        self._by_amount: dict[int, list[Candidate]] = {}
        for candidate in candidates:
            if candidate.bank_id:
                self._by_bank.setdefault(candidate.bank_id, candidate)
            self._by_amount.setdefault(candidate.amount_minor, []).append(candidate)
        self._claimed: set[uuid.UUID] = set()
        self._file_bank_ids: dict[str, int] = {}

    def match(self, row: Incoming) -> Verdict:
        if row.bank_id:
            earlier = self._file_bank_ids.get(row.bank_id)
            if earlier is not None:
                return Verdict(DUPLICATE, f"same bank id as line {earlier} of this file")
            self._file_bank_ids[row.bank_id] = row.line
            known = self._by_bank.get(row.bank_id)
            if known is not None:
                self._claimed.add(known.id)
                return Verdict(
                    DUPLICATE, f"same bank id as the transaction of {known.date}", known.id
                )
        best: tuple[int, float, Candidate] | None = None
        odd: tuple[int, float, Candidate] | None = None
        for candidate in self._by_amount.get(row.amount_minor, ()):
            apart = abs((candidate.date - row.date).days)
            if apart > WINDOW_DAYS or candidate.id in self._claimed:
                continue
            if row.bank_id and candidate.bank_id and candidate.bank_id != row.bank_id:
                continue  # the bank says these are two transactions
            score = self._similarity(row, candidate)
            key = (apart, -score, candidate)
            if score >= SIMILAR:
                if best is None or key[:2] < best[:2]:
                    best = key
            elif odd is None or key[:2] < odd[:2]:
                odd = key
        if best is not None:
            apart, score, candidate = best[0], -best[1], best[2]
            self._claimed.add(candidate.id)
            link = row.bank_id if row.bank_id and not candidate.bank_id else None
            return Verdict(DUPLICATE, _nearby(apart, score), candidate.id, link)
        if odd is not None:
            apart, score, candidate = odd[0], -odd[1], odd[2]
            reason = f"{_nearby(apart, score)}: '{candidate.payee}' of {candidate.date}"
            return Verdict(SUSPICIOUS, reason, candidate.id)
        return Verdict(NEW)

    def _similarity(self, row: Incoming, candidate: Candidate) -> float:
        """0..100: how alike the payees are; 100 when either side has none."""
        if not row.payee or not candidate.payee:
            return 100.0
        score = float(self._score(row.payee.lower(), candidate.payee.lower()))
        if score < SIMILAR and row.original_payee and candidate.original_payee:
            raw = self._score(row.original_payee.lower(), candidate.original_payee.lower())
            score = max(score, float(raw))
        return score


def _nearby(apart: int, score: float) -> str:
    when = "on the same day" if apart == 0 else f"{apart} day{'s' if apart > 1 else ''} apart"
    return f"same amount {when}, payee {round(score)}% alike"
