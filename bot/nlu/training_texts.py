"""Texts from Rasa's training data, grouped as the answer components need them."""
from __future__ import annotations

from typing import List, Tuple

from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge.answers import Examples

DOUBT_INTENT = "misconception"
ANSWER_INTENT = "inform"


def split_examples(training_data: TrainingData) -> Tuple[List[str], List[str]]:
    """``(doubts, chat)``: misconception examples, and everything that is neither doubt nor answer."""
    doubts: List[str] = []
    chat: List[str] = []
    for example in training_data.intent_examples:
        text = (example.get(TEXT) or "").strip()
        intent = example.get(INTENT)
        if not text or intent == ANSWER_INTENT:
            continue
        (doubts if intent == DOUBT_INTENT else chat).append(text)
    return doubts, chat


def answer_texts(examples: Examples) -> List[str]:
    """Every example answer, whatever its question."""
    return [text for values in examples.values() for texts in values.values() for text in texts]
