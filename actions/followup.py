"""Follow-up requests and erasure: consent, contact form, delete my data."""
from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.family import FamilyAction
from actions.parsing import latest_intent
from actions.replies import send
from actions.session_log import attempt, saved
from bot.conversation.turns import Reply
from bot.followup import form as followup
from bot.followup.request import CONSENT_TEXT
from bot.storage import conversations


class ReplyAction(FamilyAction):
    """Send one fixed reply from ``bot.followup.form``."""

    @staticmethod
    @abstractmethod
    def make_reply() -> Reply:
        """The reply; each member sets it to a function of ``bot.followup.form``."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, self.make_reply())
        return []


#: consent before contact details, and confirmation before erasing
REPLY_ACTIONS = ReplyAction.members({name: {"make_reply": staticmethod(make_reply)} for name, make_reply in {
    "action_ask_followup_consent": followup.consent,
    "action_followup_declined": followup.declined,
    "action_confirm_erase": followup.confirm_erase,
    "action_erase_kept": followup.erase_kept,
    "action_explain_privacy": followup.privacy,
    "action_explain_privacy_consent": followup.privacy_then_consent,
}.items()})


class ValidateFollowupForm(Action):
    """Check each contact answer; re-ask with the reason when it is invalid."""

    def name(self) -> Text:
        return "validate_followup_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        decision = followup.decide(tracker.latest_message.get("text") or "", latest_intent(tracker),
                                   tracker.get_slot("requested_slot"))
        if decision.reject:
            return []
        send(dispatcher, *decision.replies)
        return [SlotSet(name, value) for name, value in decision.slots.items()]


class AskContact(FamilyAction):
    """Ask one contact question, with the reason if the last answer was refused."""

    #: the contact slot asked for; each member sets it
    slot: Text

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, followup.question(self.slot, tracker.get_slot("followup_problem")))
        return []


ASK_CONTACT_ACTIONS = AskContact.members({f"action_ask_{slot}": {"slot": slot}
                                          for slot in followup.FOLLOWUP_SLOTS})


class ActionSubmitFollowup(Action):
    """Store the request with the consent text and confirm its reference."""

    def name(self) -> Text:
        return "action_submit_followup"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        fields = followup.contact_fields(tracker.current_slot_values())
        reference = attempt(conversations.create_followup, tracker.sender_id, consent_text=CONSENT_TEXT,
                            failed=None, **fields)
        send(dispatcher, followup.confirmed(reference))
        return [SlotSet("followup_reference", reference)]


class ActionCancelFollowup(Action):
    """Forget the contact details typed so far."""

    def name(self) -> Text:
        return "action_cancel_followup"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, followup.cancelled())
        return [SlotSet(slot, None) for slot in followup.FOLLOWUP_SLOTS]


class ActionDeleteMyData(Action):
    """Erase the owner's conversation and requests; the tracker store follows."""

    def name(self) -> Text:
        return "action_delete_my_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        done = saved(conversations.erase_sender, tracker.sender_id)
        send(dispatcher, followup.erased(done))
        return [Restarted()] if done else []
