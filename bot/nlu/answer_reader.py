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

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import knowledge_dir, load_knowledge
from bot.knowledge.answers import load_examples
from bot.nlu.fingerprint import knowledge_fingerprint
from bot.nlu.patterns import size_bands
from bot.nlu.training_texts import split_examples
from bot.understanding.questions import which_question
from bot.understanding.reader import AnswerReader as Reader
from bot.understanding.reader import Reading

READER_FILE = "reader.pkl"
CHANGE_INTENT = "change_answer"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class AnswerReader(GraphComponent, EntityExtractorMixin):
    """Adds the likely answers to each diagnosis question as ``answer`` entities."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``knowledge_dir``: where to read the examples (default ``knowledge/``)."""
        return {"knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Retrain when any knowledge file changes."""
        return knowledge_fingerprint(Path(config.get("knowledge_dir") or knowledge_dir()))

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 reader: Optional[Reader] = None) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._reader = reader

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "AnswerReader":
        """An untrained reader; ``train`` fits it."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the reader on the knowledge base's example answers and store it."""
        kb = load_knowledge(self._config.get("knowledge_dir") or knowledge_dir())
        _, chat = split_examples(training_data)
        self._reader = Reader.train(load_examples(kb), chat, size_bands(kb))
        with self._storage.write_to(self._resource) as directory:
            (directory / READER_FILE).write_bytes(self._reader.to_bytes())
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "AnswerReader":
        """The reader stored in the model, or an empty one if there is none."""
        try:
            with model_storage.read_from(resource) as directory:
                reader = Reader.from_bytes((directory / READER_FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            reader = None
        return cls(config, model_storage, resource, reader)

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the readings (and a named question) to each message."""
        for message in messages:
            found = self.entities(message.get(TEXT) or "", (message.get(INTENT) or {}).get("name"))
            if found:
                entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples carry no annotations for these entities."""
        return training_data

    def entities(self, text: Text, intent: Optional[Text]) -> List[Dict[Text, Any]]:
        """Readings of ``text`` as Rasa entity dictionaries."""
        if self._reader is None or not text.strip() or text.startswith("/"):
            return []
        found = [_as_entity(reading) for reading in self._reader.read(text)]
        question = which_question(text) if intent == CHANGE_INTENT else None
        if question:
            found.append({"entity": "question", "value": question, "start": 0, "end": len(text),
                          "confidence_entity": 1.0})
        return found


def _as_entity(reading: Reading) -> Dict[Text, Any]:
    return {"entity": "answer", "role": reading.slot, "value": reading.value, "start": reading.start,
            "end": reading.end, "confidence_entity": reading.confidence, "share": reading.share}
