"""Questions after the advice: the first step, sources, real cases, and terms."""
from __future__ import annotations

import pytest

from bot.advice import Profile
from bot.dialogue import after_advice, explain, recommendation
from bot.knowledge import load_knowledge

BAKERY = dict(sector="food_beverage", company_size="micro", innovation_need="new_product",
              innovation_stage="exploration", barriers=["funding_gap"], offer=["market_access"],
              ip_sensitivity="low", partner_experience="none", international=False)
WEB = "https://advisor.example.org"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def advice(kb):
    replies, result = recommendation.result(kb, Profile.from_slots(BAKERY))
    return replies, recommendation.memory(result)


def test_first_step_is_the_first_of_the_advice(advice) -> None:
    replies, remembered = advice
    reply = after_advice.first_step(remembered)
    steps = remembered["data"]["first_steps"]
    assert reply.text.startswith(f"Start with this: {steps[0]}")
    assert steps[1] in reply.text and steps[2] in reply.text
    assert after_advice.first_step(None) is None


def test_the_bakery_is_called_hypothetical_with_its_source(kb, advice) -> None:
    _, remembered = advice
    reply = after_advice.is_real(kb, None, remembered, WEB)
    assert "bakery" in reply.payload["ids"]
    assert "hypothetical" in reply.text and "Yes" not in reply.text
    assert f"{WEB}/sources#smb_oi_models" in reply.text and "no year given" in reply.text


def test_a_documented_firm_is_called_real(kb) -> None:
    reply = after_advice.is_real(kb, "samsung_smartthings", None, WEB)
    assert reply.text.count("real case") == 1 and "(2023)" in reply.text


def test_sources_give_year_and_link_once(kb, monkeypatch) -> None:
    monkeypatch.setenv("OI_WEB_URL", WEB)
    reply = explain.sources(kb, {"kind": "models", "id": "intermediated_network"})
    assert "(2010)" in reply.text and f"{WEB}/sources#lee2010" in reply.text
    title = kb.sources["lee2010"].title.strip('"')
    assert reply.text.count(title) == 1


@pytest.mark.parametrize("text, term", [
    ("what is a living lab", "living lab"), ("What's an intermediary?", "intermediary"),
    ("what does open source mean", "open source"), ("we bake bread", None),
])
def test_the_term_asked_about(text, term) -> None:
    assert after_advice.asked_term(text) == term


def test_unknown_terms_are_said_to_be_unknown_and_the_advice_terms_offered(advice) -> None:
    _, remembered = advice
    reply = after_advice.unknown_term("living lab", remembered)
    assert "not in my knowledge base" in reply.text
    top = remembered["data"]["models"][0]
    assert any(button.title == f"What is {top['name']}?" and top["id"] in button.payload
               for button in reply.buttons)


def test_every_term_of_the_result_can_be_explained(kb, advice) -> None:
    replies, remembered = advice
    card = next(r.payload for r in replies if r.payload and r.payload.get("type") == "recommendation")
    for dimension in card["readiness"]["dimensions"].values():
        assert after_advice.advice_term(kb, dimension["name"]) is not None, dimension["name"]
    for item in card["top_models"]:
        assert explain.explain(kb, {"kind": "models", "id": item["id"]}).payload["id"] == item["id"]
    for item in card["top_partners"]:
        assert explain.explain(kb, {"kind": "partners", "id": item["id"]}).payload["id"] == item["id"]


def test_a_question_about_realness_inside_another(kb) -> None:
    assert after_advice.asks_if_real("where does that come from? is it a real bakery?")
    assert not after_advice.asks_if_real("where does that come from?")


def test_the_result_is_four_messages_and_one_card(advice) -> None:
    replies, _ = advice
    assert len(replies) == 4
    cards = [r for r in replies if r.payload]
    assert len(cards) == 1 and cards[0].payload["type"] == "recommendation"
    assert cards[0].payload["plan_url"].split("?")[0].endswith("/plan/")
    assert "http" not in " ".join(r.text for r in replies)
    assert replies[-1].buttons and replies[-1].text.startswith("Your first steps:")


def test_why_a_named_model_before_any_advice_says_what_it_is(kb) -> None:
    reply = recommendation.why(kb, None, "licensing_out")
    assert reply.payload == {**reply.payload, "type": "explain", "id": "licensing_out", "kind": "models"}
    assert recommendation.why(kb, None, None).payload["id"] == "no_recommendation"


def test_why_a_named_model_after_the_advice_gives_its_reasons(kb, advice) -> None:
    _, remembered = advice
    reply = recommendation.why(kb, remembered, "licensing_out")
    assert reply.payload["kind"] == "why" and reply.payload["id"] == "licensing_out"


def test_the_full_plan_is_the_link_the_result_card_carries(kb) -> None:
    profile = Profile.from_slots(BAKERY)
    replies, result = recommendation.result(kb, profile)
    remembered = recommendation.memory(result, plan=recommendation.plan_url(profile))
    card_link = next(r.payload["plan_url"] for r in replies if r.payload and "plan_url" in r.payload)

    reply = recommendation.plan_reply(remembered)

    assert reply.payload == {"type": "plan", "plan_url": card_link}
    assert "/plan/?" in card_link and "http" not in reply.text
    assert "PDF" in reply.text


def test_the_full_plan_before_any_advice_offers_the_diagnosis() -> None:
    for remembered in (None, {"data": {}, "shown": 3}):
        reply = recommendation.plan_reply(remembered)
        assert reply.payload["id"] == "no_recommendation"
