"""Exchange rates the user enters, and converting minor units with them (Decimal, never float).

A rate says what one unit of `currency` was worth in `to_currency` during a month
("1 USD = 0.9183 EUR in 2026-03"). A month summary converts with the rate of its
own month, else with the latest earlier one, and says which month's rate it used.
Only the direction entered is used: a EUR -> USD rate does not convert USD into EUR.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.money import check_currency, minor_digits
from desktop.services.base import Outcome, ServiceContext, live
from desktop.store.models import ExchangeRate

FINANCE = Changes(finance=True)
# Rates are stored as text of at most this many characters (the column's width).
RATE_TEXT_LIMIT = 32


@dataclass(frozen=True)
class RateView:
    """One unit of `currency` is worth `rate` units of `to_currency` in `month` (YYYY-MM)."""

    currency: str
    to_currency: str
    month: str
    rate: Decimal


@dataclass(frozen=True)
class FoundRate:
    """The rate a conversion uses and the month it was entered for."""

    rate: Decimal
    month: date


def parse_rate(text: str) -> Decimal:
    """A positive, finite decimal rate ('1.0834', '0,9183'); a UserError otherwise."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise UserError(f"'{text}' is not a rate; write it like 1.0834") from None
    if not value.is_finite() or value <= 0:
        raise UserError(f"'{text}' is not a rate; a rate is a number above 0 such as 1.0834")
    if len(str(value)) > RATE_TEXT_LIMIT:
        raise UserError(f"'{text}' has too many digits; a rate has at most {RATE_TEXT_LIMIT}")
    return value


def convert_minor(minor: int, currency: str, rate: Decimal, to_currency: str) -> int:
    """`minor` units of `currency` in minor units of `to_currency`, rounded half to even."""
    value = Decimal(minor).scaleb(-minor_digits(currency)) * rate
    return int(value.scaleb(minor_digits(to_currency)).quantize(Decimal(1), ROUND_HALF_EVEN))


def find_rates(
    session: Session,
    owner_id: uuid.UUID,
    currencies: Iterable[str],
    to_currency: str,
    until: date,
) -> dict[str, list[FoundRate]]:
    """Every rate of `currencies` into `to_currency` up to the month `until`, newest first.

    One query; `rate_for` picks the one a month uses from the list.
    """
    wanted = sorted(set(currencies) - {to_currency})
    if not wanted:
        return {}
    rows = session.execute(
        select(ExchangeRate.currency, ExchangeRate.month, ExchangeRate.rate)
        .where(
            live(ExchangeRate),
            ExchangeRate.owner_id == owner_id,
            ExchangeRate.to_currency == to_currency,
            ExchangeRate.currency.in_(wanted),
            ExchangeRate.month <= until,
        )
        .order_by(ExchangeRate.currency, ExchangeRate.month.desc())
    ).all()
    found: dict[str, list[FoundRate]] = {}
    for code, month, rate in rows:
        found.setdefault(code, []).append(FoundRate(Decimal(rate), month))
    return found


def rate_for(rates: list[FoundRate] | None, month: date) -> FoundRate | None:
    """The rate of `month`, else the latest earlier one, else None (`rates` newest first)."""
    for found in rates or ():
        if found.month <= month:
            return found
    return None


class ExchangeRateService:
    """Entering and listing exchange rates."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def set_rate(
        self, currency: str, rate: str, month: date, to_currency: str | None = None
    ) -> Outcome[RateView]:
        """Enter (or replace) the rate of `currency` into `to_currency` (default: the
        primary currency) for `month`."""
        from desktop.services.finance import FinanceService

        code = check_currency(currency)
        value = parse_rate(rate)
        first = month.replace(day=1)
        with self.ctx.store.unit_of_work() as uow:
            target = check_currency(to_currency or FinanceService(self.ctx).primary_currency(uow.s))
            if target == code:
                raise UserError(
                    f"a rate converts one currency into another, not {code} into itself; "
                    "give --to another currency"
                )
            ident = ExchangeRate.id_for(self.ctx.store.user_id, code, target, first)
            row = uow.s.get(ExchangeRate, ident)
            text = str(value)
            if row is None:
                row = ExchangeRate(
                    id=ident, month=first, currency=code, to_currency=target, rate=text
                )
                uow.s.add(row)
            else:
                row.deleted_hlc = None
                row.rate = text
            uow.commit()
            return Outcome(_view(row), FINANCE)

    def rates(self) -> list[RateView]:
        """Every rate entered, newest month first."""
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(ExchangeRate)
                .where(live(ExchangeRate), ExchangeRate.owner_id == self.ctx.store.user_id)
                .order_by(
                    ExchangeRate.month.desc(), ExchangeRate.currency, ExchangeRate.to_currency
                )
            )
            return [_view(row) for row in rows]


def _view(row: ExchangeRate) -> RateView:
    return RateView(row.currency, row.to_currency, row.month.strftime("%Y-%m"), Decimal(row.rate))
