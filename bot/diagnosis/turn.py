"""Decide what one owner message does to the diagnosis form.

The form asks; this module decides what the answer means: fill slots, skip
the question, go back one question, explain why it is asked, offer the
likeliest readings when unsure ("Did you mean ...?"), or leave the message
to the rest of the assistant (a doubt, a side question, "stop", "delete my
data") so that the form resumes afterwards.

Two promises hold whatever the owner types: no question is asked more than
twice in a row (after the second time it is left open and the form moves
on), and no message restarts the form.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from bot.conversation.control import HANDED_OVER, SIDE_QUESTIONS
from bot.conversation.phrasing import looks_like_question
from bot.conversation.turns import Decision, Message, Reply
from bot.diagnosis import questions
from bot.diagnosis.form import SKIPPED, previous_slot
from bot.diagnosis.interpret import (
    CONFIDENT,
    IN_PASSING,
    MAYBE_ASKED,
    REFUSAL,
    Interpretation,
    about,
    interpret,
    typed,
)

#: intents the form hands to rules: side questions and conversation control
DIGRESSIONS = frozenset(HANDED_OVER)
#: messages that are no answer and no side question: acknowledged, then the question again
CHATTER = {
    "greet": "Hello! Let's carry on.",
    "thank": "You're welcome. Let's carry on.",
    "start_diagnosis": "We're in the middle of the questions already; let's carry on.",
    "show_menu": "Let's finish these few questions first; the menu is there afterwards.",
    "next_step": "Let's carry on.",
}
#: below this doubt probability, a "misconception" inside the form is read as an answer
VOICED_DOUBT = 0.5
#: a message that answers the question just asked is a doubt only above this probability.
#: The doubt detector was trained with doubts and other messages weighed equally; an owner
#: who was just asked a question is answering it far more often (we assume at least nine
#: times in ten), so the detector's odds must exceed those prior odds of 9 to 1.
ANSWER_PRIOR_ODDS = 9.0
DOUBT_IN_AN_ANSWER = ANSWER_PRIOR_ODDS / (ANSWER_PRIOR_ODDS + 1)
REASKS_SLOT = "diagnosis_reasks"
CHOICES_SLOT = "diagnosis_choices"
ASKS_SLOT = "diagnosis_asks"
MAX_ASKS = 2


def decide(message: Message, requested: Optional[str], slots: Mapping[str, Any],
           reasks: int = 0, asks: int = 0, returning: bool = False) -> Decision:
    """What the form should do with ``message`` while ``requested`` is asked.

    ``asks`` counts how often ``requested`` has been asked in a row;
    ``returning`` is True when the form resumes after a side remark was
    answered, and the same message is read once more for an answer in it.
    """
    if requested is None:
        reading = interpret(message, None, slots)
        return _fill(reading, slots) if reading.updates else Decision()
    if returning:
        return _after_side_remark(message, requested, slots, asks)
    choice = _chosen(message, requested, slots, asks)
    if choice is not None:
        return choice
    if message.intent == "skip_question":
        return _skip(message, requested, slots)
    if message.intent == "go_back":
        return _go_back(requested, slots)
    if message.intent == "why_ask":
        return Decision(slots={REASKS_SLOT: reasks}, replies=[questions.why(requested)])
    if message.intent == "misconception" and not _voices_doubt(message, requested, slots):
        return _answer_not_doubt(message, requested, slots, reasks, asks)
    if message.intent in DIGRESSIONS:
        return Decision(reject=True)
    reading = interpret(message, requested, slots)
    if reading.updates and not reading.answers(requested) and asks >= MAX_ASKS:
        return _merged(_fill(reading, slots), _leave_open(requested))
    if reading.updates:
        return _fill(reading, slots)
    if message.intent in CHATTER:
        return _chatter(message.intent, requested, reasks, asks)
    return _unclear(requested, reasks, asks, reading)


def _skip(message: Message, requested: str, slots: Mapping[str, Any]) -> Decision:
    """Skip the question, unless the message plainly answers it.

    "no, not really, we only sell locally" asked about selling abroad shares
    its words with "no, next question"; when the answer reader is as sure the
    message is about the question as it must be to fill an unasked one, the
    answer is kept.
    """
    reading = interpret(message, requested, slots)
    if reading.answers(requested) and about(message.readings, requested) >= CONFIDENT:
        return _fill(reading, slots)
    return Decision(slots={requested: SKIPPED, REASKS_SLOT: 0, CHOICES_SLOT: None})


def _voices_doubt(message: Message, requested: str, slots: Mapping[str, Any]) -> bool:
    """Whether a "misconception" inside the form should interrupt it with a card.

    "If the partner is right, sure" (asked about partners abroad) and "our
    blends are secret, so very" (asked about secrecy) share words with
    doubts, yet answer the question: the card then answers a doubt nobody
    voiced. A message that answers the question needs the stronger doubt.
    """
    if message.doubt < VOICED_DOUBT:
        return False
    return message.doubt >= DOUBT_IN_AN_ANSWER or not interpret(message, requested, slots).answers(requested)


def _answer_not_doubt(message: Message, requested: str, slots: Mapping[str, Any],
                      reasks: int, asks: int) -> Decision:
    """A "misconception" the doubt detector does not confirm is read as an answer.

    The intent classifier alone is overconfident on answers that share a
    doubt's words ("our recipes are secret"); an owner who was just asked a
    question is far more likely answering it. So the form is interrupted
    only when both classifiers hear a doubt; otherwise the message is an
    answer, and an unclear one gets "Did you mean ...?" like any other.
    """
    reading = interpret(message, requested, slots)
    if reading.updates:
        return _fill(reading, slots)
    return _unclear(requested, reasks, asks, reading)


def _chatter(intent: str, requested: str, reasks: int, asks: int) -> Decision:
    """A greeting or "start the diagnosis" mid-form: acknowledge, ask again, never restart."""
    if asks >= MAX_ASKS:
        return _leave_open(requested)
    note = Reply(CHATTER[intent], {"type": "notice", "id": "carry_on"})
    return Decision(slots={REASKS_SLOT: reasks}, replies=[note])


def _after_side_remark(message: Message, requested: str, slots: Mapping[str, Any],
                       asks: int) -> Decision:
    """Keep an answer given together with a doubt; never ask a third time.

    "We're a bakery, probably too small for this" gets the doubt answered
    by its card, and the sector stored here.
    """
    asking = message.intent in SIDE_QUESTIONS and looks_like_question(message.text)
    reading = interpret(message, requested, slots, minimum=IN_PASSING)
    if not asking and reading.answers(requested):
        return _fill(reading, slots)
    if asks >= MAX_ASKS:
        return _leave_open(requested)
    if not asking and reading.choices and about(message.readings, requested) >= MAYBE_ASKED:
        return Decision(slots={CHOICES_SLOT: reading.choices})
    return Decision()


def _chosen(message: Message, requested: str, slots: Mapping[str, Any], asks: int) -> Optional[Decision]:
    """"yes" to "Did you mean X?" takes X; "no" shows every choice, or moves on after the second ask.

    A bare "no" here refuses the choices, although to the question itself it
    would mean "none of these".
    """
    offered = list(slots.get(CHOICES_SLOT) or [])
    if not offered or message.intent not in ("affirm", "deny"):
        return None
    refused = message.intent == "deny" and REFUSAL.match(message.text or "")
    if not refused and interpret(message, requested, slots).answers(requested):
        return None
    if message.intent == "affirm":
        reading = Interpretation(updates={requested: typed(requested, offered[0])})
        return _fill(reading, slots)
    if asks >= MAX_ASKS:
        return _leave_open(requested)
    return Decision(slots={CHOICES_SLOT: None, REASKS_SLOT: 1})


def _fill(reading: Interpretation, slots: Mapping[str, Any]) -> Decision:
    changes: Dict[str, Any] = dict(reading.updates)
    if reading.past_partners:
        known = list(slots.get("past_partners") or [])
        changes["past_partners"] = list(dict.fromkeys(known + reading.past_partners))
    changes[REASKS_SLOT] = 0
    changes[CHOICES_SLOT] = None
    return Decision(slots=changes)


def _go_back(requested: Optional[str], slots: Mapping[str, Any]) -> Decision:
    target = previous_slot(slots, requested)
    if target is None:
        return Decision(slots={REASKS_SLOT: 0}, replies=[Reply(
            "This is the first question, so there is nothing to go back to.",
            {"type": "notice", "id": "first_question"})])
    return Decision(slots={target: None, "requested_slot": target, REASKS_SLOT: 0, CHOICES_SLOT: None})


def _unclear(requested: str, reasks: int, asks: int, reading: Interpretation) -> Decision:
    """Offer the likeliest readings; after the second miss, move on."""
    if reasks >= 1 or asks >= MAX_ASKS:
        return _leave_open(requested)
    return Decision(slots={REASKS_SLOT: reasks + 1, CHOICES_SLOT: reading.choices or None})


def _merged(first: Decision, second: Decision) -> Decision:
    return Decision(slots={**first.slots, **second.slots}, replies=first.replies + second.replies)


def _leave_open(requested: str) -> Decision:
    note = Reply("No problem, let's leave that one open and carry on. You can change it at the end.",
                 {"type": "notice", "id": "left_open", "slot": requested})
    return Decision(slots={requested: SKIPPED, REASKS_SLOT: 0, CHOICES_SLOT: None}, replies=[note])
