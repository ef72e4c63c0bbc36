"""Several logistic regressions over one feature matrix, scored by one matrix product.

The answer reader asks eleven classifiers about every message, all on the
same features. Each ``predict_proba`` call checks its input and scores on
its own, and that overhead was most of the reader's time in a turn. With
their coefficients side by side, one sparse product gives every score; the
probabilities are then formed as scikit-learn forms them (softmax for a
multinomial model, the logistic function for a binary or one-vs-rest one),
so they are the same numbers ``predict_proba`` gives.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Mapping

import numpy as np
from scipy.special import expit, softmax
from sklearn.linear_model import LogisticRegression


@dataclass(frozen=True)
class _Block:
    """Where one classifier's scores sit among the stacked ones, and how to read them."""

    classes: np.ndarray
    columns: slice
    one_vs_rest: bool

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        """Rows of class probabilities from this classifier's raw scores."""
        if not self.one_vs_rest:
            if scores.shape[1] == 1:
                scores = np.hstack([-scores, scores])
            return softmax(scores, axis=1)
        positive = expit(scores)
        if positive.shape[1] == 1:
            return np.hstack([1 - positive, positive])
        return positive / positive.sum(axis=1, keepdims=True)


class StackedClassifiers:
    """Named fitted ``LogisticRegression`` models answering together."""

    def __init__(self, classifiers: Mapping[str, LogisticRegression]) -> None:
        weights, intercepts = [], []
        self._blocks: Dict[str, _Block] = {}
        start = 0
        for name, model in classifiers.items():
            width = model.coef_.shape[0]
            weights.append(model.coef_.T)
            intercepts.append(model.intercept_)
            self._blocks[name] = _Block(model.classes_, slice(start, start + width), _one_vs_rest(model))
            start += width
        self._weights = np.ascontiguousarray(np.hstack(weights))
        self._intercepts = np.concatenate(intercepts)
        self._share_memory(classifiers)

    def _share_memory(self, classifiers: Mapping[str, LogisticRegression]) -> None:
        """Point each model's coefficients into the stacked matrix, so they are held once.

        The models stay usable (and picklable) as before; the Rasa server keeps
        a reader for its whole life, and a second copy would be 17 MB.
        """
        for name, model in classifiers.items():
            model.coef_ = self._weights[:, self._blocks[name].columns].T

    def classes(self, name: str) -> np.ndarray:
        """The class labels of classifier ``name``, in the order of its probabilities."""
        return self._blocks[name].classes

    def probabilities(self, matrix: Any) -> Dict[str, np.ndarray]:
        """Per classifier, its ``predict_proba`` of every row of ``matrix``."""
        scores = np.asarray(matrix @ self._weights) + self._intercepts
        return {name: block.probabilities(scores[:, block.columns]) for name, block in self._blocks.items()}


def _one_vs_rest(model: LogisticRegression) -> bool:
    """Whether ``predict_proba`` reads this model one class against the rest (scikit-learn's rule)."""
    return model.multi_class == "ovr" or (
        model.multi_class == "auto" and (len(model.classes_) <= 2 or model.solver == "liblinear"))
