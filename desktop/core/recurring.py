"""Find subscriptions and other recurring payments in a payment history.

Payments are grouped by payee, currency and direction (money out or in). Inside a group, payments
of about the same size (equal, or within 10 % of the previous one, so a price rise keeps the
series) form a candidate series. A series is recurring when its gaps fit one interval (weekly,
biweekly, monthly, quarterly or yearly), allowing one missed and one extra payment. Shopping on
irregular days, whatever the amounts, never fits and is not reported.

Monthly, quarterly and yearly series move by calendar months: a payment on the 31st is expected
on the 30th in April and on the 28th or 29th in February, and on the 31st again in May.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise


@dataclass(frozen=True)
class Payment:
    """One booked payment; the payee is already cleaned."""

    date: date
    amount_minor: int
    currency: str
    payee: str


@dataclass(frozen=True)
class Recurring:
    """A detected recurring payment and when the next one is due."""

    payee: str
    amount_minor: int  # the latest amount, signed like the payments
    currency: str
    interval: str  # "weekly", "biweekly", "monthly", "quarterly", "yearly"
    interval_days: int  # nominal: 7, 14, 30, 91, 365
    occurrences: int
    first_date: date
    last_date: date
    next_date: date
    confidence: float  # 0..1
    active: bool  # False when the next expected date is long past (cancelled)


@dataclass(frozen=True)
class _Interval:
    name: str
    nominal_days: int
    low: int  # shortest gap that fits, in days
    high: int  # longest gap that fits
    months: int  # 0 = step in days, else step in calendar months


INTERVALS = (
    _Interval("weekly", 7, 6, 8, 0),
    _Interval("biweekly", 14, 13, 15, 0),
    _Interval("monthly", 30, 27, 33, 1),
    _Interval("quarterly", 91, 85, 97, 3),
    _Interval("yearly", 365, 355, 375, 12),
)
AMOUNT_TOLERANCE = 0.10  # a payment within 10 % of the series' latest amount belongs to it


@dataclass
class _Fit:
    """How well a series of dates fits an interval."""

    kept: list[int]  # indices of payments that belong to the rhythm
    regular: int  # gaps that fit the interval
    missed: int  # gaps of two intervals (one payment missing)
    extra: int  # payments between two regular ones
    off: int  # gaps that fit nothing


def detect_recurring(
    payments: Iterable[Payment], today: date, *, min_occurrences: int = 3
) -> list[Recurring]:
    """Recurring payments found in `payments`, sorted by next expected date."""
    groups: dict[tuple[str, str, int], list[Payment]] = {}
    for payment in payments:
        if payment.amount_minor == 0 or not payment.payee.strip():
            continue
        sign = 1 if payment.amount_minor > 0 else -1
        key = (payment.payee.strip().casefold(), payment.currency.upper(), sign)
        groups.setdefault(key, []).append(payment)
    found: list[Recurring] = []
    for group in groups.values():
        if len(group) < min_occurrences:
            continue
        group.sort(key=lambda payment: payment.date)
        found.extend(_group_series(group, today, min_occurrences))
    found.sort(key=lambda item: (item.next_date, item.payee.casefold(), item.amount_minor))
    return found


def _group_series(group: list[Payment], today: date, min_occurrences: int) -> list[Recurring]:
    """The recurring series of one payee's date-ordered payments.

    First by runs of about the same amount; then, so that one-off purchases of a similar size
    cannot hide a subscription (app purchases next to a cloud plan), by exactly equal amounts
    that no accepted series holds yet.
    """
    found: list[Recurring] = []
    covered: set[int] = set()
    for series in _amount_series(group):
        if len(series) >= min_occurrences:
            recurring = _recurring(series, today, min_occurrences)
            if recurring is not None:
                found.append(recurring)
                covered.update(id(payment) for payment in series)
    exact: dict[int, list[Payment]] = {}
    for payment in group:
        exact.setdefault(payment.amount_minor, []).append(payment)
    for same in exact.values():
        if len(same) < min_occurrences or any(id(payment) in covered for payment in same):
            continue
        recurring = _recurring(same, today, min_occurrences, strict=True)
        if recurring is not None:
            found.append(recurring)
    return found


def _amount_series(group: Sequence[Payment]) -> list[list[Payment]]:
    """Date-ordered payments split into runs of about the same size (the latest amount leads)."""
    series: list[list[Payment]] = []
    latest: list[int] = []  # abs amount of each series' latest payment
    for payment in group:
        size = abs(payment.amount_minor)
        best = -1
        best_distance = 0.0
        for index, reference in enumerate(latest):
            distance = abs(size - reference) / max(size, reference)
            if distance <= AMOUNT_TOLERANCE and (best < 0 or distance < best_distance):
                best, best_distance = index, distance
                if distance == 0:
                    break
        if best < 0:
            series.append([payment])
            latest.append(size)
        else:
            series[best].append(payment)
            latest[best] = size
    return series


def _recurring(
    series: list[Payment], today: date, min_occurrences: int, *, strict: bool = False
) -> Recurring | None:
    """The series as a Recurring when its rhythm fits an interval, else None.

    `strict` is for payments picked out of a busy payee by their exact amount: coincidences
    are likelier there, so at least four payments and at most one irregular gap are needed.
    """
    gaps = [(later.date - earlier.date).days for earlier, later in pairwise(series)]
    interval = _interval_of(_median(gaps))
    if interval is None:
        return None
    fit = _fit([payment.date for payment in series], interval)
    kept = [series[index] for index in fit.kept]
    irregular = fit.missed + fit.extra + fit.off
    needed = max(min_occurrences, 4) if strict else min_occurrences
    if len(kept) < needed or not _acceptable(fit) or (strict and irregular > 1):
        return None
    amounts = [abs(payment.amount_minor) for payment in kept]
    equal_pairs = sum(1 for a, b in pairwise(amounts) if a == b)
    equal_share = equal_pairs / (len(amounts) - 1)
    if equal_share < 0.5 and (len(kept) < 5 or irregular):
        return None  # varying amounts need a longer, clean rhythm to be believed
    last = kept[-1]
    next_date = _next_date([payment.date for payment in kept], interval)
    grace = timedelta(days=max(7, interval.nominal_days // 2))
    gaps_total = max(1, len(kept) - 1 + fit.extra)
    regularity = fit.regular / gaps_total
    length = min(1.0, len(kept) / 6)
    steadiness = 0.85 + 0.15 * equal_share
    confidence = max(0.0, min(1.0, regularity * (0.5 + 0.5 * length) * steadiness))
    return Recurring(
        payee=last.payee.strip(),
        amount_minor=last.amount_minor,
        currency=last.currency.upper(),
        interval=interval.name,
        interval_days=interval.nominal_days,
        occurrences=len(kept),
        first_date=kept[0].date,
        last_date=last.date,
        next_date=next_date,
        confidence=round(confidence, 3),
        active=today <= next_date + grace,
    )


def _median(values: list[int]) -> float:
    """The middle value (statistics.median, without importing statistics at start-up)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def _interval_of(gap: float) -> _Interval | None:
    for interval in INTERVALS:
        if interval.low <= gap <= interval.high:
            return interval
    return None


def _fit(dates: Sequence[date], interval: _Interval) -> _Fit:
    """Walk the dates: keep those on the rhythm, count missed, extra and stray gaps."""
    fit = _Fit(kept=[0], regular=0, missed=0, extra=0, off=0)
    for index in range(1, len(dates)):
        gap = (dates[index] - dates[fit.kept[-1]]).days
        if gap < interval.low:
            fit.extra += 1  # too soon after the last kept one: an extra payment
            continue
        if gap <= interval.high:
            fit.regular += 1
        elif 2 * interval.low <= gap <= 2 * interval.high:
            fit.missed += 1
        else:
            fit.off += 1
        fit.kept.append(index)
    return fit


def _acceptable(fit: _Fit) -> bool:
    """One missed and one extra payment are fine; a long series may have a few more."""
    gaps = len(fit.kept) - 1
    slack = gaps // 10
    if fit.regular < 2 * (fit.missed + fit.extra + fit.off) or fit.regular == 0:
        return False  # the rhythm must be the rule, not the exception
    return fit.missed <= 1 + slack and fit.extra <= 1 + slack and fit.off <= slack


def _next_date(dates: Sequence[date], interval: _Interval) -> date:
    """The next expected date: days for weekly rhythms, calendar months otherwise."""
    last = dates[-1]
    if not interval.months:
        return last + timedelta(days=interval.nominal_days)
    anchor = _anchor_day(dates[-6:])
    intended = _intended_date(last, anchor)
    return _add_months(intended, interval.months, anchor)


def _anchor_day(dates: Sequence[date]) -> int:
    """The day of the month the series aims at (a month-end payment may be a clamped later day)."""
    top = max(day.day for day in dates)
    days = [
        top if day.day < top and day.day == _month_length(day.year, day.month) else day.day
        for day in dates
    ]
    counts = Counter(days)
    best = max(counts.values())
    return next(day for day in reversed(days) if counts[day] == best)


def _intended_date(actual: date, anchor: int) -> date:
    """The anchor-day date nearest to an actual payment (a weekend may have moved it)."""
    candidates = [_add_months(actual.replace(day=1), step, anchor) for step in (-1, 0, 1)]
    return min(candidates, key=lambda candidate: abs((candidate - actual).days))


def _add_months(start: date, months: int, day: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day, _month_length(year, month + 1)))


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
