"""The words owners use for knowledge-base entries, for entity matching.

Each vocabulary entry is known by its name and its synonyms; the NLU component turns these
phrases into spaCy patterns and reports matches under the entity names of
``bot.knowledge.slots``, whose values are entry ids.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Set

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.slots import ENTITY_NAMES

#: the knowledge kinds owners name, in the order of ``bot.knowledge.slots.TERMS``
ENTITY_KINDS = tuple(ENTITY_NAMES)

_SPACES = re.compile(r"\s+")


def normalise_phrase(text: str) -> str:
    """Lower-case and fold white space so phrases compare reliably."""
    return _SPACES.sub(" ", text.strip().lower())


def phrases_of(entry: Any) -> List[str]:
    """Name and synonyms of an entry, normalised and de-duplicated."""
    candidates: List[Any] = [getattr(entry, "name", None) or getattr(entry, "title", "")]
    candidates += list(getattr(entry, "synonyms", []) or [])
    seen: Set[str] = set()
    phrases = []
    for candidate in candidates:
        phrase = normalise_phrase(candidate)
        if phrase and phrase not in seen:
            seen.add(phrase)
            phrases.append(phrase)
    return phrases


def vocabulary(kb: KnowledgeBase) -> Dict[str, Dict[str, List[str]]]:
    """``{entity name: {entry id: [phrases]}}`` for every vocabulary kind."""
    return {
        entity: {entry.id: phrases_of(entry) for entry in kb.kind(kind).values()}
        for kind, entity in ENTITY_NAMES.items()
    }
