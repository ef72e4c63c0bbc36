"""Answers to knowledge questions name their entry and sources."""
from __future__ import annotations

import pytest

from bot.dialogue import after_advice, explain, misconceptions
from bot.knowledge import load_knowledge


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_definition_of_a_model_names_it_and_its_sources(kb) -> None:
    reply = explain.explain(kb, explain.subject([("model", "coupled_codevelopment")]))
    assert reply.payload["type"] == "explain" and reply.payload["id"] == "coupled_codevelopment"
    assert reply.payload["sources"] == list(kb.models["coupled_codevelopment"].sources)
    assert kb.models["coupled_codevelopment"].name in reply.text and "Sources:" in reply.text


def test_intermediary_explained_as_a_partner(kb) -> None:
    reply = explain.explain(kb, explain.subject([("partner", "intermediary")]))
    assert reply.payload["kind"] == "partners" and "Watch out" in reply.text


def test_example_follows_the_subject(kb) -> None:
    assert explain.example_for(kb, {"kind": "models", "id": "intermediated_network"}) == "network_m_satellite"
    assert explain.case(kb, "network_m_satellite").payload == {
        "type": "case", "id": "network_m_satellite", "sources": list(kb.cases["network_m_satellite"].sources)}


def test_sources_of_the_last_answer(kb) -> None:
    reply = explain.sources(kb, {"kind": "misconceptions", "id": "only_for_large_firms"})
    assert reply.payload["ids"] == list(kb.misconceptions["only_for_large_firms"].sources)
    assert all(kb.sources[key].title in reply.text for key in reply.payload["ids"])


def test_partners_for_a_stage_are_ranked_by_importance(kb) -> None:
    reply = explain.partners_for_stage(kb, "scaling_up")
    partners = reply.payload["partners"]
    importance = {p: r.importance for p in partners for r in kb.partners[p].stage_roles if r.stage == "scaling_up"}
    order = ["high", "medium", "low"]
    assert [order.index(importance[p]) for p in partners] == sorted(order.index(importance[p]) for p in partners)
    assert explain.partners_for_stage(kb, None).payload == {"type": "question", "slot": "innovation_stage"}


def test_misconception_answer_has_reality_step_and_sources(kb) -> None:
    reply = misconceptions.answer(kb, "only_for_large_firms")
    entry = kb.misconceptions["only_for_large_firms"]
    assert entry.reality in reply.text and entry.first_step in reply.text
    assert reply.payload["id"] == "only_for_large_firms" and reply.payload["sources"] == list(entry.sources)
    assert entry.reality not in misconceptions.answer(kb, "only_for_large_firms", reality_said=True).text


def test_unclear_message_naming_a_term_is_explained_else_rephrase(kb) -> None:
    assert explain.fallback(kb, [("model", "licensing_out")]).payload["id"] == "licensing_out"
    assert explain.fallback(kb, [("sector", "retail")]).payload == {"type": "fallback", "id": "rephrase"}
    assert explain.fallback(kb, []).buttons



def test_an_unclear_message_asking_what_an_unknown_term_means_is_told_so(kb) -> None:
    meaning = after_advice.meaning_asked(kb, "what is a living lab?", None)
    assert meaning is not None and meaning.payload == {"type": "notice", "id": "unknown_term"}
    assert explain.fallback(kb, [], meaning) is meaning
    assert explain.fallback(kb, [("model", "licensing_out")], meaning).payload["id"] == "licensing_out"


@pytest.mark.parametrize("text", ["asdfgh", "what", "the weather is what it is", "what a day", "whatever"])
def test_an_unclear_message_that_asks_no_meaning_is_asked_to_rephrase(kb, text: str) -> None:
    meaning = after_advice.meaning_asked(kb, text, None)
    assert explain.fallback(kb, [], meaning).payload == {"type": "fallback", "id": "rephrase"}
