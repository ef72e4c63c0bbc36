"""A Rasa training-data importer that adds answers from the knowledge base.

Misconceptions are recognised with a retrieval intent (``misconception/<id>``)
and a ResponseSelector. Rasa wants a response per sub-intent; instead of
copying the knowledge base's text into ``domain.yml``, this importer builds
those responses from ``knowledge/misconceptions.yml`` at training time. The
custom action then composes the full sourced answer from the same entries.
The experts' phrasings of each misconception also become training examples,
and so do a few example answers per value of ``knowledge/answers.yml``.

The retrieval intent itself is not listed in ``domain.yml``: Rasa adds it
from the NLU data, and listing it too makes ``rasa data validate`` report a
duplicate. Stories and rules are therefore read against a domain that
already knows it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Text, Union

from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.structures import StoryGraph
from rasa.shared.importers import utils
from rasa.shared.importers.rasa import RasaFileImporter
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import KnowledgeBase, load_knowledge
from bot.knowledge.answers import load_examples

RETRIEVAL_INTENT = "misconception"
ANSWER_INTENT = "inform"
ANSWERS_PER_VALUE = 4


def misconception_responses(kb: KnowledgeBase) -> Dict[Text, List[Dict[Text, Any]]]:
    """``utter_misconception/<id>`` responses holding each misconception's reality."""
    return {
        f"utter_{RETRIEVAL_INTENT}/{entry.id}": [{"text": entry.reality}]
        for entry in kb.misconceptions.values()
    }


def phrasing_examples(kb: KnowledgeBase, known: Set[Text]) -> List[Message]:
    """Each misconception's phrasings as examples of its sub-intent, unless already present."""
    examples = []
    for entry in kb.misconceptions.values():
        for phrase in entry.phrasings:
            if phrase.strip().lower() not in known:
                known.add(phrase.strip().lower())
                examples.append(Message(data={
                    TEXT: phrase.strip(), INTENT: RETRIEVAL_INTENT,
                    INTENT_RESPONSE_KEY: f"{RETRIEVAL_INTENT}/{entry.id}",
                }))
    return examples


def answer_examples(kb: KnowledgeBase, known: Set[Text], per_value: int = ANSWERS_PER_VALUE) -> List[Message]:
    """A few example answers per value as ``inform`` examples.

    The answer reader learns every example; the intent classifier needs
    only enough to tell an answer from a doubt or a side question, and
    fewer examples keep its training short.
    """
    examples = []
    for values in load_examples(kb).values():
        for texts in values.values():
            for text in texts[:per_value]:
                if text.lower() not in known:
                    known.add(text.lower())
                    examples.append(Message(data={TEXT: text, INTENT: ANSWER_INTENT}))
    return examples


class KnowledgeImporter(RasaFileImporter):
    """Rasa's file importer plus responses generated from ``knowledge/``."""

    def __init__(
        self,
        config_file: Optional[Text] = None,
        domain_path: Optional[Text] = None,
        training_data_paths: Optional[Union[List[Text], Text]] = None,
        knowledge_dir: Optional[Text] = None,
    ) -> None:
        super().__init__(config_file, domain_path, training_data_paths)
        self._knowledge_dir = knowledge_dir

    def get_domain(self) -> Domain:
        """The project's domain with the knowledge base's responses merged in."""
        kb = load_knowledge(self._knowledge_dir)
        generated = Domain.from_dict({"responses": misconception_responses(kb)})
        return super().get_domain().merge(generated)

    def get_nlu_data(self, language: Optional[Text] = "en") -> TrainingData:
        """The NLU files plus the misconception phrasings of the knowledge base."""
        data = super().get_nlu_data(language)
        known = {(example.get(TEXT) or "").strip().lower() for example in data.training_examples}
        kb = load_knowledge(self._knowledge_dir)
        extra = phrasing_examples(kb, known) + answer_examples(kb, known)
        return data.merge(TrainingData(training_examples=extra))

    def get_stories(self, exclusion_percentage: Optional[int] = None) -> StoryGraph:
        """Stories and rules, read against the domain plus the retrieval intent."""
        return utils.story_graph_from_paths(
            self._story_files, self._story_domain(), exclusion_percentage
        )

    def get_conversation_tests(self) -> StoryGraph:
        """Test stories, read against the domain plus the retrieval intent."""
        return utils.story_graph_from_paths(self._conversation_test_files, self._story_domain())

    def _story_domain(self) -> Domain:
        return self.get_domain().merge(Domain.from_dict({"intents": [RETRIEVAL_INTENT]}))
