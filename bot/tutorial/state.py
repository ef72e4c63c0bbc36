"""Where a learner is in the tutorial, kept in Rasa slots between turns.

Rasa stores slots in the SQL tracker store, so keeping the whole position in
slots is what makes "resume after a restart" work. Slot values come back as
plain JSON; :meth:`TutorialState.from_slots` reads them defensively because a
slot may hold anything an older version of the assistant wrote.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Mapping, Optional

from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import Lesson

PHASES = ("class_code", "learner_name", "menu", "lesson", "quiz", "result")

#: state field -> slot name in domain.yml
SLOTS: Dict[str, str] = {
    "phase": "tutorial_phase",
    "lesson": "tutorial_lesson",
    "step": "tutorial_step",
    "question": "tutorial_question",
    "score": "tutorial_score",
    "progress": "tutorial_progress",
    "class_code": "class_code",
    "learner_name": "learner_name",
}


@dataclass(frozen=True)
class LessonProgress:
    """One lesson's progress: last step seen, whether its quiz was finished, best score."""

    step: int = 0
    done: bool = False
    best: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        """The slot's JSON shape."""
        return {"step": self.step, "done": self.done, "best": self.best}

    @classmethod
    def from_value(cls, value: Any) -> "LessonProgress":
        """Read one slot entry; anything malformed counts as no progress."""
        if not isinstance(value, Mapping):
            return cls()
        best = _int(value.get("best"), None)
        return cls(step=_int(value.get("step"), 0) or 0, done=bool(value.get("done")), best=best)

    def merged(self, other: "LessonProgress") -> "LessonProgress":
        """Combine two records of the same lesson: done and best only ever go up."""
        bests = [b for b in (self.best, other.best) if b is not None]
        return LessonProgress(step=self.step or other.step, done=self.done or other.done,
                              best=max(bests) if bests else None)


@dataclass(frozen=True)
class TutorialState:
    """The learner's position; ``step`` and ``question`` count from 1 as learners see them."""

    phase: Optional[str] = None
    lesson: Optional[str] = None
    step: int = 0
    question: int = 0
    score: int = 0
    progress: Mapping[str, LessonProgress] = field(default_factory=dict)
    class_code: Optional[str] = None
    learner_name: Optional[str] = None

    @classmethod
    def from_slots(cls, get: Callable[[str], Any]) -> "TutorialState":
        """Build the state from slot values (``get`` is e.g. ``tracker.get_slot``)."""
        phase = get(SLOTS["phase"])
        raw_progress = get(SLOTS["progress"])
        progress = ({str(k): LessonProgress.from_value(v) for k, v in raw_progress.items()}
                    if isinstance(raw_progress, Mapping) else {})
        return cls(
            phase=phase if phase in PHASES else None,
            lesson=_text(get(SLOTS["lesson"])),
            step=_int(get(SLOTS["step"]), 0) or 0,
            question=_int(get(SLOTS["question"]), 0) or 0,
            score=_int(get(SLOTS["score"]), 0) or 0,
            progress=progress,
            class_code=_text(get(SLOTS["class_code"])),
            learner_name=_text(get(SLOTS["learner_name"])),
        )

    def to_slots(self) -> Dict[str, Any]:
        """Slot name -> JSON value, for ``SlotSet`` events."""
        values = dataclasses.asdict(self)
        values["progress"] = {k: v.to_dict() for k, v in self.progress.items()}
        return {SLOTS[name]: value for name, value in values.items()}

    def replace(self, **changes: Any) -> "TutorialState":
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def lesson_progress(self, lesson_id: str) -> LessonProgress:
        """Progress of one lesson (empty when never opened)."""
        return self.progress.get(lesson_id, LessonProgress())

    def with_progress(self, lesson_id: str, *, step: Optional[int] = None,
                      done: bool = False, score: Optional[int] = None) -> "TutorialState":
        """Note a step reached or a finished quiz; done and best never go down."""
        old = self.lesson_progress(lesson_id)
        bests = [b for b in (old.best, score) if b is not None]
        progress = dict(self.progress)
        progress[lesson_id] = LessonProgress(step=old.step if step is None else step,
                                             done=old.done or done, best=max(bests) if bests else None)
        return self.replace(progress=progress)

    def merge_progress(self, stored: Mapping[str, LessonProgress]) -> "TutorialState":
        """Add progress kept in the database (it survives "start over")."""
        progress = dict(self.progress)
        for lesson_id, record in stored.items():
            progress[lesson_id] = progress[lesson_id].merged(record) if lesson_id in progress else record
        return self.replace(progress=progress)

    def checked(self, kb: KnowledgeBase) -> "TutorialState":
        """The same position, made consistent with the knowledge base as it is now.

        A lesson removed from ``knowledge/`` sends the learner to the menu; a step
        or question number out of range is pulled back into range.
        """
        if self.phase in ("lesson", "quiz", "result") and self.lesson not in kb.lessons:
            return self.replace(phase="menu", lesson=None, step=0, question=0, score=0)
        if self.lesson not in kb.lessons:
            return self
        lesson = kb.lessons[self.lesson]
        return self.replace(step=_clamp(self.step, 1, len(lesson.steps)),
                            question=_clamp(self.question, 1, len(lesson.quiz)),
                            score=_clamp(self.score, 0, len(lesson.quiz)))

    def current_lesson(self, kb: KnowledgeBase) -> Lesson:
        """The lesson the learner is in (call only when ``lesson`` is set and known)."""
        assert self.lesson is not None, "the learner is in a lesson"
        return kb.lessons[self.lesson]


def ordered_lessons(kb: KnowledgeBase) -> list:
    """Lessons in the order of the course."""
    return sorted(kb.lessons.values(), key=lambda lesson: (lesson.order, lesson.id))


def _int(value: Any, default: Optional[int]) -> Optional[int]:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else default
    except (TypeError, ValueError):
        return default


def _text(value: Any) -> Optional[str]:
    return str(value) if isinstance(value, str) and value.strip() else None


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
