"""CategoryRuleService: rules in order, applied to uncategorised rows, corrections suggest rules."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.services.category_rules import RuleDraft
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.store.models import CategoryRule, Transaction
from desktop.store.profile import Store

FINANCE_ONLY = Changes(finance=True)


def spend(services: Services, amount: str, payee: str, **fields: object) -> uuid.UUID:
    draft = TransactionDraft(amount=amount, payee=payee, date=date(2026, 3, 2), **fields)  # type: ignore[arg-type]
    return services.finance.add_transaction(draft).value.id


def row(store: Store, tx_id: uuid.UUID) -> Transaction:
    with store.read() as session:
        found = session.get(Transaction, tx_id)
        assert found is not None
        session.expunge(found)
        return found


@pytest.fixture
def euro(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_account("Card", currency="EUR", kind="credit")
    return services


def test_add_list_and_positions(euro: Services) -> None:
    first = euro.category_rules.add(RuleDraft("groceries", "contains", "rewe"))
    assert first.changes == FINANCE_ONLY
    second = euro.category_rules.add(RuleDraft("rent", "equals", "Landlord GmbH"))
    top = euro.category_rules.add(RuleDraft("coffee", "regex", r"^star(bucks)?\b", position=1))

    listed = euro.category_rules.list()
    assert [(r.position, r.category) for r in listed] == [
        (1, "coffee"),
        (2, "groceries"),
        (3, "rent"),
    ]
    assert listed[0].id == top.value.id
    assert (listed[1].payee_op, listed[1].payee_pattern) == ("contains", "rewe")
    assert listed[2].id == second.value.id
    assert first.value.position == 1  # it was first when it was added


def test_move_and_delete_keep_positions_dense(euro: Services, store: Store) -> None:
    ids = [
        euro.category_rules.add(RuleDraft(name, "contains", name)).value.id
        for name in ("a", "b", "c", "d")
    ]
    moved = euro.category_rules.move(str(ids[3]), 2)
    assert moved.value.position == 2
    assert [r.category for r in euro.category_rules.list()] == ["a", "d", "b", "c"]
    euro.category_rules.move(str(ids[0]), 99)  # past the end: last
    assert [r.category for r in euro.category_rules.list()] == ["d", "b", "c", "a"]

    euro.category_rules.delete(str(ids[1]))
    listed = euro.category_rules.list()
    assert [(r.position, r.category) for r in listed] == [(1, "d"), (2, "c"), (3, "a")]
    with store.read() as session:  # deleted as a tombstone (sync, undo), not removed
        gone = session.get(CategoryRule, ids[1])
        assert gone is not None
        assert gone.deleted_hlc is not None
    with pytest.raises(NotFoundError):
        euro.category_rules.delete(str(ids[1]))
    with pytest.raises(UserError, match="starts at 1"):
        euro.category_rules.move(str(ids[0]), 0)


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        (RuleDraft(""), "category"),
        (RuleDraft("x"), "at least one condition"),
        (RuleDraft("x", "regex", "(unclosed"), "regular expression|regex"),
        (RuleDraft("x", "contains", "rewe", account="Nowhere"), "no account named 'Nowhere'"),
        (RuleDraft("x", "contains", "rewe", min_amount="ten"), "--min"),
    ],
)
def test_bad_rules_are_refused_and_nothing_is_saved(
    euro: Services, draft: RuleDraft, words: str
) -> None:
    with pytest.raises(UserError, match=words):
        euro.category_rules.add(draft)
    assert euro.category_rules.list() == []


def test_first_matching_rule_wins_and_account_limits(euro: Services, store: Store) -> None:
    euro.category_rules.add(RuleDraft("card fees", "contains", "fee", account="Card"))
    euro.category_rules.add(RuleDraft("bank", "contains", "fee"))
    euro.category_rules.add(RuleDraft("groceries", "contains", "rewe", rename_to="Rewe"))
    euro.category_rules.add(RuleDraft("shopping", "contains", "rewe"))  # shadowed
    card_fee = spend(euro, "-2", "Annual FEE", account="Card")
    bank_fee = spend(euro, "-3", "Account fee", account="Checking")
    rewe = spend(euro, "-12.50", "REWE MARKT 123")
    kept = spend(euro, "-9", "Bakery", category="bread")
    nothing = spend(euro, "-4", "Kiosk")

    preview = euro.category_rules.apply_to_uncategorised(apply=False)
    assert (preview.value.matched, preview.value.applied, preview.value.unmatched) == (3, 0, 1)
    assert row(store, rewe).category == ""  # a preview writes nothing

    done = euro.category_rules.apply_to_uncategorised(apply=True)
    assert done.value.applied == 3
    assert done.value.by_category == {"card fees": 1, "bank": 1, "groceries": 1}
    assert (row(store, card_fee).category, row(store, card_fee).category_source) == (
        "card fees",
        "rule",
    )
    assert row(store, bank_fee).category == "bank"
    renamed = row(store, rewe)
    assert (renamed.category, renamed.payee, renamed.original_payee) == (
        "groceries",
        "Rewe",
        "REWE MARKT 123",
    )
    assert row(store, kept).category == "bread"  # a chosen category is never overwritten
    assert row(store, nothing).category == ""


def test_rule_set_skips_deleted_and_follows_order(euro: Services, store: Store) -> None:
    gone = euro.category_rules.add(RuleDraft("old", "contains", "shop")).value.id
    euro.category_rules.add(RuleDraft("new", "contains", "shop"))
    euro.category_rules.delete(str(gone))
    with store.read() as session:
        rules = euro.category_rules.rule_set(session)
        match = rules.match("Corner Shop", -500, None)
    assert match is not None
    assert match.category == "new"


def test_correction_marks_user_and_suggests_a_rule(euro: Services, store: Store) -> None:
    tx = spend(euro, "-30", "Spotify AB", category="music")
    outcome = euro.category_rules.set_category(str(tx), "subscriptions")

    assert outcome.changes == FINANCE_ONLY
    view = outcome.value
    assert (view.previous_category, view.category) == ("music", "subscriptions")
    assert view.suggested_rule is not None
    assert view.suggested_rule.category == "subscriptions"
    assert view.suggested_rule.payee_op in ("contains", "equals")
    assert "spotify" in view.suggested_rule.payee_pattern.lower()
    assert view.suggested_command.startswith("atrium category rule add --payee-")
    assert "--category subscriptions" in view.suggested_command
    saved = row(store, tx)
    assert (saved.category, saved.category_source) == ("subscriptions", "user")
    assert euro.category_rules.list() == []  # a suggestion, not a rule yet


def test_correction_covered_by_a_rule_suggests_nothing(euro: Services) -> None:
    rule = euro.category_rules.add(RuleDraft("subscriptions", "contains", "spotify")).value
    tx = spend(euro, "-30", "Spotify AB")
    view = euro.category_rules.set_category(str(tx), "Subscriptions").value
    assert view.suggested_rule is None
    assert view.suggested_command == ""
    assert view.covered_by_rule == rule.id


def test_correction_of_an_unknown_transaction(euro: Services, store: Store) -> None:
    with pytest.raises(NotFoundError):
        euro.category_rules.set_category(str(uuid.uuid4()), "x")
    with pytest.raises(UserError, match="transaction id"):
        euro.category_rules.set_category("nope", "x")
    with store.read() as session:
        assert session.scalars(select(Transaction)).all() == []


def test_amount_bounds_compare_the_size_of_the_amount(euro: Services, store: Store) -> None:
    rule = euro.category_rules.add(
        RuleDraft("big shop", "contains", "market", min_amount="-100", max_amount="500")
    ).value
    assert (str(rule.min_amount), str(rule.max_amount)) == ("100.00", "500.00")
    small = spend(euro, "-99.99", "Market Hall")
    big = spend(euro, "-100", "Market Hall")
    huge = spend(euro, "-500.01", "Market Hall")
    euro.category_rules.apply_to_uncategorised(apply=True)
    assert [row(store, tx).category for tx in (small, big, huge)] == ["", "big shop", ""]
    with pytest.raises(UserError, match="swap --min and --max"):
        euro.category_rules.add(RuleDraft("x", "contains", "a", min_amount="9", max_amount="1"))


def test_a_suggestion_goes_in_front_of_a_rule_it_contradicts(euro: Services) -> None:
    euro.category_rules.add(RuleDraft("misc", "contains", "kiosk"))
    euro.category_rules.add(RuleDraft("shops", "contains", "corner"))
    tx = spend(euro, "-4", "Corner Kiosk")
    view = euro.category_rules.set_category(str(tx), "snacks").value
    assert view.covered_by_rule is None
    assert view.suggested_rule is not None
    assert (view.suggested_rule.category, view.suggested_rule.position) == ("snacks", 1)
    assert view.suggested_command.endswith("--category snacks --position 1")
