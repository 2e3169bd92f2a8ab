"""Bills: recurring payments due soon become tasks with a reminder, completed when paid.

A bill is a detected recurring payment (`FinanceInsightService.recurring`, active, money
out) whose next date falls within the next `days_ahead` days (or at most PAY_DAYS days ago:
it may just be late). Its task is "Pay <payee> (<amount>)", due on that date, tagged
#bills, with a reminder `reminder_minutes` before (dated tasks count back from 09:00, so
the default of one day reminds at 09:00 the day before).

A bill's task has the iCalendar-style uid ``bill:<payee casefold>:<YYYY-MM-DD>`` and an id
derived from (owner, uid), so running this twice (or on two synced devices) makes one task;
a task the user edited is left alone and one the user deleted (a tombstone with that uid) is
not made again.

A payment is a transaction of money out with the same cleaned payee, an amount within 10 %
of the bill's and a date within PAY_DAYS days of the due date; it completes the open task
and appends "Paid by transaction <id> on <date> (<amount>)" to the task's notes. Each
transaction pays one bill at most.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import natural_id
from desktop.core.money import to_decimal
from desktop.core.payees import clean_payee
from desktop.core.sortkey import between
from desktop.services.base import Outcome, ServiceContext, check_reminders, live
from desktop.services.finance_alerts import money_text
from desktop.services.finance_insight import FinanceInsightService, RecurringView
from desktop.services.tasks import TaskService
from desktop.store.models import Task, Transaction

TASKS = Changes(tasks=True)
BILL_TAG = "bills"
UID_PREFIX = "bill:"
DEFAULT_DAYS_AHEAD = 7
DEFAULT_REMINDER_MINUTES = 24 * 60
MAX_DAYS_AHEAD = 366
PAY_DAYS = 5  # a payment this many days before or after the due date pays the bill
PAY_TOLERANCE = Decimal("0.10")  # ... when its amount is within 10 % of the bill's
OPEN = ("todo", "in_progress")
_EXPECTED = re.compile(r"^Expected: (\d+(?:\.\d+)?) ([A-Z]{3})\b", re.MULTILINE)
_PAID_BY = re.compile(r"Paid by transaction ([0-9a-f-]{36})")


@dataclass(frozen=True)
class Bill:
    """A payment due soon and the task made for it (`task_status` None: no task yet)."""

    payee: str
    amount: Decimal  # what is to be paid (positive)
    currency: str
    due: date
    interval: str
    uid: str
    task_id: uuid.UUID | None
    task_status: str | None  # "todo", "in_progress", "done", "cancelled" or "deleted"


@dataclass(frozen=True)
class BillPayment:
    """A bill's task completed because a transaction paid it."""

    task_id: uuid.UUID
    title: str
    due: date
    transaction_id: uuid.UUID
    paid_on: date
    amount: Decimal  # what was paid (positive)
    currency: str


@dataclass(frozen=True)
class BillPlan:
    """What a run would do: bills without a task, and payments of open bill tasks."""

    missing: tuple[Bill, ...]
    payments: tuple[BillPayment, ...]


@dataclass(frozen=True)
class BillRun:
    """What `sync` did: tasks made for bills due soon, and bill tasks completed by payments."""

    created: tuple[Bill, ...]
    paid: tuple[BillPayment, ...]


def payee_key(payee: str) -> str:
    """How a bill's payee is compared (and written into its uid, which holds 255 characters)."""
    return payee.strip().casefold()[:200]


def bill_uid(payee: str, due: date) -> str:
    return f"{UID_PREFIX}{payee_key(payee)}:{due.isoformat()}"


def check_days(days: int) -> int:
    if not 0 <= days <= MAX_DAYS_AHEAD:
        raise UserError(f"look 0 to {MAX_DAYS_AHEAD} days ahead for bills, not {days}")
    return days


class BillService:
    """Bills due soon, their tasks, and completing those tasks when a payment arrives."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        days_ahead: int = DEFAULT_DAYS_AHEAD,
        reminder_minutes: int = DEFAULT_REMINDER_MINUTES,
        insight: FinanceInsightService | None = None,
    ) -> None:
        self.ctx = ctx
        self.days_ahead = check_days(days_ahead)
        self.reminders = check_reminders([reminder_minutes] if reminder_minutes >= 0 else [])
        self.insight = insight or FinanceInsightService(ctx)

    # -- reading -----------------------------------------------------------------------

    def upcoming(self, days: int | None = None) -> list[Bill]:
        """Bills due from PAY_DAYS days ago to `days` (default: the setting) ahead, by date."""
        today = self.ctx.today()
        last = today + timedelta(days=check_days(self.days_ahead if days is None else days))
        series = [
            item
            for item in self.insight.recurring()
            if item.amount < 0 and today - timedelta(days=PAY_DAYS) <= item.next_date <= last
        ]
        uids = {bill_uid(item.payee, item.next_date) for item in series}
        with self.ctx.store.read() as session:
            tasks = self._tasks_by_uid(session, uids)
        bills = []
        for item in series:
            uid = bill_uid(item.payee, item.next_date)
            task = tasks.get(uid)
            status = None if task is None else "deleted" if task.deleted_hlc else task.status
            bills.append(_bill(item, uid, task.id if task else None, status))
        return sorted(bills, key=lambda b: (b.due, b.payee.casefold()))

    def payments(self) -> list[BillPayment]:
        """Open bill tasks that a transaction has paid, with that transaction (reads only)."""
        with self.ctx.store.read() as session:
            open_tasks = list(
                session.scalars(
                    select(Task).where(live(Task), *self._bill_tasks(), Task.status.in_(OPEN))
                )
            )
            if not open_tasks:
                return []
            used = self._transactions_already_linked(session)
            series: list[RecurringView] = []
            targets = [
                t for t in (self._target(task, series) for task in open_tasks) if t is not None
            ]
            candidates = self._payments_near(session, targets)
        found: list[BillPayment] = []
        for task, payee, due, amount, currency in sorted(targets, key=lambda t: t[2]):
            best: tuple[int, Transaction] | None = None
            for tx in candidates:
                if tx.id in used or tx.currency != currency:
                    continue
                paid = to_decimal(-tx.amount_minor, tx.currency)
                distance = abs((tx.date - due).days)
                if (
                    _paid_to(tx) == payee
                    and distance <= PAY_DAYS
                    and abs(paid - amount) <= amount * PAY_TOLERANCE
                    and (best is None or distance < best[0])
                ):
                    best = (distance, tx)
            if best is None:
                continue
            tx = best[1]
            used.add(tx.id)
            found.append(
                BillPayment(
                    task_id=task.id,
                    title=task.title,
                    due=due,
                    transaction_id=tx.id,
                    paid_on=tx.date,
                    amount=to_decimal(-tx.amount_minor, tx.currency),
                    currency=tx.currency,
                )
            )
        return found

    def plan(self, days: int | None = None) -> BillPlan:
        """What `apply` would do, read without writing (slow on a long history: ~1 s per
        100k transactions, so the app reads it beside the database executor)."""
        missing = tuple(bill for bill in self.upcoming(days) if bill.task_status is None)
        return BillPlan(missing, tuple(self.payments()))

    # -- writing -----------------------------------------------------------------------

    def create_tasks(self, days: int | None = None) -> Outcome[list[Bill]]:
        """A task for every upcoming bill that never had one (edited or deleted ones stay)."""
        return self._create([bill for bill in self.upcoming(days) if bill.task_status is None])

    def complete_paid(self) -> Outcome[list[BillPayment]]:
        """Complete the open bill tasks that a transaction has paid; the payments recorded."""
        return self._record(self.payments())

    def apply(self, plan: BillPlan) -> Outcome[BillRun]:
        """Make the planned tasks and record the planned payments, checking each again first
        (a task made, completed or deleted since the plan was read is left alone)."""
        created = self._create(list(plan.missing)).value
        paid = self._record(list(plan.payments)).value
        return Outcome(BillRun(tuple(created), tuple(paid)), TASKS)

    def sync(self, days: int | None = None) -> Outcome[BillRun]:
        """Make the tasks of bills due soon, then complete those that were paid."""
        return self.apply(self.plan(days))

    def _create(self, wanted: list[Bill]) -> Outcome[list[Bill]]:
        created: list[Bill] = []
        if wanted:
            with self.ctx.store.unit_of_work() as uow:
                owner = self.ctx.store.user_id
                known = self._tasks_by_uid(uow.s, {bill.uid for bill in wanted})
                last_key = uow.s.scalar(
                    select(func.max(Task.sort_key)).where(Task.owner_id == owner)
                )
                for bill in wanted:
                    ident = natural_id(owner, "bill-task", bill.uid)
                    if bill.uid in known or uow.s.get(Task, ident) is not None:
                        continue  # made meanwhile (another device, another run)
                    last_key = between(last_key, None)
                    uow.s.add(self._task_row(ident, bill, last_key))
                    created.append(replace(bill, task_id=ident, task_status="todo"))
                uow.commit()
        return Outcome(created, TASKS)

    def _record(self, payments: list[BillPayment]) -> Outcome[list[BillPayment]]:
        if not payments:
            return Outcome([], TASKS)
        tasks = TaskService(self.ctx)
        with self.ctx.store.read() as session:
            used = self._transactions_already_linked(session)
        recorded: list[BillPayment] = []
        for payment in payments:
            try:
                task = tasks.get(payment.task_id)
            except NotFoundError:
                continue  # deleted since
            if task.status not in OPEN or payment.transaction_id in used:
                continue
            used.add(payment.transaction_id)
            line = (
                f"Paid by transaction {payment.transaction_id} on {payment.paid_on.isoformat()} "
                f"({money_text(payment.amount, payment.currency)})"
            )
            before = task.notes.rstrip()
            tasks.update(
                payment.task_id,
                status="done",
                notes=f"{before}\n\n{line}" if before else line,
            )
            recorded.append(payment)
        return Outcome(recorded, TASKS)

    # -- helpers -----------------------------------------------------------------------

    def _task_row(self, ident: uuid.UUID, bill: Bill, sort_key: str) -> Task:
        amount = money_text(bill.amount, bill.currency)
        return Task(
            id=ident,
            uid=bill.uid,
            title=f"Pay {bill.payee} ({amount})",
            notes=(
                f"Expected: {bill.amount} {bill.currency}, a {bill.interval} payment to "
                f"{bill.payee}. Atrium completes this task when the payment arrives."
            ),
            status="todo",
            priority=1,
            due_date=bill.due,
            tags=[BILL_TAG],
            reminders=list(self.reminders),
            sort_key=sort_key,
        )

    def _tasks_by_uid(self, session: Session, uids: set[str]) -> dict[str, Task]:
        """Tasks with these uids, deleted ones included (a deleted bill is not made again)."""
        if not uids:
            return {}
        owner = self.ctx.store.user_id
        ids = {natural_id(owner, "bill-task", uid): uid for uid in uids}
        rows = session.scalars(
            select(Task).where(
                Task.owner_id == owner, or_(Task.uid.in_(list(uids)), Task.id.in_(list(ids)))
            )
        ).all()
        found: dict[str, Task] = {}
        for row in rows:
            uid = row.uid if row.uid in uids else ids.get(row.id)
            if uid is not None and (uid not in found or found[uid].deleted_hlc is not None):
                found[uid] = row
        return found

    def _target(
        self, task: Task, series: list[RecurringView]
    ) -> tuple[Task, str, date, Decimal, str] | None:
        """(task, payee key, due date, amount, currency) of a bill task; None if unreadable.

        The amount comes from the "Expected:" line the task was made with; when the user
        removed it, from the payee's recurring series (read once into `series`).
        """
        body, _, day = (task.uid or "")[len(UID_PREFIX) :].rpartition(":")
        try:
            due = date.fromisoformat(day)
        except ValueError:
            return None
        expected = _EXPECTED.search(task.notes or "")
        if expected is not None:
            return task, body, due, Decimal(expected.group(1)), expected.group(2)
        if not series:
            series.extend(self.insight.recurring(include_inactive=True))
        for item in series:
            if item.amount < 0 and payee_key(item.payee) == body:
                return task, body, due, -item.amount, item.currency
        return None

    def _payments_near(
        self, session: Session, targets: list[tuple[Task, str, date, Decimal, str]]
    ) -> list[Transaction]:
        if not targets:
            return []
        first = min(t[2] for t in targets) - timedelta(days=PAY_DAYS)
        last = max(t[2] for t in targets) + timedelta(days=PAY_DAYS)
        rows = session.scalars(
            select(Transaction)
            .where(
                live(Transaction),
                Transaction.owner_id == self.ctx.store.user_id,
                Transaction.amount_minor < 0,
                Transaction.date >= first,
                Transaction.date <= last,
            )
            .order_by(Transaction.date, Transaction.id)
        ).all()
        return list(rows)

    def _bill_tasks(self) -> tuple[ColumnElement[bool], ...]:
        """Tasks whose uid starts with "bill:", as a range the (owner, uid) index serves."""
        return (
            Task.owner_id == self.ctx.store.user_id,
            Task.uid >= UID_PREFIX,
            Task.uid < UID_PREFIX[:-1] + chr(ord(UID_PREFIX[-1]) + 1),
        )

    def _transactions_already_linked(self, session: Session) -> set[uuid.UUID]:
        """Transactions that paid a bill task before (named in its notes)."""
        notes = session.scalars(
            select(Task.notes).where(
                *self._bill_tasks(), Task.notes.contains("Paid by transaction")
            )
        ).all()
        return {uuid.UUID(match) for text in notes for match in _PAID_BY.findall(text or "")}


def _paid_to(tx: Transaction) -> str:
    return payee_key(clean_payee(tx.original_payee or tx.payee) or tx.payee)


def _bill(item: RecurringView, uid: str, task_id: uuid.UUID | None, status: str | None) -> Bill:
    return Bill(
        payee=item.payee,
        amount=-item.amount,
        currency=item.currency,
        due=item.next_date,
        interval=item.interval,
        uid=uid,
        task_id=task_id,
        task_status=status,
    )
