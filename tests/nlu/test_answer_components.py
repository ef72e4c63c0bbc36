"""The answer reader and the intent gate, trained, stored and loaded as Rasa does."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import load_knowledge
from bot.nlu.answer_reader import AnswerReader
from bot.nlu.intent_gate import IntentGate

DOUBTS = ["open innovation is only for big companies", "we are too small for this",
          "we'd be giving away our secrets", "partners will steal our ideas", "it's too expensive for us",
          "we can do it all alone", "that only works for tech firms", "we tried once and it failed"]
CHAT = ["hello", "thanks a lot", "what can you do", "bye", "start over", "delete my data", "stop"]


@pytest.fixture(scope="module")
def small_knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base with three example answers per value, so training is quick."""
    folder = tmp_path_factory.mktemp("kb") / "knowledge"
    shutil.copytree(load_knowledge().directory, folder)
    answers = yaml.safe_load((folder / "answers.yml").read_text())
    trimmed = {slot: {value: texts[:3] for value, texts in values.items()} for slot, values in answers.items()}
    (folder / "answers.yml").write_text(yaml.safe_dump(trimmed))
    return folder


def training_data() -> TrainingData:
    examples = [Message(data={"text": text, "intent": "misconception"}) for text in DOUBTS]
    examples += [Message(data={"text": text, "intent": "greet"}) for text in CHAT]
    return TrainingData(training_examples=examples)


def trained(component, knowledge: Path, tmp_path_factory: pytest.TempPathFactory, name: str):
    storage = LocalModelStorage(tmp_path_factory.mktemp(name))
    resource = Resource(name)
    context = ExecutionContext(GraphSchema({}), "test")
    config = dict(component.get_default_config(), knowledge_dir=str(knowledge))
    component.create(config, storage, resource, context).train(training_data())
    return component.load(config, storage, resource, context)


@pytest.fixture(scope="module")
def reader(small_knowledge: Path, tmp_path_factory: pytest.TempPathFactory) -> AnswerReader:
    return trained(AnswerReader, small_knowledge, tmp_path_factory, "reader")


@pytest.fixture(scope="module")
def gate(small_knowledge: Path, tmp_path_factory: pytest.TempPathFactory) -> IntentGate:
    return trained(IntentGate, small_knowledge, tmp_path_factory, "gate")


def process(component, text: str, intent: str = "inform", entities=()) -> Message:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9},
                            "entities": list(entities)})
    component.process([message])
    return message


def test_the_stored_reader_adds_answers_with_their_question_and_span(reader: AnswerReader) -> None:
    text = "we run a bakery, 12 staff"
    entities = [e for e in process(reader, text).get("entities") if e["entity"] == "answer"]
    assert {e["role"] for e in entities} >= {"sector", "company_size"}
    size = next(e for e in entities if e["role"] == "company_size")
    assert size["value"] == "small" and text[size["start"]:size["end"]] == "12"
    assert all(e["extractor"] == "AnswerReader" and 0 <= e["confidence_entity"] <= 1 for e in entities)


def test_payloads_and_empty_messages_get_no_readings(reader: AnswerReader) -> None:
    assert not process(reader, '/inform{"sector": "retail"}').get("entities")
    assert not process(reader, "   ").get("entities")


def test_change_answer_names_its_question(reader: AnswerReader) -> None:
    found = process(reader, "change the sector", intent="change_answer").get("entities")
    assert {"entity": "question", "value": "sector"}.items() <= next(
        e for e in found if e["entity"] == "question").items()


def test_the_gate_turns_a_misread_answer_into_an_answer_and_keeps_doubts(gate: IntentGate) -> None:
    answer = {"entity": "answer", "role": "innovation_stage", "value": "commercialisation",
              "confidence_entity": 0.95, "start": 0, "end": 10, "share": 0.97}
    misread = process(gate, "finished, works, sitting on a shelf", "misconception", [answer])
    assert misread.get("intent")["name"] == "inform" and misread.get("doubt") < 0.5
    doubt = process(gate, "open innovation is only for big companies", "misconception", [answer])
    assert doubt.get("intent")["name"] == "misconception"
