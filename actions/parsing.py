"""Read what Rasa understood of the latest message, in plain Python values."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker


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
