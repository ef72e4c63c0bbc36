"""The assembled recommendation: guidance, main risk, first steps, sources, ordering."""
import json
from dataclasses import replace

from bot.advice import recommend
from bot.advice.guidance import CONDITIONS, Standing, needs_implementation_steps
from tests.advice.advice_kb import make_model, profile, replaced

QUIET = {"partner_experience": "good", "innovation_need": "new_product"}


def guidance(kb, **slots):
    return recommend(profile(**slots), kb).guidance


def test_selective_openness_for_high_ip_sensitivity(kb):
    assert "selective_openness" in guidance(kb, ip_sensitivity="high", **QUIET)
    assert "selective_openness" not in guidance(kb, ip_sensitivity="low", **QUIET)


def test_resilience_after_a_failed_collaboration(kb):
    assert "resilience" in guidance(kb, partner_experience="failed", innovation_need="new_product")
    assert "resilience" not in guidance(kb, **QUIET)


def test_partner_count_when_breadth_is_high(kb):
    many = ["university", "supplier", "customer", "startup", "large_firm"]
    assert "partner_count" in guidance(kb, past_partners=many, **QUIET)
    assert "partner_count" not in guidance(kb, past_partners=many[:3], **QUIET)


def test_partner_count_when_the_best_model_is_a_network(kb):
    rec = recommend(profile(offer=["technology_ip"], innovation_stage="commercialisation",
                            innovation_need="market_expansion", barriers=["lack_infrastructure"],
                            partner_experience="good"), kb)
    assert rec.models[0].id == "intermediated_network"
    assert "partner_count" in rec.guidance


def test_large_partner_risks_when_a_large_partner_ranks_high(kb):
    rec = recommend(profile(innovation_need="funding", innovation_stage="scaling_up",
                            offer=["technology_ip"], partner_experience="good"), kb)
    assert "corporate_partnership" in [m.id for m in rec.top_models()]
    assert "large_partner_risks" in rec.guidance
    assert "large_partner_risks" not in guidance(kb, company_size="micro", innovation_stage="exploration",
                                                 **QUIET)


def test_intermediary_roles_when_the_network_ranks_high(kb):
    assert "intermediary_roles" in guidance(kb, offer=["technology_ip"], innovation_stage="commercialisation",
                                            **QUIET)


def test_implementation_steps_for_newcomers_and_unclear_goals(kb):
    rec = recommend(profile(partner_experience="none", innovation_need="new_product"), kb)
    note = next(n for n in rec.guidance_notes if n.id == "implementation_steps")
    assert not note.why.startswith("It manages the main risk")  # the condition, not the fallback
    assert needs_implementation_steps(Standing(profile(partner_experience="good"), (), ()))
    assert needs_implementation_steps(Standing(profile(**QUIET), (), ())) is None


def test_implementation_steps_manage_a_risk_no_other_guidance_covers(kb):
    rec = recommend(profile(**QUIET), kb)
    assert rec.guidance == ("implementation_steps",)
    assert rec.guidance_notes[0].why.startswith("It manages the main risk")


def test_guidance_missing_from_the_knowledge_base_is_left_out(kb):
    kb.guidance.pop("resilience")
    assert "resilience" not in guidance(kb, partner_experience="failed")


def test_guidance_notes_carry_titles_and_reasons(kb):
    rec = recommend(profile(ip_sensitivity="high", **QUIET), kb)
    note = next(n for n in rec.guidance_notes if n.id == "selective_openness")
    assert note.title == kb.guidance["selective_openness"].title
    assert note.why


def test_main_risk_comes_from_the_top_model_and_is_managed_by_matching_guidance(kb):
    kb = replaced(kb, "models", "corporate_partnership", needs=["business_model"])
    rec = recommend(profile(innovation_need="funding", innovation_stage="commercialisation",
                            offer=["technology_ip", "capacity", "market_access"], partner_experience="good"), kb)
    top = kb.models[rec.models[0].id]
    assert rec.main_risk == top.risks[0]
    assert rec.models[0].id == "licensing_out"
    assert rec.risk_guidance == "selective_openness"  # the risk speaks of copied know-how
    assert rec.risk_management == kb.guidance["selective_openness"].summary
    assert "selective_openness" in rec.guidance


def test_power_risk_is_managed_by_large_partner_guidance(kb):
    kb = replaced(kb, "models", "licensing_out", needs=["business_model"])
    rec = recommend(profile(innovation_need="funding", innovation_stage="scaling_up",
                            offer=["technology_ip"], partner_experience="good"), kb)
    assert rec.models[0].id == "corporate_partnership"
    assert rec.risk_guidance == "large_partner_risks"


def test_without_cue_words_the_first_applicable_guidance_manages_the_risk(kb):
    rec = recommend(profile(partner_experience="failed", innovation_need="process_improvement"), kb)
    assert rec.risk_guidance == rec.guidance[0] == "resilience"


def test_three_first_steps_from_the_top_model_and_partner(kb):
    rec = recommend(profile(company_size="micro", innovation_need="new_product"), kb)
    model, partner = kb.models[rec.models[0].id], kb.partners[rec.partners[0].id]
    assert rec.first_steps == (model.first_steps[0], model.first_steps[1], partner.how_to_find[0])


def test_sources_cover_entries_reasons_and_guidance_in_knowledge_order(kb):
    rec = recommend(profile(sector="food_beverage", company_size="micro", ip_sensitivity="high"), kb)
    assert set(rec.sources) >= {"smb_oi_models", "inspire", "lee2010", "smb_collab"}
    assert list(rec.sources) == [key for key in kb.sources if key in rec.sources]
    assert dict(rec.citations)["lee2010"] == "Author lee2010 (2010), Title of lee2010"


def test_every_model_and_partner_is_ranked_deterministically(kb):
    first = recommend(profile(company_size="small", innovation_need="new_product"), kb)
    again = recommend(profile(company_size="small", innovation_need="new_product"), kb)
    assert first == again
    assert len(first.models) == len(kb.models) and len(first.partners) == len(kb.partners)
    keys = [(-m.score, m.id) for m in first.models]
    assert keys == sorted(keys)


def test_ties_are_broken_by_id(kb):
    twin = make_model("aaa_twin", "internal", "process_improvement new_product service_innovation",
                      "exploration development", "low", "low", "customer")
    kb = replace(kb, models={**kb.models, "aaa_twin": twin})
    scores = {m.id: m.score for m in recommend(profile(innovation_need="service_innovation"), kb).models}
    ids = list(scores)
    assert scores["aaa_twin"] == scores["internal_collaboration"]
    tied = [i for i in ids if scores[i] == scores["aaa_twin"]]
    assert tied == sorted(tied) and tied[0] == "aaa_twin"


def test_recommendation_is_json_ready(kb):
    rec = recommend(profile(sector="food_beverage", barriers=["funding_gap"]), kb)
    data = json.loads(json.dumps(rec.to_dict()))
    assert data["guidance"] == list(rec.guidance)
    assert data["labels"]["sector"] == "Food beverage"


def test_an_empty_knowledge_base_gives_an_empty_but_valid_answer(kb):
    empty = replace(kb, models={}, partners={}, guidance={})
    rec = recommend(profile(), empty)
    assert rec.models == () and rec.main_risk is None and rec.first_steps == ()


def test_every_guidance_condition_has_a_docstring():
    for condition in CONDITIONS.values():
        assert condition.__doc__
