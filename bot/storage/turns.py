"""What the bot understood, turn by turn, read from Rasa's ``events`` table.

The transcript alone hides the things a reviewer needs: which intent the
model chose and how sure it was, which entities it found (whatever component
found them), which slots the turn set and which knowledge answer it
triggered. Rasa keeps all of that in the event JSON; this module turns it
into plain values. Texts stay raw: templates escape them.

A button click arrives as its payload (``/inform{"innovation_stage": ...}``);
the title the owner actually pressed is found among the buttons the bot
offered earlier, so reviewers read what the owner saw.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.storage.transcript import events, has_events_table, to_datetime

#: below this intent confidence a turn is flagged for review (Rasa's fallback is at 0.45)
LOW_CONFIDENCE = 0.7
FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTION = "action_default_fallback"
MISCONCEPTION_INTENT = "misconception"
ANSWER_TYPES = ("misconception", "explain", "case")
#: slots whose values are bookkeeping, too large or personal to show per turn
HIDDEN_SLOTS = frozenset({"recommendation", "contact_name", "contact_company", "contact_details",
                          "contact_time", "learner_name", "tutorial_progress"})
READ_TYPES = ("user", "bot", "slot", "action")


@dataclass(frozen=True)
class Entity:
    """One entity as the NLU pipeline reported it, whichever component found it."""

    entity: str
    value: str
    role: Optional[str] = None
    confidence: Optional[float] = None
    extractor: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Turn:
    """One message with what the bot understood of it (user) or what it answered (bot)."""

    event_id: int
    speaker: str
    text: str
    at: Optional[datetime]
    clicked: bool = False
    raw: str = ""
    intent: Optional[str] = None
    confidence: Optional[float] = None
    entities: List[Entity] = field(default_factory=list)
    slots: List[Tuple[str, Any]] = field(default_factory=list)
    answers: List[Tuple[str, str]] = field(default_factory=list)
    misconception: Optional[str] = None
    core_fallback: bool = False
    buttons: List[str] = field(default_factory=list)
    payload: Optional[Dict[str, Any]] = None

    @property
    def fallback(self) -> bool:
        """Whether the model gave up on this message."""
        return self.intent == FALLBACK_INTENT or self.core_fallback

    @property
    def low_confidence(self) -> bool:
        """Whether the model chose an intent but was unsure of it."""
        return (self.speaker == "user" and not self.clicked and self.intent != FALLBACK_INTENT
                and self.confidence is not None and self.confidence < LOW_CONFIDENCE)


def _json(data: Optional[str]) -> Dict[str, Any]:
    """The event's JSON, or an empty dict when it is missing or damaged."""
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> Optional[float]:
    """A confidence as a float, or None when absent or not a number."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def entities_of(parse: Dict[str, Any]) -> List[Entity]:
    """Every entity of a parse result, keeping role, confidence and extractor when present."""
    found = []
    for item in parse.get("entities") or []:
        if isinstance(item, dict) and item.get("entity"):
            value = item.get("value")
            found.append(Entity(
                entity=str(item["entity"]),
                value=value if isinstance(value, str) else json.dumps(value, ensure_ascii=False),
                role=item.get("role"), confidence=_number(item.get("confidence_entity")),
                extractor=item.get("extractor"),
                start=item.get("start") if isinstance(item.get("start"), int) else None,
                end=item.get("end") if isinstance(item.get("end"), int) else None,
            ))
    return found


def voiced_misconception(parse: Dict[str, Any], entities: Iterable[Entity]) -> Optional[str]:
    """The misconception a ``misconception`` message named: its entity, else the selected response."""
    for entity in entities:
        if entity.entity == MISCONCEPTION_INTENT and entity.value:
            return entity.value
    selector = parse.get("response_selector") or {}
    response = (selector.get(MISCONCEPTION_INTENT) or {}).get("response") or {}
    key = str(response.get("intent_response_key") or "")
    prefix = MISCONCEPTION_INTENT + "/"
    if not key.startswith(prefix):
        return None
    return key[len(prefix):] or None


def _user_turn(row: Any, event: Dict[str, Any], titles: Dict[str, str]) -> Turn:
    """A user message with its intent, confidence, entities and the title of a clicked button."""
    parse = event.get("parse_data") or {}
    intent = parse.get("intent") or {}
    raw = str(event.get("text") or "")
    clicked = raw.startswith("/")
    entities = entities_of(parse)
    name = intent.get("name") or row.intent_name
    return Turn(
        event_id=row.id, speaker="user", raw=raw, at=to_datetime(row.timestamp),
        text=titles.get(raw) or (describe_command(raw, entities) if clicked else raw),
        clicked=clicked, intent=name, confidence=_number(intent.get("confidence")),
        entities=entities,
        misconception=voiced_misconception(parse, entities) if name == MISCONCEPTION_INTENT else None,
    )


def describe_command(raw: str, entities: List[Entity]) -> str:
    """A button payload whose title is unknown, in words: ``inform (innovation stage: exploration)``."""
    name = raw[1:].split("{", 1)[0]
    details = ", ".join(f"{e.entity.replace('_', ' ')}: {e.value.replace('_', ' ')}" for e in entities)
    return f"{name.replace('_', ' ')} ({details})" if details else name.replace("_", " ")


def _bot_turn(row: Any, event: Dict[str, Any], titles: Dict[str, str]) -> Turn:
    """A bot message; remembers its buttons' titles for the clicks that follow."""
    message = event.get("data") or {}
    buttons = [b for b in message.get("buttons") or [] if isinstance(b, dict)]
    for button in buttons:
        if button.get("payload") and button.get("title"):
            titles[str(button["payload"])] = str(button["title"])
    custom = message.get("custom") if isinstance(message.get("custom"), dict) else None
    answer = []
    if custom and custom.get("type") in ANSWER_TYPES and custom.get("id"):
        kind = custom.get("kind") or custom["type"]
        answer = [(str(kind), str(custom["id"]))]
    return Turn(event_id=row.id, speaker="bot", text=str(event.get("text") or ""),
                at=to_datetime(row.timestamp), buttons=[str(b.get("title", "")) for b in buttons],
                payload=custom, answers=answer)


def build_turns(rows: Iterable[Any]) -> List[Turn]:
    """Turns from ``events`` rows in order; slot and answer events attach to the latest user turn."""
    turns: List[Turn] = []
    titles: Dict[str, str] = {}
    current: Optional[Turn] = None
    for row in rows:
        event = _json(row.data)
        if row.type_name == "user":
            current = _user_turn(row, event, titles)
            turns.append(current)
        elif row.type_name == "bot":
            turn = _bot_turn(row, event, titles)
            turns.append(turn)
            if current is not None:
                current.answers.extend(turn.answers)
        elif row.type_name == "slot" and current is not None and event.get("name") not in HIDDEN_SLOTS:
            name = str(event.get("name") or "")
            current.slots = [(n, v) for n, v in current.slots if n != name] + [(name, event.get("value"))]
        elif row.type_name == "action" and row.action_name == FALLBACK_ACTION and current is not None:
            current.core_fallback = True
    return turns


def _rows(connection: Connection, senders: Optional[List[str]]) -> Iterable[Any]:
    """The events that matter for review, in order, for some senders or all."""
    query = (select(events.c.id, events.c.sender_id, events.c.type_name, events.c.timestamp,
                    events.c.intent_name, events.c.action_name, events.c.data)
             .where(events.c.type_name.in_(READ_TYPES)).order_by(events.c.sender_id, events.c.id))
    if senders is not None:
        query = query.where(events.c.sender_id.in_(senders))
    return connection.execute(query)


def load_turns(connection: Connection, sender_id: str) -> List[Turn]:
    """The turns of one conversation (empty when Rasa has stored nothing)."""
    return turns_by_sender(connection, [sender_id]).get(sender_id, [])


def turns_by_sender(connection: Connection, senders: Optional[List[str]] = None) -> Dict[str, List[Turn]]:
    """Turns of several conversations at once (all of them when ``senders`` is None)."""
    if not has_events_table(connection) or senders == []:
        return {}
    grouped: Dict[str, List[Any]] = {}
    for row in _rows(connection, senders):
        grouped.setdefault(row.sender_id, []).append(row)
    return {sender: build_turns(rows) for sender, rows in grouped.items()}
