"""Tell a voiced doubt about open innovation from an ordinary answer.

The intent classifier sees "we are a bakery, so this has nothing to do with
us" and "we're a bakery, 12 staff" as close neighbours, and answered the
second with a misconception card. This small binary classifier is trained
on the doubts (the misconception examples) against everything else owners
say, including every example answer, so that a card follows only a doubt.
"""
from __future__ import annotations

import pickle
from typing import List, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.understanding.reader import mark_negation

MAX_TEXT = 1000
#: inverse regularisation, chosen by 5-fold cross-validation on the training examples
#: (4, 8, 16): at the form's bar for a doubt inside an answer (0.9), 16 recognises 55 %
#: of doubts against 46 % for 4, with about 1 in 100 other messages above that bar
REGULARISATION = 16.0
WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (3, 5)
#: what the trained detector depends on besides its data, so that changing it retrains
SETTINGS = (f"doubts C={REGULARISATION} words {WORD_NGRAMS[0]}-{WORD_NGRAMS[1]} "
            f"chars {CHAR_NGRAMS[0]}-{CHAR_NGRAMS[1]}")


class DoubtDetector:
    """Probability that a message voices a doubt about open innovation."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    @classmethod
    def train(cls, doubts: Sequence[str], others: Sequence[str]) -> "DoubtDetector":
        """Fit on doubts (positive) against other messages (negative)."""
        features = FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=WORD_NGRAMS, sublinear_tf=True, preprocessor=mark_negation,
                                      token_pattern=r"(?u)\b\w[\w']*\b")),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True,
                                      min_df=2)),
        ])
        pipeline = Pipeline([("features", features),
                             ("classifier", LogisticRegression(C=REGULARISATION, max_iter=2000,
                                                               class_weight="balanced"))])
        texts = list(doubts) + list(others)
        labels = [1] * len(doubts) + [0] * len(others)
        return cls(pipeline.fit(texts, labels))

    def probability(self, text: str) -> float:
        """How likely ``text`` voices a doubt, from 0 to 1."""
        return self.probabilities([text])[0]

    def probabilities(self, texts: Sequence[str]) -> List[float]:
        """:meth:`probability` of each text, in one pass."""
        rows = self._pipeline.predict_proba([(text or "")[:MAX_TEXT] for text in texts])
        return [float(row[1]) for row in rows]

    def to_bytes(self) -> bytes:
        """The trained detector, for storage inside the Rasa model."""
        return pickle.dumps(self._pipeline)

    @classmethod
    def from_bytes(cls, data: bytes) -> "DoubtDetector":
        """A detector stored by ``to_bytes`` (the model's own, trusted file)."""
        return cls(pickle.loads(data))  # noqa: S301 - our own model file
