"""What the three knowledge-fed components share: retraining on a changed file, and no file, no change."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge import load_knowledge
from bot.nlu.answer_reader import AnswerReader
from bot.nlu.intent_gate import IntentGate
from bot.nlu.knowledge_component import KnowledgeComponent
from bot.nlu.knowledge_entities import KnowledgeEntityExtractor
from bot.understanding.doubts import SETTINGS

COMPONENTS = [AnswerReader, IntentGate, KnowledgeEntityExtractor]


@pytest.mark.parametrize("component", COMPONENTS)
def test_a_model_without_the_stored_file_changes_no_message(component: type, tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    loaded = component.load(component.get_default_config(), storage, Resource("never_trained"),
                            ExecutionContext(GraphSchema({}), "test"))
    message = Message(data={"text": "we are a bakery with 12 staff, too small for this",
                            "intent": {"name": "misconception", "confidence": 0.9}, "entities": []})
    loaded.process([message])
    assert message.get("entities") == [] and message.get("intent")["name"] == "misconception"


@pytest.mark.parametrize("component", COMPONENTS)
def test_editing_any_knowledge_file_retrains(component: type, tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(load_knowledge().directory, folder)
    config = {"knowledge_dir": str(folder)}
    before = component.fingerprint_addon(config)
    sources = folder / "sources.yml"
    sources.write_text(sources.read_text() + "\n# edited\n")
    assert component.fingerprint_addon(config) != before


def test_only_the_gate_adds_its_detector_settings_to_the_fingerprint() -> None:
    config = AnswerReader.get_default_config()
    assert IntentGate.fingerprint_addon(config) == AnswerReader.fingerprint_addon(config) + SETTINGS
    assert issubclass(IntentGate, KnowledgeComponent) and SETTINGS
