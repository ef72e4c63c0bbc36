"""Decide what one learner message does inside the tutorial form.

The form keeps asking for one slot it never fills; this module reads each
message against the learner's position: answer a quiz question, move
through a lesson, open a lesson from the menu, take the class code and name,
stop, or hand the message back to Rasa's rules (a misconception, "what is
licensing out?") so that the side question is answered and the form resumes.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from bot.conversation.control import FORMS
from bot.conversation.turns import Message, Reply
from bot.knowledge import KnowledgeBase
from bot.tutorial import navigation, quiz, views
from bot.tutorial.learner import find_codes, parse_name
from bot.tutorial.matching import looks_like_question, match_option
from bot.tutorial.outcome import Turn, rejected
from bot.tutorial.state import TutorialState, ordered_lessons

#: intents the tutorial leaves to the rules; the form resumes after the answer.
#: ``start_tutorial`` is among them: action_start_tutorial resumes, and the form's
#: activation (which calls the validator with that message) must change nothing.
DIGRESSIONS = FORMS["tutorial_form"].handed_over | {
    "start_tutorial", "start_diagnosis", "ask_why_recommendation", "show_other_options", "greet", "thank",
}
#: intents that never carry a name; any other intent may ("Hi, I'm Anna" reads as a greeting,
#: and a bare name can land anywhere)
NOT_A_NAME = {"start_over", "request_followup", "delete_my_data", "start_diagnosis", "goodbye", "help",
              "thank"}
FORWARD = {"next_step", "affirm"}
SKIPS = {"skip_question", "deny", "next_step"}

#: (code) -> class name, None for an unknown code; raises LookupError when it cannot check
ClassLookup = Callable[[str], Optional[str]]


def decide(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    """What ``message`` does at the learner's position ``state``."""
    state = state.checked(kb)
    if state.phase == "quiz":
        answered = _quiz_answer(kb, message, state)
        if answered is not None:  # whatever Rasa thought: an option may read "Stop collaborating, ..."
            return answered
    if message.intent == "start_tutorial":
        return rejected(state)  # even "1": the form's activation must not act on the opening message
    if message.intent == "stop":
        return Turn(state=state, stop=True)
    if message.intent == "show_menu":
        return navigation.to_menu(state)
    target = _entity(message, "lesson")
    if target is not None:
        lesson_id, to_quiz = navigation.parse_target(target)
        if lesson_id in kb.lessons:
            return navigation.open_lesson(kb, state, lesson_id, to_quiz)
    handler = {"learner_name": _learner_name, "menu": _menu, "lesson": _lesson,
               "quiz": _quiz, "result": _result}.get(state.phase or "", _class_code)
    return handler(kb, message, state, lookup)


def _common(message: Message, state: TutorialState) -> Optional[Turn]:
    """A side question is left to the rules wherever the learner is."""
    if message.intent in DIGRESSIONS:
        return rejected(state)
    return None


def _class_code(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    codes = find_codes(message.text)
    if codes:
        return _join_class(state, codes, lookup)
    if message.intent in SKIPS:
        return Turn(state=state.replace(phase="menu", class_code=None, learner_name=None))
    if message.intent == "why_ask":
        return Turn(state=state, replies=[_why("class_code", (
            "Trainers use class codes to see how their group did in the quizzes, "
            "per lesson and per question. Without a code your answers count only for you."))])
    return _common(message, state) or Turn(state=state, replies=[views.notice(
        "class_code_unclear", "That doesn't look like a class code. Please type it as your trainer gave it, "
        "or skip.")])


def _join_class(state: TutorialState, codes: list, lookup: ClassLookup) -> Turn:
    try:
        found = [(code, name) for code in codes for name in [lookup(code)] if name]
    except LookupError:
        return Turn(state=state, replies=[views.notice(
            "class_unchecked",
            "I couldn't check that code just now. Please try again in a moment, or skip.")])
    if not found:
        return Turn(state=state, replies=[views.notice(
            "class_unknown",
            f"I don't know the class code {codes[0]}. Please check it with your trainer, or skip.")])
    code, name = found[0]
    joined = views.notice("class_joined", f"You're in the class \u201c{name}\u201d: your quiz results will "
                          "count for it.", code=code)
    return Turn(state=state.replace(phase="learner_name", class_code=code), replies=[joined])


def _learner_name(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    if message.intent == "go_back":
        return Turn(state=state.replace(phase="class_code", class_code=None))
    if message.intent in SKIPS:
        return Turn(state=state.replace(phase="menu", learner_name=None), replies=[views.notice(
            "anonymous", "Fine: your trainer will see your answers without a name.")])
    if message.intent == "why_ask":
        return Turn(state=state, replies=[_why("learner_name", (
            "Your trainer sees a name only if you give one; otherwise you are listed as "
            "\u201cLearner 1\u201d, \u201cLearner 2\u201d and so on."))])
    name = parse_name(message.text) if message.intent != "affirm" else None
    if name and message.intent not in NOT_A_NAME and not looks_like_question(message.text):
        return Turn(state=state.replace(phase="menu", learner_name=name), replies=[views.notice(
            "name_noted", f"Thanks, {name}! Your trainer will see your quiz answers under this name.")])
    return _common(message, state) or Turn(state=state, replies=[views.notice(
        "name_unclear", "Please type just your first name, or skip to stay anonymous.")])


def _menu(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    if message.intent in FORWARD:
        return navigation.onward(kb, state)
    titles = [lesson.title for lesson in ordered_lessons(kb)]
    chosen = match_option(message.text, titles, loose=message.intent not in DIGRESSIONS)
    if chosen is not None:
        return navigation.open_lesson(kb, state, ordered_lessons(kb)[chosen].id)
    return _common(message, state) or _unclear(state)


def _lesson(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    if message.intent in FORWARD:
        return navigation.forward(kb, state)
    if message.intent == "go_back":
        return navigation.back(kb, state)
    if message.intent == "skip_question":
        return navigation.start_quiz(kb, state)
    return _common(message, state) or _unclear(state)


def _quiz_answer(kb: KnowledgeBase, message: Message, state: TutorialState) -> Optional[Turn]:
    """An answer button, or the exact text, number, letter or ordinal of an option."""
    button = _entity(message, "quiz_option")
    if button is not None:
        chosen = quiz.option_index(kb, state, button)
        return quiz.answer(kb, state, chosen) if chosen is not None else _unclear(state)
    # a statement that matches an option is an answer even when Rasa read it as a side remark
    loose = message.intent in DIGRESSIONS and not looks_like_question(message.text)
    typed = match_option(message.text, quiz.options(kb, state), loose=loose)
    return quiz.answer(kb, state, typed) if typed is not None else None


def _quiz(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    if message.intent == "skip_question":
        return quiz.answer(kb, state, None)
    if message.intent == "go_back":
        return _quiz_back(kb, state)
    common = _common(message, state)
    if common is not None:
        return common
    typed = match_option(message.text, quiz.options(kb, state), loose=True)
    return quiz.answer(kb, state, typed) if typed is not None else _unclear(state)


def _quiz_back(kb: KnowledgeBase, state: TutorialState) -> Turn:
    """Back from the first question returns to the lesson; answers given stay given."""
    if state.question <= 1:
        return Turn(state=state.replace(phase="lesson", question=0, score=0),
                    subject=navigation.step_subject(kb, state.replace(phase="lesson")))
    return Turn(state=state, replies=[views.notice(
        "quiz_no_back", "An answer can't be changed once given, but you can retake the quiz at the end.")])


def _result(kb: KnowledgeBase, message: Message, state: TutorialState, lookup: ClassLookup) -> Turn:
    if message.intent in FORWARD:
        return navigation.onward(kb, state)
    titles = [lesson.title for lesson in ordered_lessons(kb)]
    chosen = match_option(message.text, titles, loose=False)
    if chosen is not None:
        return navigation.open_lesson(kb, state, ordered_lessons(kb)[chosen].id)
    return _common(message, state) or _unclear(state)


def _unclear(state: TutorialState) -> Turn:
    return Turn(state=state, replies=[views.unclear(state)])


def _why(slot: str, text: str) -> Reply:
    """Why the tutorial asks for a class code or a name."""
    return Reply(text, {"type": "why", "slot": slot})


def _entity(message: Message, name: str) -> Optional[Any]:
    return next((value for entity, value in message.entities if entity == name and value is not None), None)
