"""The trained model loaded without a traced training step predicts exactly as Rasa's own load."""
from __future__ import annotations

import asyncio
from typing import Any, List, Tuple

from rasa.core.agent import load_agent
from rasa.utils.tensorflow.models import RasaModel

from bot.nlu import quick_load

TEXTS = [
    "hello",
    "we are a bakery with 12 staff and want new products",
    "open innovation is only for big firms",
    "I am worried partners will steal our recipes",
    "what do you store about me, and for how long?",
    "no",
    "why?",
    "what will the weather be like in Lisbon tomorrow?",
]


def predictions(model: str) -> List[Tuple[Any, ...]]:
    """Intent, card and their confidences for every text, as the loaded model gives them."""
    agent = asyncio.run(load_agent(model_path=model))
    found = []
    for text in TEXTS:
        parsed = asyncio.run(agent.parse_message(text))
        card = parsed.get("response_selector", {}).get("misconception", {}).get("response", {})
        found.append((parsed["intent"]["name"], round(parsed["intent"]["confidence"], 6),
                      card.get("intent_response_key"), round(card.get("confidence", 0.0), 6)))
    return found


def test_quick_load_gives_the_same_predictions(trained_model: str) -> None:
    rasas = predictions(trained_model)
    original = RasaModel.__dict__["load"]
    try:
        quick_load.install()
        assert RasaModel.load.__func__ is quick_load.load_built_eagerly
        ours = predictions(trained_model)
    finally:
        RasaModel.load = original
    assert ours == rasas
    assert {intent for intent, *_ in ours} >= {"greet", "misconception", "out_of_scope"}
