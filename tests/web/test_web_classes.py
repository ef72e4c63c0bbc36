"""Tutorial classes on the staff desk: create a code, see how the class did, export it."""
from __future__ import annotations

import csv
import io
import re

from flask.testing import FlaskClient
from sqlalchemy import select

from bot.knowledge import load_knowledge
from bot.storage import classes
from bot.storage.database import get_engine, transaction
from bot.storage.staff_users import create_user
from bot.storage.tables import audit_log
from bot.tutorial.learner import is_code
from tests.web.desk import PASSWORD, csrf_token, login

LESSON = "what_is_oi"


def create(client: FlaskClient, name: str) -> str:
    """Create a class through the form; returns its code from the class page."""
    token = csrf_token(client.get("/staff/classes").get_data(as_text=True))
    response = client.post("/staff/classes", data={"csrf_token": token, "name": name})
    assert response.status_code == 302
    code = response.headers["Location"].rsplit("/", 1)[-1]
    assert is_code(code)
    return code


def answer(url: str, sender: str, code: str, marks: list, name=None) -> None:
    """A learner's quiz answers as the chat stores them."""
    for item, correct in zip(load_knowledge().lessons[LESSON].quiz, marks):
        classes.record_quiz_answer(sender, lesson_id=LESSON, question_id=item.id, correct=correct,
                                          class_code=code, learner_name=name, url=url)


def audit(url: str) -> list:
    with get_engine(url).connect() as connection:
        return [(r.actor, r.action, r.target, r.detail) for r in connection.execute(
            select(audit_log).order_by(audit_log.c.id))]


def test_a_trainer_creates_a_class_and_sees_two_learners_answers(trainer: FlaskClient, database_url: str) -> None:
    code = create(trainer, "Innovation coaching, spring")
    page = trainer.get(f"/staff/classes/{code}").get_data(as_text=True)
    assert "Innovation coaching, spring" in page and code in page and "Nobody has answered" in page

    answer(database_url, "chat-anna", code, [False, True, True], name="Anna")
    answer(database_url, "chat-other", code, [True, True])
    page = trainer.get(f"/staff/classes/{code}").get_data(as_text=True)
    quiz = load_knowledge().lessons[LESSON].quiz
    assert "2 learners" in page and "5 answers" in page
    assert "Anna" in page and "Learner 1" in page and "chat-anna" not in page and "chat-other" not in page
    assert quiz[0].question.replace("'", "&#39;") in page
    assert "1 (50%)" in page and "2 (100%)" in page         # per question: right of answered
    assert "2.0 of 3" in page                                # per lesson: average of finished quizzes
    rows = re.findall(r'<td class="learner">(.*?)</td>(.*?)</tr>', page, re.S)
    marks = {label: re.findall(r'class="mark (\w+)"', cells) for label, cells in rows}
    assert marks == {"Anna": ["wrong", "right", "right"], "Learner 1": ["right", "right", "none"]}

    listing = trainer.get("/staff/classes").get_data(as_text=True)
    assert code in listing and "Innovation coaching, spring" in listing
    actions = [(a, b, c) for a, b, c, _ in audit(database_url)]
    assert ("tia", "create_class", f"class:{code}") in actions and ("tia", "view", f"class:{code}") in actions


def test_the_csv_export_is_neutralised_and_audited(trainer: FlaskClient, database_url: str) -> None:
    code = create(trainer, "Export group")
    answer(database_url, "chat-1", code, [True], name="=HYPERLINK(\"http://x\")")
    answer(database_url, "chat-2", code, [False, False])
    response = trainer.get(f"/staff/classes/{code}/answers.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert f'filename="oi-advisor-class-{code}.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 3
    assert rows[0]["learner"] == "'=HYPERLINK(\"http://x\")" and rows[0]["correct"] == "yes"
    assert {row["learner"] for row in rows[1:]} == {"Learner 1"} and rows[1]["first_try"] == "yes"
    assert "chat-1" not in response.get_data(as_text=True)
    assert ("tia", "export", f"class:{code}", {"format": "csv", "rows": 3}) in audit(database_url)


def test_learner_names_are_escaped(trainer: FlaskClient, database_url: str) -> None:
    code = create(trainer, "<i>Group</i>")
    answer(database_url, "chat-x", code, [True], name="<script>alert(1)</script>")
    page = trainer.get(f"/staff/classes/{code}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<i>Group</i>" not in page and "&lt;i&gt;Group&lt;/i&gt;" in page


def test_only_trainers_and_admins_reach_classes(app, client, staff, admin, trainer, database_url) -> None:
    code = create(trainer, "Spring")
    pages = ["/staff/classes", f"/staff/classes/{code}", f"/staff/classes/{code}/answers.csv"]
    for page in pages:
        assert client.get(page).headers["Location"].startswith("/staff/login"), page
        assert staff.get(page).status_code == 403, page
        assert admin.get(page).status_code == 200, page
    assert code in admin.get("/staff/classes").get_data(as_text=True)


def test_a_trainer_sees_only_their_own_classes(app, trainer: FlaskClient, database_url: str) -> None:
    code = create(trainer, "Tia's class")
    with transaction(database_url) as connection:
        create_user(connection, "theo", PASSWORD, "trainer")
    other = app.test_client()
    assert login(other, "theo").status_code == 302
    assert code not in other.get("/staff/classes").get_data(as_text=True)
    assert other.get(f"/staff/classes/{code}").status_code == 404
    assert other.get(f"/staff/classes/{code}/answers.csv").status_code == 404
    assert trainer.get("/staff/classes/ZZZZ-ZZZZ").status_code == 404
    assert trainer.get("/staff/classes/..%2F..%2Fetc").status_code == 404


def test_creating_needs_a_name_and_a_csrf_token(trainer: FlaskClient, database_url: str) -> None:
    assert trainer.post("/staff/classes", data={"name": "No token"}).status_code == 400
    token = csrf_token(trainer.get("/staff/classes").get_data(as_text=True))
    empty = trainer.post("/staff/classes", data={"csrf_token": token, "name": "  "})
    assert empty.status_code == 200 and "This field is required" in empty.get_data(as_text=True)
    with transaction(database_url) as connection:
        assert classes.list_classes(connection) == []


def test_the_navigation_links_classes_for_trainers_only(trainer: FlaskClient, staff: FlaskClient) -> None:
    assert 'href="/staff/classes"' in trainer.get("/staff/overview").get_data(as_text=True)
    assert 'href="/staff/classes"' not in staff.get("/staff/overview").get_data(as_text=True)
