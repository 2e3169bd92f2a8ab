"""CategorizeService: rules first, then a model learned from the user's history; its accuracy."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.core.errors import UserError
from desktop.core.payees import clean_payee
from desktop.services.category_rules import RuleDraft
from desktop.services.container import Services
from desktop.services.finance_learning import Example
from desktop.store.models import Account, Transaction
from desktop.store.profile import Store
from tests.unit.services.finance_synthetic import labelled_history

LABELLED = 3000
OPEN = 500


def seed_history(store: Store, examples: list[Example], *, labelled: int) -> dict[uuid.UUID, str]:
    """The first `labelled` examples stored with their category (source "user"), the rest
    without one; returns the true category of each uncategorised row by id."""
    truth: dict[uuid.UUID, str] = {}
    start = date(2025, 1, 1)
    with store.unit_of_work() as uow:
        account = Account(name="Checking", kind="checking", currency="EUR")
        uow.s.add(account)
        uow.s.flush()
        for index, example in enumerate(examples):
            known = index < labelled
            row = Transaction(
                account_id=account.id,
                date=start + timedelta(days=index % 420),
                amount_minor=example.amount_minor,
                currency="EUR",
                payee=clean_payee(example.payee),
                original_payee=example.payee,
                memo=example.memo,
                category=example.category if known else "",
                category_source="user" if known else "",
            )
            uow.s.add(row)
            if not known:
                uow.s.flush()
                truth[row.id] = example.category
        uow.commit()
    return truth


@pytest.fixture
def history(services: Services, store: Store) -> dict[uuid.UUID, str]:
    return seed_history(store, labelled_history(LABELLED + OPEN, seed=7), labelled=LABELLED)


def categories(store: Store) -> dict[uuid.UUID, tuple[str, str]]:
    with store.read() as session:
        rows = session.execute(
            select(Transaction.id, Transaction.category, Transaction.category_source)
        ).all()
    return {ident: (category, source) for ident, category, source in rows}


def test_learned_suggestions_are_accurate(
    services: Services, store: Store, history: dict[uuid.UUID, str]
) -> None:
    outcome = services.categorize.apply(min_confidence=0.6)
    result = outcome.value
    after = categories(store)
    applied = [ident for ident in history if after[ident][0]]
    right = sum(after[ident][0] == history[ident] for ident in applied)
    accuracy = right / len(applied)
    coverage = len(applied) / len(history)
    print(
        f"\ncategorisation on {LABELLED} labelled + {OPEN} open synthetic rows: "
        f"applied {len(applied)} ({coverage:.1%}), accuracy {accuracy:.1%} among applied"
    )
    assert accuracy >= 0.85
    assert coverage >= 0.5
    assert (result.by_model, result.by_rule) == (len(applied), 0)
    assert result.model_trained_on == LABELLED
    assert result.uncategorised == OPEN - len(applied) == result.below_confidence
    assert {after[ident][1] for ident in applied} == {"learned"}
    # The labelled history is left as the user made it.
    assert all(source == "user" for ident, (_, source) in after.items() if ident not in history)


def test_rules_beat_the_model(
    services: Services, store: Store, history: dict[uuid.UUID, str]
) -> None:
    services.category_rules.add(RuleDraft("Supermarket", "contains", "rewe"))
    suggestions = services.categorize.suggestions()
    rewe = [s for s in suggestions if s.source == "rule"]
    assert rewe, "the synthetic history has REWE rows"
    assert {(s.category, s.confidence) for s in rewe} == {("Supermarket", 1.0)}
    assert all(s.source == "rule" for s in suggestions if "rewe" in s.payee.lower())
    others = [s for s in suggestions if s.source != "rule"]
    assert others
    assert {s.source for s in others} == {"learned"}
    assert all(0.0 < s.confidence <= 1.0 for s in others)
    assert "Supermarket" not in {s.category for s in others}  # the model never saw it

    result = services.categorize.apply(min_confidence=0.99).value
    assert result.by_rule == len(rewe)
    after = categories(store)
    assert {after[s.transaction_id] for s in rewe} == {("Supermarket", "rule")}


def test_the_model_is_cached_until_the_history_changes(services: Services, store: Store) -> None:
    history = seed_history(store, labelled_history(220, seed=11), labelled=200)
    service = services.categorize
    first = service.suggestions(limit=5)
    model = service._model
    assert model is not None
    assert len(first) == 5
    assert service.suggestions(limit=5) == first
    assert service._model is model  # not retrained
    services.category_rules.set_category(str(next(iter(history))), "Groceries")
    service.suggestions(limit=5)
    assert service._model is not model  # one more labelled row: retrained


def test_too_little_history_suggests_only_rules(services: Services, store: Store) -> None:
    seed_history(store, labelled_history(30, seed=3), labelled=10)
    services.category_rules.add(RuleDraft("Shops", "regex", "."))
    assert services.categorize.suggestions() == services.categorize.suggestions()
    assert {s.source for s in services.categorize.suggestions()} == {"rule"}
    services.category_rules.delete(str(services.category_rules.list()[0].id))
    assert services.categorize.suggestions() == []
    result = services.categorize.apply().value
    assert (result.applied, result.uncategorised, result.model_trained_on) == (0, 20, 0)


def test_bad_arguments(services: Services) -> None:
    with pytest.raises(UserError, match="between 0 and 1"):
        services.categorize.apply(min_confidence=1.5)
    with pytest.raises(UserError, match="at least 1"):
        services.categorize.suggestions(limit=0)
