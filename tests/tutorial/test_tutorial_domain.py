"""The domain, rules and actions agree: every name the tutorial uses is declared.

"""
from __future__ import annotations

import inspect
from pathlib import Path

import yaml

from actions import tutorial as tutorial_actions
from bot.tutorial.state import SLOTS
from bot.tutorial.turn import DIGRESSIONS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ACTIONS = {"action_deactivate_loop", "action_restart", "action_listen", "action_session_start"}


def domain() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text())


def rule_steps(name: str) -> list:
    data = yaml.safe_load((ROOT / "data" / "rules" / name).read_text())
    return [step for rule in data["rules"] for step in rule.get("condition", []) + rule["steps"]]


def test_slots_entities_form_and_actions_are_declared() -> None:
    declared = domain()
    assert set(SLOTS.values()) | {"tutorial_input"} <= set(declared["slots"])
    assert all(declared["slots"][name]["influence_conversation"] is False for name in SLOTS.values())
    names = {entity if isinstance(entity, str) else next(iter(entity)) for entity in declared["entities"]}
    assert {"quiz_option", "lesson"} <= names
    assert declared["forms"]["tutorial_form"]["required_slots"] == ["tutorial_input"]
    ours = {cls().name() for _, cls in inspect.getmembers(tutorial_actions, inspect.isclass)
            if cls.__module__ == tutorial_actions.__name__ and hasattr(cls, "run")}
    assert ours == {"validate_tutorial_form", "action_ask_tutorial_input", "action_start_tutorial",
                    "action_leave_tutorial"}
    assert ours <= set(declared["actions"])


def test_the_rules_use_only_declared_names() -> None:
    declared = domain()
    known_actions = set(declared["actions"]) | set(declared["responses"]) | DEFAULT_ACTIONS | set(declared["forms"])
    known_actions |= {"utter_misconception"}  # built from knowledge/ by the importer
    for name in ("tutorial.yml", "forms.yml"):
        for step in rule_steps(name):
            if "action" in step:
                assert step["action"] in known_actions, (name, step)
            if "intent" in step:
                assert step["intent"] in set(declared["intents"]) | {"misconception"}, (name, step)


def test_every_side_question_the_form_rejects_is_an_intent() -> None:
    assert DIGRESSIONS <= set(domain()["intents"]) | {"misconception"}
    resumed = {step["intent"] for step in rule_steps("forms.yml") if "intent" in step}
    assert {"misconception", "ask_definition", "ask_example", "ask_source", "ask_more"} <= resumed
