"""The compiled check of action-server replies decides exactly as Rasa's own.

Rasa's ``RemoteAction._validate_action_result`` is run beside
``bot.serve_rasa.validate_action_result`` on valid and broken replies: both
accept the same ones, and both reject the same ones with the same message.
"""
from __future__ import annotations

import importlib

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import serve_rasa
from bot.nlu import quick_load

GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "sector", "value": "food_beverage", "timestamp": None},
                {"event": "active_loop", "name": "diagnosis_form"}],
     "responses": [{"text": "How far along are you?", "custom": {"type": "question"}}]},
    {"events": [{"event": "followup", "name": "action_recommend"}]},
]
BAD = [
    {"events": [{"event": "slot", "name": 3}]},
    {"events": "not a list"},
    {"responses": ["not an object"]},
    {"events": [{"event": "no_such_event"}]},
]


def rasa_verdict(reply: dict) -> str:
    try:
        RemoteAction("action_x", None)._validate_action_result(reply)
        return "ok"
    except ValidationError as error:
        return error.message


def our_verdict(reply: dict) -> str:
    try:
        serve_rasa.validate_action_result(None, reply)
        return "ok"
    except ValidationError as error:
        return error.message


@pytest.mark.parametrize("reply", GOOD + BAD)
def test_same_verdict_as_rasa(reply: dict) -> None:
    assert our_verdict(reply) == rasa_verdict(reply)


def test_broken_replies_are_still_rejected() -> None:
    assert all(our_verdict(reply) != "ok" for reply in BAD)
    assert all(our_verdict(reply) == "ok" for reply in GOOD)


def test_installed_into_rasa() -> None:
    # the class as Rasa's server will find it, even if another test re-imported Rasa's modules
    remote = importlib.import_module("rasa.core.actions.action").RemoteAction
    models = importlib.import_module("rasa.utils.tensorflow.models").RasaModel
    original, original_load = remote._validate_action_result, models.__dict__["load"]
    try:
        serve_rasa.install()
        with pytest.raises(ValidationError):
            remote("action_x", None)._validate_action_result(BAD[0])
        assert remote._validate_action_result is serve_rasa.validate_action_result
        assert models.load.__func__ is quick_load.load_built_eagerly
    finally:
        remote._validate_action_result = original
        models.load = original_load
