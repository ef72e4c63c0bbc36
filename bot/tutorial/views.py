"""What the learner sees: the lesson menu, a step, a quiz question, the result.

Each view is one ``Reply`` whose payload carries everything a widget card
needs (titles, texts, options, counts), so the widget and the tests rely on
ids and numbers, never on wording. ``view`` renders the current position and
is what the form's ask action sends after every turn.
"""
from __future__ import annotations

from typing import List, Optional

from bot.conversation.sources import cite
from bot.conversation.turns import Button, Reply, intent_button
from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import Lesson
from bot.tutorial.learner import EXAMPLE_CODE
from bot.tutorial.state import TutorialState, ordered_lessons
from bot.tutorial.suggest import suggestion

NEXT, BACK = intent_button("Next", "next_step"), intent_button("Back", "go_back")
MENU, STOP = intent_button("Menu", "show_menu"), intent_button("Stop", "stop")
SKIP = intent_button("Skip", "skip_question")
QUIZ_SUFFIX = ":quiz"


def lesson_button(title: str, lesson_id: str, quiz: bool = False) -> Button:
    """A button that opens a lesson, or straight its quiz (``<id>:quiz``)."""
    return intent_button(title, "inform", lesson=lesson_id + (QUIZ_SUFFIX if quiz else ""))


def view(kb: KnowledgeBase, state: TutorialState) -> Reply:
    """The current position: the question at the start, the menu, a step, a question, a result."""
    if state.phase in (None, "class_code"):
        return ask_class_code()
    if state.phase == "learner_name":
        return ask_learner_name()
    if state.phase == "lesson":
        return step(kb, state)
    if state.phase == "quiz":
        return question(kb, state)
    if state.phase == "result":
        return result(kb, state)
    return menu(kb, state)


def ask_class_code() -> Reply:
    """The optional class code, asked once at the start."""
    return Reply(
        "Are you doing this tutorial with a class? Type the class code your trainer gave you "
        f"(it looks like {EXAMPLE_CODE}) and your quiz results will count for the class. No code? Just skip.",
        {"type": "question", "slot": "class_code"},
        [intent_button("I have no class code", "skip_question")])


def ask_learner_name() -> Reply:
    """The optional name the trainer sees next to the answers."""
    return Reply(
        "Would you like your trainer to see your first name next to your quiz answers? "
        "Type it, or skip to stay anonymous.",
        {"type": "question", "slot": "learner_name"}, [intent_button("Stay anonymous", "skip_question")])


def menu(kb: KnowledgeBase, state: TutorialState) -> Reply:
    """Every lesson with whether it is done and the best quiz score."""
    lines, cards, buttons = ["The lessons (a tick means done):"], [], []
    for number, lesson in enumerate(ordered_lessons(kb), start=1):
        record = state.lesson_progress(lesson.id)
        mark = " \u2713" if record.done else ""
        best = f", best score {record.best}/{len(lesson.quiz)}" if record.best is not None else ""
        lines.append(f"{number}. {lesson.title}{mark}{best}")
        cards.append({"id": lesson.id, "title": lesson.title, "done": record.done,
                      "best": record.best, "of": len(lesson.quiz)})
        buttons.append(lesson_button(f"{number}. {lesson.title}{mark}", lesson.id))
    lines.append("Pick a lesson, or type its number.")
    return Reply("\n".join(lines), {"type": "menu", "id": "lessons", "lessons": cards}, buttons + [STOP])


def step(kb: KnowledgeBase, state: TutorialState) -> Reply:
    """One step of the current lesson, with its example case when it has one."""
    lesson = state.current_lesson(kb)
    current = lesson.steps[state.step - 1]
    text = f"{lesson.title} \u00b7 step {state.step} of {len(lesson.steps)}\n\n{current.text}"
    payload = {"type": "lesson", "id": lesson.id, "title": lesson.title, "step": state.step,
               "of": len(lesson.steps), "text": current.text, "sources": list(lesson.sources)}
    if current.case and current.case in kb.cases:
        case = kb.cases[current.case]
        text += f"\n\nExample: {case.title}. {case.summary}\n{cite(kb, case.sources)}"
        payload["example"] = {"id": case.id, "title": case.title, "summary": case.summary,
                              "sources": list(case.sources)}
    last = state.step == len(lesson.steps)
    buttons = [intent_button("Start the quiz", "next_step") if last else NEXT]
    buttons += ([BACK] if state.step > 1 else []) + [MENU, STOP]
    return Reply(text, payload, buttons)


def question(kb: KnowledgeBase, state: TutorialState) -> Reply:
    """The current quiz question with one button per option."""
    lesson = state.current_lesson(kb)
    item = lesson.quiz[state.question - 1]
    numbered = "\n".join(f"{i}. {option}" for i, option in enumerate(item.options, start=1))
    text = (f"{lesson.title} \u00b7 quiz question {state.question} of {len(lesson.quiz)}\n\n"
            f"{item.question}\n{numbered}")
    payload = {"type": "quiz", "id": item.id, "lesson": lesson.id, "question": item.question,
               "options": list(item.options), "number": state.question, "of": len(lesson.quiz)}
    buttons = [intent_button(option, "inform", quiz_option=str(i)) for i, option in enumerate(item.options)]
    return Reply(text, payload, buttons + [SKIP])


def feedback(kb: KnowledgeBase, lesson: Lesson, number: int, chosen: Optional[int]) -> Reply:
    """Right or wrong, the right answer, why, and where it comes from."""
    item = lesson.quiz[number - 1]
    right = item.options[item.answer]
    correct = chosen == item.answer
    if correct:
        opening = "Right!"
    elif chosen is None:
        opening = f"Skipped. The answer is \u201c{right}\u201d."
    else:
        opening = f"Not quite: the answer is \u201c{right}\u201d."
    text = f"{opening} {item.explanation}\n{cite(kb, item.sources)}"
    payload = {"type": "quiz_feedback", "id": item.id, "lesson": lesson.id, "correct": correct,
               "answer": item.answer, "answer_text": right, "chosen": chosen,
               "explanation": item.explanation, "sources": list(item.sources)}
    return Reply(text, payload)


def result(kb: KnowledgeBase, state: TutorialState) -> Reply:
    """The score of the quiz just finished and what to study next."""
    lesson = state.current_lesson(kb)
    of = len(lesson.quiz)
    best = state.lesson_progress(lesson.id).best
    advice = suggestion(kb, state)
    earlier = f" (your best so far: {best} of {of})" if best is not None and best > state.score else ""
    lines = [f"Quiz done: {state.score} of {of} right{earlier}."]
    buttons: List[Button] = []
    if advice.review:
        lines.append(f"Worth a second look: go through \u201c{lesson.title}\u201d again, "
                     "then retake the quiz.")
        buttons.append(lesson_button("Go through the lesson again", lesson.id))
    if advice.next_lesson:
        following = kb.lessons[advice.next_lesson]
        lines.append(f"Next up: \u201c{following.title}\u201d.")
        buttons.insert(0, intent_button(f"Next lesson: {following.title}", "next_step"))
    elif not advice.review:
        lines.append("You have finished every lesson. Well done!")
    buttons += [lesson_button("Retake the quiz", lesson.id, quiz=True), MENU, STOP]
    payload = {"type": "quiz_result", "lesson": lesson.id, "title": lesson.title, "score": state.score,
               "of": of, "best": best, "next": advice.next_lesson, "review": advice.review}
    return Reply("\n".join(lines), payload, buttons)


def notice(notice_id: str, text: str, **fields: object) -> Reply:
    """A short status message (``{"type": "notice", "id": ...}``)."""
    return Reply(text, {"type": "notice", "id": notice_id, **fields})


def intro(kb: KnowledgeBase) -> Reply:
    """The welcome when the tutorial starts for the first time."""
    return notice("tutorial_intro", (
        f"Welcome to the tutorial on open innovation: {len(kb.lessons)} short lessons, each a few steps "
        "followed by a quiz. Say \u201cnext\u201d, \u201cback\u201d, \u201cmenu\u201d or \u201cstop\u201d "
        "at any time, and ask me about anything along the way."))


def resumed(kb: KnowledgeBase, state: TutorialState) -> Reply:
    """Welcome back, with where the learner is, before anything from last time is shown again."""
    if state.phase == "menu" or state.lesson not in kb.lessons:
        return notice("tutorial_resumed", "Welcome back! Here are the lessons; pick up wherever you like.")
    lesson = state.current_lesson(kb)
    if state.phase == "result":
        return notice("tutorial_resumed", f"Welcome back! Last time you finished the quiz of "
                      f"\u201c{lesson.title}\u201d. Here is how it went.", lesson=lesson.id)
    where = (f"step {state.step} of {len(lesson.steps)}" if state.phase == "lesson"
             else f"quiz question {state.question} of {len(lesson.quiz)}")
    return notice("tutorial_resumed", f"Welcome back! Let's pick up where you left off: "
                  f"\u201c{lesson.title}\u201d, {where}.", lesson=lesson.id)


HINTS = {
    "menu": "Pick a lesson with the buttons or type its number; \u201cstop\u201d pauses the tutorial.",
    "lesson": ("Say \u201cnext\u201d to go on, \u201cback\u201d to go back, \u201cmenu\u201d for all lessons "
               "or \u201cstop\u201d to pause. You can also ask me about any term."),
    "quiz": "Pick an answer with the buttons, type its number or its words, or say \u201cskip\u201d.",
    "result": "Say \u201cnext\u201d for the next lesson, or \u201cmenu\u201d for all lessons.",
}


def unclear(state: TutorialState) -> Reply:
    """Sorry, plus what the learner can say where they are."""
    hint = HINTS.get(state.phase or "", HINTS["menu"])
    return notice("tutorial_unclear", f"Sorry, I didn't catch that. {hint}")


def stopped() -> Reply:
    """The tutorial is paused; the position is kept."""
    return Reply("OK, the tutorial is paused and your progress is saved. Say \u201cstart the tutorial\u201d "
                 "whenever you want to carry on where you left off.",
                 {"type": "notice", "id": "tutorial_stopped"},
                 [intent_button("Continue the tutorial", "start_tutorial"),
                  intent_button("What can you do?", "help")])
