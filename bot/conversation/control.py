"""Conversation control that works the same inside every form.

Inside the diagnosis, the contact form and the tutorial, an owner can still
voice a doubt, ask what a term means, ask for help or about privacy, stop,
start over, or ask to delete their data. This table is the one place that
says what happens then; ``data/rules/forms.yml`` is generated from it
(``python -m bot rules``), and each form hands these intents over instead
of reading them as answers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence

#: side questions: answered, then the form asks its question again
SIDE_QUESTIONS: Dict[str, List[str]] = {
    "misconception": ["utter_misconception", "action_explain_misconception"],
    "ask_definition": ["action_explain"],
    "ask_example": ["action_show_example"],
    "ask_source": ["action_show_sources"],
    "ask_more": ["action_tell_more"],
    "ask_partners_for_stage": ["action_partners_for_stage"],
    "help": ["utter_help"],
    "ask_privacy": ["action_explain_privacy"],
    "bot_challenge": ["utter_iamabot"],
    "out_of_scope": ["utter_out_of_scope"],
    "other_language": ["action_other_language"],
}
#: requests that leave the form (its answers so far are kept)
LEAVING: Dict[str, List[str]] = {
    "delete_my_data": ["action_confirm_erase"],
    "goodbye": ["utter_goodbye"],
}
RESTART = ["utter_restarted", "action_restart_conversation"]

#: every intent a form hands over rather than reading it as an answer
HANDED_OVER = frozenset(SIDE_QUESTIONS) | frozenset(LEAVING) | {"stop", "start_over", "request_followup"}


@dataclass(frozen=True)
class FormControl:
    """What one form hands over, and how it confirms a stop (None: it stops itself)."""

    handed_over: FrozenSet[str]
    stopped: Optional[str]


#: the contact form reads free text ("Hello Bakery" is a company, not a greeting),
#: so it hands over only what can never be an answer
FORMS: Dict[str, FormControl] = {
    "diagnosis_form": FormControl(HANDED_OVER, "utter_diagnosis_stopped"),
    "tutorial_form": FormControl(HANDED_OVER - {"stop"}, None),
    "followup_form": FormControl(
        frozenset({"stop", "start_over", "delete_my_data", "ask_privacy", "help"}), "action_cancel_followup"),
}


def rules() -> List[Dict[str, object]]:
    """Rasa rules for every form and the intents it hands over, in a stable order."""
    found: List[Dict[str, object]] = []
    for form, control in FORMS.items():
        handed = control.handed_over
        found += [_side_rule(form, intent, actions) for intent, actions in SIDE_QUESTIONS.items()
                  if intent in handed]
        leaving = {intent: actions for intent, actions in LEAVING.items() if intent in handed}
        if "request_followup" in handed and form != "followup_form":
            leaving["request_followup"] = ["action_ask_followup_consent"]
        found += [_leave_rule(form, intent, actions) for intent, actions in leaving.items()]
        if control.stopped and "stop" in handed:
            found.append(_leave_rule(form, "stop", [control.stopped]))
        if "start_over" in handed:
            found.append(_rule(f"start over during {_name(form)}", form,
                               [{"intent": "start_over"}] + [{"action": action} for action in RESTART]))
    return found


def _side_rule(form: str, intent: str, actions: List[str]) -> Dict[str, object]:
    steps: List[Dict[str, object]] = [{"intent": intent}]
    steps += [{"action": action} for action in actions]
    steps += [{"action": form}, {"active_loop": form}]
    return _rule(f"answer {intent} during {_name(form)}, then resume", form, steps)


def _leave_rule(form: str, intent: str, actions: List[str]) -> Dict[str, object]:
    steps: List[Dict[str, object]] = [
        {"intent": intent}, {"action": "action_deactivate_loop"}, {"active_loop": None}]
    steps += [{"action": action} for action in actions]
    return _rule(f"{intent} leaves {_name(form)}", form, steps)


def _rule(title: str, form: str, steps: Sequence[Mapping[str, object]]) -> Dict[str, object]:
    return {"rule": title, "condition": [{"active_loop": form}], "steps": steps}


def _name(form: str) -> str:
    return "the " + form.replace("_form", "").replace("followup", "contact form")
