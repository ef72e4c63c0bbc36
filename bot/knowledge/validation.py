"""Cross-reference and wording checks that the per-entry models cannot do alone.

A dangling id would surface as a confusing gap in a recommendation weeks
later, so every reference is resolved at load time and the first problem is
reported with its file, entry and field. Texts the assistant shows as a step
to take (``SENTENCE_FIELDS``) are also checked to be complete sentences.
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, Iterable, Iterator, List, Tuple

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
    _check_sentences(kb)


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


#: (kind, field) -> list of texts shown to owners one by one as a step to take
SENTENCE_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("models", "first_steps"),
    ("partners", "how_to_find"),
)

#: fewer words than this is a heading or a fragment, not an instruction
MIN_SENTENCE_WORDS = 5

#: verbs a step may open with (imperative); several are nouns too ("post", "list"),
#: so they only count in first position
IMPERATIVES: FrozenSet[str] = frozenset("""
    add agree apply approach arrange ask attend be book bring build call check choose
    clarify collect compare consider contact create decide define describe discuss do
    draft explain find follow gather get give go have hold identify invite involve join
    keep learn let limit line list look make map meet name note offer open pick plan post
    prepare protect publish put reach read recognise recognize record register review
    run scan scout search see seek send separate set share shortlist show sign speak
    start take talk tell test think try use visit work write
""".split())

#: auxiliaries, modals and common verb forms that are rarely nouns, counted anywhere
VERBS: FrozenSet[str] = frozenset("""
    am is are was were be been being has have had do does did can could will would
    shall should may might must ask asks bring brings choose chooses decide decides
    discuss find finds give gives go goes know knows make makes meet meets agree
    agrees keep keeps let lets take takes tell tells try tries
""".split())

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*")


def sentence_problems(text: str) -> List[str]:
    """What keeps ``text`` from being a complete sentence (empty list: none).

    A step is shown on its own, so it must read as a sentence: a capital letter
    first, ``.``, ``!`` or ``?`` last, at least ``MIN_SENTENCE_WORDS`` words and
    a verb. Finding the verb is a deliberately simple heuristic, not a parser:
    the text opens with a verb from ``IMPERATIVES`` ("Ask ...", "Post ..."),
    any word is in ``VERBS`` ("Is there ...?", "If it works, discuss ..."), or
    a later word ends in -ed or -ing ("After a failed project, ..."). A word
    ending in -s is *not* taken as a verb, because plural nouns end in -s too
    and would let exactly the fragment this check exists for through ("Your
    social media followers and newsletter readers."). A new sentence that trips
    the heuristic is best reworded to start with a plain imperative, or its
    verb added to one of the lists.
    """
    text = text.strip()
    words = [word.lower() for word in _WORD.findall(text)]
    problems = []
    if not text[:1].isalpha() or not text[:1].isupper():
        problems.append("does not start with a capital letter")
    if text[-1:] not in (".", "!", "?"):
        problems.append("does not end with '.', '!' or '?'")
    if len(text.split()) < MIN_SENTENCE_WORDS:
        problems.append(f"has fewer than {MIN_SENTENCE_WORDS} words")
    if not _has_verb(words):
        problems.append("has no verb (opening imperative, auxiliary or -ed/-ing form)")
    return problems


def _has_verb(words: List[str]) -> bool:
    if (words and words[0] in IMPERATIVES) or any(word in VERBS for word in words):
        return True
    return any(len(word) > 4 and word.endswith(("ed", "ing")) for word in words[1:])


def _check_sentences(kb: KnowledgeBase) -> None:
    for kind, field in SENTENCE_FIELDS:
        for entry in kb.kind(kind).values():
            for text in getattr(entry, field):
                problems = sentence_problems(text)
                if problems:
                    _fail(kind, entry.id, field,
                          f"'{text}' is not a complete sentence: {'; '.join(problems)}")
