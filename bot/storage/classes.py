"""Tutorial classes and quiz answers: what the chat writes and the trainer's pages read.

Two kinds of callers with different rules. The staff desk passes its own
connection so that creating a class or reading results shares one
transaction with the audit entry. The Rasa actions call the functions
without a connection; those raise every failure as a ``StorageError``, like
:mod:`bot.storage.conversations`, so the chat can go on without them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Dict, List, Optional

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from bot.storage.conversations import chat_call, touch
from bot.storage.database import transaction, utcnow
from bot.storage.tables import classes, quiz_answers, tutorial_progress
from bot.tutorial.learner import is_code, new_code
from bot.tutorial.state import LessonProgress

MAX_CLASS_NAME = 120
MAX_LEARNER_NAME = 80


@dataclass(frozen=True)
class ClassInfo:
    """A class as listed on the staff desk."""

    code: str
    name: str
    created_by: Optional[str]
    created_at: datetime
    learners: int = 0
    answers: int = 0


@dataclass(frozen=True)
class StoredAnswer:
    """One quiz answer of a class (see ``bot.tutorial.results.AnswerRow``)."""

    sender_id: str
    learner_name: Optional[str]
    lesson_id: str
    question_id: str
    correct: bool
    answered_at: datetime


# --- staff desk: the caller's connection and transaction -------------------------------

def create_class(connection: Connection, name: str, created_by: str) -> ClassInfo:
    """Create a class with a fresh code; ``name`` is cut to the column size."""
    clean = " ".join((name or "").split())[:MAX_CLASS_NAME]
    if not clean:
        raise ValueError("a class needs a name")
    code = _unused_code(connection)
    now = utcnow()
    connection.execute(insert(classes).values(code=code, name=clean, created_by=created_by, created_at=now))
    return ClassInfo(code=code, name=clean, created_by=created_by, created_at=now)


def list_classes(connection: Connection, created_by: Optional[str] = None) -> List[ClassInfo]:
    """Classes, newest first, with how many learners and answers each has; one creator's if given."""
    return _classes(connection, created_by=created_by)


def get_class(connection: Connection, code: str) -> Optional[ClassInfo]:
    """One class by code, or None."""
    if not is_code(code):
        return None
    found = _classes(connection, code=code)
    return found[0] if found else None


def class_answers(connection: Connection, code: str) -> List[StoredAnswer]:
    """Every answer counted for the class, oldest first."""
    query = (select(quiz_answers).where(quiz_answers.c.class_code == code)
             .order_by(quiz_answers.c.answered_at, quiz_answers.c.id))
    return [StoredAnswer(r.sender_id, r.learner_name, r.lesson_id, r.question_id, bool(r.correct),
                         r.answered_at)
            for r in connection.execute(query)]


def _classes(connection: Connection, *, created_by: Optional[str] = None,
             code: Optional[str] = None) -> List[ClassInfo]:
    learners = func.count(func.distinct(quiz_answers.c.sender_id))
    query = (select(classes, learners.label("learners"), func.count(quiz_answers.c.id).label("answers"))
             .select_from(classes.outerjoin(quiz_answers, quiz_answers.c.class_code == classes.c.code))
             .group_by(classes.c.id).order_by(classes.c.created_at.desc(), classes.c.id.desc()))
    if created_by is not None:
        query = query.where(classes.c.created_by == created_by)
    if code is not None:
        query = query.where(classes.c.code == code)
    return [ClassInfo(r.code, r.name, r.created_by, r.created_at, r.learners, r.answers)
            for r in connection.execute(query)]


def _unused_code(connection: Connection) -> str:
    while True:
        code = new_code()
        if connection.execute(select(classes.c.id).where(classes.c.code == code)).first() is None:
            return code


# --- chat: short transactions that raise StorageError -----------------------------------------

@chat_call
def class_name(code: str, *, url: Optional[str] = None) -> Optional[str]:
    """The name of the class with ``code``; None if unknown."""
    if not is_code(code):
        return None
    with transaction(url) as connection:
        return connection.execute(select(classes.c.name).where(classes.c.code == code)).scalar()


@chat_call
def record_quiz_answer(sender_id: str, *, lesson_id: str, question_id: str, correct: bool,
                       class_code: Optional[str] = None, learner_name: Optional[str] = None,
                       url: Optional[str] = None) -> None:
    """Store one quiz answer, counted for ``class_code`` when that class exists."""
    with transaction(url) as connection:
        touch(connection, sender_id)
        known = class_code and connection.execute(
            select(classes.c.id).where(classes.c.code == class_code)).first() is not None
        connection.execute(insert(quiz_answers).values(
            sender_id=sender_id, class_code=class_code if known else None,
            lesson_id=str(lesson_id)[:100], question_id=str(question_id)[:100], correct=bool(correct),
            learner_name=(learner_name or None) and str(learner_name)[:MAX_LEARNER_NAME],
            answered_at=utcnow()))


@chat_call
def load_progress(sender_id: str, *, url: Optional[str] = None) -> Dict[str, LessonProgress]:
    """The learner's stored progress per lesson."""
    with transaction(url) as connection:
        rows = connection.execute(select(tutorial_progress).where(tutorial_progress.c.sender_id == sender_id))
        return {r.lesson_id: LessonProgress(step=r.step or 0, done=bool(r.done), best=r.best_score)
                for r in rows}
