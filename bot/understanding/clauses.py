"""Split a message into the clauses that may each answer a question.

"bakery, 12 staff, want new products" answers three questions, one per
clause, and "no money or staff" names two obstacles. Reading clauses one by
one lets the reader fill several slots from one message, and tells which
part of the text answered which question, so that one phrase never fills
two slots.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List

#: punctuation, a slash or ampersand between words (not the one in "r&d"),
#: and the conjunctions that join two answers
BOUNDARY = re.compile(
    r"\s*(?:[,;:!?()]|\.(?!\d)|\s-\s|\n|(?<!\b\w)[/&](?!\w\b))+\s*"
    r"|\s+(?:and|or|nor|but|also|plus|so|because|though|while)\s+",
    re.I)
MIN_LENGTH = 2


@dataclass(frozen=True)
class Clause:
    """One stretch of the message and its character offsets."""

    text: str
    start: int
    end: int


def clauses(text: str) -> List[Clause]:
    """The clauses of ``text``; a message without boundaries is one clause."""
    parts: List[Clause] = []
    position = 0
    for boundary in BOUNDARY.finditer(text):
        _add(parts, text, position, boundary.start())
        position = boundary.end()
    _add(parts, text, position, len(text))
    return parts


def _add(parts: List[Clause], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if len(stripped) >= MIN_LENGTH:
        offset = start + piece.index(stripped)
        parts.append(Clause(stripped, offset, offset + len(stripped)))
