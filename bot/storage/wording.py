"""Knowledge-base ids in the words of the knowledge base, for pages and exports staff read.

Stored profiles and advice hold ids (``food_beverage``, ``coupled_codevelopment``);
staff should read "Food and beverage" and "Coupled co-development". Names come
from ``knowledge/``; an id the knowledge base no longer knows is shown with
its underscores turned into spaces rather than hidden.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from bot.knowledge import load_knowledge
from bot.knowledge.slots import KIND_OF_ENTITY, KIND_OF_SLOT

#: profile field or entity -> knowledge kind its ids come from
FIELD_KINDS: Dict[str, str] = {**KIND_OF_SLOT, **KIND_OF_ENTITY,
                               "past_partners": "partners", "misconception": "misconceptions"}
FIELD_LABELS: Dict[str, str] = {
    "sector": "Sector", "company_size": "Size", "innovation_need": "Wants to innovate in",
    "innovation_stage": "Stage", "barriers": "Held back by", "offer": "Could offer partners",
    "ip_sensitivity": "Sensitivity of its know-how", "partner_experience": "Past collaborations",
    "past_partners": "Has worked with", "international": "Works across borders",
}
CLOSED_WORDS: Dict[str, Dict[str, str]] = {
    "ip_sensitivity": {"low": "low", "medium": "medium", "high": "high"},
    "partner_experience": {"none": "none yet", "good": "went well", "failed": "one went badly"},
    "offer": {"nothing_yet": "nothing yet"},
}


def humanise(identifier: Optional[str]) -> str:
    """``new_products`` -> ``new products``, for ids the knowledge base does not know."""
    return str(identifier).replace("_", " ") if identifier not in (None, "") else ""


def name_of(kind: str, identifier: Any) -> str:
    """The knowledge base's name (or title, or claim) of one entry."""
    if identifier in (None, ""):
        return ""
    try:
        entry = load_knowledge().kind(kind).get(str(identifier))
    except KeyError:
        entry = None
    if entry is None:
        return humanise(identifier)
    return str(getattr(entry, "name", None) or getattr(entry, "title", None)
               or getattr(entry, "claim", None) or humanise(identifier))


def value_words(field: str, value: Any) -> str:
    """One stored value of a profile field or entity, in words; lists joined by commas."""
    if isinstance(value, (list, tuple)):
        return ", ".join(w for w in (value_words(field, v) for v in value) if w)
    if isinstance(value, bool) or field == "international":
        return {True: "yes", False: "no"}.get(value, humanise(value)) if value is not None else ""
    if value in (None, ""):
        return ""
    closed = CLOSED_WORDS.get(field, {})
    if str(value) in closed:
        return closed[str(value)]
    kind = FIELD_KINDS.get(field)
    return name_of(kind, value) if kind else humanise(value)


def profile_in_words(profile: Dict[str, Any]) -> List[Tuple[str, str]]:
    """The diagnosed profile as (label, words) lines, in a fixed, readable order."""
    lines = []
    for field, label in FIELD_LABELS.items():
        words = value_words(field, profile.get(field))
        if words:
            lines.append((label, words))
    return lines


def names(kind: str, identifiers: List[str]) -> List[str]:
    """Several ids of one kind as names."""
    return [name_of(kind, i) for i in identifiers]


def choices(kind: str) -> List[Tuple[str, str]]:
    """Every (id, name) of one kind, for pick lists."""
    return [(entry_id, name_of(kind, entry_id)) for entry_id in load_knowledge().kind(kind)]


def entry_name(identifier: Any) -> str:
    """The name of an entry of any kind (for answers whose kind is not stored)."""
    if identifier in (None, ""):
        return ""
    found = load_knowledge().find(str(identifier))
    return name_of(found[0][0], identifier) if found else humanise(identifier)
