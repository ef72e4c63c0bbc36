"""The result of one tutorial turn: new state, messages, and what to store.

The pure logic never writes to the database itself; it lists what should be
recorded and the Rasa action stores it, so a failing database changes what
is saved but never what the learner is told.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from bot.conversation.turns import Reply
from bot.tutorial.state import TutorialState


@dataclass(frozen=True)
class AnswerRecord:
    """One quiz answer; ``answer`` is the chosen option's index, None when skipped."""

    lesson_id: str
    question_id: str
    answer: Optional[int]
    correct: bool


@dataclass(frozen=True)
class ProgressRecord:
    """A step reached or a quiz finished, for the tutorial-progress table."""

    lesson_id: str
    step: int
    score: Optional[int] = None
    done: bool = False


@dataclass
class Turn:
    """What one message does: ``reject`` hands it to the rules, ``stop`` ends the form."""

    state: TutorialState
    replies: List[Reply] = field(default_factory=list)
    answers: List[AnswerRecord] = field(default_factory=list)
    progress: List[ProgressRecord] = field(default_factory=list)
    reject: bool = False
    stop: bool = False
    #: what "give me an example" / "where from?" refer to now (``last_answer`` slot)
    subject: Optional[Dict[str, str]] = None


def rejected(state: TutorialState) -> Turn:
    """Leave the message to the rules (a side question); the form resumes after it."""
    return Turn(state=state, reject=True)
