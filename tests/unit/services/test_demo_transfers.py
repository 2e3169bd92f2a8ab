"""The demo's transfers between its accounts are real, linked transfers: neither income nor
spending, not subscriptions, and deleting one side deletes both."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from desktop.services.container import Services
from desktop.services.demo import SIZES, seed_demo
from desktop.services.finance import month_bounds


def test_demo_transfers_are_linked_pairs_outside_spending(services: Services) -> None:
    counts = seed_demo(services.ctx.store, "small")
    assert counts.transactions == SIZES["small"].transactions

    rows = services.finance.transactions()
    assert len(rows) == counts.transactions
    by_id = {tx.id: tx for tx in rows}
    transfers = [tx for tx in rows if tx.transfer_peer_id is not None]
    assert transfers, "the demo moves money between its accounts every month"
    assert not [tx for tx in rows if tx.category == "Transfer"]
    for tx in transfers:
        peer = by_id[tx.transfer_peer_id]  # type: ignore[index]
        assert peer.transfer_peer_id == tx.id
        assert peer.amount == -tx.amount
        assert peer.account_id != tx.account_id
        assert (peer.date, tx.category, peer.category) == (tx.date, "", "")
    # Two transfers a month (to savings, paying the card), each with both sides.
    months = Counter(f"{tx.date:%Y-%m}" for tx in transfers if tx.amount < 0)
    assert set(months.values()) == {2}

    # A full past month: the transfers count neither as income nor as spending.
    last_month = month_bounds(services.ctx.today().replace(day=1) - timedelta(days=1))[0]
    summary = services.finance.summary(last_month)
    in_month = [tx for tx in rows if month_bounds(tx.date)[0] == last_month]
    moved = [tx for tx in in_month if tx.transfer_peer_id is not None]
    assert moved
    others = [tx for tx in in_month if tx.transfer_peer_id is None]
    assert summary.income == sum(tx.amount for tx in others if tx.amount > 0)
    assert summary.expenses == -sum(tx.amount for tx in others if tx.amount < 0)
    assert "transfer" not in {name.lower() for name in summary.by_category}

    # Moving money is not a subscription.
    payees = {tx.payee for tx in transfers}
    recurring = services.finance_insight.recurring(include_inactive=True)
    assert recurring, "the demo's bills recur"
    assert not payees & {item.payee for item in recurring}

    # The pair is one transfer: deleting one side deletes the other.
    first = transfers[0]
    assert services.finance.delete_transaction(str(first.id)).value == 2
    left = {tx.id for tx in services.finance.transactions()}
    assert first.id not in left
    assert first.transfer_peer_id not in left
