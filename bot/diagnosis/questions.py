"""The diagnosis questions: wording, answer buttons and why each is asked.

Buttons come from the knowledge base where it has a vocabulary (sectors,
sizes, needs, stages, barriers, offers; see ``bot.knowledge.slots``), so a
new entry there becomes a new choice here, and name the entity of the same
table. Every question carries ``{"type": "question", "slot": ...}``.
"""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from bot.conversation.turns import Button, Reply, intent_button
from bot.knowledge import KnowledgeBase
from bot.knowledge.answers import ANSWER_SLOTS, allowed_values

QUESTIONS: Dict[str, str] = {
    "sector": (
        "What does your firm do? Tell me in your own words (for example \"we bake bread\") or pick a "
        "sector."),
    "company_size": "How many people work in your firm?",
    "innovation_need": "What would you most like to innovate or gain from working with others?",
    "innovation_stage": "How far along are you with it?",
    "barriers": "What holds you back most? Name one or more, or pick below.",
    "offer": "What could your firm bring to a partner?",
    "ip_sensitivity": (
        "How sensitive is your know-how or intellectual property (recipes, designs, patents, code)?"),
    "partner_experience": "Have you worked with outside partners before, and how did it go?",
    "international": "Would partners in other countries be an option for you?",
}

WHY: Dict[str, str] = {
    "sector": (
        "Openness works differently from one industry to another, and the examples I give are picked from"
        " your sector."),
    "company_size": (
        "Size shapes how much time and money you can put into a collaboration, so I favour routes a firm "
        "of your size can carry."),
    "innovation_need": (
        "Each collaboration model suits some goals better than others: co-creating with customers helps a"
        " new product, scouting helps you find a technology."),
    "innovation_stage": (
        "Different partners matter at different stages: research partners early on, larger firms and "
        "distributors close to market."),
    "barriers": (
        "Your obstacles point to partners who fill the gap, such as skills, funding, market information "
        "or production capacity."),
    "offer": (
        "Firms that own a technology or capacity can also earn from it (licensing, joint ventures, SME "
        "networks); firms that don't start with inbound routes."),
    "ip_sensitivity": (
        "If your know-how is your crown jewel, I steer you to models that expose less of it and add "
        "safeguards such as NDAs and clear IP clauses."),
    "partner_experience": (
        "Past experience tells me how big the first step should be; after a failed collaboration a small,"
        " low-risk start and some recovery advice help."),
    "international": "Some partners and networks work across borders; if that is an option, more doors open.",
}

FIXED_CHOICES: Dict[str, List[Tuple[str, object]]] = {
    "company_size": [("Fewer than 10", "micro"), ("10 to 49", "small"), ("50 to 249", "medium"),
                     ("250 or more", "large")],
    "ip_sensitivity": [("Very sensitive", "high"), ("Somewhat", "medium"), ("Not really", "low")],
    "partner_experience": [("Never", "none"), ("Yes, it went well", "good"), ("Yes, one failed", "failed")],
    "international": [("Yes, abroad is fine", True), ("No, close to home", False)],
}

NAVIGATION = [("Skip", "/skip_question"), ("Why do you ask?", "/why_ask")]


def question(kb: KnowledgeBase, slot: str, clarify: bool = False,
             likely: Sequence[str] = ()) -> Reply:
    """The question for ``slot``.

    ``likely`` holds the values an unclear answer came closest to: they are
    offered as "Did you mean ...?" with a way out ("Something else").
    ``clarify`` asks again with every choice after an answer that was not
    understood, never with a bare "sorry".
    """
    payload = {"type": "question", "slot": slot}
    navigation = [Button(title, payload) for title, payload in NAVIGATION]
    if likely:
        names = [value_name(kb, slot, value) for value in likely]
        buttons = [_choice_button(kb, slot, value) for value in likely]
        buttons.append(intent_button("Something else", "deny"))
        return Reply(text=f"Did you mean {_or(names)}?", payload=dict(payload, clarify=True),
                     buttons=buttons + navigation)
    text = QUESTIONS[slot]
    if clarify:
        text = f"Let me put it another way. {text} Pick one below, or describe it in a few words."
    return Reply(text=text, payload=payload, buttons=choices(kb, slot) + navigation)


def value_name(kb: KnowledgeBase, slot: str, value: object) -> str:
    """How a stored value reads to the owner ("Food and drink", "Very sensitive")."""
    if slot in FIXED_CHOICES:
        for title, fixed in FIXED_CHOICES[slot]:
            if _payload_value(fixed) == _payload_value(value):
                return title
    spec = ANSWER_SLOTS[slot]
    if spec.kind and value in kb.kind(spec.kind):
        return kb.kind(spec.kind)[value].name
    if value == "none":
        return "Nothing in particular"
    return str(value).replace("_", " ")


def _choice_button(kb: KnowledgeBase, slot: str, value: str) -> Button:
    entity = ANSWER_SLOTS[slot].entity
    return intent_button(value_name(kb, slot, value), "inform", **{entity: value})


def _or(names: Sequence[str]) -> str:
    quoted = [f"\"{name}\"" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def choices(kb: KnowledgeBase, slot: str) -> List[Button]:
    """Answer buttons for one question."""
    if slot in FIXED_CHOICES:
        entity = ANSWER_SLOTS[slot].entity
        return [intent_button(title, "inform", **{entity: _payload_value(value)})
                for title, value in FIXED_CHOICES[slot]]
    return [_choice_button(kb, slot, value) for value in allowed_values(kb, slot)]


def why(slot: str) -> Reply:
    """Why the assistant asks ``slot``; the question follows again."""
    return Reply(text=WHY[slot], payload={"type": "why", "slot": slot})


def _payload_value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
