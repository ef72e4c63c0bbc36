"""Cues in how a message is phrased, independent of the intent classifier.

Forms use them to tell a side question from an answer the classifier
mistook for one: "web development agency" answers, "what is X?" asks.
"""
from __future__ import annotations

import re
import unicodedata

QUESTION_WORDS = {"what", "whats", "how", "why", "who", "where", "when", "which", "can", "could",
                  "does", "do", "explain", "define", "tell", "give", "is", "are", "isnt", "arent"}
QUESTION_PHRASES = ("what is ", "what are ", "what does ", "what do ", "whats ", "meaning of ",
                    "dont understand ", "dont get ", "explain ")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = plain.replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def looks_like_question(text: str) -> bool:
    """Whether a message reads as a question rather than an answer.

    A question mark alone does not count: "closed innovation?" is a hesitant answer.
    """
    words = normalise(text).split()
    if not words:
        return False
    joined = " ".join(words) + " "
    return words[0] in QUESTION_WORDS or any(phrase in joined for phrase in QUESTION_PHRASES)
