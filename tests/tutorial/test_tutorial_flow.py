"""A learner's way through the tutorial, turn by turn, on the real lessons."""
from __future__ import annotations

import pytest

from bot.knowledge.loader import KnowledgeBase
from bot.tutorial import AnswerRecord, LessonProgress, ProgressRecord
from bot.tutorial.state import ordered_lessons
from tests.tutorial.learner import Learner

FIRST = "what_is_oi"


def wrong_option(kb: KnowledgeBase, lesson: str, number: int) -> int:
    item = kb.lessons[lesson].quiz[number - 1]
    return next(i for i in range(len(item.options)) if i != item.answer)


def right_option(kb: KnowledgeBase, lesson: str, number: int) -> int:
    return kb.lessons[lesson].quiz[number - 1].answer


def test_the_first_start_welcomes_and_asks_for_a_class_code(learner: Learner) -> None:
    assert [p["id"] for p in learner.payloads[:1]] == ["tutorial_intro"]
    assert learner.shown == {"type": "question", "slot": "class_code"}
    assert learner.replies[-1].buttons[0].payload == "/skip_question"


def test_a_class_code_in_a_sentence_then_a_name(learner: Learner) -> None:
    learner.say("our trainer said k7qm 2pxd", "inform")
    assert learner.payloads[0] == {"type": "notice", "id": "class_joined", "code": "K7QM-2PXD"}
    assert "Spring group" in learner.replies[0].text
    assert learner.shown == {"type": "question", "slot": "learner_name"}
    learner.say("Hi, I'm Anna", "greet")
    assert learner.state.learner_name == "Anna" and learner.state.class_code == "K7QM-2PXD"
    assert learner.shown["id"] == "lessons"


def test_an_unknown_code_is_refused_and_skipping_stays_anonymous(learner: Learner) -> None:
    learner.say("ABCD-EFGH", "inform")
    assert learner.payloads[0]["id"] == "class_unknown" and learner.state.class_code is None
    learner.say("what's that?", "inform")
    assert learner.payloads[0]["id"] == "class_code_unclear"
    learner.say("skip", "skip_question")
    assert learner.state.phase == "menu" and learner.state.class_code is None
    assert learner.shown["id"] == "lessons"


def test_the_learner_can_decline_to_give_a_name(learner: Learner) -> None:
    learner.say("K7QM-2PXD", "inform").say("why do you ask?", "why_ask")
    assert learner.payloads[0] == {"type": "why", "slot": "learner_name"}
    learner.say("no thanks", "deny")
    assert learner.state.learner_name is None and learner.state.class_code == "K7QM-2PXD"


def test_a_database_failure_while_checking_a_code_is_said_plainly(kb: KnowledgeBase) -> None:
    def broken(code: str):
        raise LookupError(code)

    learner = Learner(kb, broken).start().say("K7QM-2PXD", "inform")
    assert learner.payloads[0]["id"] == "class_unchecked" and learner.state.phase == "class_code"


def test_a_whole_lesson_with_next_back_and_its_quiz(kb: KnowledgeBase, learner: Learner) -> None:
    lesson = kb.lessons[FIRST]
    learner.to_menu().press("lesson", FIRST)
    assert learner.shown["type"] == "lesson" and learner.shown["step"] == 1
    assert learner.shown["of"] == len(lesson.steps) and learner.shown["title"] == lesson.title
    assert learner.shown["text"] == lesson.steps[0].text
    learner.say("back", "go_back")
    assert learner.payloads[0]["id"] == "first_step" and learner.shown["step"] == 1
    learner.say("next", "next_step").say("back", "go_back").say("ok", "affirm")
    assert learner.shown["step"] == 2
    for _ in range(len(lesson.steps) - 2):
        learner.say("next", "next_step")
    assert learner.shown["step"] == len(lesson.steps)
    assert learner.replies[-1].buttons[0].title == "Start the quiz"
    learner.say("next", "next_step")
    assert learner.shown["type"] == "quiz" and learner.shown["id"] == lesson.quiz[0].id
    assert learner.shown["options"] == list(lesson.quiz[0].options) and learner.shown["lesson"] == FIRST

    learner.press("quiz_option", wrong_option(kb, FIRST, 1))
    feedback = learner.payloads[0]
    assert feedback["type"] == "quiz_feedback" and feedback["correct"] is False
    assert feedback["answer"] == lesson.quiz[0].answer and feedback["sources"] == list(lesson.quiz[0].sources)
    assert lesson.quiz[0].explanation in learner.replies[0].text and "Sources:" in learner.replies[0].text
    assert learner.shown["number"] == 2
    for number in range(2, len(lesson.quiz) + 1):
        learner.press("quiz_option", right_option(kb, FIRST, number))
        assert learner.payloads[0]["correct"] is True
    result = learner.shown
    assert result == {"type": "quiz_result", "lesson": FIRST, "title": lesson.title,
                      "score": len(lesson.quiz) - 1, "of": len(lesson.quiz), "best": len(lesson.quiz) - 1,
                      "next": lesson.next, "review": False}
    assert learner.answers[0] == AnswerRecord(FIRST, lesson.quiz[0].id, wrong_option(kb, FIRST, 1), False)
    assert len(learner.answers) == len(lesson.quiz)
    assert learner.progress[-1] == ProgressRecord(FIRST, len(lesson.steps), len(lesson.quiz) - 1, True)


def finish_quiz(learner: Learner, kb: KnowledgeBase, lesson: str, right: int) -> Learner:
    learner.press("lesson", f"{lesson}:quiz")
    for number in range(1, len(kb.lessons[lesson].quiz) + 1):
        option = right_option(kb, lesson, number) if number <= right else wrong_option(kb, lesson, number)
        learner.press("quiz_option", option)
    return learner


def test_the_menu_shows_done_lessons_and_the_best_score(kb: KnowledgeBase, learner: Learner) -> None:
    finish_quiz(learner.to_menu(), kb, FIRST, right=3)
    finish_quiz(learner, kb, FIRST, right=1)
    assert learner.shown["score"] == 1 and learner.shown["best"] == 3 and learner.shown["review"] is True
    learner.say("menu", "show_menu")
    menu = learner.shown
    assert menu["type"] == "menu" and menu["id"] == "lessons"
    assert [item["id"] for item in menu["lessons"]] == [lesson.id for lesson in ordered_lessons(kb)]
    assert menu["lessons"][0] == {"id": FIRST, "title": kb.lessons[FIRST].title, "done": True, "best": 3,
                                  "of": len(kb.lessons[FIRST].quiz)}
    assert all(item["done"] is False and item["best"] is None for item in menu["lessons"][1:])
    assert "\u2713" in learner.replies[-1].text and "best score 3/3" in learner.replies[-1].text


def test_a_weak_score_suggests_review_and_next_opens_the_next_lesson(kb: KnowledgeBase, learner: Learner) -> None:
    finish_quiz(learner.to_menu(), kb, FIRST, right=0)
    assert learner.shown["review"] is True and learner.shown["next"] == kb.lessons[FIRST].next
    assert "second look" in learner.replies[-1].text
    learner.say("next", "next_step")
    assert learner.shown["type"] == "lesson" and learner.shown["id"] == kb.lessons[FIRST].next


def test_after_the_last_lesson_the_suggestion_is_an_unfinished_one(kb: KnowledgeBase, learner: Learner) -> None:
    last = ordered_lessons(kb)[-1].id
    finish_quiz(learner.to_menu(), kb, last, right=len(kb.lessons[last].quiz))
    assert learner.shown["next"] == FIRST and learner.shown["review"] is False


def test_side_questions_are_left_to_the_rules_and_the_position_kept(learner: Learner) -> None:
    learner.to_menu().press("lesson", FIRST).say("next", "next_step")
    before = learner.state
    for text, intent in [("what is licensing out?", "ask_definition"), ("we're too small for that", "misconception"),
                         ("give me an example", "ask_example"), ("where does that come from?", "ask_source"),
                         ("start the tutorial", "start_tutorial")]:
        assert learner.say(text, intent).last.reject, text
        assert learner.state == before


def test_a_question_about_an_option_is_not_taken_as_an_answer(kb: KnowledgeBase, learner: Learner) -> None:
    lesson = "collaboration_models"
    learner.to_menu().press("lesson", f"{lesson}:quiz")
    learner.press("quiz_option", 0).press("quiz_option", 0)
    assert "Licensing out" in learner.shown["options"]
    assert learner.say("what is licensing out?", "ask_definition").last.reject
    assert learner.say("licensing out", "ask_definition").payloads[0]["chosen"] == 2


def test_typed_answers_and_skips_in_the_quiz(kb: KnowledgeBase, learner: Learner) -> None:
    learner.to_menu().press("lesson", f"{FIRST}:quiz")
    learner.say("I'd say inbound", "inform")
    assert learner.payloads[0]["chosen"] == 0 and learner.payloads[0]["correct"] is True
    learner.say("no idea, skip", "skip_question")
    assert learner.payloads[0]["chosen"] is None and learner.payloads[0]["correct"] is False
    assert "Skipped" in learner.replies[0].text
    learner.say("hmm", "nlu_fallback")
    assert learner.payloads[0]["id"] == "tutorial_unclear" and learner.shown["number"] == 3
    learner.say("back", "go_back")
    assert learner.payloads[0]["id"] == "quiz_no_back"
    learner.say("the second one", "inform")
    assert learner.shown["type"] == "quiz_result" and learner.shown["score"] == 2


def test_back_from_the_first_question_returns_to_the_lesson(kb: KnowledgeBase, learner: Learner) -> None:
    learner.to_menu().press("lesson", f"{FIRST}:quiz").say("back", "go_back")
    assert learner.shown["type"] == "lesson" and learner.shown["step"] == len(kb.lessons[FIRST].steps)


def test_a_stale_or_invalid_option_button_is_not_an_answer(learner: Learner) -> None:
    learner.to_menu().press("lesson", f"{FIRST}:quiz").press("quiz_option", 9)
    assert learner.payloads[0]["id"] == "tutorial_unclear" and learner.answers == []


def test_stop_ends_the_form_and_start_resumes_where_the_learner_was(kb: KnowledgeBase, learner: Learner) -> None:
    learner.to_menu().press("lesson", FIRST).say("next", "next_step").say("next", "next_step")
    learner.say("stop", "stop")
    assert learner.last.stop and learner.state.step == 3
    learner.start()
    assert learner.payloads[0]["id"] == "tutorial_resumed" and learner.payloads[0]["lesson"] == FIRST
    assert learner.shown["type"] == "lesson" and learner.shown["step"] == 3


def test_reopening_an_unfinished_lesson_resumes_at_its_step(learner: Learner) -> None:
    learner.to_menu().press("lesson", FIRST).say("next", "next_step").say("menu", "show_menu")
    assert learner.shown["id"] == "lessons"
    learner.say("1")
    assert learner.shown["id"] == FIRST and learner.shown["step"] == 2


def test_progress_kept_in_the_database_survives_a_fresh_start(kb: KnowledgeBase, learner: Learner) -> None:
    fresh = Learner(kb, learner.lookup).start({FIRST: LessonProgress(step=5, done=True, best=2)})
    fresh.to_menu()
    assert fresh.shown["lessons"][0]["done"] is True and fresh.shown["lessons"][0]["best"] == 2


@pytest.mark.parametrize("typed", ["2", "common misconceptions", "the misconceptions one", "lesson 2"])
def test_a_lesson_can_be_chosen_by_typing(typed: str, learner: Learner) -> None:
    learner.to_menu().say(typed, "inform")
    assert learner.shown["type"] == "lesson" and learner.shown["id"] == "misconceptions"


def test_next_at_the_menu_opens_the_first_unfinished_lesson(kb: KnowledgeBase, learner: Learner) -> None:
    finish_quiz(learner.to_menu(), kb, FIRST, right=3).say("menu", "show_menu").say("next", "next_step")
    assert learner.shown["id"] == kb.lessons[FIRST].next


def test_a_step_with_a_case_shows_the_example_and_makes_it_the_subject(kb: KnowledgeBase, learner: Learner) -> None:
    number = next(i for i, step in enumerate(kb.lessons[FIRST].steps, start=1) if step.case)
    learner.to_menu().press("lesson", FIRST)
    for _ in range(number - 1):
        learner.say("next", "next_step")
    case = kb.cases[kb.lessons[FIRST].steps[number - 1].case]
    assert learner.shown["example"]["id"] == case.id and case.title in learner.replies[-1].text
    assert learner.last.subject == {"kind": "cases", "id": case.id}


def test_unclear_messages_get_a_hint_for_where_the_learner_is(learner: Learner) -> None:
    learner.to_menu().say("purple", "nlu_fallback")
    assert learner.payloads[0]["id"] == "tutorial_unclear" and "lesson" in learner.replies[0].text
    learner.press("lesson", FIRST).say("purple", "inform")
    assert "next" in learner.replies[0].text and learner.shown["type"] == "lesson"


@pytest.mark.parametrize("phase", ["class_code", "learner_name", "menu", "lesson", "quiz", "result"])
def test_start_the_tutorial_changes_nothing_in_the_form_wherever_the_learner_is(phase: str, learner: Learner) -> None:
    """The form's activation calls the validator with this very message."""
    learner.state = learner.state.replace(phase=phase, lesson=FIRST, step=2, question=1)
    for text in ("start the tutorial", "tutorial please", "lessons", "start lesson one"):
        assert learner.say(text, "start_tutorial").last.reject, (phase, text)
    if phase != "quiz":
        assert learner.say("1", "start_tutorial").last.reject, phase


def test_in_the_quiz_an_option_number_is_an_answer_whatever_rasa_thought(learner: Learner) -> None:
    learner.to_menu().press("lesson", f"{FIRST}:quiz").say("1", "start_tutorial")
    assert learner.payloads[0]["type"] == "quiz_feedback" and learner.payloads[0]["chosen"] == 0


def test_an_option_that_reads_like_a_command_is_an_answer(kb: KnowledgeBase, learner: Learner) -> None:
    lesson = "misconceptions"
    learner.to_menu().press("lesson", f"{lesson}:quiz").press("quiz_option", 0).press("quiz_option", 0)
    option = kb.lessons[lesson].quiz[2].options[0]
    assert option.lower().startswith("stop")
    learner.say(option, "stop")
    assert not learner.last.stop and learner.payloads[0]["chosen"] == 0


@pytest.mark.parametrize("typed, intent, name", [
    ("Anna", "ask_definition", True), ("Anna", "misconception", True), ("Hi, I'm Anna", "greet", True),
    ("Anna", "nlu_fallback", True), ("hello", "greet", False), ("are you a bot?", "bot_challenge", False),
    ("thanks", "thank", False), ("help", "help", False),
])
def test_a_bare_name_is_a_name_whatever_rasa_thought(typed: str, intent: str, name: bool, learner: Learner) -> None:
    learner.say("K7QM-2PXD", "inform").say(typed, intent)
    if name:
        assert learner.state.learner_name == "Anna" and learner.shown["id"] == "lessons"
    else:
        assert learner.state.learner_name is None and learner.state.phase == "learner_name"


def test_a_learner_back_after_a_quiz_is_welcomed_before_the_old_result(kb: KnowledgeBase, learner: Learner) -> None:
    learner.to_menu().press("lesson", f"{FIRST}:quiz")
    for _ in kb.lessons[FIRST].quiz:
        learner.press("quiz_option", 0)
    assert learner.state.phase == "result"
    learner.say("stop", "stop").start()
    assert learner.payloads[0]["id"] == "tutorial_resumed" and "Welcome back" in learner.replies[0].text
    assert learner.shown["type"] == "quiz_result"
