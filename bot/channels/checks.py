"""What the channels accept from a client, before Rasa handles it.

Rasa's channels take whatever arrives: a missing ``sender`` becomes the shared
id "default" (mixing strangers' conversations), a non-object body or a number
as ``message`` fails deep inside Rasa, and a NUL character is refused by
PostgreSQL when the turn is stored, so the turn is lost. These checks give
such requests a plain explanation instead, remove control characters from the
text, and refuse overly long messages before they cost seconds of CPU.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Optional, Tuple, Union

MAX_SENDER = 128
MAX_MESSAGE = 4000
TOO_LONG = 413
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

NOT_SAVED = ("I can't save our conversation right now, so I have not taken in that message. "
             "Please send it again in a minute: nothing you told me before is lost.")

Problem = Tuple[int, str]


def clean_text(text: str) -> str:
    """``text`` without control characters other than tab and line breaks.

    Lone UTF-16 surrogates (JSON allows "\\ud800") cannot be stored as UTF-8:
    they become "?".
    """
    return _CONTROL.sub("", text).encode("utf-8", "replace").decode("utf-8")


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def check_body(raw: bytes) -> Union[Problem, Dict[str, Any]]:
    """The request body as a checked, cleaned dict, or (status, reason) when it is unusable."""
    try:
        body = json.loads(raw or b"")
    except (ValueError, UnicodeDecodeError):
        return 400, "The body must be JSON: {\"sender\": \"...\", \"message\": \"...\"}."
    if not isinstance(body, dict):
        return 400, "The body must be a JSON object with 'sender' and 'message'."
    problem = check_sender(body.get("sender")) or check_message(body.get("message"))
    if problem:
        return problem
    if body.get("metadata") is not None and not isinstance(body["metadata"], dict):
        return 400, "'metadata' must be a JSON object."
    return {**body, "message": clean_text(body["message"])}


def check_sender(sender: Any) -> Optional[Problem]:
    """Why ``sender`` cannot name a conversation, or None: it is stored as the key of every event."""
    if not isinstance(sender, str) or not sender.strip():
        return 400, "'sender' is required: a text naming the conversation."
    if len(sender) > MAX_SENDER or _CONTROL.search(sender) or not _storable(sender):
        return 400, f"'sender' must be at most {MAX_SENDER} printable characters."
    return None


def check_message(message: Any) -> Optional[Problem]:
    """Why ``message`` cannot be handled, or None."""
    if not isinstance(message, str):
        return 400, "'message' is required: the text the owner wrote."
    if len(message) > MAX_MESSAGE:
        return TOO_LONG, f"That message is too long: please keep it under {MAX_MESSAGE} characters."
    return None
