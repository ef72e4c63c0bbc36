"""Matching with other firms: the consent after the recommendation, and its withdrawal."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import send
from actions.session_log import attempt
from bot.dialogue import network
from bot.network.consent import CONSENT_TEXT
from bot.storage.network_chat import record_network_consent, withdraw_network_consent


def offer_matching(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Ask for the matching consent once, after the first recommendation."""
    if tracker.get_slot(network.SLOT):
        return []
    send(dispatcher, network.offer())
    return [SlotSet(network.SLOT, "offered")]


class ActionNetworkConsent(Action):
    """Store the yes with the wording shown and the diagnosed profile."""

    def name(self) -> Text:
        return "action_network_consent"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        stored = attempt(
            record_network_consent,
            tracker.sender_id,
            CONSENT_TEXT,
            tracker.current_slot_values(),
            failed=False,
        )
        send(dispatcher, network.agreed(stored))
        return [SlotSet(network.SLOT, "agreed" if stored else "offered")]


class ActionNetworkDeclined(Action):
    """Note the no; nothing is stored for the network."""

    def name(self) -> Text:
        return "action_network_declined"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, network.declined())
        return [SlotSet(network.SLOT, "declined")]


class ActionNetworkWithdraw(Action):
    """"Don't match me any more": end the consent at once."""

    def name(self) -> Text:
        return "action_network_withdraw"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        done = attempt(withdraw_network_consent, tracker.sender_id, failed=False)
        send(dispatcher, network.withdrawn(done))
        return [SlotSet(network.SLOT, "withdrawn")] if done else []
