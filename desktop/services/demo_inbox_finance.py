"""Demo rows for the inbox (email threads and chat messages) and finances (accounts,
monthly bills and salary, everyday spending, transfers, budgets).

A transfer between the demo accounts (savings, paying the card) is two rows that
hold each other's id in `transfer_peer_id`, without a category, as
`TransferService.transfer` makes them: neither income nor spending, and not a
subscription.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select

from desktop.core.ids import natural_id, new_id
from desktop.services import demo_data as words
from desktop.services.demo_seeder import CURRENCY, SeederBase
from desktop.services.demo_writer import Row
from desktop.store.models import Budget


class InboxFinanceRows(SeederBase):
    """Makes the demo accounts, messages, transactions and budgets."""

    def _accounts(self) -> Iterator[Row]:
        for name, kind, institution, opening in words.ACCOUNTS:
            ident = new_id()
            self.accounts.append(ident)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "kind": kind,
                    "currency": CURRENCY,
                    "institution": institution,
                    "opening_balance_minor": opening,
                    "archived": False,
                },
                self.now - timedelta(days=31 * self.size.finance_months + 5),
            )

    # -- inbox -----------------------------------------------------------------------------

    def _messages(self) -> Iterator[Row]:
        rng = self.rng
        threads: list[str] = []
        for _ in range(self.size.messages):
            platform = rng.choices(("email", "slack", "teams"), (60, 25, 15))[0]
            day = self.today - timedelta(days=rng.randrange(self.size.message_days))
            received = self._local(day, rng.randint(7, 21), rng.randrange(60))
            if received > self.now:
                received -= timedelta(days=1)
            values = self._email(threads) if platform == "email" else self._chat(platform)
            old = (self.now - received).days >= 3
            read = rng.random() < (0.95 if old else 0.5)
            values.update(
                {
                    "id": new_id(),
                    "platform": platform,
                    "received_at": received,
                    "read": read,
                    "starred": rng.random() < 0.07,
                    "body_html": None,
                    "archived": read and old and rng.random() < 0.4,
                    "integration_id": self.integrations.get(words.PLATFORM_KIND[platform]),
                }
            )
            yield self._stamp(values, received)

    def _email(self, threads: list[str]) -> Row:
        rng = self.rng
        sender, address = words.person(rng)
        subject = words.fill(rng.choice(words.EMAIL_SUBJECTS), rng)
        if subject.startswith("Re:") and threads:
            thread = rng.choice(threads[-30:])
        else:
            thread = f"<{new_id().hex}@mail.demo.example>"
            threads.append(thread)
        labels = rng.choice(([], ["work"], ["receipts"], ["newsletters"], ["important"]))
        return {
            "external_id": f"<{new_id().hex}@mail.demo.example>",
            "thread_id": thread,
            "sender": sender,
            "sender_address": address,
            "recipients": [self.email],
            "subject": subject,
            "body_text": words.email_body(rng, sender),
            "labels": labels,
            "channel": None,
        }

    def _chat(self, platform: str) -> Row:
        rng = self.rng
        sender, address = words.person(rng)
        channel = rng.choice(words.CHANNELS if platform == "slack" else ("General", "Engineering"))
        return {
            "external_id": new_id().hex,
            "thread_id": f"{platform}:{channel}",
            "sender": sender,
            "sender_address": address,
            "recipients": [],
            "subject": "",
            "labels": [],
            "body_text": words.fill(rng.choice(words.CHAT_LINES), rng),
            "channel": channel,
        }

    # -- finance ---------------------------------------------------------------------------

    def _months(self) -> list[date]:
        first = self.today.replace(day=1)
        months = [first]
        while len(months) < self.size.finance_months:
            months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
        return months

    def _transactions(self) -> Iterator[Row]:
        months = self._months()
        fixed = [
            row for month in months for row in self._monthly(month) if row["day"] <= self.today
        ]
        yield from (self._transaction(**row) for row in fixed)
        span = (self.today - months[0]).days
        for _ in range(max(self.size.transactions - len(fixed), 0)):
            yield self._spending(months[0] + timedelta(days=self.rng.randint(0, span)))

    def _monthly(self, month: date) -> Iterator[Row]:
        rng, label = self.rng, month.isoformat()[:7]
        checking, savings, card = self.accounts
        yield {
            "day": month.replace(day=25),
            "account": checking,
            "payee": "Globex GmbH",
            "category": "Income",
            "minor": words.SALARY_CENTS,
            "memo": f"Salary {label}",
        }
        for day, account, payee, category, cents, memo in words.MONTHLY_BILLS:
            amount = int(cents * rng.uniform(0.8, 1.25)) if payee == "Vattenfall" else cents
            yield {
                "day": month.replace(day=day),
                "account": self.accounts[account],
                "payee": payee,
                "category": category,
                "minor": amount,
                "memo": memo.format(month=label),
            }
        card_bill = rng.randint(30_000, 90_000)
        savings_cents = words.SAVINGS_TRANSFER_CENTS
        for day, source, target, payee_out, payee_in, minor in (
            (26, checking, savings, "Rainy Day Savings", "Everyday Checking", savings_cents),
            (20, checking, card, "Travel Credit Card", "Everyday Checking", card_bill),
        ):
            out_id, in_id = new_id(), new_id()
            for ident, peer, account_id, payee, signed in (
                (out_id, in_id, source, payee_out, -minor),
                (in_id, out_id, target, payee_in, minor),
            ):
                yield {
                    "day": month.replace(day=day),
                    "account": account_id,
                    "payee": payee,
                    "category": "",
                    "minor": signed,
                    "memo": "Transfer",
                    "ident": ident,
                    "peer": peer,
                }

    def _spending(self, day: date) -> Row:
        rng = self.rng
        category, payees, low, high, memos = rng.choices(words.SPENDING, words.SPENDING_WEIGHTS)[0]
        account = self.accounts[0] if rng.random() < 0.6 else self.accounts[2]
        return self._transaction(
            day, account, rng.choice(payees), category, -rng.randint(low, high), rng.choice(memos)
        )

    def _transaction(
        self,
        day: date,
        account: uuid.UUID,
        payee: str,
        category: str,
        minor: int,
        memo: str,
        ident: uuid.UUID | None = None,
        peer: uuid.UUID | None = None,
    ) -> Row:
        """A transaction row; `ident` and `peer` make it one side of a transfer."""
        fresh = (self.today - day).days < 3
        return self._stamp(
            {
                "id": ident or new_id(),
                "account_id": account,
                "date": day,
                "amount_minor": minor,
                "currency": CURRENCY,
                "payee": payee,
                "memo": memo,
                "category": category,
                "bank_transaction_id": f"NB{self.rng.getrandbits(48):012X}",
                "import_batch": None,
                "cleared": not fresh or self.rng.random() < 0.5,
                "transfer_peer_id": peer,
            },
            self._local(day, 12),
        )

    def _budgets(self) -> Iterator[Row]:
        current = self.today.replace(day=1)
        previous = (current - timedelta(days=1)).replace(day=1)
        wanted = {
            natural_id(self.uow.user_id, category, month): (category, month, cents)
            for month in (previous, current)
            for category, cents in words.BUDGETS
        }
        existing = set(self.uow.s.scalars(select(Budget.id).where(Budget.id.in_(list(wanted)))))
        for ident, (category, month, cents) in wanted.items():
            if ident not in existing:
                yield self._stamp(
                    {
                        "id": ident,
                        "category": category,
                        "month": month,
                        "amount_minor": cents,
                        "currency": CURRENCY,
                    }
                )
