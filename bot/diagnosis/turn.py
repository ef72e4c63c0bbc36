"""Decide what one owner message does to the diagnosis form.

The form asks; this module decides what the answer means: fill slots, skip
the question, go back one question, explain why it is asked, re-ask once
when the answer was unclear, or leave the message to the rest of the
assistant (a side question, a misconception, "stop") so that the form can
resume afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from bot.dialogue.phrasing import looks_like_question
from bot.dialogue.reply import Reply
from bot.diagnosis import questions
from bot.diagnosis.form import SKIPPED, previous_slot
from bot.diagnosis.interpret import Interpretation, Message, interpret

#: intents the form leaves to rules: side questions and conversation control
DIGRESSIONS = {
    "misconception", "ask_definition", "ask_example", "ask_source", "ask_partners_for_stage",
    "ask_more", "ask_why_recommendation", "show_other_options", "help", "bot_challenge",
    "start_over", "stop", "out_of_scope", "request_followup", "delete_my_data", "start_tutorial",
    "greet", "goodbye", "thank", "start_diagnosis", "show_menu", "next_step",
}
#: side questions: even when they name a slot value, they ask rather than answer
QUESTIONS = {
    "ask_definition", "ask_example", "ask_source", "ask_partners_for_stage", "ask_more",
    "ask_why_recommendation", "show_other_options",
}
#: intents whose message is taken as an attempt to answer the question
ANSWERS = {"inform", "affirm", "deny", "nlu_fallback", None}
REASKS_SLOT = "diagnosis_reasks"
#: a message in another language, answered by a rule
OTHER_LANGUAGE = "other_language"


@dataclass
class Decision:
    """Slot changes and messages for one turn; ``reject`` hands the turn over."""

    slots: Dict[str, Any] = field(default_factory=dict)
    replies: List[Reply] = field(default_factory=list)
    reject: bool = False


def decide(message: Message, requested: Optional[str],
           slots: Mapping[str, Any], reasks: int = 0) -> Decision:
    """What the form should do with ``message`` while ``requested`` is asked."""
    if message.intent == OTHER_LANGUAGE:  # not understood: nothing may be read from it
        return Decision(reject=True)
    if requested is None:
        reading = interpret(message, None, slots)
        return _fill(reading, slots) if reading.updates else Decision()
    if message.intent == "skip_question":
        return Decision(slots={requested: SKIPPED, REASKS_SLOT: 0})
    if message.intent == "go_back":
        return _go_back(requested, slots)
    if message.intent == "why_ask":
        return Decision(slots={REASKS_SLOT: reasks}, replies=[questions.why(requested)])
    reading = interpret(message, requested, slots)
    if message.intent in DIGRESSIONS:
        return _digression(reading, message, requested, slots)
    if reading.updates:
        return _fill(reading, slots)
    if message.intent in ANSWERS:
        return _unclear(requested, reasks)
    return Decision(reject=True)


def _digression(reading: Interpretation, message: Message, requested: str,
                slots: Mapping[str, Any]) -> Decision:
    """Hand a side remark over, unless it plainly answers the question asked.

    "We design antennas" may be classified as a remark about open innovation,
    yet it names a sector while the sector is asked: then it is an answer.
    """
    asks = message.intent in QUESTIONS and looks_like_question(message.text)
    if reading.answers(requested) and not asks:
        return _fill(reading, slots)
    return Decision(reject=True)



def _fill(reading: Interpretation, slots: Mapping[str, Any]) -> Decision:
    changes: Dict[str, Any] = dict(reading.updates)
    if reading.past_partners:
        known = list(slots.get("past_partners") or [])
        changes["past_partners"] = list(dict.fromkeys(known + reading.past_partners))
    changes[REASKS_SLOT] = 0
    return Decision(slots=changes)


def _go_back(requested: Optional[str], slots: Mapping[str, Any]) -> Decision:
    target = previous_slot(slots, requested)
    if target is None:
        return Decision(slots={REASKS_SLOT: 0}, replies=[Reply(
            "This is the first question, so there is nothing to go back to.",
            {"type": "notice", "id": "first_question"})])
    return Decision(slots={target: None, "requested_slot": target, REASKS_SLOT: 0})


def _unclear(requested: str, reasks: int) -> Decision:
    if reasks >= 1:
        note = Reply("No problem, let's leave that one open and carry on.",
                     {"type": "notice", "id": "left_open", "slot": requested})
        return Decision(slots={requested: SKIPPED, REASKS_SLOT: 0}, replies=[note])
    return Decision(slots={REASKS_SLOT: reasks + 1})
