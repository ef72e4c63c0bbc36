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

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import knowledge_dir, load_knowledge
from bot.knowledge.answers import load_examples
from bot.nlu.fingerprint import knowledge_fingerprint
from bot.nlu.training_texts import answer_texts, split_examples
from bot.understanding.doubts import SETTINGS, DoubtDetector
from bot.understanding.gate import MISCONCEPTION, gated_intent, unanswered_clauses
from bot.understanding.reader import from_entities

DETECTOR_FILE = "doubts.pkl"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentGate(GraphComponent):
    """Overrides the intent where doubts and answers say otherwise."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``knowledge_dir``: where to read the example answers (default ``knowledge/``)."""
        return {"knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Retrain when any knowledge file or the detector's settings change."""
        return knowledge_fingerprint(Path(config.get("knowledge_dir") or knowledge_dir())) + SETTINGS

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 detector: Optional[DoubtDetector] = None) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._detector = detector

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "IntentGate":
        """An untrained gate; ``train`` fits its doubt detector."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the doubt detector and store it."""
        kb = load_knowledge(self._config.get("knowledge_dir") or knowledge_dir())
        doubts, chat = split_examples(training_data)
        doubts += [phrase for entry in kb.misconceptions.values() for phrase in entry.phrasings]
        self._detector = DoubtDetector.train(doubts, chat + answer_texts(load_examples(kb)))
        with self._storage.write_to(self._resource) as directory:
            (directory / DETECTOR_FILE).write_bytes(self._detector.to_bytes())
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "IntentGate":
        """The detector stored in the model; without one the gate changes nothing."""
        try:
            with model_storage.read_from(resource) as directory:
                detector = DoubtDetector.from_bytes((directory / DETECTOR_FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            detector = None
        return cls(config, model_storage, resource, detector)

    def process(self, messages: List[Message]) -> List[Message]:
        """Correct each message's intent where the gate says so."""
        for message in messages:
            self._gate(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to add to the training data."""
        return training_data

    def _gate(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        intent = message.get(INTENT) or {}
        if self._detector is None or not text.strip() or text.startswith("/"):
            return
        readings = from_entities(message.get(ENTITIES) or [])
        # clauses only count for a heard doubt (``gated_intent``), so only then are they read
        heard = intent.get("name") == MISCONCEPTION
        doubt, *in_clauses = self._detector.probabilities(
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

