"""Understand a typed quiz answer or lesson choice by comparing it with the options.

Learners press buttons most of the time, but they also type "2", "the second
one", "b", "closed innovation" or "small firms can gain more". This module
maps such text to an option index without Rasa: exact text, a number, letter
or ordinal, the whole option inside the message, then word overlap weighted
by how distinctive each word is among the options. Side questions ("what is
licensing out?") must not be taken as answers, so the looser steps are used
only when the message does not read as a question and the caller allows it.
"""
from __future__ import annotations

import re
from typing import Dict, Optional, Sequence, Set

from bot.conversation.phrasing import looks_like_question, normalise

ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
            "fourth": 3, "4th": 3, "fifth": 4, "5th": 4}
NUMBER_WORDS = {"one": 0, "two": 1, "three": 2, "four": 3, "five": 4}
#: words around a choice that carry no meaning: "I think it's option 2"
FILLERS = {"i", "think", "guess", "say", "would", "id", "it", "its", "is", "the", "option", "answer",
           "number", "nr", "no", "my", "choice", "choose", "pick", "take", "lesson", "question", "maybe",
           "probably", "please", "go", "with", "for", "me", "that", "this", "one", "im", "sure"}
#: function words ignored when comparing words with an option
STOPWORDS = {"a", "an", "the", "it", "its", "is", "are", "be", "by", "as", "at", "for", "of", "to", "and",
             "or", "in", "on", "with", "your", "you", "i", "we", "my", "our", "this", "that", "from",
             "think", "guess", "answer", "option", "would", "say", "maybe", "probably", "their", "they"}
MIN_EVIDENCE = 1.0
MIN_MARGIN = 0.5


def choice_index(text: str, count: int) -> Optional[int]:
    """ "2", "b", "the second one", "option 3", "last" -> index, if within ``count``."""
    words = normalise(text).split()
    meaningful = [w for w in words if w not in FILLERS]
    if not meaningful and "one" in words:
        meaningful = ["one"]
    if len(meaningful) != 1:
        return None
    word = meaningful[0]
    index: Optional[int] = None
    if word.isdigit():
        index = int(word) - 1
    elif len(word) == 1 and word.isalpha():
        index = ord(word) - ord("a")
    elif word in ORDINALS:
        index = ORDINALS[word]
    elif word in NUMBER_WORDS:
        index = NUMBER_WORDS[word]
    elif word == "last":
        index = count - 1
    return index if index is not None and 0 <= index < count else None


def match_option(text: str, options: Sequence[str], *, loose: bool = True) -> Optional[int]:
    """The index of the option ``text`` chooses, or None when unsure.

    ``loose`` allows the phrase and word-overlap steps; callers turn it off when
    Rasa read the message as a side question, so that only an exact option
    text, a number, a letter or an ordinal counts.
    """
    said = normalise(text)
    if not said:
        return None
    exact = [i for i, option in enumerate(options) if normalise(option) == said]
    if len(exact) == 1:
        return exact[0]
    chosen = choice_index(text, len(options))
    if chosen is not None or not loose or looks_like_question(text):
        return chosen
    contained = _contained(said, options)
    if contained is not None:
        return contained
    return _by_overlap(said, options)


def _contained(said: str, options: Sequence[str]) -> Optional[int]:
    """The one option whose whole text appears in the message."""
    phrases = {i: normalise(option) for i, option in enumerate(options)}
    found = [i for i, phrase in phrases.items() if phrase and re.search(rf"\b{re.escape(phrase)}\b", said)]
    longest = [i for i in found if not any(j != i and phrases[i] in phrases[j] for j in found)]
    return longest[0] if len(longest) == 1 else None


def _by_overlap(said: str, options: Sequence[str]) -> Optional[int]:
    """The option sharing the most distinctive words with the message, if clearly ahead."""
    words = _content_words(said)
    option_words = [_content_words(normalise(option)) for option in options]
    frequency: Dict[str, int] = {}
    for found in option_words:
        for word in found:
            frequency[word] = frequency.get(word, 0) + 1
    evidence = [sum(1.0 / frequency[w] for w in words & found) for found in option_words]
    ranked = sorted(range(len(options)), key=lambda i: evidence[i], reverse=True)
    if not ranked:
        return None
    best = ranked[0]
    runner_up = evidence[ranked[1]] if len(ranked) > 1 else 0.0
    if evidence[best] >= MIN_EVIDENCE and evidence[best] - runner_up >= MIN_MARGIN:
        return best
    return None


def _content_words(text: str) -> Set[str]:
    return {_stem(word) for word in text.split() if word not in STOPWORDS}


def _stem(word: str) -> str:
    """A light plural stem: "firms" meets "firm", "processes" "process", "studies" "study"."""
    if len(word) <= 3 or word.endswith("ss") or not word.endswith("s"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    return word[:-1]

