"""A Rasa graph component that reads answers to the diagnosis questions.

It trains :class:`bot.understanding.reader.AnswerReader` on the example
answers in ``knowledge/answers.yml`` plus the knowledge base's names and
synonyms, stores it inside the model, and adds to every message its
readings as ``answer`` entities: the role names the question, the value is
the answer, ``confidence_entity`` says how sure the reading is that the
text is about that question, and ``share`` how likely the value is if it
is. For "change the sector" it also names the question (``question``).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import KnowledgeBase
from bot.knowledge.answers import load_examples
from bot.nlu.knowledge_component import KnowledgeComponent
from bot.nlu.patterns import size_bands
from bot.nlu.training_texts import split_examples
from bot.understanding.questions import which_question
from bot.understanding.reader import AnswerReader as Reader
from bot.understanding.reader import Reading

CHANGE_INTENT = "change_answer"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class AnswerReader(KnowledgeComponent[Reader], EntityExtractorMixin):
    """Adds the likely answers to each diagnosis question as ``answer`` entities."""

    STORED_AS = "reader.pkl"
    FITTED = Reader

    def fit(self, kb: KnowledgeBase, training_data: TrainingData) -> Reader:
        """The reader, fitted on the example answers against Rasa's ordinary chat."""
        _, chat = split_examples(training_data)
        return Reader.train(load_examples(kb), chat, size_bands(kb))

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the readings (and a named question) to each message."""
        for message in messages:
            found = self.entities(message.get(TEXT) or "", (message.get(INTENT) or {}).get("name"))
            if found:
                entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def entities(self, text: Text, intent: Optional[Text]) -> List[Dict[Text, Any]]:
        """Readings of ``text`` as Rasa entity dictionaries."""
        if self._fitted is None or not text.strip() or text.startswith("/"):
            return []
        found = [_as_entity(reading) for reading in self._fitted.read(text)]
        question = which_question(text) if intent == CHANGE_INTENT else None
        if question:
            found.append({"entity": "question", "value": question, "start": 0, "end": len(text),
                          "confidence_entity": 1.0})
        return found


def _as_entity(reading: Reading) -> Dict[Text, Any]:
    return {"entity": "answer", "role": reading.slot, "value": reading.value, "start": reading.start,
            "end": reading.end, "confidence_entity": reading.confidence, "share": reading.share}
