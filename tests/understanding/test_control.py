"""Conversation control inside every form comes from one table."""
from __future__ import annotations

import subprocess
import sys

import yaml

from bot.cli.rules import RULES_FILE, rendered
from bot.conversation.control import FORMS, SIDE_QUESTIONS
from bot.diagnosis.turn import DIGRESSIONS
from bot.followup.form import CONTROL_INTENTS
from bot.tutorial.turn import DIGRESSIONS as TUTORIAL_DIGRESSIONS
from tests.servers import ROOT


def test_the_rules_file_is_generated_from_the_table() -> None:
    assert RULES_FILE.read_text(encoding="utf-8") == rendered()
    check = subprocess.run([sys.executable, "-m", "bot", "rules", "--check"], cwd=ROOT, capture_output=True)
    assert check.returncode == 0, check.stderr


def test_every_intent_a_form_hands_over_has_a_rule_in_that_form() -> None:
    rules = yaml.safe_load(RULES_FILE.read_text())["rules"]
    covered = {(rule["condition"][0]["active_loop"], rule["steps"][0]["intent"]) for rule in rules}
    for form, control in FORMS.items():
        expected = set(control.handed_over)
        assert {(form, intent) for intent in expected} <= covered, form


def test_each_form_hands_over_what_the_table_says() -> None:
    assert DIGRESSIONS == FORMS["diagnosis_form"].handed_over
    assert FORMS["tutorial_form"].handed_over <= TUTORIAL_DIGRESSIONS
    assert CONTROL_INTENTS == FORMS["followup_form"].handed_over
    assert {"delete_my_data", "stop", "start_over", "help", "ask_privacy"} <= FORMS["followup_form"].handed_over
    assert "misconception" in SIDE_QUESTIONS
