"""A learner driving the pure tutorial logic turn by turn, as the form's actions do."""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from bot.conversation.turns import Message
from bot.conversation.turns import Reply
from bot.knowledge.loader import KnowledgeBase
from bot.tutorial import AnswerRecord, ProgressRecord, TutorialState, Turn, navigation, views
from bot.tutorial.turn import decide


class Learner:
    """Keeps the state between turns and everything recorded, like Rasa's slots and our tables."""

    def __init__(self, kb: KnowledgeBase, lookup: Callable[[str], Optional[str]]) -> None:
        self.kb, self.lookup = kb, lookup
        self.state = TutorialState()
        self.answers: List[AnswerRecord] = []
        self.progress: List[ProgressRecord] = []
        self.last: Turn = Turn(state=self.state)
        self.replies: List[Reply] = []

    def start(self, stored: Optional[Dict[str, Any]] = None) -> "Learner":
        """ "Start the tutorial" (action_start_tutorial), then the form shows the position."""
        turn = navigation.start(self.kb, self.state, stored or {})
        return self._apply(turn)

    def say(self, text: str, intent: Optional[str] = None,
            entities: Sequence[Tuple[str, Any]] = ()) -> "Learner":
        """One message; a rejected message changes nothing (the rules answer it)."""
        turn = decide(self.kb, Message(text, intent, list(entities)), self.state, self.lookup)
        return self._apply(turn)

    def press(self, entity: str, value: Any) -> "Learner":
        """A button that sends /inform{"entity": "value"}."""
        return self.say(f'/inform{{"{entity}": "{value}"}}', "inform", [(entity, str(value))])

    def _apply(self, turn: Turn) -> "Learner":
        self.last = turn
        if turn.reject:
            self.replies = []
            return self
        self.state = turn.state
        self.answers += turn.answers
        self.progress += turn.progress
        self.replies = turn.replies + ([] if turn.stop else [views.view(self.kb, self.state)])
        return self

    @property
    def payloads(self) -> List[dict]:
        """Payloads of the replies to the last message, the view last."""
        return [reply.payload or {} for reply in self.replies]

    @property
    def shown(self) -> dict:
        """The payload of the view shown after the last message."""
        return self.payloads[-1]

    def to_menu(self) -> "Learner":
        """Skip the class code and go to the lesson menu."""
        return self.say("no", "deny")
