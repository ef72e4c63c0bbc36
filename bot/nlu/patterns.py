"""Turn knowledge-base phrases into spaCy token patterns, and back into ids.

Patterns are plain JSON so that they can be stored inside the Rasa model:
the assistant then runs from the model alone, even if ``knowledge/`` moves.
Each token matches case-insensitively and in singular or plural form, a
hyphen is optional ("co-creation", "co creation"), and one extra word may
stand between two words ("spare capacity" also matches "spare brewing
capacity").
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional

import spacy
from spacy.language import Language

from bot.knowledge import KnowledgeBase
from bot.knowledge.vocabulary import vocabulary

STAFF_LABEL = "staff_count"
STAFF_WORDS = [
    "people", "person", "persons", "staff", "employee", "employees", "worker",
    "workers", "colleagues", "fte", "ftes", "heads", "staffers",
]
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}


def token_variants(token: str) -> List[str]:
    """Singular and plural spellings of one lower-case token."""
    variants = {token}
    if token.endswith("ies") and len(token) > 4:
        variants.add(token[:-3] + "y")
    elif token.endswith("s") and not token.endswith("ss") and len(token) > 3:
        variants.add(token[:-1])
    elif token.endswith("y") and len(token) > 2 and token[-2] not in "aeiou":
        variants.add(token[:-1] + "ies")
    elif token.isalpha() and len(token) > 2:
        variants.add(token + ("es" if token.endswith(("s", "x", "ch", "sh")) else "s"))
    return sorted(variants)


def phrase_pattern(nlp: Language, phrase: str) -> List[dict]:
    """A token pattern matching ``phrase`` loosely (case, number, hyphens)."""
    pattern: List[dict] = []
    for token in nlp.make_doc(phrase):
        if token.text == "-":
            pattern.append({"ORTH": "-", "OP": "?"})
            continue
        if pattern and "LOWER" in pattern[-1]:
            pattern.append({"IS_ALPHA": True, "OP": "?"})
        pattern.append({"LOWER": {"IN": token_variants(token.lower_)}})
    return pattern


def build_patterns(kb: KnowledgeBase) -> List[dict]:
    """EntityRuler patterns for every phrase of every vocabulary entry."""
    nlp = spacy.blank("en")
    patterns = [
        {"label": entity, "id": entry_id, "pattern": phrase_pattern(nlp, phrase)}
        for entity, entries in vocabulary(kb).items()
        for entry_id, phrases in entries.items()
        for phrase in phrases
    ]
    patterns.append(_staff_count_pattern())
    return patterns


def _staff_count_pattern() -> dict:
    number = {"LIKE_NUM": True}
    return {
        "label": STAFF_LABEL,
        "pattern": [number, {"LOWER": {"IN": ["full", "part"]}, "OP": "?"},
                    {"ORTH": "-", "OP": "?"}, {"LOWER": "time", "OP": "?"},
                    {"LOWER": {"IN": STAFF_WORDS}}],
    }


def size_bands(kb: KnowledgeBase) -> List[dict]:
    """Size bands as plain data: ``[{"id", "min", "max"}]`` sorted by size."""
    bands = [
        {"id": size.id, "min": size.min_staff, "max": size.max_staff}
        for size in kb.sizes.values()
    ]
    return sorted(bands, key=lambda band: band["min"])


def parse_number(text: str) -> Optional[int]:
    """The integer in "12", "1,200" or "twelve"; ``None`` if there is none."""
    cleaned = text.lower().replace(",", "").replace(".", "")
    if cleaned.isdigit():
        return int(cleaned)
    return NUMBER_WORDS.get(cleaned)


def size_for_staff(count: int, bands: Iterable[Dict]) -> Optional[str]:
    """The id of the size band that a head count falls into."""
    for band in bands:
        upper = band["max"]
        if count >= band["min"] and (upper is None or count <= upper):
            return band["id"]
    return None
