"""Realistic conversations stored the way Rasa stores them, for the review desk's tests.

Each owner message carries the parse data Rasa's pipeline produces (intent
with confidence and ranking, entities with their extractor, the response
selector for misconceptions), followed by the slot events, actions and bot
messages with their buttons and custom payloads, saved through Rasa's own
tracker store. Nothing here needs the Rasa servers.
"""
from __future__ import annotations

import asyncio
import functools
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from tests.storage.support import tracker_store

RANKED_MODELS = ["coupled_codevelopment", "supplier_collaboration", "university_partnership",
                 "customer_cocreation", "technology_scouting", "licensing_out", "crowdsourcing",
                 "innovation_challenge", "internal_collaboration", "spin_off", "open_source_sharing",
                 "joint_venture_alliance", "corporate_partnership", "intermediated_network",
                 "platform_based", "ecosystem_cluster"]
RANKED_PARTNERS = ["supplier", "university", "other_sme", "customer", "startup", "large_firm",
                   "public_research_centre", "crowd", "intermediary", "government_agency"]


def owner(text: str, intent: str, confidence: float, entities: Sequence[Dict[str, Any]] = (),
          response_key: Optional[str] = None) -> List[Any]:
    """An owner message with the parse data the NLU pipeline gives it."""
    from rasa.shared.core.events import UserUttered

    parse = {"text": text, "intent": {"name": intent, "confidence": confidence},
             "entities": list(entities),
             "intent_ranking": [{"name": intent, "confidence": confidence}]}
    if response_key:
        parse["response_selector"] = {
            "all_retrieval_intents": ["misconception"],
            "misconception": {"response": {"intent_response_key": response_key, "confidence": confidence,
                                           "responses": [{"text": "..."}]}, "ranking": []}}
    return [UserUttered(text, parse["intent"], list(entities), parse_data=parse)]


def click(payload_intent: str, **values: str) -> List[Any]:
    """A button click: the payload as text, understood with certainty."""
    text = "/" + payload_intent + (json.dumps(values) if values else "")
    entities = [{"entity": k, "value": v} for k, v in values.items()]
    return owner(text, payload_intent, 1.0, entities)


def bot(text: str, custom: Optional[Dict[str, Any]] = None,
        buttons: Sequence[Dict[str, str]] = ()) -> List[Any]:
    """A bot message with its buttons and custom payload."""
    from rasa.shared.core.events import BotUttered

    data: Dict[str, Any] = {"buttons": list(buttons) or None}
    if custom is not None:
        data["custom"] = custom
    return [BotUttered(text, data)]


def slots(**values: Any) -> List[Any]:
    """Slot events, as the form's validation returns them."""
    from rasa.shared.core.events import SlotSet

    return [SlotSet(name, value) for name, value in values.items()]


def action(name: str) -> List[Any]:
    """An action the bot ran."""
    from rasa.shared.core.events import ActionExecuted

    return [ActionExecuted(name)]


def button(title: str, payload_intent: str, **values: str) -> Dict[str, str]:
    """A quick-reply button as the bot sends it."""
    return {"title": title, "payload": "/" + payload_intent + (json.dumps(values) if values else "")}


def ruler(entity: str, value: str, text: str, words: str) -> Dict[str, Any]:
    """An entity found by the knowledge-base component, with its position."""
    start = text.index(words)
    return {"entity": entity, "value": value, "start": start, "end": start + len(words),
            "extractor": "KnowledgeEntityExtractor"}


MACHINE_SHOP = "we run a machine shop, 12 people, write to ann@lee.example or call +43 1 234 5678"


def bakery_turns() -> List[Any]:
    """A bakery owner's diagnosis: a misread answer, one voiced misconception, a fallback, advice."""
    events: List[Any] = []
    events += owner("hello there", "greet", 0.97)
    events += bot("Hello! I'm OI Advisor.", buttons=[button("Diagnose my firm", "start_diagnosis"),
                                                     button("I have doubts", "misconception")])
    events += click("start_diagnosis")
    events += bot("What does your firm do?", {"type": "question", "slot": "sector"})
    events += owner(MACHINE_SHOP, "inform", 0.55, [
        ruler("sector", "retail", MACHINE_SHOP, "shop"),
        {"entity": "company_size", "value": "small", "role": "answer", "confidence_entity": 0.82,
         "extractor": "AnswerReader"}])
    events += slots(sector="retail", company_size="small", contact_details="ann@lee.example")
    events += bot("What do you want to innovate?", {"type": "question", "slot": "innovation_need"},
                  [button("New products", "inform", innovation_need="new_product")])
    events += owner("isn't this only for big companies?", "misconception", 0.91,
                    response_key="misconception/only_for_large_firms")
    events += bot("Many small firms collaborate successfully.")
    events += bot("Why it matters: ...", {"type": "misconception", "id": "only_for_large_firms"})
    events += click("inform", innovation_need="new_product")
    events += slots(innovation_need="new_product")
    events += bot("How far are you?", {"type": "question", "slot": "innovation_stage"},
                  [button("Just exploring", "inform", innovation_stage="exploration")])
    events += click("inform", innovation_stage="exploration")
    events += slots(innovation_stage="exploration")
    events += bot("Here is what fits you.", {"type": "recommendation", "models": RANKED_MODELS,
                                             "partners": RANKED_PARTNERS})
    events += bot("Giving away secrets? Not so.", {"type": "misconception", "id": "giving_away_secrets"})
    events += bot("Too costly? Not so.", {"type": "misconception", "id": "too_costly_complex"})
    events += owner("wibble flop", "nlu_fallback", 0.31)
    events += action("action_default_fallback")
    events += bot("Sorry, I didn't get that.")
    return events


def dropped_turns() -> List[Any]:
    """An owner who leaves at the need question, after one unsure reading."""
    events: List[Any] = []
    events += owner("we make furniture", "inform", 0.64,
                    [ruler("sector", "manufacturing", "we make furniture", "furniture")])
    events += slots(sector="manufacturing")
    events += bot("What do you want to innovate?", {"type": "question", "slot": "innovation_need"})
    return events


@functools.lru_cache(maxsize=1)
def _slots() -> List[Any]:
    """The slots of the real domain, so slot events apply as they do in production."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(Path(__file__).resolve().parents[2] / "domain.yml")).slots


def save_turns(url: str, sender_id: str, events: Sequence[Any]) -> None:
    """Store events through Rasa's tracker store, after a session start."""
    from rasa.shared.core.events import ActionExecuted, SessionStarted
    from rasa.shared.core.trackers import DialogueStateTracker

    store = tracker_store(url)
    tracker = DialogueStateTracker(sender_id, _slots())
    for event in [ActionExecuted("action_session_start"), SessionStarted(),
                  ActionExecuted("action_listen"), *events]:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    store.engine.dispose()
