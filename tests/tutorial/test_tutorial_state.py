"""The learner's position survives the trip through Rasa slots, whatever they hold."""
from __future__ import annotations

from bot.knowledge.loader import KnowledgeBase
from bot.tutorial import LessonProgress, TutorialState
from bot.tutorial.state import SLOTS


def test_slots_round_trip() -> None:
    state = TutorialState(phase="quiz", lesson="what_is_oi", step=5, question=2, score=1,
                          progress={"what_is_oi": LessonProgress(step=5, done=True, best=2)},
                          class_code="K7QM-2PXD", learner_name="Anna")
    slots = state.to_slots()
    assert set(slots) == set(SLOTS.values())
    assert slots["tutorial_progress"] == {"what_is_oi": {"step": 5, "done": True, "best": 2}}
    assert TutorialState.from_slots(slots.get) == state


def test_missing_or_malformed_slots_mean_a_fresh_start() -> None:
    junk = {"tutorial_phase": "dancing", "tutorial_step": "three", "tutorial_question": True,
            "tutorial_progress": ["not", "a", "mapping"], "class_code": 42, "learner_name": "  "}
    state = TutorialState.from_slots(junk.get)
    assert state == TutorialState()
    odd = TutorialState.from_slots({"tutorial_progress": {"x": "nonsense", "y": {"step": "2", "best": "1"}}}.get)
    assert odd.progress == {"x": LessonProgress(), "y": LessonProgress(step=2, best=1)}


def test_done_and_best_score_never_go_down() -> None:
    state = TutorialState().with_progress("a", done=True, score=3).with_progress("a", step=2, score=1)
    assert state.lesson_progress("a") == LessonProgress(step=2, done=True, best=3)
    merged = state.merge_progress({"a": LessonProgress(step=4, done=False, best=None),
                                   "b": LessonProgress(step=1)})
    assert merged.lesson_progress("a") == LessonProgress(step=2, done=True, best=3)
    assert merged.lesson_progress("b") == LessonProgress(step=1)
    stored_better = TutorialState().merge_progress({"a": LessonProgress(step=5, done=True, best=3)})
    assert stored_better.with_progress("a", score=1).lesson_progress("a").best == 3


def test_positions_are_made_consistent_with_the_knowledge_base(kb: KnowledgeBase) -> None:
    lesson = kb.lessons["what_is_oi"]
    wild = TutorialState(phase="lesson", lesson="what_is_oi", step=99, question=-4, score=50).checked(kb)
    assert (wild.step, wild.question, wild.score) == (len(lesson.steps), 1, len(lesson.quiz))
    gone = TutorialState(phase="quiz", lesson="removed_lesson", step=2, question=1).checked(kb)
    assert gone.phase == "menu" and gone.lesson is None
