"""Quiz answers: right or wrong, immediate feedback, the score, the end of the quiz."""
from __future__ import annotations

from typing import Optional

from bot.knowledge import KnowledgeBase
from bot.tutorial import views
from bot.tutorial.outcome import AnswerRecord, ProgressRecord, Turn
from bot.tutorial.state import TutorialState


def answer(kb: KnowledgeBase, state: TutorialState, chosen: Optional[int]) -> Turn:
    """Judge the answer to the current question (None: skipped) and move on.

    The feedback explains the right answer and cites its sources; after the
    last question the lesson is marked done with its score, and the result
    view (score and suggestion) follows.
    """
    lesson = state.current_lesson(kb)
    item = lesson.quiz[state.question - 1]
    correct = chosen == item.answer
    score = state.score + (1 if correct else 0)
    turn = Turn(state=state.replace(score=score),
                replies=[views.feedback(kb, lesson, state.question, chosen)],
                answers=[AnswerRecord(lesson.id, item.id, chosen, correct)])
    if state.question < len(lesson.quiz):
        turn.state = turn.state.replace(question=state.question + 1)
        return turn
    turn.state = turn.state.replace(phase="result").with_progress(lesson.id, done=True, score=score)
    turn.progress.append(ProgressRecord(lesson.id, state.step, score=score, done=True))
    return turn


def option_index(kb: KnowledgeBase, state: TutorialState, value: object) -> Optional[int]:
    """A ``quiz_option`` entity value as an index of the current question's options."""
    try:
        index = int(str(value).strip())
    except ValueError:
        return None
    options = state.current_lesson(kb).quiz[state.question - 1].options
    return index if 0 <= index < len(options) else None


def options(kb: KnowledgeBase, state: TutorialState) -> list:
    """The option texts of the current question."""
    return list(state.current_lesson(kb).quiz[state.question - 1].options)
