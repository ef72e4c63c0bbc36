"""Answer a misconception wherever it comes up in the conversation."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.parsing import entity_values, selected_response_key
from actions.replies import send
from actions.session_log import log_misconception
from bot.dialogue import misconceptions
from bot.knowledge import load_knowledge


class ActionExplainMisconception(Action):
    """Reply with the reality behind the belief the owner voiced."""

    def name(self) -> Text:
        return "action_explain_misconception"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = load_knowledge()
        selected = selected_response_key(tracker, "misconception")
        named = entity_values(tracker, "misconception")
        misconception_id = named[0] if named else selected
        if misconception_id not in kb.misconceptions:
            send(dispatcher, misconceptions.menu(kb))
            return []
        send(dispatcher, misconceptions.answer(kb, misconception_id,
                                               reality_said=misconception_id == selected))
        log_misconception(dispatcher, tracker.sender_id, misconception_id)
        raised = list(tracker.get_slot("misconceptions_raised") or [])
        return [
            SlotSet("misconceptions_raised", list(dict.fromkeys(raised + [misconception_id]))),
            SlotSet("last_answer", {"kind": "misconceptions", "id": misconception_id}),
        ]
