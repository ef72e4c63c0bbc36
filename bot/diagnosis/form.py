"""The diagnosis form's slots, in the order they are asked.

Slot names are a contract shared with Rasa's domain, the payloads and the
session log; their order and which hold lists come from the table in
``bot.knowledge.slots``. A skipped question is stored as ``SKIPPED`` so the
form moves on, and the profile treats it as unknown.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from bot.knowledge.slots import FORM_SLOTS, LIST_SLOTS

SKIPPED = "skipped"


def is_answered(value: Any) -> bool:
    """True when a slot holds an answer (an empty list means "none")."""
    return value is not None


def profile_slots(slots: Mapping[str, Any]) -> Dict[str, Any]:
    """Slot values with skipped answers turned into unknowns, for ``Profile``."""
    clean: Dict[str, Any] = {}
    for name, value in slots.items():
        if value == SKIPPED or value == [SKIPPED]:
            clean[name] = [] if name in LIST_SLOTS else None
        else:
            clean[name] = value
    return clean


def previous_slot(slots: Mapping[str, Any], requested: Optional[str]) -> Optional[str]:
    """The answered question that comes before ``requested`` in the form."""
    end = FORM_SLOTS.index(requested) if requested in FORM_SLOTS else len(FORM_SLOTS)
    earlier = [name for name in FORM_SLOTS[:end] if is_answered(slots.get(name))]
    return earlier[-1] if earlier else None
