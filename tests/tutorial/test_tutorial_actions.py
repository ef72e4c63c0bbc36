"""The tutorial's Rasa actions with the real SDK tracker and dispatcher, and a real database."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.tutorial import AskTutorialInput, LeaveTutorial, StartTutorial, ValidateTutorialForm
from bot.knowledge.loader import KnowledgeBase
from bot.storage import classes
from bot.storage.conversations import record_tutorial_progress
from bot.storage.database import get_engine, transaction
from bot.storage.migrate import ensure_schema
from bot.storage.tables import quiz_answers, tutorial_progress
from bot.tutorial import LessonProgress, TutorialState

LESSON = "what_is_oi"


@pytest.fixture
def db(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite database that the actions use through ``OI_DATABASE_URL``."""
    url = f"sqlite:///{tmp_path / 'actions.db'}"
    monkeypatch.setenv("OI_DATABASE_URL", url)
    ensure_schema(url)
    return url


def tracker(state: TutorialState, text: str = "", intent: Optional[str] = None,
            entities: Optional[List[Dict[str, Any]]] = None, sender: str = "learner-1") -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    return Tracker(sender, dict(state.to_slots(), requested_slot="tutorial_input"), message, [], False, None,
                   {"name": "tutorial_form"}, "action_listen")


def run(action: Any, state: TutorialState, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker(state, *args, **kwargs), {})
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return slots, [m.get("custom") or {} for m in dispatcher.messages], dispatcher.messages


def in_quiz(kb: KnowledgeBase, code: Optional[str] = None, name: Optional[str] = None) -> TutorialState:
    return TutorialState(phase="quiz", lesson=LESSON, step=len(kb.lessons[LESSON].steps), question=1,
                         class_code=code, learner_name=name)


def test_an_answer_is_judged_stored_for_the_class_and_the_next_question_follows(kb, db) -> None:
    with transaction(db) as connection:
        spring = classes.create_class(connection, "Spring group", "tia")
    right = kb.lessons[LESSON].quiz[0].answer
    slots, payloads, _ = run(ValidateTutorialForm(), in_quiz(kb, spring.code, "Anna"), "/inform", "inform",
                             [{"entity": "quiz_option", "value": str(right)}])
    assert payloads[0]["type"] == "quiz_feedback" and payloads[0]["correct"] is True
    assert slots["tutorial_question"] == 2 and slots["tutorial_score"] == 1
    assert "requested_slot" not in slots
    with get_engine(db).connect() as connection:
        row = connection.execute(select(quiz_answers)).one()
    assert (row.sender_id, row.class_code, row.learner_name, row.correct) == ("learner-1", spring.code, "Anna", True)

    _, asked, messages = run(AskTutorialInput(), TutorialState.from_slots(slots.get))
    assert asked == [{**asked[0], "type": "quiz", "number": 2}]
    assert messages[0]["buttons"][-1]["payload"] == "/skip_question"


def test_side_questions_are_rejected_without_a_word(kb, db) -> None:
    slots, payloads, _ = run(ValidateTutorialForm(), in_quiz(kb), "what is licensing out?", "ask_definition")
    assert slots == {} and payloads == []


def test_stop_ends_the_form_and_leaving_says_how_to_come_back(kb, db) -> None:
    slots, _, _ = run(ValidateTutorialForm(), in_quiz(kb), "stop", "stop")
    assert slots["requested_slot"] is None and slots["tutorial_phase"] == "quiz"
    _, payloads, messages = run(LeaveTutorial(), in_quiz(kb))
    assert payloads == [{"type": "notice", "id": "tutorial_stopped"}]
    assert messages[0]["buttons"][0]["payload"] == "/start_tutorial"


def test_moving_through_a_lesson_records_progress_and_the_example(kb, db) -> None:
    state = TutorialState(phase="lesson", lesson=LESSON, step=3)
    slots, _, _ = run(ValidateTutorialForm(), state, "next", "next_step")
    assert slots["tutorial_step"] == 4 and slots["last_answer"] == {"kind": "cases", "id": "bakery"}
    with get_engine(db).connect() as connection:
        assert connection.execute(select(tutorial_progress.c.step)).scalar_one() == 4


def test_start_resumes_with_progress_from_the_database(kb, db) -> None:
    record_tutorial_progress("learner-1", "misconceptions", step=5, score=3, done=True, url=db)
    slots, payloads, _ = run(StartTutorial(), TutorialState(), "start the tutorial", "start_tutorial")
    assert payloads == [{"type": "notice", "id": "tutorial_intro"}]
    assert slots["tutorial_phase"] == "class_code"
    assert slots["tutorial_progress"]["misconceptions"] == LessonProgress(step=5, done=True, best=3).to_dict()


def test_a_database_failure_is_told_once_and_the_quiz_goes_on(kb, tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("OI_DATABASE_URL", f"sqlite:///{blocked}/db.sqlite")
    slots, payloads, _ = run(ValidateTutorialForm(), in_quiz(kb), "/inform", "inform",
                             [{"entity": "quiz_option", "value": "0"}])
    assert [p.get("type") for p in payloads] == ["quiz_feedback", "notice"] and payloads[1]["id"] == "not_saved"
    assert slots["tutorial_question"] == 2
    _, joined, _ = run(ValidateTutorialForm(), TutorialState(phase="class_code"), "K7QM-2PXD", "inform")
    assert joined[0]["id"] == "class_unchecked"
