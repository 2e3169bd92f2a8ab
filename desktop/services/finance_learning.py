"""A category classifier learned from the user's own categorised transactions.

Features: TF-IDF of character n-grams (2-4, within word bounds) of the cleaned payee, TF-IDF of the
memo's words, and the amount's direction and order of magnitude (one-hot). The model is a
multinomial logistic regression, whose probabilities are good enough to rank suggestions: the
confidence of a suggestion is the top probability.

scikit-learn (and numpy/scipy) take seconds to import, and desktop.services is imported when the
GUI starts, so they are imported inside the functions that need them, never at module level.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.payees import clean_payee

# Amounts are bucketed by half decades of major units: 0.5 -> 1-3, 1 -> 3-10, 1.5 -> 10-31 ...
_BUCKET_STEP = 0.5
_MAX_BUCKET = 10
_REGULARISATION = 10.0  # LogisticRegression C: the features are many and mostly informative
_MAX_ITERATIONS = 200
# From this many distinct rows on, n-grams and words seen only once are dropped (mostly codes).
_PRUNE_FROM_ROWS = 2000
_HAS_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Example:
    """A transaction as the model sees it; `category` is "" when unknown."""

    payee: str
    memo: str
    amount_minor: int
    category: str = ""


@dataclass(frozen=True)
class Suggestion:
    """A proposed category and how sure the model is (0..1)."""

    category: str
    confidence: float


def _amount_token(amount_minor: int) -> str:
    """Direction and size of an amount as one token: "out_3.0" for -10.00 .. -31.62."""
    direction = "in" if amount_minor > 0 else "out"
    size = abs(amount_minor) / 100
    if size < 1:
        return f"{direction}_small"
    bucket = min(_MAX_BUCKET, math.floor(math.log10(size) / _BUCKET_STEP)) * _BUCKET_STEP
    return f"{direction}_{bucket:.1f}"


class CategoryModel:
    """A trained classifier: `suggest` proposes a category for uncategorised transactions.

    A model is a plain object (picklable); train it on a worker thread, not the GUI thread.
    """

    categories: tuple[str, ...]  # the categories it can suggest, sorted
    trained_on: int  # labelled examples it learned from

    def __init__(
        self, features: _Features, classifier: Any, categories: tuple[str, ...], trained_on: int
    ) -> None:
        self._features = features
        self._classifier = classifier
        self.categories = categories
        self.trained_on = trained_on

    @classmethod
    def train(cls, examples: Sequence[Example], *, min_examples: int = 20) -> CategoryModel | None:
        """A model learned from the labelled examples; None when there is too little to learn.

        Too little is fewer than `min_examples` labelled rows or fewer than two categories.
        Identical rows (same cleaned payee, memo words, amount bucket and category) are learned
        once with their count as weight, which keeps training on a long history fast.
        """
        counts = Counter(
            (_row(example), example.category.strip())
            for example in examples
            if example.category.strip()
        )
        labelled = sum(counts.values())
        if labelled < min_examples or len({label for _, label in counts}) < 2:
            return None
        import numpy as np
        from sklearn.exceptions import ConvergenceWarning  # type: ignore[import-untyped]
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        keys = list(counts)
        features = _Features(min_df=2 if len(keys) >= _PRUNE_FROM_ROWS else 1)
        matrix = features.fit_transform([row for row, _ in keys])
        weights = np.fromiter((counts[key] for key in keys), dtype=float, count=len(keys))
        classifier = LogisticRegression(C=_REGULARISATION, max_iter=_MAX_ITERATIONS)
        # One BLAS thread: the fit is small and sparse, and the GUI and other work share the CPU.
        with threadpool_limits(limits=1), warnings.catch_warnings():
            # More iterations would move the probabilities very little; the fit is used anyway.
            warnings.simplefilter("ignore", ConvergenceWarning)
            classifier.fit(matrix, [label for _, label in keys], sample_weight=weights)
        categories = tuple(str(name) for name in classifier.classes_)
        return cls(features, classifier, categories, labelled)

    def suggest(self, items: Sequence[Example]) -> list[Suggestion]:
        """One suggestion per item, in order: the likeliest category and its probability."""
        if not items:
            return []
        rows = [_row(item) for item in items]
        unique = list(dict.fromkeys(rows))
        probabilities = self._classifier.predict_proba(self._features.transform(unique))
        best = probabilities.argmax(axis=1)
        by_row = {
            row: Suggestion(
                self.categories[int(index)], min(1.0, max(0.0, float(scores[int(index)])))
            )
            for row, index, scores in zip(unique, best, probabilities, strict=True)
        }
        return [by_row[row] for row in rows]


_Row = tuple[str, str, str]  # cleaned payee, memo words, amount token


def _row(example: Example) -> _Row:
    """What the model reads of an example."""
    return (
        clean_payee(example.payee),
        _memo_words(example.memo),
        _amount_token(example.amount_minor),
    )


def _memo_words(memo: str) -> str:
    """The memo's words in lower case; tokens with digits (references, dates) are left out."""
    words: list[str] = []
    for token in memo.split():
        if not _HAS_DIGIT.search(token):
            words.extend(word.casefold() for word in _WORD.findall(token))
    return " ".join(words)


class _Features:
    """Payee character n-grams, memo words and the amount token, side by side in one matrix."""

    def __init__(self, *, min_df: int) -> None:
        from sklearn.feature_extraction.text import (  # type: ignore[import-untyped]
            CountVectorizer,
            TfidfVectorizer,
        )

        # One vectoriser per column of a _Row; None once fitted means "no usable text".
        self._vectorisers: list[Any] = [
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=min_df
            ),
            TfidfVectorizer(token_pattern=r"\S+", min_df=min_df),
            CountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True),
        ]

    def fit_transform(self, rows: Sequence[_Row]) -> Any:
        from scipy.sparse import csr_matrix, hstack  # type: ignore[import-untyped]

        parts = []
        for column, vectoriser in enumerate(self._vectorisers):
            texts = [row[column] for row in rows]
            try:
                parts.append(vectoriser.fit_transform(texts))
            except ValueError:  # "empty vocabulary": no row has a usable word in this column
                self._vectorisers[column] = None
                parts.append(csr_matrix((len(rows), 0)))
        return hstack(parts, format="csr")

    def transform(self, rows: Sequence[_Row]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        parts = [
            csr_matrix((len(rows), 0))
            if vectoriser is None
            else vectoriser.transform([row[column] for row in rows])
            for column, vectoriser in enumerate(self._vectorisers)
        ]
        return hstack(parts, format="csr")
