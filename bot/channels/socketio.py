"""Socket.io channel whose custom payloads look the same as on the REST channel.

Rasa's stock socket.io output emits a custom payload's keys as arguments of
``emit`` instead of sending them, so structured payloads never reach the
browser. This channel wraps each incoming message's output channel so that
custom payloads arrive as ``{"custom": {...}}``, exactly as REST returns them.
Each message is checked as the REST channel checks it
(:mod:`bot.channels.checks`): control characters are dropped, and a message
too long or without a usable session id gets a plain explanation instead of
being handled, as is a message that arrives while the conversation store
cannot be written to.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels.checks import NOT_SAVED, check_message, check_sender, clean_text
from bot.storage.tracker_store import conversations_can_be_saved


class PayloadSocketIOOutput(SocketIOOutput):
    """Sends custom payloads as ``{"custom": payload}`` bot messages."""

    async def send_custom_json(
        self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any
    ) -> None:
        """Send the payload as a message instead of spreading it into ``emit``."""
        await self._send_message(recipient_id, {"custom": json_message})


class PayloadSocketIOInput(SocketIOInput):
    """Rasa's socket.io input with :class:`PayloadSocketIOOutput` as output."""

    @classmethod
    def name(cls) -> Text:
        """Keep the stock channel name so clients and logs see ``socketio``."""
        return "socketio"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Swap each message's output channel before Rasa handles it."""

        async def handle(message: UserMessage) -> Any:
            stock = message.output_channel
            message.output_channel = PayloadSocketIOOutput(stock.sio, stock.bot_message_evt)
            problem = check_sender(message.sender_id) or check_message(message.text)
            if problem:
                if isinstance(message.sender_id, str):
                    await message.output_channel.send_text_message(message.sender_id, problem[1])
                return None
            if not await conversations_can_be_saved():
                await message.output_channel.send_text_message(message.sender_id, NOT_SAVED)
                return None
            message.text = clean_text(message.text)
            return await on_new_message(message)

        return super().blueprint(handle)
