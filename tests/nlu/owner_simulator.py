"""Play a held-out firm's owner against the running assistant, over REST.

The owner opens with their script's first message, then types the
script's answer to whatever question is asked. Offered "Did you mean ...?"
choices, or asked the same question again, they act as a person would:
they press the button of the right answer if there is one, and otherwise
say "something else" or move on. The stored answers are read from the
summary the assistant shows before its advice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from tests.nlu.quality import expected, stored
from tests.servers import Chat

MAX_TURNS = 12


@dataclass
class Outcome:
    """How one firm's conversation went."""

    turns: int = 0
    reached: bool = False
    answers: Dict[str, Any] = field(default_factory=dict)
    asked: List[str] = field(default_factory=list)

    def right(self, script: Dict[str, Any]) -> int:
        """How many of the script's expected values were stored."""
        return sum(stored(slot, self.answers.get(slot)) == expected(slot, value)
                   for slot, value in script["expect"].items())


def _payload(messages: List[dict], kind: str) -> Optional[dict]:
    found = [item for item in Chat.payloads(messages) if item.get("type") == kind]
    return found[-1] if found else None


def _button_for(messages: List[dict], slot: str, value: Any) -> Optional[str]:
    values = value if isinstance(value, list) else [value]
    for item in values:
        wanted = {True: "yes", False: "no"}.get(item, item)
        for message in messages:
            for button in message.get("buttons", []):
                if f'"{wanted}"' in button["payload"] and f"{slot}" in button["payload"].replace("barrier", "barriers"):
                    return button["payload"]
    return None


def play(chat: Chat, script: Dict[str, Any]) -> Outcome:
    """Run one firm's conversation up to the advice or ``MAX_TURNS`` messages."""
    outcome = Outcome(turns=1)
    messages = chat.say(script["opener"])
    while outcome.turns < MAX_TURNS:
        summary = _payload(messages, "summary")
        if summary is not None:
            outcome.answers = summary["answers"]
            outcome.reached = _payload(messages, "recommendation") is not None
            return outcome
        question = _payload(messages, "question")
        if question is None:
            messages = chat.say("diagnose my firm")
        else:
            messages = chat.say(_reply(messages, question, script, outcome))
        outcome.turns += 1
    return outcome


def _reply(messages: List[dict], question: dict, script: Dict[str, Any], outcome: Outcome) -> str:
    slot = question["slot"]
    again = bool(outcome.asked) and outcome.asked[-1] == slot
    outcome.asked.append(slot)
    if question.get("clarify") or again:
        button = _button_for(messages, slot, script["expect"][slot])
        if button:
            return button
        return "/deny" if question.get("clarify") else "/skip_question"
    return str(script["answers"][slot])
