"""What one turn of any conversation is made of: the message read, the replies, the decision.

Every feature (diagnosis, tutorial, follow-up, the replies after advice)
reads a ``Message`` and answers with ``Reply`` objects, and a form's turn
ends in a ``Decision``; keeping the three here lets the features share them
without depending on one another.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.understanding.reader import Reading


@dataclass(frozen=True)
class Message:
    """What Rasa understood of one message."""

    text: str
    intent: Optional[str]
    entities: Sequence[Tuple[str, Any]] = ()
    readings: Sequence[Reading] = ()
    doubt: float = 0.0


@dataclass(frozen=True)
class Button:
    """A quick reply; ``payload`` is what Rasa receives when it is pressed."""

    title: str
    payload: str

    def to_dict(self) -> Dict[str, str]:
        """Rasa's button format."""
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class Reply:
    """One message to the owner and the payload the widget and logs rely on."""

    text: str
    payload: Optional[Dict[str, Any]] = None
    buttons: List[Button] = field(default_factory=list)

    def to_message(self) -> Dict[str, Any]:
        """Keyword arguments for Rasa SDK's ``dispatcher.utter_message``."""
        message: Dict[str, Any] = {"text": self.text}
        if self.buttons:
            message["buttons"] = [button.to_dict() for button in self.buttons]
        if self.payload:
            message["json_message"] = self.payload
        return message


def intent_button(title: str, intent: str, **entities: str) -> Button:
    """A button that sends ``/intent{"entity": "value"}`` to Rasa."""
    if not entities:
        return Button(title, f"/{intent}")
    pairs = ", ".join(f'"{name}": "{value}"' for name, value in entities.items())
    return Button(title, f"/{intent}{{{pairs}}}")


@dataclass
class Decision:
    """Slot changes and messages for one turn of a form; ``reject`` hands the turn over."""

    slots: Dict[str, Any] = field(default_factory=dict)
    replies: List[Reply] = field(default_factory=list)
    reject: bool = False
