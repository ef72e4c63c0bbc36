"""Questions an owner asks once the advice is given.

"What do I do first?", "is that a real case?", "what is a living lab?": each
answer is built from the remembered recommendation (the ``recommendation``
slot) and the knowledge base, and says plainly when something is not known
rather than guessing.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from bot.conversation.phrasing import normalise
from bot.conversation.sources import cite, reference
from bot.conversation.turns import Button, Reply, intent_button
from bot.knowledge import KnowledgeBase

#: "what is a living lab", "what's an intermediary?", "what does open source mean"
_TERM = re.compile(r"^(?:so |and |ok )?(?:what s|whats|what is|what are|what does|what do|define|meaning of)"
                   r" (?:an? |the )?(?P<term>.+?)(?: mean| means| stand for)?$")
#: terms the result and the plan use that are not knowledge entries: (text, source keys)
ADVICE_TERMS: Dict[str, tuple] = {
    "readiness": ("Readiness is a score from 0 to 100 that I work out from your answers on five dimensions: "
                  "clarity of goal, absorptive resources, collaboration experience, IP management and "
                  "breadth of outside sources. It is a conversation aid, not a measurement.",
                  ("smb_collab", "smb_oi_models", "lee2010")),
    "clarity of goal": ("Clarity of goal says whether you know what you want from open innovation, where you "
                        "stand and what you start from: the first step of every guide.", ("smb_collab",)),
    "absorptive resources": ("Absorptive resources are the people, time and money a firm has to take in "
                             "outside knowledge and use it. A small or stretched team can absorb only so "
                             "much at once.",
                             ("smb_oi_models", "lee2010")),
    "collaboration experience": ("Collaboration experience is how your past work with outside partners went; "
                                 "good experience is a base to build on, and a failure teaches too.",
                                 ("inspire", "smb_collab")),
    "ip management": ("IP management means knowing which know-how must stay protected and how: patents, "
                      "confidentiality agreements and clear terms on who owns what.", ("smb_collab",)),
    "breadth of outside sources": ("Breadth of outside sources counts the kinds of partners you draw on. "
                                   "Lee et al. (2010) cite Laursen and Salter's inverted U: more kinds "
                                   "may help up to a point, after which returns may fall. They call for "
                                   "careful thought, and their own survey found only small positive "
                                   "links.", ("lee2010",)),
    "ip": ("IP, intellectual property, covers what your firm owns in ideas: patents, designs, code, "
           "trade secrets and know-how.", ("smb_collab", "koporcic2023")),
}
ADVICE_TERMS["intellectual property"] = ADVICE_TERMS["ip"]
ADVICE_TERMS["absorptive capacity"] = ADVICE_TERMS["absorptive resources"]
ADVICE_TERMS["breadth"] = ADVICE_TERMS["breadth of outside sources"]

EVIDENCE_WORDS = {
    "real": "Yes, it is a real case",
    "guide_example": "It is an example reported in a practitioners' guide, without naming the firm, so I "
                     "cannot show it is a real one",
    "illustration": "No, it is a hypothetical example: the source imagines what such a firm could do",
}


def remembered_data(remembered: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """The recommendation's data, or an empty dict before any advice."""
    return dict((remembered or {}).get("data") or {})


def first_step(remembered: Optional[Dict[str, Any]]) -> Optional[Reply]:
    """The first step to take, then the two after it; None before any advice."""
    steps: List[str] = list(remembered_data(remembered).get("first_steps") or [])
    if not steps:
        return None
    text = f"Start with this: {steps[0]}"
    if len(steps) > 1:
        text += "\nAfter that:\n" + "\n".join(f"{n}. {step}" for n, step in enumerate(steps[1:], 2))
    buttons = [intent_button("Why this one?", "ask_why_recommendation"),
               intent_button("Talk to an advisor", "request_followup")]
    return Reply(text, {"type": "first_steps", "steps": steps}, buttons)


def cases_in_advice(kb: KnowledgeBase, remembered: Optional[Dict[str, Any]]) -> List[str]:
    """Ids of the cases the advice's reasons mention, in the order they appear."""
    texts = [reason.get("text", "") for kind in ("models", "partners")
             for item in remembered_data(remembered).get(kind) or [] for reason in item.get("reasons") or []]
    found = [case_id for text in texts for case_id, case in kb.cases.items() if case.title in text]
    return list(dict.fromkeys(found))


def is_real(kb: KnowledgeBase, case_id: Optional[str], remembered: Optional[Dict[str, Any]],
            web_base: str) -> Reply:
    """Whether a case is real, a guide's example or hypothetical, with its source."""
    candidates = [case_id] if case_id in kb.cases else cases_in_advice(kb, remembered)
    if not candidates:
        return Reply("My advice did not rest on a particular case. Ask me for an example and I will say "
                     "whether it is a real firm.", {"type": "notice", "id": "no_case"},
                     [intent_button("Give me an example", "ask_example")])
    lines = []
    for key in candidates[:2]:
        case = kb.cases[key]
        lines.append(f"\u201c{case.title}\u201d: {EVIDENCE_WORDS[case.evidence]}.")
        lines += [f"Source: {reference(kb, source, web_base)}" for source in case.sources]
    payload = {"type": "case_evidence", "ids": candidates[:2],
               "evidence": [kb.cases[key].evidence for key in candidates[:2]]}
    return Reply("\n".join(lines), payload)


def asks_if_real(text: str) -> bool:
    """Whether a message also asks if something is real ("is it a real bakery?", "did that happen?")."""
    plain = normalise(text)
    return bool(re.search(r"\b(is (it|that|this) (a )?real|real (case|firm|company|bakery|example)"
                          r"|did (that|this|it) (really )?happen|made up|hypothetical)\b", plain))


def asked_term(text: str) -> Optional[str]:
    """The term in "what is a living lab?", or None if the message is no such question."""
    match = _TERM.match(normalise(text))
    return match.group("term").strip() if match else None


def advice_term(kb: KnowledgeBase, term: str) -> Optional[Reply]:
    """The explanation of a term the advice itself uses ("readiness"), or None."""
    found = ADVICE_TERMS.get(term.lower().strip())
    if found is None:
        return None
    text, keys = found
    payload = {"type": "explain", "id": term.lower(), "kind": "advice_term", "sources": list(keys)}
    return Reply(f"{text}\n\n{cite(kb, keys)}", payload)


def meaning_asked(kb: KnowledgeBase, text: str, remembered: Optional[Dict[str, Any]]) -> Optional[Reply]:
    """The answer to "what is X?" for a term no entity names, or None if the message asks no such thing."""
    term = asked_term(text)
    if term is None:
        return None
    return advice_term(kb, term) or unknown_term(term, remembered)


def unknown_term(term: str, remembered: Optional[Dict[str, Any]]) -> Reply:
    """Say honestly that a term is not in the knowledge base, and offer the terms of the advice."""
    data = remembered_data(remembered)
    named = [(item["name"], "model", item["id"]) for item in (data.get("models") or [])[:3]]
    named += [(item["name"], "partner", item["id"]) for item in (data.get("partners") or [])[:3]]
    buttons: List[Button] = [intent_button(f"What is {name}?", "ask_definition", **{entity: value})
                             for name, entity, value in named]
    text = (f"\u201c{term}\u201d is not in my knowledge base, so I would rather not guess what it means "
            "for you.")
    if buttons:
        text += " I can explain every model and partner type in your advice:"
    else:
        text += (" Ask me about a collaboration model or a kind of partner, "
                 "such as licensing out or intermediaries.")
    return Reply(text, {"type": "notice", "id": "unknown_term"}, buttons)
