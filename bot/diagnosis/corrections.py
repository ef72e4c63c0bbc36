"""Corrections after the summary or the advice: "we are a manufacturer, not retail".

Once the owner has seen a recommendation, a fact they state is a
correction: it replaces the stored answer (a denied value, "not retail",
is never taken) and the advice is given again. "Change the sector" reopens
one question; "change the sector to food" sets it at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional

from bot.conversation.turns import Message
from bot.diagnosis.interpret import interpret
from bot.diagnosis.turn import ASKS_SLOT, CHOICES_SLOT, REASKS_SLOT
from bot.understanding.questions import which_question

NEW_VALUE = re.compile(r"\b(?:to|into|as|should be|is)\s+(.+)$", re.I)
#: a new value stated inside "change X to Y" must be read this clearly
CLEAR = 0.8


@dataclass
class Change:
    """Slots to set, and the question to ask again (None: nothing to ask)."""

    slots: Dict[str, Any] = field(default_factory=dict)
    ask: Optional[str] = None


def corrections(message: Message, slots: Mapping[str, Any]) -> Dict[str, Any]:
    """Answers the message changes; empty when it states nothing new."""
    reading = interpret(message, None, slots, correcting=True)
    return {slot: value for slot, value in reading.updates.items() if value != slots.get(slot)}


def change_request(message: Message, question: Optional[str], slots: Mapping[str, Any]) -> Change:
    """What "change the sector (to food)" asks for."""
    slot = question or which_question(message.text)
    if slot is None:
        return Change()
    if NEW_VALUE.search(message.text or ""):
        plain = Message(message.text, "inform", readings=message.readings)
        reading = interpret(plain, slot, {}, minimum=CLEAR)
        if reading.answers(slot):
            return Change(slots={slot: reading.updates[slot]})
    reset = {slot: None, "requested_slot": slot, REASKS_SLOT: 0, CHOICES_SLOT: None, ASKS_SLOT: None}
    return Change(slots=reset, ask=slot)
