"""The recommender over the curated knowledge base in ``knowledge/``.

These tests use the ``real_kb`` fixture, which skips only while
``bot.knowledge.load_knowledge`` cannot be imported.
"""
import itertools

import pytest

from bot.advice import Profile, assess_readiness, chat_messages, markdown_report, recommend
from bot.advice import guidance, partner_rules, rules
from bot.advice.facts import risk_level
from bot.advice.lookup import lower_first
from tests.advice.advice_kb import CASE_PROFILES


def advise(kb, case: str):
    return recommend(Profile.from_slots(CASE_PROFILES[case]), kb)


def top(items, count: int = 3):
    return [item.id for item in items[:count]]


def test_ids_the_rules_name_exist_in_the_knowledge(real_kb):
    assert set(rules.GAP_MODELS) <= set(real_kb.models)
    named_partners = (set(partner_rules.GAP_PARTNERS) | set(partner_rules.LOW_COST_PARTNERS)
                      | set(partner_rules.RECOVERY_PARTNERS) | {"large_firm", "intermediary"})
    assert named_partners <= set(real_kb.partners)
    assert set(guidance.CONDITIONS) <= set(real_kb.guidance)


def test_bakery(real_kb):
    rec = advise(real_kb, "bakery")
    assert all(real_kb.models[m].resources == "low" for m in top(rec.models))
    assert "customer_cocreation" in top(rec.models)
    assert "customer" in top(rec.partners)


def test_furniture_maker(real_kb):
    rec = advise(real_kb, "furniture")
    assert rec.models[0].id == "customer_cocreation"
    assert rec.partners[0].id == "customer"


def test_firm_m_gets_the_intermediated_network(real_kb):
    rec = advise(real_kb, "firm_m")
    assert "intermediated_network" in top(rec.models)
    assert "intermediary" in top(rec.partners)
    assert {"intermediary_roles", "partner_count"} <= set(rec.guidance)


def test_automation_firm_with_an_iot_startup(real_kb):
    rec = advise(real_kb, "automation")
    assert "coupled_codevelopment" in top(rec.models)
    assert "startup" in top(rec.partners)


def test_failed_collaboration(real_kb):
    rec = advise(real_kb, "failed")
    assert "resilience" in rec.guidance
    assert all(risk_level(real_kb.models[m].resources, real_kb.models[m].ip_exposure) < 2
               for m in top(rec.models))


def test_high_ip_sensitivity(real_kb):
    rec = advise(real_kb, "high_ip")
    assert "selective_openness" in rec.guidance
    assert all(real_kb.models[m].ip_exposure != "high" for m in top(rec.models))


def test_large_firms_close_to_market_universities_early(real_kb):
    def rank(stage, partner):
        rec = recommend(Profile(innovation_stage=stage), real_kb)
        return [p.id for p in rec.partners].index(partner)
    assert rank("scaling_up", "large_firm") < rank("exploration", "large_firm")
    assert rank("exploration", "university") < rank("commercialisation", "university")


def test_large_partner_risks_when_a_large_partner_ranks_high(real_kb):
    rec = recommend(Profile(innovation_need="funding", innovation_stage="scaling_up",
                            offer=("technology_ip",), partner_experience="good"), real_kb)
    assert "corporate_partnership" in top(rec.models) or "large_firm" in top(rec.partners)
    assert "large_partner_risks" in rec.guidance


@pytest.mark.parametrize("size", ["micro", "small", "medium"])
def test_every_need_and_stage_gives_complete_advice(real_kb, size):
    for need, stage in itertools.product(real_kb.needs, real_kb.stages):
        owner = Profile(company_size=size, innovation_need=need, innovation_stage=stage)
        rec = recommend(owner, real_kb)
        assert len(rec.models) == len(real_kb.models) and len(rec.partners) == len(real_kb.partners)
        assert rec.main_risk and rec.risk_management and len(rec.first_steps) == 3
        assert set(rec.sources) <= set(real_kb.sources)
        assert rec.models[0].main_reason() is not None


def test_rendering_over_the_real_knowledge(real_kb):
    owner = Profile.from_slots(CASE_PROFILES["firm_m"])
    rec = recommend(owner, real_kb)
    messages = chat_messages(rec, owner)
    assert lower_first(real_kb.sectors["electronics_telecom"].name) in messages[0]
    assert real_kb.models[rec.models[0].id].name in messages[1]
    document = markdown_report(rec, owner, assess_readiness(owner))
    assert real_kb.sources["lee2010"].title.strip('"') in document


def test_software_firm_with_an_unused_library(real_kb):
    rec = advise(real_kb, "software_library")
    top_three = [item.id for item in rec.top_models()]
    assert "licensing_out" in top_three
    assert "open_source_sharing" in top_three
    licensing = next(item for item in rec.models if item.id == "licensing_out")
    assert "technology_income" in [reason.id for reason in licensing.reasons]


BAKERY = dict(sector="food_beverage", company_size="micro", innovation_need="new_product",
              innovation_stage="exploration", barriers=["funding_gap"], offer=["market_access"],
              ip_sensitivity="low", partner_experience="none", international=False)
MACHINE_SHOP = dict(sector="manufacturing", company_size="small", innovation_need="process_improvement",
                    innovation_stage="development", barriers=["skills_shortage"], offer=["capacity"],
                    ip_sensitivity="medium", partner_experience="good", international=False)


@pytest.mark.parametrize("slots", [BAKERY, MACHINE_SHOP, CASE_PROFILES["software_library"]])
def test_the_result_is_short_distinct_and_complete(real_kb, slots):
    owner = Profile.from_slots(slots)
    rec = recommend(owner, real_kb)
    messages = chat_messages(rec, owner)
    assert sum(len(message.split()) for message in messages) < 240
    steps = rec.first_steps
    assert len(steps) == 3 and len(set(steps)) == 3
    for step in steps:
        assert step[0].isupper() and step.endswith(".") and len(step.split()) >= 5
    assert " smes" not in " ".join(messages) and "other sMEs" not in " ".join(messages)


def test_each_firm_hears_of_its_own_risk(real_kb):
    risks = {recommend(Profile.from_slots(slots), real_kb).main_risk
             for slots in (BAKERY, MACHINE_SHOP, CASE_PROFILES["software_library"])}
    assert len(risks) == 3


def test_a_case_a_source_only_imagines_is_never_called_real(real_kb):
    rec = recommend(Profile.from_slots(BAKERY), real_kb)
    texts = [r.text for item in rec.models + rec.partners for r in item.reasons
             if r.id == "similar_case" and real_kb.cases["bakery"].title in r.text]
    assert texts and all("hypothetical" in text and "real" not in text for text in texts)
