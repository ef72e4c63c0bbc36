"""Rasa's REST channel with each request checked (:mod:`bot.channels.checks`) first.

The body is read as JSON whatever its content type (``curl -d`` sends a form
type), as Rasa does; an unusable one gets a 4xx answer with ``{"error": ...}``,
and a message that is only too long gets the reason as the bot's reply.
While the conversation store cannot be written to, the owner is told that
the message was not taken in, instead of Rasa carrying on without memory.
"""
from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.checks import NOT_SAVED, TOO_LONG, check_body
from bot.storage.tracker_store import conversations_can_be_saved


class CheckedRestInput(RestInput):
    """``rest`` channel whose requests are checked and cleaned first."""

    @classmethod
    def name(cls) -> Text:
        """Keep the stock name, and so the URL ``/webhooks/rest/webhook``."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint with a check in front of its webhook."""
        blueprint = super().blueprint(on_new_message)

        @blueprint.middleware("request")
        async def check(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            checked = check_body(request.body)
            if isinstance(checked, tuple):
                status, reason = checked
                if status == TOO_LONG:  # a chat reply: the owner only wrote too much
                    sender = json.loads(request.body)["sender"]
                    return response.json([{"recipient_id": sender, "text": reason}])
                return response.json({"error": reason}, status=status)
            if not await conversations_can_be_saved():
                return response.json([{"recipient_id": checked["sender"], "text": NOT_SAVED}])
            request.parsed_json = checked  # type: ignore[assignment]  # Sanic types it as unset
            return None

        return blueprint
