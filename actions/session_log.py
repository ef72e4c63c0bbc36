"""Record what the owner was told in the session log, never failing the chat.

Storage functions raise ``StorageError`` when the database lets them down.
``attempt`` is the one place the actions catch it: the error is logged, the
caller gets a stand-in result, the owner at most one short, polite note, and
the conversation carries on.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Text, TypeVar, Union

from rasa_sdk.executor import CollectingDispatcher

from bot.advice import Profile, Recommendation
from bot.storage import conversations
from bot.storage.database import StorageError

logger = logging.getLogger(__name__)
NOT_SAVED = ("(I couldn't save this part of our conversation for the advisors just now. "
             "Your answer above is unaffected.)")
T = TypeVar("T")
F = TypeVar("F")


def attempt(call: Callable[..., T], *args: Any, failed: F, **kwargs: Any) -> Union[T, F]:
    """What the storage ``call`` returns, or ``failed`` when the database let it down (logged)."""
    try:
        return call(*args, **kwargs)
    except StorageError:
        logger.exception("storage: %s failed", getattr(call, "__name__", call))
        return failed


def saved(call: Callable[..., None], *args: Any, **kwargs: Any) -> bool:
    """Whether the storage ``call``, which returns nothing, stored what it was given."""
    return attempt(call, *args, failed=False, **kwargs) is not False


def _report(dispatcher: CollectingDispatcher, stored: bool, what: Text) -> None:
    if not stored:
        logger.error("session log: could not store %s", what)
        dispatcher.utter_message(text=NOT_SAVED, json_message={"type": "notice", "id": "not_saved"})


def log_recommendation(dispatcher: CollectingDispatcher, sender_id: Text,
                       profile: Profile, advice: Recommendation) -> None:
    """Store the profile and the ranked recommendation of one conversation."""
    stored = saved(conversations.record_profile, sender_id, profile.to_dict())
    stored = saved(
        conversations.record_recommendation,
        sender_id, [m.id for m in advice.models], [p.id for p in advice.partners], list(advice.guidance)
    ) and stored
    _report(dispatcher, stored, "recommendation")


def log_misconception(dispatcher: CollectingDispatcher, sender_id: Text, misconception_id: Text) -> None:
    """Note a misconception the owner raised."""
    _report(dispatcher, saved(conversations.record_misconception, sender_id, misconception_id),
            "misconception")
