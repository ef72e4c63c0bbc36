"""Each partner rule fires where its source says it should, and only there."""
from typing import List

from bot.advice import PARTNER_RULES, score_partners
from tests.advice.advice_kb import profile

EXPECTED_PARTNER_RULES = {
    "stage_importance", "fits_top_models", "trusted_before", "complementary_partner",
    "low_cost_entry", "ip_large_partner", "recovery_support", "similar_case", "international_reach",
}


def delta(kb, partner_id: str, rule_id: str, top_models: List[str] = (), **slots) -> int:
    scored = {item.id: item for item in score_partners(profile(**slots), kb, list(top_models))}
    return sum(r.delta for r in scored[partner_id].reasons if r.id == rule_id)


def order(kb, **slots) -> List[str]:
    return [item.id for item in score_partners(profile(**slots), kb)]


def test_registry_holds_every_documented_rule():
    assert {rule.id for rule in PARTNER_RULES} == EXPECTED_PARTNER_RULES


def test_stage_importance_reads_the_stage_roles(kb):
    assert delta(kb, "large_firm", "stage_importance", innovation_stage="scaling_up") == 3
    assert delta(kb, "university", "stage_importance", innovation_stage="scaling_up") == 1
    assert delta(kb, "large_firm", "stage_importance", innovation_stage="exploration") == 0
    assert delta(kb, "government_agency", "stage_importance", innovation_stage="commercialisation") == -1


def test_large_firms_close_to_market_universities_early(kb):
    early, late = order(kb, innovation_stage="exploration"), order(kb, innovation_stage="scaling_up")
    assert early.index("university") < early.index("large_firm")
    assert late.index("large_firm") < late.index("university")


def test_fits_top_models_weights_the_best_model_most(kb):
    top = ["coupled_codevelopment", "ecosystem_cluster", "licensing_out"]
    assert delta(kb, "startup", "fits_top_models", top) == 2
    assert delta(kb, "other_sme", "fits_top_models", top) == 4
    assert delta(kb, "crowd", "fits_top_models", top) == 0


def test_trusted_before(kb):
    slots = {"partner_experience": "good", "past_partners": ["customer"]}
    assert delta(kb, "customer", "trusted_before", **slots) == 2
    assert delta(kb, "customer", "trusted_before", partner_experience="failed",
                 past_partners=["customer"]) == 0


def test_complementary_partner_for_a_technology_without_capacity(kb):
    slots = {"offer": ["technology_ip"]}
    assert delta(kb, "intermediary", "complementary_partner", **slots) == 3
    assert delta(kb, "other_sme", "complementary_partner", **slots) == 2
    assert delta(kb, "large_firm", "complementary_partner", **slots) == 1
    assert delta(kb, "intermediary", "complementary_partner", offer=["technology_ip", "market_access"]) == 0


def test_low_cost_entry_when_resources_are_tight(kb):
    assert delta(kb, "university", "low_cost_entry", company_size="micro") == 1
    assert delta(kb, "customer", "low_cost_entry", barriers=["funding_gap"]) == 1
    assert delta(kb, "university", "low_cost_entry", company_size="medium") == 0
    assert delta(kb, "large_firm", "low_cost_entry", company_size="micro") == 0


def test_ip_large_partner(kb):
    assert delta(kb, "large_firm", "ip_large_partner", ip_sensitivity="high") == -2
    assert delta(kb, "large_firm", "ip_large_partner", ip_sensitivity="medium") == 0
    assert delta(kb, "university", "ip_large_partner", ip_sensitivity="high") == 0


def test_recovery_support_after_a_failure(kb):
    assert delta(kb, "intermediary", "recovery_support", partner_experience="failed") == 2
    assert delta(kb, "government_agency", "recovery_support", partner_experience="failed") == 1
    assert delta(kb, "intermediary", "recovery_support", partner_experience="none") == 0


def test_similar_case(kb):
    assert delta(kb, "startup", "similar_case", sector="automation_robotics") == 2
    assert delta(kb, "startup", "similar_case", sector="food_beverage") == 0


def test_international_reach(kb):
    assert delta(kb, "intermediary", "international_reach", international=False) == -1
    assert delta(kb, "intermediary", "international_reach", international=True) == 1
    assert delta(kb, "university", "international_reach", international=False) == 0
