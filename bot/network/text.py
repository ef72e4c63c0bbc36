"""How far another firm's "what we offer" answers one firm's "what we seek", word by word.

The sources ask for matching on firms' strengths, weaknesses and capacity,
which owners describe best in their own words ("casings and injection
moulding"). Words are weighted by how rare they are among the firms' offers
(inverse document frequency), so "antenna" counts for more than "production".
scikit-learn's English stop-word list (installed with Rasa) drops the words
that carry no meaning.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z][a-z0-9]+")


@lru_cache(maxsize=65536)
def content_words(text: str) -> FrozenSet[str]:
    """Lower-case content words, with a plural "s" dropped so "casings" meets "casing"."""
    found = set()
    for word in _WORD.findall(text.lower()):
        if word in ENGLISH_STOP_WORDS or len(word) < 3:
            continue
        found.add(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return frozenset(found)


class WordRarity:
    """How rare each word is among a pool's offer texts (inverse document frequency)."""

    def __init__(self, offer_texts: Iterable[str]) -> None:
        counts: Counter = Counter()
        total = 0
        for text in offer_texts:
            counts.update(content_words(text))
            total += 1
        self.weights = {word: math.log((1 + total) / (1 + n)) + 1.0 for word, n in counts.items()}

    def search(self, seeks: str) -> "OfferWords":
        """Scores offers against one firm's "what we seek"."""
        return OfferWords(self.weights, content_words(seeks))


class OfferWords:
    """One search's overlap with offer texts, remembered per text."""

    def __init__(self, weights: Dict[str, float], wanted: FrozenSet[str]) -> None:
        self._weights = weights
        self._wanted = wanted
        self._seen: Dict[str, float] = {}

    def overlap(self, offers: str) -> float:
        """Share of the offer's word weight that the search names (0 when either is empty).

        Measured on the offer's side, so that a specialist naming one thing the
        firm seeks is not drowned by the length of a long wish list.
        """
        if offers not in self._seen:
            offered = content_words(offers)
            shared = offered & self._wanted
            weight = self._weights.get
            whole = sum(weight(w, 1.0) for w in offered)
            self._seen[offers] = sum(weight(w, 1.0) for w in shared) / whole if shared else 0.0
        return self._seen[offers]
