"""The learned category model: accuracy on a held-out synthetic history and edge cases.

The speed of training on 100k rows and suggesting for 10k is measured in
tests/bench/test_bench_finance_parts.py.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from desktop.services.finance_learning import CategoryModel, Example, Suggestion
from tests.unit.services.finance_synthetic import labelled_history


@pytest.fixture(scope="module")
def model() -> CategoryModel:
    trained = CategoryModel.train(labelled_history(3000, seed=1))
    assert trained is not None
    return trained


def test_held_out_accuracy(model: CategoryModel) -> None:
    held_out = labelled_history(1000, seed=2)
    suggestions = model.suggest(held_out)
    correct = sum(s.category == e.category for s, e in zip(suggestions, held_out, strict=True))
    accuracy = correct / len(held_out)
    print(f"finance_learning: held-out accuracy {accuracy:.3f} (train 3000, test 1000)")
    assert accuracy >= 0.85
    assert model.trained_on == 3000
    assert len(model.categories) == 15


def test_suggestions_have_known_categories_and_confidences_in_range(model: CategoryModel) -> None:
    suggestions = model.suggest(labelled_history(300, seed=5))
    assert len(suggestions) == 300
    assert all(isinstance(item, Suggestion) for item in suggestions)
    assert {item.category for item in suggestions} <= set(model.categories)
    assert all(0.0 <= item.confidence <= 1.0 for item in suggestions)
    assert model.suggest([]) == []


def test_an_unseen_merchant_is_less_certain_than_a_known_one(model: CategoryModel) -> None:
    known, unseen = model.suggest(
        [
            Example("REWE SAGT DANKE 4711", "Einkauf", -4_567),
            Example("ZYXWV QUORPLANDIA 778", "", -4_567),
        ]
    )
    assert known.category == "Groceries"
    assert known.confidence > 0.8
    assert unseen.confidence < known.confidence - 0.3


def test_the_same_row_gets_the_same_suggestion_in_any_batch(model: CategoryModel) -> None:
    row = Example("SEPA-LASTSCHRIFT Telekom Deutschland GmbH", "Rechnung", -3_999)
    alone = model.suggest([row])[0]
    batch = model.suggest([*labelled_history(50, seed=9), row, row])
    assert batch[-1] == batch[-2]
    assert batch[-1].category == alone.category == "Phone & Internet"
    assert batch[-1].confidence == pytest.approx(alone.confidence)


def test_a_model_survives_pickling(model: CategoryModel) -> None:
    queries = labelled_history(40, seed=6)
    copy = pickle.loads(pickle.dumps(model))
    assert copy.categories == model.categories
    assert copy.suggest(queries) == model.suggest(queries)


def test_too_little_to_learn_gives_none() -> None:
    history = labelled_history(200, seed=3)
    assert CategoryModel.train(history[:19]) is None
    assert CategoryModel.train(history[:30], min_examples=40) is None
    unlabelled = [Example(e.payee, e.memo, e.amount_minor) for e in history]
    assert CategoryModel.train(unlabelled) is None
    one_category = [Example(e.payee, e.memo, e.amount_minor, "Groceries") for e in history]
    assert CategoryModel.train(one_category) is None
    assert CategoryModel.train(history[:25]) is not None


def test_rows_without_memo_or_payee_text_still_train() -> None:
    history = [
        Example("", "", -100 * (index + 1), "Small" if index < 15 else "Large")
        for index in range(30)
    ]
    model = CategoryModel.train(history)
    assert model is not None
    suggestion = model.suggest([Example("", "", -150)])[0]
    assert suggestion.category == "Small"


def test_no_numerical_library_is_imported() -> None:
    code = (
        "import sys, desktop.services.finance_learning\n"
        "print(any(name.split('.')[0] in ('sklearn', 'numpy', 'scipy') for name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
