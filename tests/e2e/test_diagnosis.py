"""Whole diagnosis conversations over REST for firms modelled on the sources' cases."""
from __future__ import annotations

import pytest

from tests.e2e.diagnosis import last_question, recommendation, run_diagnosis
from tests.servers import Chat

pytestmark = pytest.mark.servers

BAKERY = {
    "innovation_need": "we'd like to develop a new kind of bread",
    "innovation_stage": "it's just an idea for now",
    "barriers": "we don't have the money for it",
    "offer": "nothing yet really",
    "ip_sensitivity": "our recipes are secret, very sensitive",
    "partner_experience": "never worked with anyone outside",
    "international": "no, only local partners",
}


def top(result: dict, kind: str, count: int = 3) -> list:
    return result[kind][:count]


def test_bakery_in_free_text_fills_two_answers_at_once(chat: Chat) -> None:
    chat.say("hello")
    messages = chat.say("I'd like advice for my firm")
    assert last_question(messages) == "sector"
    result, asked = run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    assert "sector" not in asked and "company_size" not in asked, "answers given are not asked again"
    assert result["profile"]["sector"] == "food_beverage" and result["profile"]["company_size"] == "small"
    assert "customer_cocreation" in top(result, "models")
    assert "customer" in top(result, "partners")
    assert "selective_openness" in result["guidance"]
    assert len(result["top_models"]) == 3 and all(card["reason"] for card in result["top_models"])


def test_describing_the_firm_unprompted_starts_the_diagnosis(chat: Chat) -> None:
    messages = chat.say("We are a furniture maker with 25 employees")
    assert last_question(messages) == "innovation_need"


def test_furniture_maker_with_buttons(chat: Chat) -> None:
    answers = {"sector": "manufacturing", "company_size": "small", "innovation_need": "new_product",
               "innovation_stage": "development", "barriers": "lack_market_info", "offer": "capacity",
               "ip_sensitivity": "medium", "partner_experience": "good", "international": "yes"}
    chat.say("/start_diagnosis")
    result, asked = run_diagnosis(chat, "/start_diagnosis", answers, buttons=True)
    assert asked[:2] == ["sector", "company_size"] and len(asked) == 9
    assert "customer_cocreation" in top(result, "models")
    assert result["profile"]["international"] is True


def test_antenna_firm_m_gets_the_intermediated_network(chat: Chat) -> None:
    answers = {"sector": "we design antennas and flat satellite dishes", "company_size": "about 30 employees",
               "innovation_need": "we want to reach new markets", "innovation_stage": "ready to launch",
               "barriers": "manufacturing and marketing are too expensive for us",
               "offer": "we own a patented technology", "ip_sensitivity": "somewhat",
               "partner_experience": "no, never", "international": "no"}
    result, _ = run_diagnosis(chat, "help me find the right partners", answers)
    assert result["models"][0] == "intermediated_network"
    assert "intermediary" in top(result, "partners") or "other_sme" in top(result, "partners")
    assert "intermediary_roles" in result["guidance"]


def test_automation_firm_scaling_up_with_a_startup(chat: Chat) -> None:
    answers = {"sector": "we build automated guided vehicles", "company_size": "120 staff",
               "innovation_need": "we need access to new technology", "innovation_stage": "we are scaling up",
               "barriers": "we can't find skilled engineers", "offer": "production capacity and our customer base",
               "ip_sensitivity": "medium", "partner_experience": "we worked with an IoT startup and it went well",
               "international": "yes, abroad is fine"}
    result, _ = run_diagnosis(chat, "which collaboration suits us?", answers)
    assert result["profile"]["sector"] == "automation_robotics"
    assert result["profile"]["company_size"] == "medium"
    assert "startup" in top(result, "partners")
    assert "coupled_codevelopment" in top(result, "models")


def test_brewery_with_little_to_protect(chat: Chat) -> None:
    answers = {"sector": "we run a small brewery", "company_size": "5 people", "innovation_need": "a new beer",
               "innovation_stage": "we have a prototype", "barriers": "we don't know the market well enough",
               "offer": "spare brewing capacity", "ip_sensitivity": "not really sensitive",
               "partner_experience": "none", "international": "only local"}
    result, _ = run_diagnosis(chat, "assess my company please", answers)
    assert result["profile"]["ip_sensitivity"] == "low"
    assert "customer" in top(result, "partners")


def test_software_firm_after_a_failed_collaboration(chat: Chat) -> None:
    answers = {"sector": "web development agency", "company_size": "just 4 employees",
               "innovation_need": "access to new technology", "innovation_stage": "exploring ideas",
               "barriers": "we lack technical information", "offer": "our own software technology",
               "ip_sensitivity": "our code is our crown jewel",
               "partner_experience": "we worked with a university once and it failed",
               "international": "sure"}
    result, _ = run_diagnosis(chat, "I want advice for my company", answers)
    assert {"resilience", "selective_openness"} <= set(result["guidance"])
    assert result["profile"]["past_partners"] == ["university"]
    assert "university" in top(result, "partners")


def test_why_other_options_and_summary_link_after_a_result(chat: Chat) -> None:
    chat.say("I need advice for my business")
    result, _ = run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    why = Chat.payloads(chat.say("why this one?"))
    assert why[0]["type"] == "explain" and why[0]["id"] == result["models"][0] and why[0]["reasons"]
    options = Chat.payloads(chat.say("show other options"))[0]
    assert options["type"] == "options" and options["models"] == result["models"][3:6]
    assert "/plan/?" in result["plan_url"]


def test_skip_back_why_and_a_correction_over_rest(chat: Chat) -> None:
    chat.say("I'd like advice for my firm")
    assert last_question(chat.say("we make furniture")) == "company_size"
    assert last_question(chat.say("skip")) == "innovation_need"
    messages = chat.say("why do you ask?")
    assert {"type": "why", "slot": "innovation_need"} in Chat.payloads(messages)
    assert last_question(messages) == "innovation_need"
    assert last_question(chat.say("go back")) == "company_size"
    assert last_question(chat.say("about 12 people")) == "innovation_need"
    assert last_question(chat.say("new products")) == "innovation_stage"
    assert last_question(chat.say("actually we are a bakery, and we only have an idea")) == "barriers"
    answers = dict(BAKERY, barriers="no money", offer="nothing yet")
    result, _ = run_diagnosis(chat, answers["barriers"], answers)
    profile = result["profile"]
    assert (profile["sector"], profile["company_size"], profile["innovation_stage"]) == (
        "food_beverage", "small", "exploration")
