"""Send ``bot.dialogue`` replies through the Rasa SDK dispatcher."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from bot.conversation.turns import Reply


def send(dispatcher: CollectingDispatcher, *replies: Reply) -> None:
    """Utter each reply with its buttons and custom payload."""
    for reply in replies:
        dispatcher.utter_message(**reply.to_message())
