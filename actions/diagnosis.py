"""The diagnosis form: validation and questions, translated to Rasa events."""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.parsing import latest_intent
from actions.replies import send
from bot.diagnosis import FORM_SLOTS, questions
from bot.diagnosis.interpret import Message
from bot.diagnosis.turn import REASKS_SLOT, decide
from bot.knowledge import load_knowledge


def latest_message(tracker: Tracker) -> Message:
    """The latest user message as the diagnosis logic reads it."""
    entities = [(item.get("entity"), item.get("value"))
                for item in tracker.latest_message.get("entities") or []]
    return Message(text=tracker.latest_message.get("text") or "",
                   intent=latest_intent(tracker), entities=entities)


class ValidateDiagnosisForm(Action):
    """Read the owner's answer; fill, skip, go back, explain or hand over."""

    def name(self) -> Text:
        return "validate_diagnosis_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        decision = decide(latest_message(tracker), tracker.get_slot("requested_slot"),
                          tracker.current_slot_values(), int(tracker.get_slot(REASKS_SLOT) or 0))
        if decision.reject:
            return []
        send(dispatcher, *decision.replies)
        return [SlotSet(name, value) for name, value in decision.slots.items()]


class AskQuestion(Action, metaclass=ABCMeta):
    """Ask one diagnosis question with its buttons and payload."""

    slot: Text = ""

    @abstractmethod
    def name(self) -> Text:
        """``action_ask_<slot>``, the name Rasa forms call to ask ``slot``."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        clarify = int(tracker.get_slot(REASKS_SLOT) or 0) > 0
        send(dispatcher, questions.question(load_knowledge(), self.slot, clarify=clarify))
        return []


def ask_action(slot: Text) -> type:
    """The ``action_ask_<slot>`` class for one form slot."""
    return type(f"AskQuestion_{slot}", (AskQuestion,), {"slot": slot, "name": lambda self: f"action_ask_{self.slot}"})


ASK_ACTIONS = [ask_action(slot) for slot in FORM_SLOTS]
