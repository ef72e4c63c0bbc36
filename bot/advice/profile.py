"""The diagnosed company profile that every piece of advice is computed from.

Field names are the Rasa slot names, so a tracker's slots can be turned into a
``Profile`` without a mapping table. Slots arrive in many shapes (missing,
``None``, a list where one value was expected, a single string where a list was
expected, "yes"/"no" for a boolean), so ``from_slots`` normalises them here once
instead of every rule guarding against them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple
from urllib.parse import urlencode

SIZES = ("micro", "small", "medium", "large")
OFFERS = ("technology_ip", "capacity", "market_access", "nothing_yet")
LEVELS = ("low", "medium", "high")
EXPERIENCES = ("none", "good", "failed")

_TRUE = {"true", "yes", "y", "1", "international", "abroad"}
_FALSE = {"false", "no", "n", "0", "national", "local", "domestic"}

#: single-valued fields whose value must be one of a closed set
_CLOSED_SETS: Dict[str, Tuple[str, ...]] = {
    "company_size": SIZES,
    "ip_sensitivity": LEVELS,
    "partner_experience": EXPERIENCES,
}


@dataclass(frozen=True)
class Profile:
    """What the diagnosis chat learnt about the firm; ids refer to the knowledge base."""

    sector: Optional[str] = None
    company_size: Optional[str] = None
    innovation_need: Optional[str] = None
    innovation_stage: Optional[str] = None
    barriers: Tuple[str, ...] = ()
    offer: Tuple[str, ...] = ()
    ip_sensitivity: Optional[str] = None
    partner_experience: Optional[str] = None
    past_partners: Tuple[str, ...] = ()
    international: Optional[bool] = None
    #: models the owner named during the chat ("why not just license it out?")
    interests: Tuple[str, ...] = ()

    @classmethod
    def from_slots(cls, slots: Optional[Mapping[str, Any]]) -> "Profile":
        """Build a profile from slot values, ignoring unknown keys and odd shapes."""
        slots = slots or {}
        values: Dict[str, Any] = {}
        for name in ("sector", "company_size", "innovation_need", "innovation_stage",
                     "ip_sensitivity", "partner_experience"):
            values[name] = _single(slots.get(name), _CLOSED_SETS.get(name))
        for name in ("barriers", "past_partners", "interests"):
            values[name] = _many(slots.get(name))
        values["offer"] = _many(slots.get("offer"), OFFERS)
        values["international"] = _boolean(slots.get("international"))
        return cls(**values)

    def to_dict(self) -> Dict[str, Any]:
        """Slot-shaped values (lists, not tuples) that ``from_slots`` reads back unchanged."""
        result: Dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            result[item.name] = list(value) if isinstance(value, tuple) else value
        return result


def profile_query(profile: Profile) -> str:
    """The profile as a query string for links (lists comma-separated, unknowns left out).

    Only knowledge-base ids go in, nothing personal, so a link to the owner's
    plan can carry the whole profile and the plan needs no database.
    """
    query = {key: ",".join(value) if isinstance(value, list) else value
             for key, value in profile.to_dict().items() if value not in (None, [], "")}
    return urlencode(query)


def _clean(value: Any) -> Optional[str]:
    """A lower-case, trimmed string id, or None for empty values."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip().lower()
    return text or None


def _single(value: Any, allowed: Optional[Iterable[str]] = None) -> Optional[str]:
    """One id; from a list the first usable value wins, values outside ``allowed`` are dropped."""
    candidates = value if isinstance(value, (list, tuple, set)) else [value]
    for candidate in candidates:
        text = _clean(candidate)
        if text and (allowed is None or text in allowed):
            return text
    return None


def _many(value: Any, allowed: Optional[Iterable[str]] = None) -> Tuple[str, ...]:
    """A de-duplicated tuple of ids in the order given; a lone string counts as one id."""
    if value is None:
        return ()
    candidates = value if isinstance(value, (list, tuple, set)) else [value]
    if isinstance(value, set):
        candidates = sorted(candidates, key=str)
    result = []
    for candidate in candidates:
        text = _clean(candidate)
        if text and text not in result and (allowed is None or text in allowed):
            result.append(text)
    return tuple(result)


def _boolean(value: Any) -> Optional[bool]:
    """True, False or None (unknown) from booleans, yes/no words or a one-item list."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None or isinstance(value, bool):
        return value
    text = _clean(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None
