"""A Rasa graph component that corrects the intent when the content disagrees.

It runs after the intent classifier, the response selector and the answer
reader. It trains :class:`bot.understanding.doubts.DoubtDetector` on the
misconception examples against every other example and every example
answer, and applies :func:`bot.understanding.gate.gated_intent`: a
"misconception" that voices no doubt but answers a question becomes an
answer, a greeting that states facts becomes an answer, and a clear doubt
read as an answer becomes a misconception. The whole message's doubt
probability is kept on the message (``doubt``) for review.
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import KnowledgeBase
from bot.knowledge.answers import load_examples
from bot.nlu.knowledge_component import KnowledgeComponent
from bot.nlu.training_texts import answer_texts, split_examples
from bot.understanding.doubts import SETTINGS, DoubtDetector
from bot.understanding.gate import MISCONCEPTION, gated_intent, unanswered_clauses
from bot.understanding.reader import from_entities


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentGate(KnowledgeComponent[DoubtDetector]):
    """Overrides the intent where doubts and answers say otherwise."""

    STORED_AS = "doubts.pkl"
    FITTED = DoubtDetector
    SETTINGS = SETTINGS

    def fit(self, kb: KnowledgeBase, training_data: TrainingData) -> DoubtDetector:
        """The doubt detector: misconception examples and phrasings against all other texts."""
        doubts, chat = split_examples(training_data)
        doubts += [phrase for entry in kb.misconceptions.values() for phrase in entry.phrasings]
        return DoubtDetector.train(doubts, chat + answer_texts(load_examples(kb)))

    def process(self, messages: List[Message]) -> List[Message]:
        """Correct each message's intent where the gate says so."""
        for message in messages:
            self._gate(message)
        return messages

    def _gate(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        intent = message.get(INTENT) or {}
        if self._fitted is None or not text.strip() or text.startswith("/"):
            return
        readings = from_entities(message.get(ENTITIES) or [])
        # clauses only count for a heard doubt (``gated_intent``), so only then are they read
        heard = intent.get("name") == MISCONCEPTION
        doubt, *in_clauses = self._fitted.probabilities(
            [text] + (unanswered_clauses(text, readings) if heard else []))
        message.set("doubt", round(doubt, 4), add_to_output=True)
        ranked = [item.get("name") for item in message.get(INTENT_RANKING_KEY) or []
                  if item.get("name") != intent.get("name")]
        replacement = gated_intent(intent.get("name"), doubt, readings,
                                   runner_up=ranked[0] if ranked else None,
                                   clause_doubt=max(in_clauses, default=0.0))
        if replacement is None:
            return
        confidence = float(intent.get("confidence") or 0.0)
        message.set(INTENT, {"name": replacement, "confidence": max(confidence, 0.5)}, add_to_output=True)
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item.get("name") != replacement]
        message.set(INTENT_RANKING_KEY, [{"name": replacement, "confidence": max(confidence, 0.5)}] + ranking,
                    add_to_output=True)

