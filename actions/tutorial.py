"""The tutorial form: start or resume, read each message, show the position, pause.

The logic is in ``bot.tutorial``; these actions only translate between Rasa
(slots, the latest message, the dispatcher) and it, and store answers and
progress without ever failing the chat.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.parsing import latest_message
from actions.replies import send
from actions.session_log import NOT_SAVED, attempt, saved
from bot.knowledge import load_knowledge
from bot.storage import classes, conversations
from bot.tutorial import Turn, TutorialState, navigation, views
from bot.tutorial.turn import decide

logger = logging.getLogger(__name__)


def tutorial_state(tracker: Tracker) -> TutorialState:
    """The learner's position from the slots."""
    return TutorialState.from_slots(tracker.get_slot)


class Unreachable:
    """Stands in for a class name the database could not be asked for."""


def lookup_class(code: str) -> Optional[str]:
    """A class's name for the tutorial logic; LookupError when the database failed."""
    name = attempt(classes.class_name, code, failed=Unreachable())
    if isinstance(name, Unreachable):
        raise LookupError(code)
    return name or None


def slot_events(turn: Turn) -> List[Dict[Text, Any]]:
    """The new position as slot events, plus what side questions now refer to."""
    events = [SlotSet(name, value) for name, value in turn.state.to_slots().items()]
    if turn.subject:
        events.append(SlotSet("last_answer", turn.subject))
    if turn.stop:
        events.append(SlotSet("requested_slot", None))
    return events


def store(dispatcher: CollectingDispatcher, sender_id: Text, turn: Turn) -> None:
    """Record answers and progress; if anything failed, one polite note."""
    state = turn.state
    stored = True
    for answer in turn.answers:
        stored = saved(
            classes.record_quiz_answer,
            sender_id, lesson_id=answer.lesson_id, question_id=answer.question_id, correct=answer.correct,
            class_code=state.class_code, learner_name=state.learner_name) and stored
    for progress in turn.progress:
        stored = saved(
            conversations.record_tutorial_progress,
            sender_id, progress.lesson_id, step=progress.step, score=progress.score, done=progress.done,
        ) and stored
    if not stored:
        logger.error("tutorial: could not store answers or progress of %s", sender_id)
        dispatcher.utter_message(text=NOT_SAVED, json_message={"type": "notice", "id": "not_saved"})


class ValidateTutorialForm(Action):
    """Read the learner's message: answer, move, join a class, stop, or leave it to the rules."""

    def name(self) -> Text:
        return "validate_tutorial_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = decide(load_knowledge(), latest_message(tracker), tutorial_state(tracker), lookup_class)
        if turn.reject:
            return []
        send(dispatcher, *turn.replies)
        store(dispatcher, tracker.sender_id, turn)
        return slot_events(turn)


class AskTutorialInput(Action):
    """Show where the learner is: class code, name, menu, step, question or result."""

    def name(self) -> Text:
        return "action_ask_tutorial_input"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = load_knowledge()
        send(dispatcher, views.view(kb, tutorial_state(tracker).checked(kb)))
        return []


class StartTutorial(Action):
    """ "Start the tutorial": begin, or resume with the progress kept in slots and the database."""

    def name(self) -> Text:
        return "action_start_tutorial"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        stored = attempt(classes.load_progress, tracker.sender_id, failed={})
        turn = navigation.start(load_knowledge(), tutorial_state(tracker), stored)
        send(dispatcher, *turn.replies)
        return slot_events(turn)


class LeaveTutorial(Action):
    """The learner stopped: the position stays in the slots for next time."""

    def name(self) -> Text:
        return "action_leave_tutorial"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        send(dispatcher, views.stopped())
        return []
