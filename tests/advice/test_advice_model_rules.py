"""Each model rule fires where its source says it should, and only there.

Every test looks for the rule's reason on a specific model, so removing the
rule from the registry makes the test fail.
"""
from typing import Optional

import pytest

from bot.advice import MODEL_RULES, Reason, score_models
from tests.advice.advice_kb import profile, replaced

EXPECTED_MODEL_RULES = {
    "need_match", "stage_match", "resource_fit", "ip_protection", "technology_outbound",
    "offer_used", "offer_required", "complementary_assets", "barriers_addressed",
    "small_steps_after_failure", "phased_start", "trusted_partner_type", "similar_case",
    "international_reach", "technology_income",
}


def reason(kb, model_id: str, rule_id: str, **slots) -> Optional[Reason]:
    """The reason ``rule_id`` gave ``model_id`` for a profile of ``slots`` (None if silent)."""
    scored = {item.id: item for item in score_models(profile(**slots), kb)}
    return next((r for r in scored[model_id].reasons if r.id == rule_id), None)


def delta(kb, model_id: str, rule_id: str, **slots) -> int:
    found = reason(kb, model_id, rule_id, **slots)
    return found.delta if found else 0


def test_registry_holds_every_documented_rule():
    assert {rule.id for rule in MODEL_RULES} == EXPECTED_MODEL_RULES


def test_every_rule_has_a_docstring_and_sources():
    for rule in MODEL_RULES:
        assert rule.doc, rule.id
        if rule.id != "similar_case":  # cites the case it found instead
            assert rule.sources, rule.id


def test_need_match(kb):
    assert delta(kb, "crowdsourcing", "need_match", innovation_need="service_innovation") == 3
    assert delta(kb, "technology_scouting", "need_match", innovation_need="service_innovation") == 0
    assert "service innovation" in reason(kb, "crowdsourcing", "need_match",
                                          innovation_need="service_innovation").text


def test_stage_match(kb):
    assert delta(kb, "licensing_out", "stage_match", innovation_stage="commercialisation") == 2
    assert delta(kb, "technology_scouting", "stage_match", innovation_stage="commercialisation") == -1
    assert delta(kb, "technology_scouting", "stage_match") == 0


@pytest.mark.parametrize("slots", [
    {"company_size": "micro"},
    {"company_size": "small", "barriers": ["funding_gap"]},
    {"company_size": "medium", "barriers": ["skills_shortage"]},
])
def test_resource_fit_favours_cheap_inbound_routes(kb, slots):
    assert delta(kb, "crowdsourcing", "resource_fit", **slots) == 3
    assert delta(kb, "internal_collaboration", "resource_fit", **slots) == 2
    assert delta(kb, "spin_off", "resource_fit", **slots) == -2


def test_resource_fit_is_silent_for_firms_with_resources(kb):
    assert delta(kb, "spin_off", "resource_fit", company_size="medium") == 0


def test_ip_protection_with_high_sensitivity(kb):
    assert delta(kb, "open_source_sharing", "ip_protection", ip_sensitivity="high") == -3
    assert delta(kb, "crowdsourcing", "ip_protection", ip_sensitivity="high") == -1
    assert delta(kb, "customer_cocreation", "ip_protection", ip_sensitivity="high") == 1


def test_ip_protection_is_mild_for_medium_and_off_for_low(kb):
    assert delta(kb, "licensing_out", "ip_protection", ip_sensitivity="medium") == -1
    assert delta(kb, "crowdsourcing", "ip_protection", ip_sensitivity="medium") == 0
    assert delta(kb, "licensing_out", "ip_protection", ip_sensitivity="low") == 0


def test_imitation_risk_counts_as_ip_sensitivity(kb):
    assert delta(kb, "licensing_out", "ip_protection", ip_sensitivity="low",
                 barriers=["imitation_risk"]) == -1


def test_technology_outbound(kb):
    for model_id in ("licensing_out", "spin_off", "open_source_sharing", "corporate_partnership"):
        assert delta(kb, model_id, "technology_outbound", offer=["technology_ip"]) == 2
    assert delta(kb, "licensing_out", "technology_outbound", offer=["capacity"]) == 0
    assert delta(kb, "customer_cocreation", "technology_outbound", offer=["technology_ip"]) == 0


def test_offer_used(kb):
    found = reason(kb, "joint_venture_alliance", "offer_used", offer=["market_access"])
    assert found.delta == 1 and "market access" in found.text
    assert delta(kb, "licensing_out", "offer_used", offer=["market_access"]) == 0


def test_offer_required_penalises_firms_with_nothing_to_offer(kb):
    assert delta(kb, "licensing_out", "offer_required", offer=["nothing_yet"]) == -3
    assert delta(kb, "crowdsourcing", "offer_required", offer=["nothing_yet"]) == 0


def test_offer_required_needs_the_right_offer(kb):
    assert delta(kb, "licensing_out", "offer_required", offer=["capacity"]) == -3
    assert delta(kb, "joint_venture_alliance", "offer_required", offer=["capacity"]) == 0


def test_offer_required_is_silent_while_the_offer_is_unknown(kb):
    assert delta(kb, "licensing_out", "offer_required") == 0


def test_complementary_assets_for_a_technology_without_capacity(kb):
    assert delta(kb, "intermediated_network", "complementary_assets", offer=["technology_ip"]) == 3
    assert delta(kb, "corporate_partnership", "complementary_assets", offer=["technology_ip"]) == 1
    assert delta(kb, "intermediated_network", "complementary_assets",
                 offer=["technology_ip", "capacity"]) == 0


@pytest.mark.parametrize("barrier", ["commercialisation_cost", "lack_infrastructure", "lack_market_info"])
def test_complementary_assets_for_barriers_on_the_way_to_market(kb, barrier):
    assert delta(kb, "intermediated_network", "complementary_assets", offer=["capacity"],
                 barriers=[barrier]) == 3


def test_barriers_addressed_counts_and_caps(kb):
    barriers = ["lack_infrastructure", "commercialisation_cost", "lack_market_info", "funding_gap"]
    assert delta(kb, "intermediated_network", "barriers_addressed", barriers=barriers) == 3
    assert delta(kb, "corporate_partnership", "barriers_addressed", barriers=barriers) == 2


def test_barriers_addressed_reads_the_barrier_entries_too(kb):
    assert delta(kb, "technology_scouting", "barriers_addressed", barriers=["lack_tech_info"]) == 1


def test_small_steps_after_failure(kb):
    assert delta(kb, "internal_collaboration", "small_steps_after_failure", partner_experience="failed") == 2
    assert delta(kb, "licensing_out", "small_steps_after_failure", partner_experience="failed") == -2
    assert delta(kb, "crowdsourcing", "small_steps_after_failure", partner_experience="failed") == 0
    assert delta(kb, "licensing_out", "small_steps_after_failure", partner_experience="good") == 0


def test_phased_start_for_a_first_collaboration(kb):
    assert delta(kb, "crowdsourcing", "phased_start", partner_experience="none") == 1
    assert delta(kb, "spin_off", "phased_start", partner_experience="none") == -1
    assert delta(kb, "spin_off", "phased_start", partner_experience="good") == 0


def test_trusted_partner_type(kb):
    slots = {"partner_experience": "good", "past_partners": ["supplier"]}
    assert delta(kb, "supplier_collaboration", "trusted_partner_type", **slots) == 1
    assert delta(kb, "crowdsourcing", "trusted_partner_type", **slots) == 0
    assert delta(kb, "supplier_collaboration", "trusted_partner_type", partner_experience="failed",
                 past_partners=["supplier"]) == 0


def test_similar_case_cites_the_case_sources(kb):
    found = reason(kb, "crowdsourcing", "similar_case", sector="food_beverage")
    assert found.delta == 2 and "Bakery" in found.text
    assert "lee2010" in found.sources
    assert delta(kb, "crowdsourcing", "similar_case", sector="biotech_health") == 0


def test_international_reach_is_mild_and_follows_the_knowledge(kb):
    assert delta(kb, "joint_venture_alliance", "international_reach", international=False) == -1
    assert delta(kb, "joint_venture_alliance", "international_reach", international=True) == 1
    assert delta(kb, "joint_venture_alliance", "international_reach") == 0
    assert delta(kb, "crowdsourcing", "international_reach", international=False) == 0


def test_international_reach_disappears_when_the_knowledge_stops_saying_so(kb):
    quiet = replaced(kb, "models", "joint_venture_alliance",
                     summary="A joint venture shares a new business with a partner firm nearby.")
    assert delta(quiet, "joint_venture_alliance", "international_reach", international=False) == 0


def test_score_is_the_sum_of_the_fired_deltas(kb):
    for item in score_models(profile(company_size="micro", innovation_need="new_product",
                                     ip_sensitivity="high", partner_experience="failed"), kb):
        assert item.score == sum(r.delta for r in item.reasons)


def test_technology_income_for_a_firm_that_wants_to_earn_from_its_technology(kb):
    earn = dict(offer=["technology_ip"], innovation_need="business_model")
    for model_id in ("licensing_out", "spin_off", "open_source_sharing"):
        assert delta(kb, model_id, "technology_income", **earn) == 3, model_id
    # partnerships that also bring technology in are not inside-out routes
    assert delta(kb, "corporate_partnership", "technology_income", **earn) == 0
    # no technology, or no wish to earn from it: silent
    assert delta(kb, "licensing_out", "technology_income", offer=["capacity"],
                 innovation_need="business_model") == 0
    assert delta(kb, "licensing_out", "technology_income", offer=["technology_ip"],
                 innovation_need="new_product") == 0


def test_technology_income_follows_the_route_the_owner_named(kb):
    asked = dict(offer=["technology_ip"], innovation_need="new_product", interests=["licensing_out"])
    assert delta(kb, "licensing_out", "technology_income", **asked) == 5
    assert "asked about it" in reason(kb, "licensing_out", "technology_income", **asked).text
    assert delta(kb, "spin_off", "technology_income", **asked) == 3
    # naming an inbound model shows no wish to earn from the technology
    assert delta(kb, "licensing_out", "technology_income", offer=["technology_ip"],
                 innovation_need="new_product", interests=["crowdsourcing"]) == 0


@pytest.mark.parametrize("evidence, words", [
    ("real", "A real case"), ("guide_example", "A guide's example"), ("illustration", "A hypothetical example"),
])
def test_similar_case_says_how_real_the_case_is(kb, evidence, words):
    kb = replaced(kb, "cases", "bakery", evidence=evidence)
    found = reason(kb, "crowdsourcing", "similar_case", sector="food_beverage")
    assert words in found.text
    if evidence != "real":
        assert "real" not in found.text
