"""Read free-text answers to the diagnosis questions, with a confidence.

Each question has its own classifier over word and character n-grams
(character n-grams survive typos such as "manufactoring"). Besides the
question's values, every classifier knows a ``NONE`` class learnt from the
answers to the *other* questions and from ordinary chat, so "12 staff" is
confidently *not* a sector. The message is read whole and clause by clause;
each reading keeps the span it came from, so the dialogue can tell which
part of a message answered which question.

Everything here is plain scikit-learn and Python: the Rasa component only
trains, stores and calls it.
"""
from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from bot.understanding.clauses import Clause, clauses
from bot.understanding.headcount import head_count, size_band

NONE = "__none__"
SIZE_SLOT = "company_size"
#: confidence of a head count next to a word for people ("12 staff")
STATED_COUNT = 0.99
#: confidence of a bare number, which only answers the size question itself
BARE_COUNT = 0.7
TOP = 3
FLOOR = 0.05
#: below this, a clause is not about the question at all and is not reported
CLAUSE_FLOOR = 0.2
MAX_TEXT = 1000
NEGATION = re.compile(r"\b(not|no|never|nothing|none|hardly|barely|without|nobody|\w+n't|\w+nt)\b", re.I)
SCOPE_END = re.compile(r"[,.;:!?]|\b(but|and|though)\b", re.I)
NEGATION_SCOPE = 3


@dataclass(frozen=True)
class Reading:
    """One possible answer found in a message."""

    slot: str
    value: str
    confidence: float
    start: int
    end: int
    share: float = 0.0


class AnswerReader:
    """Per-question classifiers sharing one vectoriser, plus head-count rules."""

    def __init__(self, features: FeatureUnion, classifiers: Dict[str, LogisticRegression],
                 bands: Sequence[Mapping[str, object]]) -> None:
        self._features = features
        self._classifiers = classifiers
        self._bands = list(bands)

    @classmethod
    def train(cls, examples: Mapping[str, Mapping[str, Sequence[str]]], chat: Iterable[str],
              bands: Sequence[Mapping[str, object]]) -> "AnswerReader":
        """Fit one classifier per question on ``examples`` (slot -> value -> texts).

        ``chat`` holds ordinary messages that answer no question; they and the
        other questions' answers teach each classifier its ``NONE`` class.
        """
        chat = [text for text in chat if text.strip()]
        every = [text for values in examples.values() for texts in values.values() for text in texts]
        features = _features().fit(every + chat)
        classifiers = {slot: _fit(features, slot, examples, chat) for slot in examples}
        return cls(features, classifiers, bands)

    @property
    def slots(self) -> List[str]:
        """The questions this reader can answer."""
        return list(self._classifiers)

    def read(self, text: str) -> List[Reading]:
        """Likely answers in ``text``: per span and question, the top values."""
        text = (text or "")[:MAX_TEXT]
        spans = _spans(text)
        if not spans:
            return []
        matrix = self._features.transform([span.text for span in spans])
        readings: List[Reading] = []
        for slot, classifier in self._classifiers.items():
            probabilities = classifier.predict_proba(matrix)
            for index, (span, row) in enumerate(zip(spans, probabilities)):
                readings += _top(slot, classifier.classes_, row, span, whole=index == 0)
        return _with_head_counts(readings, text, self._bands)

    def probabilities(self, slot: str, text: str) -> Dict[str, float]:
        """The whole-message distribution over one question's values (for reports)."""
        classifier = self._classifiers[slot]
        row = classifier.predict_proba(self._features.transform([text]))[0]
        return {str(value): float(p) for value, p in zip(classifier.classes_, row)}

    def to_bytes(self) -> bytes:
        """The trained reader, for storage inside the Rasa model."""
        return pickle.dumps((self._features, self._classifiers, self._bands))

    @classmethod
    def from_bytes(cls, data: bytes) -> "AnswerReader":
        """A reader stored by ``to_bytes`` (the model's own, trusted file)."""
        features, classifiers, bands = pickle.loads(data)  # noqa: S301 - our own model file
        return cls(features, classifiers, bands)


def _features() -> FeatureUnion:
    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, preprocessor=mark_negation,
                                  token_pattern=r"(?u)\b\w[\w']*\b")),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                  lowercase=True, min_df=2, max_features=40000)),
    ])


def mark_negation(text: str) -> str:
    """Prefix the few words after a negation with ``not_``.

    "not really sensitive" and "very sensitive" share the word "sensitive";
    marking its scope lets the classifier learn that "not_sensitive" means
    the opposite, as "didnt go well" differs from "went well".
    """
    words: List[str] = []
    scope = 0
    for token in re.findall(r"[\w']+|[^\w\s]", text.lower()):
        if SCOPE_END.fullmatch(token):
            scope = 0
            words.append(token)
        elif NEGATION.fullmatch(token):
            scope = NEGATION_SCOPE
            words.append(token)
        elif scope:
            scope -= 1
            words.append("not_" + token)
        else:
            words.append(token)
    return " ".join(words)


def _fit(features: FeatureUnion, slot: str, examples: Mapping[str, Mapping[str, Sequence[str]]],
         chat: Sequence[str]) -> LogisticRegression:
    texts: List[str] = []
    labels: List[str] = []
    for value, items in examples[slot].items():
        texts += list(items)
        labels += [value] * len(items)
    others = [text for other, values in examples.items() if other != slot
              for items in values.values() for text in items]
    texts += others + list(chat)
    labels += [NONE] * (len(others) + len(chat))
    classifier = LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced")
    return classifier.fit(features.transform(texts), labels)


def _spans(text: str) -> List[Clause]:
    whole = text.strip()
    if not whole:
        return []
    start = text.index(whole)
    parts = clauses(text)
    spans = [Clause(whole, start, start + len(whole))]
    if len(parts) > 1:
        spans += parts
    return spans


def _top(slot: str, classes: np.ndarray, row: np.ndarray, span: Clause, whole: bool) -> List[Reading]:
    """The likeliest values; ``share`` is each one's probability if the span answers ``slot``.

    The whole message always reports its top values, because when this very
    question was asked the owner is answering it even in words the
    classifier finds unusual; a clause reports only when it is about ``slot``.
    """
    is_none = classes == NONE
    about = 1.0 - float(row[is_none].sum())
    if not whole and about < CLAUSE_FLOOR:
        return []
    found = []
    for index in np.argsort(row)[::-1]:
        value = str(classes[index])
        if value == NONE:
            continue
        share = float(row[index]) / about if about > 0 else 0.0
        if share < FLOOR or len(found) == TOP:
            break
        found.append(Reading(slot, value, round(float(row[index]), 4), span.start, span.end, round(share, 4)))
    return found


def _with_head_counts(readings: List[Reading], text: str,
                      bands: Sequence[Mapping[str, object]]) -> List[Reading]:
    """Replace guessed sizes by the band of a stated head count, when there is one."""
    stated = head_count(text, asked=False)
    count = stated or head_count(text, asked=True)
    band = size_band(count.count, bands) if count else None
    if count is None or band is None:
        return readings
    confidence = STATED_COUNT if stated else BARE_COUNT
    kept = [reading for reading in readings if reading.slot != SIZE_SLOT]
    return kept + [Reading(SIZE_SLOT, band, confidence, count.start, count.end, 1.0)]


def best(readings: Iterable[Reading], slot: str) -> Optional[Reading]:
    """The most confident reading for ``slot``, or None."""
    candidates = [reading for reading in readings if reading.slot == slot]
    return max(candidates, key=lambda reading: reading.confidence, default=None)


def ranked_values(readings: Iterable[Reading], slot: str) -> List[Tuple[str, float]]:
    """Values for ``slot`` with their best confidence, most likely first."""
    scores: Dict[str, float] = {}
    for reading in readings:
        if reading.slot == slot:
            scores[reading.value] = max(scores.get(reading.value, 0.0), reading.confidence)
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)


def from_entities(entities: Iterable[Mapping[str, object]]) -> List[Reading]:
    """Readings carried as Rasa ``answer`` entities (role = question), malformed ones skipped."""
    found = []
    for item in entities:
        if item.get("entity") != "answer":
            continue
        try:
            found.append(Reading(str(item["role"]), str(item["value"]), float(item["confidence_entity"]),  # type: ignore[arg-type]
                                 int(item["start"]), int(item["end"]), float(item.get("share") or 0.0)))  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            continue
    return found
