"""Record what the owner was told in the session log, never failing the chat.

Storage functions return False instead of raising; when that happens the
owner gets one short, polite note and the conversation carries on.
"""
from __future__ import annotations

import logging
from typing import Text

from rasa_sdk.executor import CollectingDispatcher

from bot.advice import Profile, Recommendation
from bot.storage import conversations

logger = logging.getLogger(__name__)
NOT_SAVED = ("(I couldn't save this part of our conversation for the advisors just now. "
             "Your answer above is unaffected.)")


def _report(dispatcher: CollectingDispatcher, saved: bool, what: Text) -> None:
    if not saved:
        logger.error("session log: could not store %s", what)
        dispatcher.utter_message(text=NOT_SAVED, json_message={"type": "notice", "id": "not_saved"})


def log_recommendation(dispatcher: CollectingDispatcher, sender_id: Text,
                       profile: Profile, advice: Recommendation) -> None:
    """Store the profile and the ranked recommendation of one conversation."""
    saved = conversations.record_profile(sender_id, profile.to_dict())
    saved = conversations.record_recommendation(
        sender_id, [m.id for m in advice.models], [p.id for p in advice.partners], list(advice.guidance)
    ) and saved
    _report(dispatcher, saved, "recommendation")


def log_misconception(dispatcher: CollectingDispatcher, sender_id: Text, misconception_id: Text) -> None:
    """Note a misconception the owner raised."""
    _report(dispatcher, conversations.record_misconception(sender_id, misconception_id), "misconception")
