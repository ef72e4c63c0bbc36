"""Understand free-text answers to the questions that have no vocabulary.

Sector, size, need, stage, barriers and offers are recognised as entities
from the knowledge base. IP sensitivity, past experience and openness to
partners abroad are judged from cue words here, only when that question was
the one asked, so a passing remark elsewhere cannot fill them.
"""
from __future__ import annotations

import re
from typing import Optional, Pattern, Sequence, Tuple

Cue = Tuple[Pattern[str], object]


def _cue(pattern: str, value: object) -> Cue:
    return re.compile(pattern, re.IGNORECASE), value


IP_SENSITIVITY: Sequence[Cue] = [
    _cue(r"\b(not|isn'?t|aren'?t|hardly|barely)\b.{0,20}\b(sensitive|secret|critical|important)", "low"),
    _cue(r"\b(low|nothing secret|no secrets?|open book|not at all|not really|share freely)\b", "low"),
    _cue(r"\b(very|highly|extremely|super|crucial|critical|crown jewels?|top secret|high|core|secret recipes?|patent(ed|s)?)\b", "high"),
    _cue(r"\b(somewhat|some|moderate(ly)?|medium|fairly|a bit|partly|bit sensitive|average)\b", "medium"),
    _cue(r"\bsensitive\b", "high"),
]

EXPERIENCE: Sequence[Cue] = [
    _cue(r"\b(fail(ed|ure)?|badly|bad|flop(ped)?|disaster|didn'?t work|did not work|went wrong|burn(ed|t)|poor|terrible|awful|regret)\b", "failed"),
    _cue(r"\b(never|none|nobody|no one|not yet|first time|no experience|haven'?t|have not|no partners?)\b", "none"),
    _cue(r"\b(well|good|great|success(ful)?|positive|fine|happy|worked out|excellent)\b", "good"),
]

INTERNATIONAL: Sequence[Cue] = [
    _cue(r"\b(only|just|stay|strictly)\b.{0,15}\b(local|domestic|national|regional|nearby|home)\b", False),
    _cue(r"\b(no|not|never|rather not)\b.{0,20}\b(abroad|international|foreign|overseas|cross-border)\b", False),
    _cue(r"\b(abroad|international(ly)?|foreign|overseas|cross-border|any country|worldwide|global(ly)?|europe(an)?|eu)\b", True),
    _cue(r"^\s*(yes|yeah|yep|sure|of course|definitely|why not|absolutely)\b", True),
    _cue(r"^\s*(no|nope|nah|not really)\b", False),
]

NONE_ANSWER = re.compile(r"\b(none|nothing|no (real |particular |big )?(barriers?|problems?|obstacles?|issues?)|not really)\b", re.I)


def first_match(text: str, cues: Sequence[Cue]) -> Optional[object]:
    """The value of the first cue whose pattern occurs in ``text``."""
    for pattern, value in cues:
        if pattern.search(text or ""):
            return value
    return None


def ip_sensitivity(text: str) -> Optional[str]:
    """"low", "medium" or "high" from a free-text answer, or None."""
    return first_match(text, IP_SENSITIVITY)  # type: ignore[return-value]


def experience(text: str) -> Optional[str]:
    """"none", "good" or "failed" from a free-text answer, or None."""
    return first_match(text, EXPERIENCE)  # type: ignore[return-value]


def international(text: str, intent: Optional[str] = None) -> Optional[bool]:
    """True/False from a free-text answer or a yes/no intent, or None."""
    found = first_match(text, INTERNATIONAL)
    if found is not None:
        return bool(found)
    return {"affirm": True, "deny": False}.get(intent or "")


def says_none(text: str) -> bool:
    """True when the owner answers that there is nothing to name."""
    return bool(NONE_ANSWER.search(text or ""))
