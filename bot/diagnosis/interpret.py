"""Turn one owner message into diagnosis slot values.

A message carries two kinds of evidence. Button clicks and typed payloads
give explicit values (``entities``). Typed text gives the answer reader's
``readings``: for each question, likely values with a confidence, read from
the whole message and from each clause.

The question being asked comes first: it is filled from the whole message
when one of its values is likely enough. Another question is filled from
the same message only from a clause of its own, read with high confidence,
so "no time and lack of know-how" answers the obstacles question and not
also the offer question. Answers given before are kept unless the owner
corrects one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple

from bot.conversation.turns import Message
from bot.diagnosis.form import LIST_SLOTS, is_answered
from bot.knowledge.slots import ANSWER_SLOTS, ENTITY_TO_SLOT, QUESTION_TERMS
from bot.understanding.clauses import clauses
from bot.understanding.reader import Reading

#: share of a value, given the message answers the question asked, to take it
ACCEPT = 0.5
#: confidence needed to fill a question that was not asked; on held-in examples
#: (cross-validated), fewer than 1 in 100 answers to another question and no
#: ordinary chat reach it
CONFIDENT = 0.65
#: a list answer (several obstacles) includes every value at least this likely
ALSO = 0.45
#: an answer tucked into a side remark must be clearly about the question
IN_PASSING = 0.5
#: a clause this likely to answer the asked question is not read for another
MAYBE_ASKED = 0.25
CLARIFY_CHOICES = 3
#: list slot -> the answer that means "nothing of these"
NONE_VALUES = {term.slot: term.none for term in QUESTION_TERMS if term.none}
#: list slots whose "nothing of these" is stored as the empty list (it is no knowledge entry)
EMPTY_WHEN_NONE = {term.slot for term in QUESTION_TERMS if term.none and term.none in term.extra}
#: the question whose answer may name past partners ("yes, with the local university")
PAST_PARTNERS_QUESTION = "partner_experience"
CORRECTION = re.compile(
    r"\b(actually|correction|i meant|change|instead|not|sorry,? (it'?s|we'?re)|no,? we|rather)\b", re.I)
#: a bare "no": to a question with a "nothing of these" answer, that answer
REFUSAL = re.compile(r"^\W*(?:no+|nope|nah|none|nothing)\W*$", re.I)
NEGATED = re.compile(r"\b(not|no|never|isn'?t|aren'?t|don'?t)\b", re.I)
#: questions answered with one knowledge-base entry, where "not X" denies X
SINGLE_VALUE_VOCABULARY = {term.slot for term in QUESTION_TERMS if term.kind and not term.many}


@dataclass
class Interpretation:
    """Slot updates read from a message, and the likeliest values when unsure."""

    updates: Dict[str, Any] = field(default_factory=dict)
    past_partners: List[str] = field(default_factory=list)
    choices: List[str] = field(default_factory=list)

    def answers(self, slot: Optional[str]) -> bool:
        """True when the message gave a value for ``slot``."""
        return slot is not None and slot in self.updates


def interpret(message: Message, requested: Optional[str], slots: Mapping[str, Any],
              correcting: bool = False, minimum: float = ACCEPT) -> Interpretation:
    """Slot values this message gives, respecting earlier answers.

    ``correcting`` lets confident readings replace earlier answers (after the
    summary or the recommendation); ``minimum`` raises the bar for the asked
    question when the message was mainly something else.
    """
    explicit = _from_entities(message.entities)
    found: Dict[str, Any] = dict(explicit)
    result = Interpretation()
    if requested in NONE_VALUES and requested not in found and REFUSAL.match(message.text or ""):
        found[requested] = _list_value(requested, [NONE_VALUES[requested]])
    if requested and requested not in found:
        value, result.choices = _asked(message.readings, requested, minimum)
        if value is not None:
            found[requested] = value
    for slot, value in _volunteered(message, requested, found).items():
        found.setdefault(slot, value)
    correcting = correcting or bool(CORRECTION.search(message.text or ""))
    for slot, value in found.items():
        if slot == requested or slot in explicit or correcting or not is_answered(slots.get(slot)):
            result.updates[slot] = value
    if requested == PAST_PARTNERS_QUESTION:
        result.past_partners = [value for entity, value in message.entities if entity == "partner"]
    return result


def _from_entities(entities: Sequence[Tuple[str, Any]]) -> Dict[str, Any]:
    """Values from buttons and typed payloads: explicit, so taken as they are."""
    found: Dict[str, Any] = {}
    for entity, value in entities:
        slot = ENTITY_TO_SLOT.get(entity)
        if slot is None:
            continue
        if slot in LIST_SLOTS:
            found.setdefault(slot, [])
            if not _means_empty(slot, value) and value not in found[slot]:
                found[slot].append(value)
        elif slot not in found:
            found[slot] = typed(slot, value)
    return found


def typed(slot: str, value: Any) -> Any:
    """A reading's value as the slot stores it (a yes-or-no question as a boolean)."""
    if ANSWER_SLOTS[slot].yes_no and isinstance(value, str):
        return {"yes": True, "no": False, "true": True, "false": False}.get(value.lower())
    if _means_empty(slot, value):
        return []
    return value


def _means_empty(slot: str, value: Any) -> bool:
    """Whether ``value`` is a "nothing of these" answer that the slot stores as no values."""
    return slot in EMPTY_WHEN_NONE and value == NONE_VALUES[slot]


def about(readings: Sequence[Reading], slot: str) -> float:
    """How likely the message is about ``slot`` at all, whatever the value."""
    return max((reading.confidence / reading.share for reading in readings
                if reading.slot == slot and reading.share > 0), default=0.0)


def _asked(readings: Sequence[Reading], slot: str, minimum: float) -> Tuple[Any, List[str]]:
    """The asked question's value, or None with the likeliest values to offer."""
    ranked = _ranked(readings, slot)
    if not ranked:
        return None, []
    choices = [value for value, _ in ranked[:CLARIFY_CHOICES]]
    top_value, top_share = ranked[0]
    if top_share < minimum:
        return None, choices
    if slot in LIST_SLOTS:
        return _list_value(slot, [value for value, share in ranked if share >= ALSO] or [top_value]), []
    return typed(slot, top_value), []


def _ranked(readings: Sequence[Reading], slot: str) -> List[Tuple[str, float]]:
    """Values for ``slot`` by their best share over the message and its clauses."""
    scores: Dict[str, float] = {}
    for reading in readings:
        if reading.slot == slot:
            scores[reading.value] = max(scores.get(reading.value, 0.0), reading.share)
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)


def _list_value(slot: str, values: List[str]) -> List[str]:
    none = NONE_VALUES[slot]
    named = [value for value in values if value != none]
    if not named:
        return [] if slot in EMPTY_WHEN_NONE else [none]
    return named


def _volunteered(message: Message, requested: Optional[str],
                 found: Mapping[str, Any]) -> Dict[str, Any]:
    """Other questions answered in clauses of their own, read with confidence.

    A clause that might be part of the answer to the asked question (its
    reading for that question is not negligible) is left to that question.
    """
    spans = _answer_spans(message, requested in found)
    claimed = _claims(message.readings)
    asked = {(r.start, r.end): r.confidence for r in message.readings if r.slot == requested}
    volunteered: Dict[str, Any] = {}
    for reading in sorted(message.readings, key=lambda item: -item.confidence):
        span = (reading.start, reading.end)
        if reading.slot == requested or reading.slot in found or reading.slot in volunteered:
            continue
        if span not in spans or reading.confidence < CONFIDENT or claimed.get(span) != reading.slot:
            continue
        if asked.get(span, 0.0) >= MAYBE_ASKED or _negated(message.text, reading):
            continue
        value = typed(reading.slot, reading.value)
        listed = reading.slot in LIST_SLOTS
        volunteered[reading.slot] = _list_value(reading.slot, [reading.value]) if listed else value
    return volunteered


def _answer_spans(message: Message, asked_answered: bool) -> Set[Tuple[int, int]]:
    """Spans that may answer other questions.

    In a message of several clauses, each clause (and a stated head count)
    may; the whole message may not, as its reading blends the clauses. A
    one-clause message may, unless it already answered the asked question.
    """
    spans = {(reading.start, reading.end) for reading in message.readings}
    if not spans:
        return set()
    whole = (min(start for start, _ in spans), max(end for _, end in spans))
    if len(clauses(message.text or "")) > 1 or asked_answered:
        return spans - {whole}
    return spans


def _claims(readings: Sequence[Reading]) -> Dict[Tuple[int, int], str]:
    """For each span, the question it is most confidently about."""
    best: Dict[Tuple[int, int], Reading] = {}
    for reading in readings:
        span = (reading.start, reading.end)
        if span not in best or reading.confidence > best[span].confidence:
            best[span] = reading
    return {span: reading.slot for span, reading in best.items()}


def _negated(text: str, reading: Reading) -> bool:
    """"we are not retail": a categorical value the owner denies is no answer."""
    if reading.slot not in SINGLE_VALUE_VOCABULARY:
        return False
    return bool(NEGATED.search(text[reading.start:reading.end]))
