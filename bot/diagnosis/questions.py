"""The diagnosis questions: wording, answer buttons and why each is asked.

Buttons come from the knowledge base where it has a vocabulary (sectors,
sizes, needs, stages, barriers, offers), so a new entry there becomes a new
choice here. Every question carries ``{"type": "question", "slot": ...}``.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from bot.dialogue.reply import Button, Reply, intent_button
from bot.knowledge.loader import KnowledgeBase

QUESTIONS: Dict[str, str] = {
    "sector": "What does your firm do? Tell me in your own words (for example \"we bake bread\") or pick a sector.",
    "company_size": "How many people work in your firm?",
    "innovation_need": "What would you most like to innovate or gain from working with others?",
    "innovation_stage": "How far along are you with it?",
    "barriers": "What holds you back most? Name one or more, or pick below.",
    "offer": "What could your firm bring to a partner?",
    "ip_sensitivity": "How sensitive is your know-how or intellectual property (recipes, designs, patents, code)?",
    "partner_experience": "Have you worked with outside partners before, and how did it go?",
    "international": "Would partners in other countries be an option for you?",
}

WHY: Dict[str, str] = {
    "sector": "Openness works differently from one industry to another, and the examples I give are picked from your sector.",
    "company_size": "Size shapes how much time and money you can put into a collaboration, so I favour routes a firm of your size can carry.",
    "innovation_need": "Each collaboration model suits some goals better than others: co-creating with customers helps a new product, scouting helps you find a technology.",
    "innovation_stage": "Different partners matter at different stages: research partners early on, larger firms and distributors close to market.",
    "barriers": "Your obstacles point to partners who fill the gap, such as skills, funding, market information or production capacity.",
    "offer": "Firms that own a technology or capacity can also earn from it (licensing, joint ventures, SME networks); firms that don't start with inbound routes.",
    "ip_sensitivity": "If your know-how is your crown jewel, I steer you to models that expose less of it and add safeguards such as NDAs and clear IP clauses.",
    "partner_experience": "Past experience tells me how big the first step should be; after a failed collaboration a small, low-risk start and some recovery advice help.",
    "international": "Some partners and networks work across borders; if that is an option, more doors open.",
}

FIXED_CHOICES: Dict[str, List[Tuple[str, object]]] = {
    "company_size": [("Fewer than 10", "micro"), ("10 to 49", "small"), ("50 to 249", "medium"), ("250 or more", "large")],
    "ip_sensitivity": [("Very sensitive", "high"), ("Somewhat", "medium"), ("Not really", "low")],
    "partner_experience": [("Never", "none"), ("Yes, it went well", "good"), ("Yes, one failed", "failed")],
    "international": [("Yes, abroad is fine", True), ("No, close to home", False)],
}

#: slot -> (knowledge kind, entity name) for questions answered from the vocabulary
VOCABULARY_CHOICES: Dict[str, Tuple[str, str]] = {
    "sector": ("sectors", "sector"),
    "innovation_need": ("needs", "innovation_need"),
    "innovation_stage": ("stages", "innovation_stage"),
    "barriers": ("barriers", "barrier"),
    "offer": ("offers", "offer"),
}
NAVIGATION = [("Skip", "/skip_question"), ("Why do you ask?", "/why_ask")]


def question(kb: KnowledgeBase, slot: str, clarify: bool = False) -> Reply:
    """The question for ``slot``; ``clarify`` rephrases it after an unclear answer."""
    text = QUESTIONS[slot]
    if clarify:
        text = "Sorry, I didn't catch that. " + text + " The buttons below are the quickest way."
    buttons = choices(kb, slot) + [Button(title, payload) for title, payload in NAVIGATION]
    return Reply(text=text, payload={"type": "question", "slot": slot}, buttons=buttons)


def choices(kb: KnowledgeBase, slot: str) -> List[Button]:
    """Answer buttons for one question."""
    if slot in FIXED_CHOICES:
        entity = "international" if slot == "international" else slot
        return [intent_button(title, "inform", **{entity: _payload_value(value)})
                for title, value in FIXED_CHOICES[slot]]
    kind, entity = VOCABULARY_CHOICES[slot]
    entries = sorted(kb.kind(kind).values(), key=lambda entry: getattr(entry, "order", 0))
    buttons = [intent_button(entry.name, "inform", **{entity: entry.id}) for entry in entries]
    if slot == "barriers":
        buttons.append(intent_button("Nothing in particular", "inform", barrier="none"))
    return buttons


def why(slot: str) -> Reply:
    """Why the assistant asks ``slot``; the question follows again."""
    return Reply(text=WHY[slot], payload={"type": "why", "slot": slot})


def _payload_value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
