"""Read what Rasa understood of the latest message, in plain Python values."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker

from bot.conversation.turns import Message
from bot.knowledge.slots import ENTITY_TO_SLOT
from bot.understanding.reader import from_entities

READER = "AnswerReader"
#: extractors whose entities are guesses, not values the owner picked
GUESSES = {READER, "KnowledgeEntityExtractor"}


def latest_intent(tracker: Tracker) -> Optional[Text]:
    """Name of the intent of the latest user message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def entity_values(tracker: Tracker, entity: Text) -> List[Text]:
    """All values of one entity in the latest message, first occurrence first."""
    values = [
        item.get("value")
        for item in tracker.latest_message.get("entities") or []
        if item.get("entity") == entity and item.get("value")
    ]
    return list(dict.fromkeys(values))


def selected_response_key(tracker: Tracker, retrieval_intent: Text) -> Optional[Text]:
    """Sub-intent chosen by the ResponseSelector, e.g. ``only_for_large_firms``."""
    selector: Dict[Text, Any] = tracker.latest_message.get("response_selector") or {}
    response = (selector.get(retrieval_intent) or {}).get("response") or {}
    key = response.get("intent_response_key") or ""
    prefix = f"{retrieval_intent}/"
    return key[len(prefix):] if key.startswith(prefix) else None


def latest_message(tracker: Tracker, explicit_only: bool = False) -> Message:
    """The latest user message as the dialogue logic reads it.

    ``explicit_only`` keeps, for the diagnosis questions, just the values of
    buttons and typed payloads: typed answers are read from the answer
    reader's readings, never from single matched words. Other entities
    (partner types named, models) are kept.
    """
    items = tracker.latest_message.get("entities") or []
    entities = [(item.get("entity"), item.get("value")) for item in items
                if item.get("extractor") != READER
                and not (explicit_only and item.get("extractor") in GUESSES
                         and item.get("entity") in ENTITY_TO_SLOT)]
    return Message(text=tracker.latest_message.get("text") or "", intent=latest_intent(tracker),
                   entities=entities, doubt=float(tracker.latest_message.get("doubt") or 0.0),
                   readings=from_entities(item for item in items if item.get("extractor") == READER))
