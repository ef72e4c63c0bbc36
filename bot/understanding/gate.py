"""Correct the intent when the content says otherwise.

The intent classifier decides from the whole message at once. Two other
readings know better in two cases:

* it says "misconception" but no doubt is voiced and the message answers
  a question ("its finished, works, just sitting in a repo"): an answer;
* it says "greeting", "out of scope" or "not understood" although the
  message clearly states facts ("hi we run a bakery, 12 staff"): an answer.

And where it says "answer" or "not understood" to a clear doubt, the doubt
wins, so recall on voiced doubts does not drop. Control intents ("stop",
"delete my data") are never touched.

A doubt the intent classifier heard is also looked for in each clause
that answers nothing (:func:`unanswered_clauses`): an answer beside a doubt
dilutes it when the message is read whole.
"""
from __future__ import annotations

from typing import Iterable, List, Optional

from bot.understanding.clauses import clauses
from bot.understanding.reader import BARE_COUNT, Reading

#: below this (the doubt classifier's own boundary) a "misconception" that also answers is an answer
NOT_A_DOUBT = 0.5
#: above this a message is a doubt, whatever the intent classifier said
CLEAR_DOUBT = 0.9
#: a reading this confident makes a message an answer
ANSWER = 0.5
ANSWERABLE = {"greet", "out_of_scope", "nlu_fallback", "thank", "ask_more", "ask_example", "next_step",
              "show_menu", "bot_challenge", "goodbye"}
DOUBTABLE = {"inform", "nlu_fallback", "out_of_scope"}
INFORM = "inform"
FALLBACK = "nlu_fallback"
MISCONCEPTION = "misconception"


def answering(readings: Iterable[Reading]) -> List[Reading]:
    """Readings confident enough to make a message an answer; a bare number never is."""
    return [reading for reading in readings
            if reading.confidence >= ANSWER and reading.confidence != BARE_COUNT]


def unanswered_clauses(text: str, readings: Iterable[Reading]) -> List[str]:
    """The clauses of a message that also answers a question, except the answering ones.

    "we're a bakery, probably too small for all this" is an answer and a
    doubt. Read whole, the answer's words pull the doubt probability down;
    read alone, "probably too small for all this" is plainly a doubt. Only
    messages with a confidently answering clause are split, so a doubt in
    several clauses is still read whole, and an answer's own clause never
    counts as a doubt.
    """
    found = answering(readings)
    parts = clauses(text)
    answered = [part for part in parts
                if any(part.start <= reading.start and reading.end <= part.end for reading in found)]
    if not answered or len(parts) < 2:
        return []
    return [part.text for part in parts if part not in answered]


def gated_intent(intent: Optional[str], doubt: float, readings: Iterable[Reading],
                 runner_up: Optional[str] = None, clause_doubt: float = 0.0) -> Optional[str]:
    """The intent to use instead of ``intent``, or None to keep it.

    ``runner_up`` is the intent classifier's likeliest intent when its
    confidence was too low and the message became ``nlu_fallback``: a doubt
    both classifiers lean to ("other companies will use us and drop us") is
    answered, not met with "please rephrase".

    ``clause_doubt`` is the doubt of the likeliest clause beside an answer
    (:func:`unanswered_clauses`). It only keeps a doubt the intent classifier
    heard: used to find doubts the classifier missed, it also found them in
    ordinary answers.
    """
    answer = bool(answering(readings))
    if intent == MISCONCEPTION:
        return INFORM if max(doubt, clause_doubt) < NOT_A_DOUBT and answer else None
    if intent in DOUBTABLE and doubt >= CLEAR_DOUBT:
        return MISCONCEPTION
    if intent == FALLBACK and runner_up == MISCONCEPTION and doubt >= NOT_A_DOUBT:
        return MISCONCEPTION
    if intent in ANSWERABLE and answer and doubt < NOT_A_DOUBT:
        return INFORM
    return None
