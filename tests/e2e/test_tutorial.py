"""The tutorial over the real REST channel: a whole lesson and quiz, side questions,
two learners of one class on the trainer's page, and resuming after a restart."""
from __future__ import annotations

import secrets
import subprocess
import uuid
from pathlib import Path
from typing import List, Optional

import pytest

from bot.knowledge import load_knowledge
from bot.storage import classes
from bot.storage.database import transaction
from bot.storage.staff_users import create_user
from bot.web.app import create_app
from tests.servers import ARTIFACTS, Chat, Servers, wait_until_up
from tests.web.desk import PASSWORD, login

pytestmark = pytest.mark.servers

LESSON = "what_is_oi"


def shown(messages: List[dict], kind: str) -> Optional[dict]:
    """The last payload of one type among the bot's messages."""
    found = [p for p in Chat.payloads(messages) if p.get("type") == kind]
    return found[-1] if found else None


def notices(messages: List[dict]) -> List[str]:
    return [p["id"] for p in Chat.payloads(messages) if p.get("type") == "notice"]


def new_class(url: str, trainer: str) -> str:
    """A class created by ``trainer`` in the servers' database; returns its code."""
    with transaction(url) as connection:
        create_user(connection, trainer, PASSWORD, "trainer")
        return classes.create_class(connection, "End-to-end class", trainer).code


def test_a_whole_lesson_and_quiz_with_a_wrong_answer_and_side_questions(servers: Servers) -> None:
    lesson = load_knowledge().lessons[LESSON]
    trainer = f"coach{uuid.uuid4().hex[:6]}"
    code = new_class(servers.database_url, trainer)
    anna = Chat(servers, sender=f"tutorial-{uuid.uuid4().hex[:10]}")

    messages = anna.say("start the tutorial")
    assert "tutorial_intro" in notices(messages)
    assert shown(messages, "question") == {"type": "question", "slot": "class_code"}
    messages = anna.say(f"our code is {code.lower()}")
    assert "class_joined" in notices(messages) and "End-to-end class" in Chat.texts(messages)
    messages = anna.say("Anna")
    menu = shown(messages, "menu")
    assert menu["id"] == "lessons" and menu["lessons"][0] == {
        "id": LESSON, "title": lesson.title, "done": False, "best": None, "of": len(lesson.quiz)}

    step = shown(anna.say(f'/inform{{"lesson": "{LESSON}"}}'), "lesson")
    assert (step["id"], step["step"], step["of"], step["title"]) == (LESSON, 1, len(lesson.steps), lesson.title)
    assert step["text"] == lesson.steps[0].text
    assert shown(anna.say("next"), "lesson")["step"] == 2
    assert shown(anna.say("back"), "lesson")["step"] == 1
    for step in range(2, len(lesson.steps) + 1):
        assert shown(anna.say("next"), "lesson")["step"] == step

    messages = anna.say("what is licensing out?")               # a side question ...
    assert shown(messages, "explain")["id"] == "licensing_out"
    assert shown(messages, "lesson")["step"] == len(lesson.steps)  # ... and the lesson resumes
    messages = anna.say("isn't this just for big corporations?")   # a misconception
    assert shown(messages, "misconception")["id"] == "only_for_large_firms"
    assert shown(messages, "lesson")["step"] == len(lesson.steps)

    messages = anna.say("next")
    question = shown(messages, "quiz")
    assert question["id"] == lesson.quiz[0].id and question["options"] == list(lesson.quiz[0].options)
    wrong = next(i for i in range(len(lesson.quiz[0].options)) if i != lesson.quiz[0].answer)
    messages = anna.say(f'/inform{{"quiz_option": "{wrong}"}}')
    feedback = shown(messages, "quiz_feedback")
    assert feedback["correct"] is False and feedback["answer"] == lesson.quiz[0].answer
    assert feedback["explanation"] == lesson.quiz[0].explanation and feedback["sources"]
    assert shown(messages, "quiz")["id"] == lesson.quiz[1].id
    messages = anna.say("relying on our own R&D")               # typed, matched to the option
    assert shown(messages, "quiz_feedback")["correct"] is True
    messages = anna.say(str(lesson.quiz[2].answer + 1))          # typed as a number
    assert shown(messages, "quiz_feedback")["correct"] is True
    result = shown(messages, "quiz_result")
    assert (result["lesson"], result["score"], result["of"]) == (LESSON, 2, 3) and result["next"] == lesson.next

    menu = shown(anna.say("menu"), "menu")
    assert menu["lessons"][0]["done"] is True and menu["lessons"][0]["best"] == 2
    assert "tutorial_stopped" in notices(anna.say("stop"))

    other = Chat(servers, sender=f"tutorial-{uuid.uuid4().hex[:10]}")
    other.say("/start_tutorial")
    other.say(code)
    assert shown(other.say("/skip_question"), "menu")
    other.say(f'/inform{{"lesson": "{LESSON}:quiz"}}')
    for item in lesson.quiz:
        messages = other.say(f'/inform{{"quiz_option": "{item.answer}"}}')
    assert shown(messages, "quiz_result")["score"] == 3

    app = create_app({"DATABASE_URL": servers.database_url, "SECRET_KEY": secrets.token_hex(32)})
    browser = app.test_client()
    assert login(browser, trainer).status_code == 302
    page = browser.get(f"/staff/classes/{code}").get_data(as_text=True)
    assert "2 learners" in page and "Anna" in page and "Learner 1" in page
    assert page.count('class="mark wrong"') == 1 and page.count('class="mark right"') == 5


def test_the_tutorial_resumes_after_the_servers_restart(trained_model: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'restart.db'}"
    sender = f"restart-{uuid.uuid4().hex[:10]}"
    first = Servers(database_url=url).start()
    try:
        chat = Chat(first, sender)
        chat.say("/start_tutorial")
        chat.say("/skip_question")
        chat.say('/inform{"lesson": "misconceptions"}')
        chat.say("next")
        assert shown(chat.say("next"), "lesson")["step"] == 3
    finally:
        first.stop()

    second = Servers(database_url=url).start()
    try:
        chat = Chat(second, sender)
        messages = chat.say("next")                        # the form is still running
        assert shown(messages, "lesson") and shown(messages, "lesson")["id"] == "misconceptions"
        assert shown(messages, "lesson")["step"] == 4
        assert "tutorial_stopped" in notices(chat.say("stop"))
        messages = chat.say("start the tutorial")          # leaving and coming back
        assert "tutorial_resumed" in notices(messages)
        assert shown(messages, "lesson")["step"] == 4
    finally:
        second.stop()
