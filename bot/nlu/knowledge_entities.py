"""A Rasa graph component that finds knowledge-base entities in messages.

It builds a blank English spaCy pipeline with an EntityRuler from the
knowledge base's vocabulary, so "Universities" becomes partner
``university`` and "food processing firm" becomes sector ``food_beverage``.
Head counts ("about 12 people") become a ``company_size`` id. Everything it
needs is stored inside the trained Rasa model.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Text

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.language import Language
from spacy.pipeline import EntityRuler

from bot.knowledge import KnowledgeBase
from bot.knowledge.slots import ENTITY_NAMES
from bot.nlu import patterns as kb_patterns
from bot.nlu.knowledge_component import KnowledgeComponent

#: a head count is reported as the entity of the size bands
SIZE_ENTITY = ENTITY_NAMES["sizes"]
Compiled = Dict[Text, Any]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class KnowledgeEntityExtractor(KnowledgeComponent[Compiled], EntityExtractorMixin):
    """Extracts entities whose values are knowledge-base ids."""

    STORED_AS = "patterns.json"

    def fit(self, kb: KnowledgeBase, training_data: TrainingData) -> Compiled:
        """The knowledge base's vocabulary compiled into patterns, and its size bands."""
        return {"patterns": kb_patterns.build_patterns(kb), "sizes": kb_patterns.size_bands(kb)}

    @classmethod
    def to_bytes(cls, fitted: Compiled) -> bytes:
        """Patterns and bands as JSON: readable, and nothing executable in the model."""
        return json.dumps(fitted).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Compiled:
        """Patterns and bands stored by ``to_bytes``."""
        return dict(json.loads(data.decode("utf-8")))

    def adopt(self, fitted: Optional[Compiled]) -> None:
        """Rebuild the spaCy pipeline from the patterns (none when nothing was fitted)."""
        super().adopt(fitted)
        self._data = fitted or {"patterns": [], "sizes": []}
        self._nlp = _build_nlp(self._data["patterns"])

    def process(self, messages: List[Message]) -> List[Message]:
        """Add knowledge-base entities to each message."""
        for message in messages:
            found = self.extract(message.get(TEXT) or "")
            if found:
                entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages

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
