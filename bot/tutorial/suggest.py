"""What to study after a quiz: review a weak lesson, then the next one not yet done.

A quiz counts as passed with at least two thirds right; below that the
learner is advised to go through the lesson again. The next lesson is the
one the knowledge base names as ``next`` unless it is done already, else the
first lesson of the course that is not done.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.knowledge import KnowledgeBase
from bot.tutorial.state import TutorialState, ordered_lessons

PASS_NUMERATOR, PASS_DENOMINATOR = 2, 3


@dataclass(frozen=True)
class Suggestion:
    """``review``: go through the lesson again; ``next_lesson``: what to open next, if any."""

    review: bool
    next_lesson: Optional[str]


def passed(score: int, of: int) -> bool:
    """At least two thirds right."""
    return score * PASS_DENOMINATOR >= of * PASS_NUMERATOR


def next_lesson(kb: KnowledgeBase, state: TutorialState, after: Optional[str]) -> Optional[str]:
    """The lesson to open after ``after`` (or from the menu when None)."""
    named = kb.lessons[after].next if after in kb.lessons else None
    if named in kb.lessons and not state.lesson_progress(named).done:
        return named
    for lesson in ordered_lessons(kb):
        if lesson.id != after and not state.lesson_progress(lesson.id).done:
            return lesson.id
    return None


def suggestion(kb: KnowledgeBase, state: TutorialState) -> Suggestion:
    """Advice after the quiz of the current lesson."""
    lesson = state.current_lesson(kb)
    return Suggestion(review=not passed(state.score, len(lesson.quiz)),
                      next_lesson=next_lesson(kb, state, lesson.id))
