"""The knowledge-base entity extractor, trained, stored and loaded as Rasa does."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.knowledge_entities import KnowledgeEntityExtractor
from bot.nlu.patterns import token_variants


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeEntityExtractor:
    """Train once, then load a fresh instance from the stored model only."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    resource = Resource("kb_entities")
    context = ExecutionContext(GraphSchema({}), "test")
    config = KnowledgeEntityExtractor.get_default_config()
    trained = KnowledgeEntityExtractor.create(config, storage, resource, context)
    trained.train(TrainingData())
    return KnowledgeEntityExtractor.load(config, storage, resource, context)


def entities(extractor: KnowledgeEntityExtractor, text: str) -> dict:
    message = Message(data={"text": text})
    extractor.process([message])
    return {(e["entity"], e["value"]) for e in message.get("entities", [])}


def test_partner_type_and_sector_are_normalised_to_ids(extractor) -> None:
    found = entities(extractor, "We are a food processing firm and want to work with Universities")
    assert ("sector", "food_beverage") in found
    assert ("partner", "university") in found


def test_head_count_becomes_a_size_band(extractor) -> None:
    assert ("company_size", "small") in entities(extractor, "we bake bread, about 12 people")
    assert ("company_size", "micro") in entities(extractor, "just 4 employees here")
    assert ("company_size", "medium") in entities(extractor, "we have 120 staff")


def test_models_and_stages_are_found(extractor) -> None:
    found = entities(extractor, "What is crowdsourcing? We only have a prototype")
    assert ("model", "crowdsourcing") in found
    assert ("innovation_stage", "development") in found


def test_extractor_name_and_offsets_are_reported(extractor) -> None:
    message = Message(data={"text": "a university"})
    extractor.process([message])
    entity = message.get("entities")[0]
    assert entity["extractor"] == "KnowledgeEntityExtractor"
    assert "a university"[entity["start"]:entity["end"]] == "university"


def test_unrelated_text_yields_nothing(extractor) -> None:
    assert entities(extractor, "hello, how are you today?") == set()


def test_huge_input_is_handled(extractor) -> None:
    assert isinstance(entities(extractor, "bakery " * 5000), set)


def test_model_storage_holds_everything_needed(extractor, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OI_KNOWLEDGE_DIR", str(tmp_path / "does-not-exist"))
    assert ("partner", "university") in entities(extractor, "universities")


def test_token_variants_cover_plural_and_singular() -> None:
    assert set(token_variants("university")) == {"university", "universities"}
    assert "bakery" in token_variants("bakeries")
    assert "supplier" in token_variants("suppliers")


def test_fingerprint_changes_when_knowledge_changes(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("- id: x\n")
    before = KnowledgeEntityExtractor.fingerprint_addon({"knowledge_dir": str(tmp_path)})
    (tmp_path / "a.yml").write_text("- id: y\n")
    assert KnowledgeEntityExtractor.fingerprint_addon({"knowledge_dir": str(tmp_path)}) != before
