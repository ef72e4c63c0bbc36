"""Stacked classifiers give the probabilities scikit-learn's own ``predict_proba`` gives."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from bot.understanding.stacked import StackedClassifiers

RANDOM = np.random.default_rng(7)


def features(rows: int) -> sparse.csr_matrix:
    return sparse.random(rows, 40, density=0.2, format="csr", random_state=7)


def fitted(classes: int, **options: object) -> LogisticRegression:
    matrix = features(120)
    labels = [f"value-{index % classes}" for index in range(120)]
    return LogisticRegression(max_iter=500, **options).fit(matrix, labels)


@pytest.mark.parametrize("classes, options", [
    (5, {}),                          # multinomial softmax
    (2, {}),                          # binary: one logistic column
    (4, {"solver": "liblinear"}),     # one-vs-rest, normalised
    (3, {"multi_class": "ovr"}),
])
def test_each_kind_of_model_gives_predict_proba(classes: int, options: dict) -> None:
    model = fitted(classes, **options)
    stacked = StackedClassifiers({"only": model})
    matrix = features(30)
    np.testing.assert_allclose(stacked.probabilities(matrix)["only"], model.predict_proba(matrix),
                               rtol=1e-9, atol=1e-12)
    assert list(stacked.classes("only")) == list(model.classes_)


def test_several_models_keep_their_own_columns() -> None:
    models = {"topics": fitted(6), "binary": fitted(2), "three": fitted(3)}
    matrix = features(25)
    found = StackedClassifiers(models).probabilities(matrix)
    for name, model in models.items():
        np.testing.assert_allclose(found[name], model.predict_proba(matrix), rtol=1e-9, atol=1e-12)
        assert np.allclose(found[name].sum(axis=1), 1.0)


def test_the_models_still_predict_after_their_coefficients_are_shared() -> None:
    model = fitted(4)
    matrix = features(10)
    before = model.predict_proba(matrix)
    stacked = StackedClassifiers({"only": model})
    assert np.shares_memory(model.coef_, stacked._weights)
    np.testing.assert_allclose(model.predict_proba(matrix), before)
