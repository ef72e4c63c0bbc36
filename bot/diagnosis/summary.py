"""Show the owner what was understood, and let them change any answer.

Everything the assistant recommends is built from the stored answers, so
the owner sees them before the advice ("Here is what I noted") and can
correct any one: by a button, by "change the sector", or simply by stating
the right fact ("we are a manufacturer, not retail").
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from bot.conversation.turns import Reply, intent_button
from bot.diagnosis.form import FORM_SLOTS, SKIPPED, is_answered
from bot.diagnosis.questions import value_name
from bot.knowledge import KnowledgeBase

LABELS: Dict[str, str] = {
    "sector": "Sector",
    "company_size": "Size",
    "innovation_need": "Goal",
    "innovation_stage": "Stage",
    "barriers": "Obstacles",
    "offer": "What you can offer",
    "ip_sensitivity": "Know-how sensitivity",
    "partner_experience": "Past collaboration",
    "international": "Partners abroad",
}
def answer_text(kb: KnowledgeBase, slot: str, value: Any) -> str:
    """One stored answer in words."""
    if value is None or value == SKIPPED or value == [SKIPPED]:
        return "not answered"
    if isinstance(value, list):
        return ", ".join(value_name(kb, slot, item) for item in value) or "none"
    return value_name(kb, slot, value)


def summary(kb: KnowledgeBase, slots: Mapping[str, Any]) -> Reply:
    """The stored answers in one short paragraph, with a way to change any of them.

    Kept to a few lines on a phone: the advice that follows is long enough.
    """
    parts = [f"{LABELS[slot].lower()}: {answer_text(kb, slot, slots.get(slot))}" for slot in FORM_SLOTS]
    text = ("I noted " + " · ".join(parts) + ". If anything is wrong, just tell me "
            "(\"we are a manufacturer\") or say \"change the sector\".")
    answers = {slot: slots.get(slot) for slot in FORM_SLOTS}
    return Reply(text, {"type": "summary", "answers": answers},
                 [intent_button("Change an answer", "change_answer")])


def pick_question(kb: KnowledgeBase, slots: Mapping[str, Any]) -> Reply:
    """Ask which answer to change, one button per question."""
    buttons = [intent_button(f"{LABELS[slot]}: {answer_text(kb, slot, slots.get(slot))}", "change_answer",
                             question=slot) for slot in FORM_SLOTS]
    return Reply("Which answer would you like to change?", {"type": "change_answer"}, buttons)


def changed(kb: KnowledgeBase, before: Mapping[str, Any], after: Mapping[str, Any]) -> Optional[Reply]:
    """Say what a correction changed, or None when nothing did."""
    lines = [f"{LABELS[slot]}: {answer_text(kb, slot, before.get(slot))} → {answer_text(kb, slot, value)}"
             for slot, value in after.items()
             if slot in LABELS and is_answered(value) and value != before.get(slot)]
    if not lines:
        return None
    return Reply("Got it, I've changed " + "; ".join(lines) + ". Here is the updated advice.",
                 {"type": "changed", "slots": sorted(slot for slot in after if slot in LABELS)})
