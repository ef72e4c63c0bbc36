"""Moving through the tutorial: start or resume, open a lesson, next, back, menu.

Every move returns a ``Turn`` with the new position and a progress record
whenever a step is reached, so the tutorial-progress table always knows the
furthest point of each lesson even if Rasa's transcript is lost.
"""
from __future__ import annotations

from typing import Dict, Mapping, Optional, Tuple

from bot.knowledge import KnowledgeBase
from bot.tutorial import views
from bot.tutorial.outcome import ProgressRecord, Turn
from bot.tutorial.state import LessonProgress, TutorialState, ordered_lessons
from bot.tutorial.suggest import next_lesson


def start(kb: KnowledgeBase, state: TutorialState, stored: Mapping[str, LessonProgress]) -> Turn:
    """ "Start the tutorial": begin with the class code, or resume where the learner was."""
    state = state.merge_progress(stored).checked(kb)
    if state.phase is None:
        return Turn(state=state.replace(phase="class_code"), replies=[views.intro(kb)])
    if state.phase in ("lesson", "quiz", "result", "menu"):
        return Turn(state=state, replies=[views.resumed(kb, state)])
    return Turn(state=state)


def parse_target(value: object) -> Tuple[Optional[str], bool]:
    """A ``lesson`` entity value: ``"what_is_oi"`` or ``"what_is_oi:quiz"``."""
    text = str(value or "").strip()
    if text.endswith(views.QUIZ_SUFFIX):
        return text[: -len(views.QUIZ_SUFFIX)], True
    return (text or None), False


def open_lesson(kb: KnowledgeBase, state: TutorialState, lesson_id: str, to_quiz: bool = False) -> Turn:
    """Open a lesson where the learner left it (from step 1 once done), or straight its quiz."""
    lesson = kb.lessons[lesson_id]
    if to_quiz:
        return start_quiz(kb, state.replace(lesson=lesson_id, step=len(lesson.steps)))
    record = state.lesson_progress(lesson_id)
    resume = not record.done and 1 <= record.step <= len(lesson.steps)
    return _at_step(kb, state.replace(phase="lesson", lesson=lesson_id, question=0, score=0),
                    record.step if resume else 1)


def start_quiz(kb: KnowledgeBase, state: TutorialState) -> Turn:
    """The first question of the current lesson's quiz, with a fresh score."""
    return Turn(state=state.replace(phase="quiz", question=1, score=0))


def forward(kb: KnowledgeBase, state: TutorialState) -> Turn:
    """ "Next": the following step, or the quiz after the last step."""
    if state.step >= len(state.current_lesson(kb).steps):
        return start_quiz(kb, state)
    return _at_step(kb, state, state.step + 1)


def back(kb: KnowledgeBase, state: TutorialState) -> Turn:
    """ "Back": the previous step; on the first step, say so."""
    if state.step <= 1:
        return Turn(state=state,
                    replies=[views.notice("first_step", "This is the first step of the lesson.")])
    return _at_step(kb, state, state.step - 1)


def to_menu(state: TutorialState) -> Turn:
    """The lesson menu; the lesson's position stays in the progress for later."""
    return Turn(state=state.replace(phase="menu", question=0, score=0))


def onward(kb: KnowledgeBase, state: TutorialState) -> Turn:
    """ "Next" at the menu or after a quiz: the suggested lesson (after a quiz, else the menu)."""
    after = state.lesson if state.phase == "result" else None
    following = next_lesson(kb, state, after)
    if following is None and after is not None:
        return to_menu(state)
    return open_lesson(kb, state, following or ordered_lessons(kb)[0].id)


def step_subject(kb: KnowledgeBase, state: TutorialState) -> Optional[Dict[str, str]]:
    """The case a step shows, so "give me an example" and "where from?" refer to it."""
    if state.phase != "lesson" or state.lesson not in kb.lessons:
        return None
    case = kb.lessons[state.lesson].steps[state.step - 1].case
    return {"kind": "cases", "id": case} if case in kb.cases else None


def _at_step(kb: KnowledgeBase, state: TutorialState, number: int) -> Turn:
    assert state.lesson is not None, "steps move only inside a lesson"
    moved = state.replace(step=number).with_progress(state.lesson, step=number)
    return Turn(state=moved, progress=[ProgressRecord(state.lesson, number)],
                subject=step_subject(kb, moved))
