"""A Rasa graph component that marks messages written in another language.

It runs after the intent classifiers. When :func:`bot.language.other_language`
is confident that a message is not English, the intent becomes
``other_language`` and the entities are dropped, so no slot is filled and no
card is chosen from words the classifiers could not understand; a rule then
answers that the assistant speaks English for now. The classifiers can also
pick ``other_language`` on their own (it has training examples); when the
detector says the message is English after all, the next intent in the
ranking is used instead.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import other_language

INTENT_NAME = "other_language"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class OtherLanguageClassifier(GraphComponent):
    """Sets the intent ``other_language`` for confidently non-English messages."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``intent``: the intent name to set (default ``other_language``)."""
        return {"intent": INTENT_NAME}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.intent = config.get("intent") or INTENT_NAME

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "OtherLanguageClassifier":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training data passes through unchanged: there is nothing to learn."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Mark each foreign message; undo a classifier's ``other_language`` on English ones."""
        for message in messages:
            if other_language(message.get(TEXT)):
                self._mark(message)
            elif (message.get(INTENT) or {}).get("name") == self.intent:
                self._demote(message)
        return messages

    def _mark(self, message: Message) -> None:
        intent = {"name": self.intent, "confidence": 1.0}
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or []
                   if item.get("name") != self.intent]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
        message.set(ENTITIES, [], add_to_output=True)

    def _demote(self, message: Message) -> None:
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or []
                   if item.get("name") != self.intent]
        if ranking:
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
