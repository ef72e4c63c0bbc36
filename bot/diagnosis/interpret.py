"""Turn one owner message into diagnosis slot values.

The rules follow what owners expect of a form: a message may answer several
questions at once ("we bake bread, about 12 people"); answers given before
are kept unless the owner corrects one ("actually we are 30 people"); the
three cue-word questions are only read when they were asked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.diagnosis import answers
from bot.diagnosis.form import is_answered

#: entity -> slot it fills, and whether the slot holds a list
ENTITY_SLOTS: Dict[str, Tuple[str, bool]] = {
    "sector": ("sector", False),
    "company_size": ("company_size", False),
    "innovation_need": ("innovation_need", False),
    "innovation_stage": ("innovation_stage", False),
    "barrier": ("barriers", True),
    "offer": ("offer", True),
    "ip_sensitivity": ("ip_sensitivity", False),
    "partner_experience": ("partner_experience", False),
    "international": ("international", False),
}
CORRECTION = re.compile(r"\b(actually|correction|i meant|change|instead|sorry,? (it'?s|we'?re)|no,? we)\b", re.I)


@dataclass(frozen=True)
class Message:
    """What Rasa understood of one message."""

    text: str
    intent: Optional[str]
    entities: Sequence[Tuple[str, Any]] = ()


@dataclass
class Interpretation:
    """Slot updates read from a message, and whether it answered the question."""

    updates: Dict[str, Any] = field(default_factory=dict)
    past_partners: List[str] = field(default_factory=list)

    def answers(self, slot: Optional[str]) -> bool:
        """True when the message gave a value for ``slot``."""
        return slot is not None and slot in self.updates


def interpret(message: Message, requested: Optional[str], slots: Mapping[str, Any]) -> Interpretation:
    """Slot values this message gives, respecting earlier answers."""
    found = _from_entities(message.entities)
    if requested and requested not in found:
        value = _from_text(requested, message)
        if value is not None:
            found[requested] = value
    correcting = bool(CORRECTION.search(message.text or ""))
    result = Interpretation()
    for slot, value in found.items():
        if slot == requested or correcting or not is_answered(slots.get(slot)):
            result.updates[slot] = value
    if requested == "partner_experience":
        result.past_partners = [value for entity, value in message.entities if entity == "partner"]
    return result


def _from_entities(entities: Sequence[Tuple[str, Any]]) -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    for entity, value in entities:
        if entity not in ENTITY_SLOTS:
            continue
        slot, many = ENTITY_SLOTS[entity]
        if many:
            found.setdefault(slot, [])
            if value != "none" and value not in found[slot]:
                found[slot].append(value)
        elif slot not in found:
            found[slot] = _typed(slot, value)
    return found


def _typed(slot: str, value: Any) -> Any:
    if slot == "international" and isinstance(value, str):
        return answers.international(value)
    return value


def _from_text(slot: str, message: Message) -> Any:
    text = message.text or ""
    if slot == "ip_sensitivity":
        return answers.ip_sensitivity(text)
    if slot == "partner_experience":
        return answers.experience(text)
    if slot == "international":
        return answers.international(text, message.intent)
    if slot in ("barriers", "offer") and answers.says_none(text):
        return [] if slot == "barriers" else ["nothing_yet"]
    return None

