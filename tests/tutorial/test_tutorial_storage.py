"""Classes, quiz answers and progress on a real database (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage import classes
from bot.storage.conversations import erase_sender, record_tutorial_progress
from bot.storage.database import StorageError, get_engine, transaction
from bot.storage.migrate import ensure_schema
from bot.storage.tables import quiz_answers
from bot.tutorial import LessonProgress
from bot.tutorial.learner import is_code


def new_class(url: str, name: str = "Spring group", by: str = "tia") -> classes.ClassInfo:
    ensure_schema(url)
    with transaction(url) as connection:
        return classes.create_class(connection, name, by)


def test_a_class_gets_a_fresh_code_and_is_listed_for_its_creator(database_url: str) -> None:
    first, second = new_class(database_url), new_class(database_url, "  Autumn \n group ", by="other")
    assert is_code(first.code) and first.code != second.code and second.name == "Autumn group"
    with transaction(database_url) as connection:
        assert [c.code for c in classes.list_classes(connection)] == [second.code, first.code]
        assert [c.code for c in classes.list_classes(connection, created_by="tia")] == [first.code]
        assert classes.get_class(connection, first.code).name == "Spring group"
        assert classes.get_class(connection, "ZZZZ-ZZZZ") is None
        assert classes.get_class(connection, "'; drop table classes; --") is None
        with pytest.raises(ValueError):
            classes.create_class(connection, "   ", "tia")


def test_answers_count_for_an_existing_class_only(database_url: str) -> None:
    spring = new_class(database_url)
    classes.record_quiz_answer("anna", lesson_id="what_is_oi", question_id="what_is_oi_q1", correct=False,
                                      class_code=spring.code, learner_name="Anna", url=database_url)
    classes.record_quiz_answer("anna", lesson_id="what_is_oi", question_id="what_is_oi_q2", correct=True,
                                      class_code=spring.code, learner_name="Anna", url=database_url)
    classes.record_quiz_answer("ben", lesson_id="what_is_oi", question_id="what_is_oi_q1", correct=True,
                                      class_code=spring.code, url=database_url)
    classes.record_quiz_answer("solo", lesson_id="what_is_oi", question_id="what_is_oi_q1", correct=True,
                                      class_code="NOPE-NOPE", learner_name="x" * 200, url=database_url)
    with transaction(database_url) as connection:
        stored = classes.class_answers(connection, spring.code)
        listed = classes.get_class(connection, spring.code)
    assert [(a.sender_id, a.question_id, a.correct, a.learner_name) for a in stored] == [
        ("anna", "what_is_oi_q1", False, "Anna"), ("anna", "what_is_oi_q2", True, "Anna"),
        ("ben", "what_is_oi_q1", True, None)]
    assert (listed.learners, listed.answers) == (2, 3)
    with get_engine(database_url).connect() as connection:
        solo = connection.execute(select(quiz_answers).where(quiz_answers.c.sender_id == "solo")).one()
    assert solo.class_code is None and len(solo.learner_name) == classes.MAX_LEARNER_NAME


def test_the_chat_looks_up_class_names(database_url: str) -> None:
    spring = new_class(database_url)
    assert classes.class_name(spring.code, url=database_url) == "Spring group"
    assert classes.class_name("ABCD-EFGH", url=database_url) is None
    assert classes.class_name("not a code", url=database_url) is None


def test_progress_is_read_back_for_resuming(database_url: str) -> None:
    assert classes.load_progress("anna", url=database_url) == {}
    record_tutorial_progress("anna", "what_is_oi", step=3, url=database_url)
    record_tutorial_progress("anna", "misconceptions", step=5, score=2, done=True, url=database_url)
    assert classes.load_progress("anna", url=database_url) == {
        "what_is_oi": LessonProgress(step=3), "misconceptions": LessonProgress(step=5, done=True, best=2)}


def test_erasing_a_learner_removes_their_answers_but_keeps_the_class(database_url: str) -> None:
    spring = new_class(database_url)
    classes.record_quiz_answer("anna", lesson_id="l", question_id="q", correct=True, class_code=spring.code,
                               url=database_url)
    erase_sender("anna", url=database_url)
    with transaction(database_url) as connection:
        assert classes.class_answers(connection, spring.code) == []
        assert classes.get_class(connection, spring.code).learners == 0


def test_a_broken_database_raises_a_storage_error(tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    url = f"sqlite:///{blocked}/sub/db.sqlite"
    with pytest.raises(StorageError):
        classes.class_name("ABCD-EFGH", url=url)
    with pytest.raises(StorageError):
        classes.record_quiz_answer("x", lesson_id="l", question_id="q", correct=True, url=url)
    with pytest.raises(StorageError):
        classes.load_progress("x", url=url)
