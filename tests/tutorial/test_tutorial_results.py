"""A class's answers turned into the trainer's report and CSV rows."""
from __future__ import annotations

from datetime import datetime, timedelta

from bot.knowledge.loader import KnowledgeBase
from bot.storage.classes import StoredAnswer
from bot.tutorial.results import CSV_FIELDS, csv_rows, learner_labels, report

START = datetime(2025, 3, 1, 9, 0)


def answers(kb: KnowledgeBase, sender: str, lesson: str, marks: list, name=None, minutes: int = 0) -> list:
    quiz = kb.lessons[lesson].quiz
    return [StoredAnswer(sender, name, lesson, quiz[i].id, mark, START + timedelta(minutes=minutes + i))
            for i, mark in enumerate(marks)]


def test_learners_are_anonymous_unless_named_and_names_are_told_apart() -> None:
    rows = [StoredAnswer(s, n, "l", "q", True, START) for s, n in
            [("c1", None), ("c2", "Anna"), ("c3", None), ("c4", "Anna"), ("c1", None), ("c3", "Ben")]]
    assert learner_labels(rows) == {"c1": "Learner 1", "c2": "Anna", "c3": "Ben", "c4": "Anna (2)"}


def test_per_lesson_per_question_and_per_learner_first_tries(kb: KnowledgeBase) -> None:
    lesson = kb.lessons["what_is_oi"]
    rows = (answers(kb, "c1", "what_is_oi", [False, True, True], name="Anna")
            + answers(kb, "c2", "what_is_oi", [True, True], minutes=5)
            + answers(kb, "c1", "what_is_oi", [True, True, True], name="Anna", minutes=10))  # a retake
    result = report(kb, rows)
    assert result.learners == ["Anna", "Learner 1"] and result.answers == 8
    assert [item.id for item in result.lessons] == ["what_is_oi"]  # lessons nobody took are left out
    only = result.lessons[0]
    assert [(row.label, row.marks, row.score) for row in only.learners] == [
        ("Anna", (False, True, True), 2), ("Learner 1", (True, True, None), 2)]
    assert only.completed == 1 and only.average == 2.0
    first = only.questions[0]
    assert (first.number, first.id, first.answered, first.correct, first.percent) == (1, lesson.quiz[0].id, 2, 1, 50)
    assert first.right_answer == lesson.quiz[0].options[lesson.quiz[0].answer]
    assert only.questions[2].answered == 1 and only.questions[2].percent == 100


def test_an_empty_class_has_an_empty_report(kb: KnowledgeBase) -> None:
    result = report(kb, [])
    assert result.lessons == [] and result.learners == [] and result.answers == 0


def test_csv_rows_keep_every_answer_and_mark_first_tries(kb: KnowledgeBase) -> None:
    rows = (answers(kb, "c1", "what_is_oi", [False]) + answers(kb, "c1", "what_is_oi", [True], minutes=3)
            + [StoredAnswer("c2", "=cmd", "old_lesson", "old_q", True, START)])
    out = csv_rows(kb, rows)
    assert [set(row) for row in out] == [set(CSV_FIELDS)] * 3
    assert [(r["learner"], r["correct"], r["first_try"]) for r in out] == [
        ("Learner 1", "no", "yes"), ("Learner 1", "yes", "no"), ("=cmd", "yes", "yes")]
    assert out[0]["question_number"] == 1 and out[0]["lesson"] == kb.lessons["what_is_oi"].title
    assert out[2]["lesson"] == "old_lesson" and out[2]["question"] == ""  # no longer in the knowledge base
    assert "c1" not in str(out) and "c2" not in str(out)
