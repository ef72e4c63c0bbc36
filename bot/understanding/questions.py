"""Which diagnosis question an owner names: "change the sector", "the size is wrong"."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

#: words owners use for each question, checked in this order when they want to change it
QUESTION_WORDS: List[Tuple[str, str]] = [
    ("innovation_stage", r"stage|phase|how far|progress"),
    ("company_size", r"size|staff|employees|people|head ?count|how many|big"),
    ("innovation_need", r"goal|need|aim|what we want"),
    ("barriers", r"obstacles?|barriers?|hold\w* (us )?back|problems?|challenges?"),
    ("offer", r"offer\w*|bring|contribut\w*"),
    ("ip_sensitivity", r"sensitiv\w*|secrets?|ip|know-?how|patents?|intellectual"),
    ("partner_experience", r"experience|past|before|previous|collaborations?"),
    ("international", r"abroad|international\w*|countr\w*|foreign"),
    ("sector", r"sector|industry|business|trade|what we do|field"),
]
_QUESTION_PATTERNS = [(slot, re.compile(rf"\b({words})\b", re.I)) for slot, words in QUESTION_WORDS]


def which_question(text: str) -> Optional[str]:
    """The question an owner names in "change the sector", or None."""
    for slot, pattern in _QUESTION_PATTERNS:
        if pattern.search(text or ""):
            return slot
    return None
