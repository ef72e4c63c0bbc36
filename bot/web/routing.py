"""A URL converter that carries any conversation id in one path segment.

Conversation ids come from the channels and may hold "/", "?", "#", "%",
spaces or non-ASCII letters. WSGI servers decode the path before routing, so
a single ``%2F`` would arrive as "/" and split the segment: the id is
therefore percent-encoded twice when a URL is built and decoded once more
here after the server's own decoding. Ordinary ids ("chat-1", UUIDs) come out
unchanged. "." and ".." are encoded too, since browsers would resolve them.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

from werkzeug.routing import BaseConverter


class ConversationIdConverter(BaseConverter):
    """``<conversation:sender_id>``: one segment, whatever the id contains."""

    def to_python(self, value: str) -> str:
        return unquote(value)

    def to_url(self, value: str) -> str:
        once = quote(value, safe="")
        if once in (".", ".."):
            once = once.replace(".", "%2E")
        return quote(once, safe="")


CONVERTERS = {"conversation": ConversationIdConverter}
