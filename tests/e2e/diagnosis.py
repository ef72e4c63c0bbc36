"""Drive the diagnosis form over REST, answering whatever it asks."""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from tests.servers import Chat


def last_question(messages: List[dict]) -> Optional[str]:
    """The slot of the last question payload among the bot's messages."""
    slots = [p["slot"] for p in Chat.payloads(messages) if p.get("type") == "question"]
    return slots[-1] if slots else None


def recommendation(messages: List[dict]) -> Optional[dict]:
    """The recommendation payload among the bot's messages, if any."""
    return next((p for p in Chat.payloads(messages) if p.get("type") == "recommendation"), None)


def button_payload(messages: List[dict], value: str) -> str:
    """The payload of the button whose payload names ``value``."""
    for message in messages:
        for button in message.get("buttons", []):
            if f'"{value}"' in button["payload"]:
                return button["payload"]
    raise AssertionError(f"no button for {value!r} in {messages!r}")


def run_diagnosis(chat: Chat, opening: str, answers: Dict[str, str],
                  buttons: bool = False, limit: int = 14) -> Tuple[dict, List[str]]:
    """Answer each question from ``answers`` (by slot) until the result comes.

    With ``buttons`` the answer is the id of the button to press. Returns the
    recommendation payload and the slots that were asked, in order.
    """
    messages = chat.say(opening)
    asked: List[str] = []
    for _ in range(limit):
        result = recommendation(messages)
        if result:
            return result, asked
        slot = last_question(messages)
        assert slot, f"expected a question or a result, got {messages!r}"
        asked.append(slot)
        answer = answers[slot]
        messages = chat.say(button_payload(messages, answer) if buttons else answer)
    raise AssertionError(f"no recommendation after {limit} turns; asked {asked}")
