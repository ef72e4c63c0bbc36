"""Answers to questions about the knowledge: what is X, an example, the source.

Each answer names the entry it explains in its payload (``explain``, ``case``
or ``sources``) and is remembered as the conversation's last answer, so that
"tell me more", "give me an example" and "where does that come from?" refer
to it.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from bot.advice.lookup import join_words, lower_first
from bot.conversation.sources import cite, reference
from bot.conversation.turns import Reply, intent_button
from bot.knowledge import KnowledgeBase
from bot.knowledge.slots import KIND_OF_ENTITY

#: entities a question can be about, in the order its subject is chosen
SUBJECT_ORDER = ("model", "partner", "guidance", "case", "innovation_stage", "innovation_need", "barrier",
                 "offer", "sector")
#: entity -> knowledge kind, in the order a question's subject is chosen
SUBJECTS: List[Tuple[str, str]] = [(entity, KIND_OF_ENTITY[entity]) for entity in SUBJECT_ORDER]
KNOWN_KINDS = tuple(kind for _, kind in SUBJECTS) + ("misconceptions", "lessons")
LEVEL_WORDS = {"low": "low", "medium": "moderate", "high": "high"}
Subject = Optional[Dict[str, str]]


def subject(entities: Sequence[Tuple[str, str]], last: Subject = None) -> Subject:
    """The entry a question is about: the first known entity, else the last answer."""
    for entity, kind in SUBJECTS:
        for name, value in entities:
            if name == entity:
                return {"kind": kind, "id": value}
    return last


def follow_ups() -> list:
    """Buttons offered after an explanation."""
    return [intent_button("Give me an example", "ask_example"),
            intent_button("Where does that come from?", "ask_source"),
            intent_button("Diagnose my firm", "start_diagnosis")]


def explain(kb: KnowledgeBase, about: Subject) -> Reply:
    """A short explanation of the entry ``about`` refers to."""
    if not about or about["id"] not in kb.kind(about["kind"]):
        return _open_innovation(kb)
    if about["kind"] == "cases":
        return case(kb, about["id"])
    entry = kb.kind(about["kind"])[about["id"]]
    text = _TEXTS.get(about["kind"], _plain)(kb, entry)
    payload = {"type": "explain", "id": entry.id, "kind": about["kind"], "sources": list(entry.sources)}
    return Reply(f"{text}\n\n{cite(kb, entry.sources)}", payload, follow_ups())


def _model_text(kb: KnowledgeBase, model) -> str:
    partners = ", ".join(lower_first(kb.partners[p].name) for p in model.partners if p in kb.partners)
    return (f"{model.name}: {model.summary}\nIt takes {LEVEL_WORDS[model.resources]} resources and exposes "
            f"{LEVEL_WORDS[model.ip_exposure]} amounts of your know-how. Typical partners: {partners}.")


def _partner_text(kb: KnowledgeBase, partner) -> str:
    key_stages = [lower_first(kb.stages[r.stage].name) for r in partner.stage_roles
                  if r.importance == "high" and r.stage in kb.stages]
    text = f"{partner.name}: {partner.summary}"
    if key_stages:
        noun = "stage" if len(key_stages) == 1 else "stages"
        text += f"\nThey play a significant role at the {join_words(key_stages)} {noun}."
    return text + f"\nWatch out: {partner.cautions[0]}"


def _guidance_text(kb: KnowledgeBase, guidance) -> str:
    points = "\n".join(f"- {point}" for point in guidance.points[:4])
    return f"{guidance.title}: {guidance.summary}\n" + points


def _plain(kb: KnowledgeBase, entry) -> str:
    body = (getattr(entry, "description", None) or getattr(entry, "openness", None)
            or getattr(entry, "summary", ""))
    figures = getattr(entry, "figures", None)
    return f"{entry.name}: {body}" + (f"\nIn figures: {figures}" if figures else "")


_TEXTS = {"models": _model_text, "partners": _partner_text, "guidance": _guidance_text}


def _open_innovation(kb: KnowledgeBase) -> Reply:
    lesson = kb.lessons.get("what_is_oi")
    text = (lesson.summary if lesson
            else "Open innovation means using ideas and partners from outside your firm.")
    text += "\nAsk me about a specific term, for example crowdsourcing, licensing out or intermediaries."
    payload = {"type": "explain", "id": "open_innovation", "kind": "general",
               "sources": list(lesson.sources) if lesson else []}
    return Reply(text, payload, follow_ups())


def case(kb: KnowledgeBase, case_id: str) -> Reply:
    """One case from the sources and the lesson it teaches."""
    entry = kb.cases[case_id]
    text = f"{entry.title}: {entry.summary}"
    if entry.figures:
        text += f"\nResults: {entry.figures}"
    text += f"\nThe lesson: {entry.lesson}\n\n{cite(kb, entry.sources)}"
    payload = {"type": "case", "id": entry.id, "sources": list(entry.sources)}
    return Reply(text, payload, [intent_button("Where does that come from?", "ask_source"),
                                 intent_button("Diagnose my firm", "start_diagnosis")])


def example_for(kb: KnowledgeBase, about: Subject) -> str:
    """The id of the case that best illustrates ``about``."""
    if about and about["kind"] == "cases" and about["id"] in kb.cases:
        return about["id"]
    if about and about["kind"] == "models" and about["id"] in kb.models:
        linked = kb.models[about["id"]].example.case
        if linked:
            return linked
    if about:
        field = {"models": "models", "partners": "partners", "sectors": "sectors"}.get(about["kind"])
        for entry in kb.cases.values():
            if field and about["id"] in getattr(entry, field):
                return entry.id
    return "network_m_satellite" if "network_m_satellite" in kb.cases else next(iter(kb.cases))


def sources(kb: KnowledgeBase, about: Subject) -> Reply:
    """Full references of the sources behind the last answer."""
    entry = _entry(kb, about)
    if entry is None:
        keys = list(kb.sources)
        intro = "Everything I say comes from these documents:"
    else:
        keys = list(entry.sources)
        intro = "That comes from:"
    lines = [intro] + [f"- {reference(kb, key)}" for key in keys]
    return Reply("\n".join(lines), {"type": "sources", "ids": keys, "about": about})


def _entry(kb: KnowledgeBase, about: Subject):
    if not about or about.get("kind") not in KNOWN_KINDS:
        return None
    return kb.kind(about["kind"]).get(about["id"])


def more(kb: KnowledgeBase, about: Subject) -> Reply:
    """The longer text of the last answer's entry, or its first steps."""
    entry = _entry(kb, about)
    if entry is None or about is None:
        return _open_innovation(kb)
    extra = getattr(entry, "more", None)
    if not extra and getattr(entry, "first_steps", None):
        extra = "First steps: " + " ".join(entry.first_steps)
    if not extra:
        return explain(kb, about)
    payload = {"type": "explain", "id": entry.id, "kind": about["kind"], "sources": list(entry.sources),
               "more": True}
    return Reply(extra, payload, follow_ups())


def partners_for_stage(kb: KnowledgeBase, stage_id: Optional[str]) -> Reply:
    """Partner types ranked by how much they matter at one stage."""
    if stage_id not in kb.stages:
        buttons = [intent_button(s.name, "ask_partners_for_stage", innovation_stage=s.id)
                   for s in sorted(kb.stages.values(), key=lambda s: s.order)]
        return Reply("Which stage are you thinking of?",
                     {"type": "question", "slot": "innovation_stage"}, buttons)
    rank = {"high": 0, "medium": 1, "low": 2}
    roles = sorted(((role.importance, partner, role) for partner in kb.partners.values()
                    for role in partner.stage_roles if role.stage == stage_id),
                   key=lambda item: (rank[item[0]], item[1].id))
    lines = [f"At the {lower_first(kb.stages[stage_id].name)} stage:"]
    lines += [f"- {partner.name} ({importance}): {role.role}" for importance, partner, role in roles[:5]]
    keys = sorted({key for _, partner, _ in roles[:5] for key in partner.sources})
    payload = {"type": "explain", "id": stage_id, "kind": "partners_for_stage",
               "partners": [partner.id for _, partner, _ in roles], "sources": keys}
    return Reply("\n".join(lines) + f"\n\n{cite(kb, keys)}", payload, follow_ups())


def rephrase() -> Reply:
    """Ask to rephrase, with the main choices as buttons."""
    return Reply("Sorry, I didn't quite get that. Could you say it another way? Or pick one of these:",
                 {"type": "fallback", "id": "rephrase"},
                 [intent_button("Diagnose my firm", "start_diagnosis"),
                  intent_button("What can you do?", "help"),
                  intent_button("Talk to an advisor", "request_followup")])


def fallback(kb: KnowledgeBase, entities: Sequence[Tuple[str, str]],
             meaning: Optional[Reply] = None) -> Reply:
    """An unclear message that names a term ("licensing out??") gets its explanation.

    ``meaning`` answers one that asks what an unknown term means ("what is a
    living lab?", see ``after_advice.meaning_asked``): "say it another way"
    would not help that owner.
    """
    named = subject([item for item in entities if item[0] in ("model", "partner", "guidance", "case")])
    if named:
        return explain(kb, named)
    return meaning or rephrase()
