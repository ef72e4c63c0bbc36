"""Read free-text answers to the diagnosis questions, with a confidence.

Two kinds of classifier over word and character n-grams (character
n-grams survive typos such as "manufactoring") share one vectoriser:

* a *topic* classifier tells which question a text answers, if any: it
  learns every question's example answers against each other and against
  ordinary chat (``NONE``), so "12 staff" is confidently not a sector;
* per question, a *value* classifier tells which value the answer gives.

A reading's ``confidence`` is the product (how sure the text answers this
question with this value); its ``share`` is the value's probability if the
text does answer the question, which is what counts when the question was
just asked. The message is read whole and clause by clause; each reading
keeps the span it came from, so the dialogue can tell which part of a
message answered which question.

Everything here is plain scikit-learn and Python: the Rasa component only
trains, stores and calls it.
"""
from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from bot.understanding.clauses import Clause, clauses
from bot.understanding.headcount import PEOPLE, HeadCount, head_count, size_band
from bot.understanding.stacked import StackedClassifiers

NONE = "__none__"
#: the topic classifier's name among the stacked classifiers (no question is called this)
TOPICS = "__topics__"
SIZE_SLOT = "company_size"
#: confidence of a head count next to a word for people ("12 staff")
STATED_COUNT = 0.99
#: confidence of a bare number, which only answers the size question itself
#: (below the confidence needed to fill a question that was not asked)
BARE_COUNT = 0.6
TOP = 3
FLOOR = 0.05
#: below this, a clause is not about the question at all and is not reported
CLAUSE_FLOOR = 0.2
MAX_TEXT = 1000
NEGATION = re.compile(r"\b(not|no|never|nothing|none|hardly|barely|without|nobody|\w+n't|\w+nt)\b", re.I)
SCOPE_END = re.compile(r"[,.;:!?]|\b(but|and|though)\b", re.I)
NEGATION_SCOPE = 3
FILLER = re.compile(r"^(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|well|so|ok(?:ay)?|um+|hm+|"
                    r"thanks)\b[\s,.!]*)+", re.I)


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
    """A topic classifier and per-question value classifiers, plus head-count rules."""

    def __init__(self, features: FeatureUnion, topics: LogisticRegression,
                 values: Dict[str, LogisticRegression], bands: Sequence[Mapping[str, object]]) -> None:
        self._features = features
        self._topics = topics
        self._values = values
        self._bands = list(bands)
        self._stacked = StackedClassifiers({TOPICS: topics, **values})

    @classmethod
    def train(cls, examples: Mapping[str, Mapping[str, Sequence[str]]], chat: Iterable[str],
              bands: Sequence[Mapping[str, object]]) -> "AnswerReader":
        """Fit on ``examples`` (slot -> value -> texts) and ``chat`` (texts that answer nothing)."""
        chat = [text for text in chat if text.strip()]
        texts, topics = _labelled({slot: [t for items in values.values() for t in items]
                                   for slot, values in examples.items()})
        features = _features().fit(texts + chat)
        topic_model = _classifier().fit(features.transform(texts + chat), topics + [NONE] * len(chat))
        values = {}
        for slot, by_value in examples.items():
            slot_texts, labels = _labelled(by_value)
            values[slot] = _classifier().fit(features.transform(slot_texts), labels)
        return cls(features, topic_model, values, bands)

    @property
    def slots(self) -> List[str]:
        """The questions this reader can answer."""
        return list(self._values)

    def read(self, text: str) -> List[Reading]:
        """Likely answers in ``text``: per span and question, the top values."""
        text = (text or "")[:MAX_TEXT]
        spans = _spans(text)
        if not spans:
            return []
        stated = head_count(text, asked=False)
        matrix = self._features.transform([_without_filler(_without_count(span, stated)) for span in spans])
        shares = self._stacked.probabilities(matrix)
        about = dict(zip(map(str, self._stacked.classes(TOPICS)), shares[TOPICS].T))
        readings: List[Reading] = []
        for slot in self._values:
            for index, (span, row) in enumerate(zip(spans, shares[slot])):
                readings += _top(slot, self._stacked.classes(slot), row, float(about[slot][index]), span,
                                 index == 0)
        return _with_head_counts(readings, text, self._bands)

    def to_bytes(self) -> bytes:
        """The trained reader, for storage inside the Rasa model."""
        return pickle.dumps((self._features, self._topics, self._values, self._bands))

    @classmethod
    def from_bytes(cls, data: bytes) -> "AnswerReader":
        """A reader stored by ``to_bytes`` (the model's own, trusted file)."""
        features, topics, values, bands = pickle.loads(data)  # noqa: S301 - our own model file
        return cls(features, topics, values, bands)


def _labelled(groups: Mapping[str, Sequence[str]]) -> Tuple[List[str], List[str]]:
    texts: List[str] = []
    labels: List[str] = []
    for label, items in groups.items():
        texts += list(items)
        labels += [label] * len(items)
    return texts, labels


def _classifier() -> LogisticRegression:
    return LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced")


def _without_count(span: Clause, count: Optional[HeadCount]) -> str:
    """The span's text without a stated head count ("with 25 employees").

    The count is read by rules; left in, it would pull "a furniture maker
    with 25 employees" towards the size question and away from the sector.
    """
    if count is None or not (span.start <= count.start and count.end <= span.end):
        return span.text
    start, end = count.start - span.start, count.end - span.start
    tail = re.match(rf"\s*(?:[a-z]+[- ]?){{0,2}}?{PEOPLE}\b", span.text[end:], re.I)
    end += tail.end() if tail else 0
    head = re.search(r"(?:\b(?:with|of|about|around|roughly|we are|we're|and)\s+)?$", span.text[:start], re.I)
    cut = head.start() if head else start  # the pattern can match empty at the end, so it always does
    masked = (span.text[:cut] + span.text[end:]).strip(" ,.")
    return masked or span.text


def _without_filler(text: str) -> str:
    """"hi we run a bakery" reads as "we run a bakery": greetings carry no answer."""
    return FILLER.sub("", text) or text


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


def _top(slot: str, classes: np.ndarray, row: np.ndarray, about: float, span: Clause,
         whole: bool) -> List[Reading]:
    """The likeliest values of ``slot`` in one span.

    The whole message always reports its top values, because when this very
    question was asked the owner is answering it even in words the topic
    classifier finds unusual; a clause reports only when it is about ``slot``.
    """
    if not whole and about < CLAUSE_FLOOR:
        return []
    found = []
    for index in np.argsort(row)[::-1][:TOP]:
        share = float(row[index])
        if share < FLOOR:
            break
        found.append(Reading(slot, str(classes[index]), round(about * share, 4), span.start, span.end,
                             round(share, 4)))
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


def from_entities(entities: Iterable[Mapping[str, Any]]) -> List[Reading]:
    """Readings carried as Rasa ``answer`` entities (role = question), malformed ones skipped.

    Entities arrive from the channel as JSON, so every field is checked by
    converting it; one that does not convert drops that reading only.
    """
    found = []
    for item in entities:
        if item.get("entity") != "answer":
            continue
        try:
            found.append(Reading(str(item["role"]), str(item["value"]), float(item["confidence_entity"]),
                                 int(item["start"]), int(item["end"]), float(item.get("share") or 0.0)))
        except (KeyError, TypeError, ValueError):
            continue
    return found
