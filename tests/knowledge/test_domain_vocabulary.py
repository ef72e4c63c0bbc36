"""``domain.yml`` and the wording keyed by question follow the one vocabulary table.

``bot.knowledge.slots`` says which entities, slots and knowledge kinds belong
together and in which order the diagnosis asks; Rasa's domain repeats the
entities, the answer roles, the slots and the form's order, and the features
word each question. A name missing or out of order in any of them would only
show as a question that never fills, so these tests name the drift.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import yaml

from bot.diagnosis.questions import FIXED_CHOICES, QUESTIONS, WHY
from bot.diagnosis.summary import LABELS
from bot.knowledge import KINDS, load_knowledge
from bot.knowledge.answers import allowed_values
from bot.knowledge.slots import ANSWER_SLOTS, ENTITY_NAMES, FORM_SLOTS, LIST_SLOTS, TERMS
from bot.understanding.questions import QUESTION_WORDS

ROOT = Path(__file__).resolve().parents[2]
#: how every answer slot is declared: filled by the form's actions, never steering the dialogue
ANSWER_SLOT = {"type": "any", "influence_conversation": False, "mappings": [{"type": "custom"}]}


def domain() -> Dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def entity_names(declared: Dict[str, Any]) -> List[str]:
    return [entity if isinstance(entity, str) else next(iter(entity)) for entity in declared["entities"]]


def answer_roles(declared: Dict[str, Any]) -> List[str]:
    found = [entity["answer"] for entity in declared["entities"]
             if isinstance(entity, dict) and "answer" in entity]
    assert len(found) == 1, "domain.yml declares the answer entity once"
    return found[0]["roles"]


def test_every_entity_of_the_table_is_declared() -> None:
    declared = entity_names(domain())
    missing = [term.entity for term in TERMS if term.entity not in declared]
    assert not missing, f"entities of bot/knowledge/slots.py missing from domain.yml: {missing}"


def test_the_answer_roles_are_the_questions_in_the_forms_order() -> None:
    assert answer_roles(domain()) == FORM_SLOTS


def test_the_diagnosis_form_asks_the_questions_in_the_tables_order() -> None:
    assert domain()["forms"]["diagnosis_form"]["required_slots"] == FORM_SLOTS


def test_every_answer_slot_is_declared_for_the_forms_actions() -> None:
    slots = domain()["slots"]
    for slot in FORM_SLOTS:
        assert slots.get(slot) == ANSWER_SLOT, f"slot {slot} in domain.yml: {slots.get(slot)}"


def test_every_question_has_its_ask_action() -> None:
    actions = set(domain()["actions"])
    missing = [f"action_ask_{slot}" for slot in FORM_SLOTS if f"action_ask_{slot}" not in actions]
    assert not missing, f"ask actions missing from domain.yml: {missing}"


def test_the_table_names_real_knowledge_kinds_once() -> None:
    assert set(ENTITY_NAMES) <= set(KINDS)
    assert len({term.entity for term in TERMS}) == len(TERMS)
    assert len(ANSWER_SLOTS) == len(FORM_SLOTS)
    assert LIST_SLOTS <= set(FORM_SLOTS)
    for term in TERMS:
        assert bool(term.kind) != bool(term.fixed) or not term.slot, term
        assert not term.none or term.many, term


def test_every_question_is_worded_and_explained() -> None:
    for wording in (QUESTIONS, WHY, LABELS):
        assert list(wording) == FORM_SLOTS
    assert sorted(slot for slot, _ in QUESTION_WORDS) == sorted(FORM_SLOTS)


def test_fixed_buttons_send_the_values_each_question_accepts() -> None:
    kb = load_knowledge()
    for slot, buttons in FIXED_CHOICES.items():
        sent = {("yes" if value else "no") if isinstance(value, bool) else str(value) for _, value in buttons}
        assert sent == set(allowed_values(kb, slot)), slot
