"""Cross-reference checks that the per-entry models cannot do alone.

A dangling id would surface as a confusing gap in a recommendation weeks
later, so every reference is resolved at load time and the first problem is
reported with its file, entry and field.
"""
from __future__ import annotations

from typing import Dict, Iterable, Iterator, Tuple

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.vocabulary import ENTITY_KINDS, phrases_of

#: (kind, field) -> kind its ids must belong to
REFERENCES: Dict[Tuple[str, str], str] = {
    ("models", "needs"): "needs",
    ("models", "stages"): "stages",
    ("models", "offers"): "offers",
    ("models", "barriers_addressed"): "barriers",
    ("models", "partners"): "partners",
    ("barriers", "related_models"): "models",
    ("cases", "models"): "models",
    ("cases", "partners"): "partners",
    ("cases", "sectors"): "sectors",
}


def check_references(kb: KnowledgeBase) -> None:
    """Raise ``KnowledgeError`` for the first reference that does not resolve."""
    _check_sources(kb)
    _check_listed_references(kb)
    _check_nested_references(kb)
    _check_lessons(kb)
    _check_synonyms(kb)


def _fail(kind: str, entry: str, field: str, problem: str) -> None:
    raise KnowledgeError(f"{kind}.yml", entry, field, problem)


def _require(kb: KnowledgeBase, target: str, ids: Iterable[str], where: Tuple[str, str, str]) -> None:
    known = kb.kind(target)
    for value in ids:
        if value not in known:
            _fail(*where, f"unknown {target} id '{value}'")


def _check_sources(kb: KnowledgeBase) -> None:
    for kind in ENTITY_KINDS + ("misconceptions", "benefits_dangers", "lessons"):
        for entry in kb.kind(kind).values():
            _require(kb, "sources", entry.sources, (kind, entry.id, "sources"))


def _check_listed_references(kb: KnowledgeBase) -> None:
    for (kind, field), target in REFERENCES.items():
        for entry in kb.kind(kind).values():
            _require(kb, target, getattr(entry, field), (kind, entry.id, field))


def _check_nested_references(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        if model.example.case:
            _require(kb, "cases", [model.example.case], ("models", model.id, "example.case"))
    for partner in kb.partners.values():
        stages = [role.stage for role in partner.stage_roles]
        _require(kb, "stages", stages, ("partners", partner.id, "stage_roles.stage"))


def _check_lessons(kb: KnowledgeBase) -> None:
    seen: Dict[str, str] = {}
    for lesson in kb.lessons.values():
        cases = [step.case for step in lesson.steps if step.case]
        _require(kb, "cases", cases, ("lessons", lesson.id, "steps.case"))
        if lesson.next:
            _require(kb, "lessons", [lesson.next], ("lessons", lesson.id, "next"))
        for question in lesson.quiz:
            _require(kb, "sources", question.sources, ("lessons", lesson.id, f"quiz.{question.id}.sources"))
            if question.id in seen:
                _fail("lessons", lesson.id, "quiz.id",
                      f"question id '{question.id}' also used in lesson '{seen[question.id]}'")
            seen[question.id] = lesson.id


def _check_synonyms(kb: KnowledgeBase) -> None:
    owners: Dict[str, Tuple[str, str]] = {}
    for kind, entry, phrase in _all_phrases(kb):
        owner = owners.setdefault(phrase, (kind, entry.id))
        if owner != (kind, entry.id):
            _fail(kind, entry.id, "synonyms", f"'{phrase}' is also claimed by {owner[0]} '{owner[1]}'")


def _all_phrases(kb: KnowledgeBase) -> Iterator[tuple]:
    for kind in ENTITY_KINDS:
        for entry in kb.kind(kind).values():
            for phrase in phrases_of(entry):
                yield kind, entry, phrase
