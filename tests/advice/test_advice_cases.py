"""Rankings for firms modelled on the cases in the sources.

The same profiles are run against the curated knowledge base in
``test_advice_real_kb``; here they use the fixture knowledge so the ranking
logic is checked on its own.
"""
from bot.advice import recommend
from bot.advice.facts import risk_level
from tests.advice.advice_kb import CASE_PROFILES, profile


def advise(kb, case: str):
    return recommend(profile(**CASE_PROFILES[case]), kb)


def top(items, count: int = 3):
    return [item.id for item in items[:count]]


def test_bakery_gets_cheap_inbound_routes(kb):
    rec = advise(kb, "bakery")
    assert all(kb.models[m].resources == "low" for m in top(rec.models))
    assert {"crowdsourcing", "customer_cocreation"} <= set(top(rec.models))
    assert rec.partners[0].id == "customer"
    ranks = {item.id: n for n, item in enumerate(rec.models)}
    costly = [m for m in ranks if kb.models[m].resources == "high"]
    assert costly and all(ranks[m] >= len(ranks) // 2 for m in costly)


def test_furniture_maker_co_designs_with_customers(kb):
    rec = advise(kb, "furniture")
    assert rec.models[0].id == "customer_cocreation"
    assert rec.partners[0].id == "customer"


def test_firm_m_gets_the_intermediated_network(kb):
    rec = advise(kb, "firm_m")
    assert "intermediated_network" in top(rec.models)
    assert "intermediary" in top(rec.partners)
    assert "intermediary_roles" in rec.guidance


def test_automation_firm_co_develops_with_a_startup(kb):
    rec = advise(kb, "automation")
    assert rec.models[0].id == "coupled_codevelopment"
    assert "startup" in top(rec.partners)
    ranks = [item.id for item in rec.partners]
    assert ranks.index("large_firm") < ranks.index("crowd")  # scaling up: large firms over the crowd


def test_failed_collaboration_brings_resilience_and_small_steps(kb):
    rec = advise(kb, "failed")
    assert "resilience" in rec.guidance
    assert all(risk_level(kb.models[m].resources, kb.models[m].ip_exposure) < 2 for m in top(rec.models))
    assert rec.models[0].id in {"internal_collaboration", "supplier_collaboration"}


def test_high_ip_firm_gets_selective_openness_and_no_exposed_models(kb):
    rec = advise(kb, "high_ip")
    assert "selective_openness" in rec.guidance
    assert all(kb.models[m].ip_exposure != "high" for m in top(rec.models))
    assert "large_firm" not in top(rec.partners)


def test_software_firm_with_an_unused_library_gets_inside_out_routes(kb):
    rec = advise(kb, "software_library")
    assert "licensing_out" in top(rec.models)
    assert {"open_source_sharing", "spin_off"} & set(top(rec.models, 4))
