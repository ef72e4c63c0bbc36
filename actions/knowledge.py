"""Answer questions about the knowledge base at any point in the conversation."""
from __future__ import annotations

from abc import abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.family import FamilyAction
from actions.parsing import entity_values, latest_message
from actions.recommendation import case_check
from actions.replies import send
from bot.conversation.turns import Reply
from bot.dialogue import after_advice, explain
from bot.knowledge import load_knowledge


def remember(reply: Reply) -> List[Dict[Text, Any]]:
    """Keep what this answer was about, for "tell me more" and "where from?"."""
    payload = reply.payload or {}
    if payload.get("type") == "case":
        return [SlotSet("last_answer", {"kind": "cases", "id": payload["id"]})]
    general = (None, "general", "why", "partners_for_stage")
    if payload.get("type") == "explain" and payload.get("kind") not in general:
        return [SlotSet("last_answer", {"kind": payload["kind"], "id": payload["id"]})]
    return []


class KnowledgeAction(FamilyAction):
    """Send one reply about the knowledge base and remember its subject."""

    @abstractmethod
    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        """The reply for this question, given what it is about."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        about = explain.subject(latest_message(tracker).entities, tracker.get_slot("last_answer"))
        reply = self.reply(tracker, about)
        send(dispatcher, reply)
        return remember(reply)


class ActionExplain(KnowledgeAction):
    """"What is coupled open innovation?", "what does an intermediary do?"."""

    action_name = "action_explain"

    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        kb = load_knowledge()
        named = explain.subject(latest_message(tracker).entities)
        meaning = None if named else after_advice.meaning_asked(
            kb, tracker.latest_message.get("text") or "", tracker.get_slot("recommendation"))
        return meaning or explain.explain(kb, named or about)


class ActionShowExample(KnowledgeAction):
    """"Give me an example": a case from the sources."""

    action_name = "action_show_example"

    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        kb = load_knowledge()
        return explain.case(kb, explain.example_for(kb, about))


class ActionShowSources(KnowledgeAction):
    """"Where does that come from?": the sources of the last answer."""

    action_name = "action_show_sources"

    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        return explain.sources(load_knowledge(), tracker.get_slot("last_answer"))

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        """"Where does that come from? Is it a real bakery?" gets both answers."""
        events = super().run(dispatcher, tracker, domain)
        if after_advice.asks_if_real(tracker.latest_message.get("text") or ""):
            send(dispatcher, case_check(tracker))
        return events


class ActionTellMore(KnowledgeAction):
    """"Tell me more" about the last answer."""

    action_name = "action_tell_more"

    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        return explain.more(load_knowledge(), about)


class ActionPartnersForStage(KnowledgeAction):
    """"Which partners suit the scaling-up stage?"; without a stage named, the firm's own stage."""

    action_name = "action_partners_for_stage"

    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        stages = entity_values(tracker, "innovation_stage") or [tracker.get_slot("innovation_stage")]
        return explain.partners_for_stage(load_knowledge(), stages[0])


class ActionHandleFallback(KnowledgeAction):
    """A message the classifier is unsure of: explain the term it names, or ask to rephrase."""

    action_name = "action_handle_fallback"

    def reply(self, tracker: Tracker, about: Optional[dict]) -> Reply:
        kb = load_knowledge()
        message = latest_message(tracker)
        meaning = after_advice.meaning_asked(kb, message.text, tracker.get_slot("recommendation"))
        return explain.fallback(kb, message.entities, meaning)
