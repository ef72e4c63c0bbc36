"""A class's quiz results for its trainer: per lesson, per question, per learner.

Learners are anonymous ("Learner 1", "Learner 2", numbered in the order they
first answered) unless they gave a name; conversation ids never leave this
module. A learner's result for a question is their first try, since retakes
after seeing the feedback say little about what the class understood; the
CSV export keeps every answer and marks which were first tries.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List, Optional, Protocol, Sequence, Tuple

from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import Lesson, QuizQuestion
from bot.tutorial.state import ordered_lessons

CSV_FIELDS = ("learner", "lesson", "question_number", "question_id", "question", "correct_answer",
              "correct", "first_try", "answered_at")


class AnswerRow(Protocol):
    """One stored quiz answer, as ``bot.storage.classes.class_answers`` returns it (read-only)."""

    @property
    def sender_id(self) -> str: ...
    @property
    def learner_name(self) -> Optional[str]: ...
    @property
    def lesson_id(self) -> str: ...
    @property
    def question_id(self) -> str: ...
    @property
    def correct(self) -> bool: ...
    @property
    def answered_at(self) -> datetime: ...


@dataclass(frozen=True)
class QuestionResult:
    """How the class did on one question (first tries)."""

    number: int
    id: str
    text: str
    right_answer: str
    answered: int
    correct: int

    @property
    def percent(self) -> Optional[int]:
        """Share answered right, rounded; None when nobody answered."""
        return round(100 * self.correct / self.answered) if self.answered else None


@dataclass(frozen=True)
class LearnerRow:
    """One learner's first tries in one lesson: True, False or None (not answered) per question."""

    label: str
    marks: Tuple[Optional[bool], ...]

    @property
    def score(self) -> int:
        """Questions right at the first try."""
        return sum(1 for mark in self.marks if mark)

    @property
    def complete(self) -> bool:
        """Whether every question was answered."""
        return all(mark is not None for mark in self.marks)


@dataclass(frozen=True)
class LessonResult:
    """One lesson's questions and learners."""

    id: str
    title: str
    questions: List[QuestionResult]
    learners: List[LearnerRow]

    @property
    def average(self) -> Optional[float]:
        """Mean first-try score of the learners who answered every question."""
        complete = [row.score for row in self.learners if row.complete]
        return round(sum(complete) / len(complete), 1) if complete else None

    @property
    def completed(self) -> int:
        """Learners who answered every question."""
        return sum(1 for row in self.learners if row.complete)


@dataclass
class ClassReport:
    """Everything the trainer's class page shows."""

    learners: List[str] = field(default_factory=list)
    lessons: List[LessonResult] = field(default_factory=list)
    answers: int = 0


def learner_labels(rows: Sequence[AnswerRow]) -> Dict[str, str]:
    """Conversation id -> what the trainer sees: the latest name given, else "Learner n"."""
    order: List[str] = []
    names: Dict[str, str] = {}
    for row in rows:
        if row.sender_id not in order:
            order.append(row.sender_id)
        if row.learner_name:
            names[row.sender_id] = row.learner_name
    labels: Dict[str, str] = {}
    taken: Dict[str, int] = {}
    anonymous = 0
    for sender in order:
        if sender in names:
            base = names[sender]
            taken[base] = taken.get(base, 0) + 1
            labels[sender] = base if taken[base] == 1 else f"{base} ({taken[base]})"
        else:
            anonymous += 1
            labels[sender] = f"Learner {anonymous}"
    return labels


def first_tries(rows: Sequence[AnswerRow]) -> Dict[Tuple[str, str], AnswerRow]:
    """(conversation id, question id) -> the earliest answer (rows come oldest first)."""
    first: Dict[Tuple[str, str], AnswerRow] = {}
    for row in rows:
        first.setdefault((row.sender_id, row.question_id), row)
    return first


def report(kb: KnowledgeBase, rows: Sequence[AnswerRow]) -> ClassReport:
    """The class report; lessons nobody answered are left out."""
    labels = learner_labels(rows)
    first = first_tries(rows)
    lessons = [_lesson(lesson, labels, first) for lesson in ordered_lessons(kb)]
    return ClassReport(learners=list(labels.values()),
                       lessons=[lesson for lesson in lessons if lesson.learners], answers=len(rows))


def _lesson(lesson, labels: Dict[str, str], first: Dict[Tuple[str, str], AnswerRow]) -> LessonResult:
    ids = [item.id for item in lesson.quiz]
    senders = [s for s in labels if any((s, q) in first for q in ids)]
    learners = [LearnerRow(labels[s], tuple(first[(s, q)].correct if (s, q) in first else None for q in ids))
                for s in senders]
    questions = []
    for number, item in enumerate(lesson.quiz, start=1):
        marks = [row.marks[number - 1] for row in learners if row.marks[number - 1] is not None]
        questions.append(QuestionResult(number, item.id, item.question, item.options[item.answer],
                                        answered=len(marks), correct=sum(1 for m in marks if m)))
    return LessonResult(lesson.id, lesson.title, questions, learners)


def csv_rows(kb: KnowledgeBase, rows: Sequence[AnswerRow]) -> List[Dict[str, object]]:
    """Every answer of the class, labelled, with the question's text and whether it was a first try."""
    labels = learner_labels(rows)
    first = {id(row) for row in first_tries(rows).values()}
    questions: Dict[str, Tuple[Lesson, int, QuizQuestion]] = {
        item.id: (lesson, number, item) for lesson in kb.lessons.values()
        for number, item in enumerate(lesson.quiz, start=1)}
    out: List[Dict[str, object]] = []
    for row in rows:
        found = questions.get(row.question_id)
        lesson, number, item = found if found else (None, None, None)
        out.append({
            "learner": labels[row.sender_id], "lesson": lesson.title if lesson else row.lesson_id,
            "question_number": number or "", "question_id": row.question_id,
            "question": item.question if item else "",
            "correct_answer": item.options[item.answer] if item else "",
            "correct": "yes" if row.correct else "no", "first_try": "yes" if id(row) in first else "no",
            "answered_at": row.answered_at.isoformat(sep=" ", timespec="seconds"),
        })
    return out
