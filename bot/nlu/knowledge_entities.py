"""A Rasa graph component that finds knowledge-base entities in messages.

It builds a blank English spaCy pipeline with an EntityRuler from the
knowledge base's vocabulary, so "Universities" becomes partner
``university`` and "food processing firm" becomes sector ``food_beverage``.
Head counts ("about 12 people") become a ``company_size`` id. Everything it
needs is stored inside the trained Rasa model.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.language import Language
from spacy.pipeline import EntityRuler

from bot.knowledge import knowledge_dir, load_knowledge
from bot.knowledge.slots import ENTITY_NAMES
from bot.nlu import patterns as kb_patterns
from bot.nlu.fingerprint import knowledge_fingerprint

PATTERNS_FILE = "patterns.json"
#: a head count is reported as the entity of the size bands
SIZE_ENTITY = ENTITY_NAMES["sizes"]


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True
)
class KnowledgeEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts entities whose values are knowledge-base ids."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``knowledge_dir``: where to read the vocabulary (default ``knowledge/``)."""
        return {"knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Retrain when any knowledge file changes, not only Rasa's data."""
        return knowledge_fingerprint(Path(config.get("knowledge_dir") or knowledge_dir()))

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        data: Optional[Dict[Text, Any]] = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._data = data or {"patterns": [], "sizes": []}
        self._nlp = _build_nlp(self._data["patterns"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "KnowledgeEntityExtractor":
        """An untrained extractor; ``train`` fills it from the knowledge base."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Compile the knowledge base's vocabulary into stored patterns."""
        kb = load_knowledge(self._config.get("knowledge_dir") or knowledge_dir())
        self._data = {
            "patterns": kb_patterns.build_patterns(kb),
            "sizes": kb_patterns.size_bands(kb),
        }
        self._nlp = _build_nlp(self._data["patterns"])
        with self._storage.write_to(self._resource) as directory:
            (directory / PATTERNS_FILE).write_text(json.dumps(self._data), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "KnowledgeEntityExtractor":
        """Rebuild the spaCy pipeline from the patterns stored in the model."""
        try:
            with model_storage.read_from(resource) as directory:
                data = json.loads((directory / PATTERNS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            data = None
        return cls(config, model_storage, resource, data)

    def process(self, messages: List[Message]) -> List[Message]:
        """Add knowledge-base entities to each message."""
        for message in messages:
            found = self.extract(message.get(TEXT) or "")
            if found:
                entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples carry no annotations for these entities."""
        return training_data

    def extract(self, text: Text) -> List[Dict[Text, Any]]:
        """Entities in ``text`` as Rasa entity dictionaries (values are ids)."""
        entities = []
        for span in self._nlp(text[:5000]).ents:
            entity = self._to_entity(span)
            if entity:
                entities.append(entity)
        return entities

    def _to_entity(self, span) -> Optional[Dict[Text, Any]]:
        label, value = span.label_, span.ent_id_
        if label == kb_patterns.STAFF_LABEL:
            count = kb_patterns.parse_number(span[0].text)
            value = kb_patterns.size_for_staff(count, self._data["sizes"]) if count is not None else None
            label = SIZE_ENTITY
        if not value:
            return None
        return {"entity": label, "value": value, "start": span.start_char,
                "end": span.end_char, "confidence_entity": 1.0, "text": span.text}


def _build_nlp(patterns: List[dict]) -> Language:
    """A blank English pipeline whose only component matches the knowledge base's phrases."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
    if patterns:
        assert isinstance(ruler, EntityRuler)  # what "entity_ruler" names; spaCy types it as any pipe
        ruler.add_patterns(patterns)
    return nlp
