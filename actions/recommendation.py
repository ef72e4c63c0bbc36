"""Give the diagnosis result and answer questions about it."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.network import offer_matching
from actions.parsing import entity_values
from actions.replies import send
from actions.session_log import log_recommendation
from bot.advice import Profile
from bot.conversation.sources import web_base
from bot.diagnosis.form import profile_slots
from bot.dialogue import after_advice, recommendation
from bot.knowledge import load_knowledge


def named_models(tracker: Tracker) -> List[Text]:
    """Models the owner named anywhere in the chat, first mention first.

    "Why not just license it out?" during the diagnosis shows what the owner
    hopes for; the recommender weighs it (rule ``technology_income``).
    """
    found: List[Text] = []
    for event in tracker.events:
        if event.get("event") != "user":
            continue
        for item in (event.get("parse_data") or {}).get("entities") or []:
            value = item.get("value")
            if item.get("entity") == "model" and value and value not in found:
                found.append(value)
    return found


class ActionRecommend(Action):
    """Score the firm's profile and present models, partners, risk and steps."""

    def name(self) -> Text:
        return "action_recommend"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = recommend(
            dispatcher, tracker.sender_id, tracker.current_slot_values(), named_models(tracker)
        )
        return events + offer_matching(dispatcher, tracker)


def recommend(dispatcher: CollectingDispatcher, sender_id: Text, slots: Dict[Text, Any],
              interests: List[Text]) -> List[Dict[Text, Any]]:
    """Present the advice for these answers; also used after a correction."""
    profile = Profile.from_slots({**profile_slots(slots), "interests": interests})
    replies, advice = recommendation.result(load_knowledge(), profile)
    send(dispatcher, *replies)
    log_recommendation(dispatcher, sender_id, profile, advice)
    top = advice.models[0].id if advice.models else None
    plan = recommendation.plan_url(profile)
    return [SlotSet("recommendation", recommendation.memory(advice, plan=plan)),
            SlotSet("last_answer", {"kind": "models", "id": top})]


class ActionWhyRecommendation(Action):
    """Explain the reasons behind one recommended model or partner."""

    def name(self) -> Text:
        return "action_why_recommendation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        named = entity_values(tracker, "model") + entity_values(tracker, "partner")
        kb = load_knowledge()
        reply = recommendation.why(kb, tracker.get_slot("recommendation"), named[0] if named else None)
        send(dispatcher, reply)
        payload = reply.payload or {}
        if payload.get("type") != "explain":
            return []
        kind = recommendation.kind_of(kb, payload["id"])
        return [SlotSet("last_answer", {"kind": kind, "id": payload["id"]})]


class ActionShowOtherOptions(Action):
    """Show the next-best models and partners."""

    def name(self) -> Text:
        return "action_show_other_options"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        remembered = tracker.get_slot("recommendation")
        send(dispatcher, recommendation.other_options(remembered))
        if not remembered:
            return []
        return [SlotSet("recommendation", {**remembered, "shown": int(remembered.get("shown", 3)) + 3})]


class ActionFirstStep(Action):
    """"What do I do first?": the first step of the advice, then the two after it."""

    def name(self) -> Text:
        return "action_first_step"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        reply = after_advice.first_step(tracker.get_slot("recommendation"))
        send(dispatcher, reply or recommendation.no_recommendation_yet())
        return []


class ActionShowPlan(Action):
    """"Show me the full plan": a link to the plan page of the advice given."""

    def name(self) -> Text:
        return "action_show_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, recommendation.plan_reply(tracker.get_slot("recommendation")))
        return []


class ActionCheckCase(Action):
    """"Is that a real case?": real, a guide's example or hypothetical, with the source."""

    def name(self) -> Text:
        return "action_check_case"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, case_check(tracker))
        return []


def case_check(tracker: Tracker) -> Any:
    """The reply on whether the case named, last shown or used in the advice is real."""
    named = entity_values(tracker, "case")
    last = tracker.get_slot("last_answer") or {}
    case_id = named[0] if named else (last.get("id") if last.get("kind") == "cases" else None)
    return after_advice.is_real(load_knowledge(), case_id, tracker.get_slot("recommendation"), web_base())
