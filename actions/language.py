"""Answer a message written in another language: English only, for now."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.language import english_only_reply, other_language


class ActionOtherLanguage(Action):
    """Say, in the owner's language where we can, that the assistant speaks English."""

    def name(self) -> Text:
        return "action_other_language"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        code = other_language(tracker.latest_message.get("text"))
        dispatcher.utter_message(text=english_only_reply(code))
        return []
