"""The diagnosis form: validation, questions, summary and corrections, as Rasa events."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.family import FamilyAction
from actions.parsing import entity_values, latest_message
from actions.recommendation import named_models, recommend
from actions.replies import send
from bot.conversation.turns import Reply
from bot.diagnosis import FORM_SLOTS, questions, summary
from bot.diagnosis.corrections import change_request, corrections
from bot.diagnosis.form import is_answered
from bot.diagnosis.turn import ASKS_SLOT, CHOICES_SLOT, REASKS_SLOT, decide
from bot.knowledge import load_knowledge

DONE_SLOT = "diagnosis_done"
#: actions that run between a message and the form's reading of it
FORM_STEPS = {"action_listen", "diagnosis_form", "validate_diagnosis_form", "action_extract_slots",
              "action_start_diagnosis", "action_change_answer"}


def answered_aside(tracker: Tracker) -> bool:
    """True when the owner's latest message was already answered by another action.

    The form then resumes after a side remark, and the same message is read
    once more. Rasa validates on a copy of the tracker that ends with the
    form's own action, so the actions since the owner spoke are counted.
    """
    since: List[Text] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "action":
            since.append(event.get("name") or "")
    return any(name not in FORM_STEPS for name in since)


def asks_of(tracker: Tracker, slot: Optional[Text]) -> int:
    """How many times in a row ``slot`` has been asked."""
    asks = tracker.get_slot(ASKS_SLOT) or {}
    return int(asks.get("count", 0)) if isinstance(asks, dict) and asks.get("slot") == slot else 0


class ValidateDiagnosisForm(Action):
    """Read the owner's answer; fill, skip, go back, explain, clarify or hand over."""

    def name(self) -> Text:
        return "validate_diagnosis_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        requested = tracker.get_slot("requested_slot")
        decision = decide(latest_message(tracker, explicit_only=True), requested,
                          tracker.current_slot_values(),
                          reasks=int(tracker.get_slot(REASKS_SLOT) or 0), asks=asks_of(tracker, requested),
                          returning=answered_aside(tracker))
        if decision.reject:
            return []
        send(dispatcher, *decision.replies)
        return [SlotSet(name, value) for name, value in decision.slots.items()]


class AskQuestion(FamilyAction):
    """Ask one diagnosis question, or offer the likeliest readings of an unclear answer."""

    #: the form slot asked for; each member sets it
    slot: Text

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        clarify = int(tracker.get_slot(REASKS_SLOT) or 0) > 0
        likely = tracker.get_slot(CHOICES_SLOT) or []
        send(dispatcher, questions.question(load_knowledge(), self.slot, clarify=clarify, likely=likely))
        return [SlotSet(ASKS_SLOT, {"slot": self.slot, "count": asks_of(tracker, self.slot) + 1})]


#: ``action_ask_<slot>``, the name Rasa's form calls to ask ``slot``, for every question
ASK_ACTIONS = AskQuestion.members({f"action_ask_{slot}": {"slot": slot} for slot in FORM_SLOTS})


class ActionStartDiagnosis(Action):
    """Introduce the questions once; later, pick up where the owner left off."""

    def name(self) -> Text:
        return "action_start_diagnosis"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        answered = [slot for slot in FORM_SLOTS if is_answered(tracker.get_slot(slot))]
        if not answered:
            send(dispatcher, Reply(
                "Let's get to know your firm: about nine short questions. Answer in your own words or with "
                "the buttons; you can skip a question, go back, or ask why I ask.",
                {"type": "notice", "id": "diagnosis_intro"}))
        elif len(answered) < len(FORM_SLOTS):
            send(dispatcher, Reply("Let's pick up where we left off.",
                                   {"type": "notice", "id": "diagnosis_resumed"}))
        return [SlotSet(ASKS_SLOT, None), SlotSet(REASKS_SLOT, 0), SlotSet(CHOICES_SLOT, None)]


class ActionSummariseAnswers(Action):
    """Show what was understood before the advice, with a way to change it."""

    def name(self) -> Text:
        return "action_summarise_answers"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, summary.summary(load_knowledge(), tracker.current_slot_values()))
        return [SlotSet(DONE_SLOT, True), SlotSet(ASKS_SLOT, None)]


class ActionCorrectAnswers(Action):
    """After the advice, a stated fact corrects an answer and the advice follows again."""

    def name(self) -> Text:
        return "action_correct_answers"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = load_knowledge()
        slots = tracker.current_slot_values()
        changes = corrections(latest_message(tracker, explicit_only=True), slots)
        note = summary.changed(kb, slots, changes)
        if note is None:
            send(dispatcher, summary.summary(kb, slots))
            return []
        send(dispatcher, note)
        return [SlotSet(name, value) for name, value in changes.items()] + recommend(
            dispatcher, tracker.sender_id, {**slots, **changes}, named_models(tracker))


class ActionChangeAnswer(Action):
    """Reopen one question ("change the sector"), or ask which one."""

    def name(self) -> Text:
        return "action_change_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = load_knowledge()
        named = entity_values(tracker, "question")
        question = named[0] if named and named[0] in FORM_SLOTS else None
        change = change_request(latest_message(tracker, explicit_only=True), question,
                                tracker.current_slot_values())
        if not change.slots:
            send(dispatcher, summary.pick_question(kb, tracker.current_slot_values()))
            return []
        return [SlotSet(name, value) for name, value in change.slots.items()]
