"""Every id the knowledge map promises exists, and every entry says something."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.knowledge import KINDS, load_knowledge

REQUIRED = {
    "sources": "koporcic2023 smb_oi_models smb_collab inspire lee2010",
    "misconceptions": "only_for_large_firms giving_away_secrets too_costly_complex only_about_technology "
    "we_can_do_it_alone loss_of_control cannot_trust_partners more_openness_always_better "
    "more_partners_always_better big_partner_is_safest failure_means_oi_fails one_off_project "
    "only_early_stage international_out_of_reach",
    "models": "internal_collaboration crowdsourcing innovation_challenge technology_scouting "
    "university_partnership supplier_collaboration customer_cocreation licensing_out spin_off "
    "open_source_sharing joint_venture_alliance corporate_partnership coupled_codevelopment "
    "intermediated_network platform_based ecosystem_cluster",
    "partners": "university public_research_centre large_firm other_sme startup supplier customer "
    "crowd intermediary government_agency",
    "needs": "new_product process_improvement service_innovation market_expansion business_model "
    "technology_access talent_and_skills funding",
    "stages": "exploration development scaling_up commercialisation",
    "barriers": "skills_shortage staff_turnover market_uncertainty imitation_risk rd_management "
    "lack_tech_info lack_market_info funding_gap commercialisation_cost lack_infrastructure external_services",
    "sectors": "software_it manufacturing food_beverage agriculture automation_robotics biotech_health "
    "electronics_telecom engineering retail hospitality creative_design construction energy logistics "
    "professional_services other",
    "sizes": "micro small medium",
    "guidance": "implementation_steps selective_openness intermediary_roles resilience partner_count "
    "large_partner_risks",
    "cases": "bakery furniture_codesign brewery_farm ai_marketing_university samsung_smartthings "
    "network_m_satellite automation_iot_startup",
    "lessons": "what_is_oi misconceptions collaboration_models partners_journey protecting_what_matters "
    "intermediaries_networks getting_started",
}
MAP = Path(__file__).resolve().parents[3] / "shared" / "knowledge-map.md"
TEXT_FIELDS = ("summary", "reality", "description", "about", "openness", "lesson", "why_it_matters")


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_every_required_id_exists(kb, kind: str) -> None:
    missing = set(REQUIRED[kind].split()) - set(kb.kind(kind))
    assert not missing, f"{kind}.yml lacks {sorted(missing)}"


def test_required_ids_match_the_published_knowledge_map() -> None:
    if not MAP.exists():
        pytest.skip(f"{MAP} is not beside this checkout; the ids above are the contract")
    text = MAP.read_text()
    for kind in ("misconceptions", "models", "partners", "guidance"):
        section = re.search(rf"`{kind}`\)(.*?)\n## ", text, re.S).group(1)
        published = set(re.findall(r"^\| ([a-z_0-9]+) \|", section, re.M)) - {"id"}
        assert published <= set(REQUIRED[kind].split()), kind


def test_benefits_and_dangers_are_both_covered(kb) -> None:
    kinds = {entry.kind for entry in kb.benefits_dangers.values()}
    assert kinds == {"benefit", "danger"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_entry_texts_are_substantial(kb, kind: str) -> None:
    for entry in kb.kind(kind).values():
        for name in TEXT_FIELDS:
            value = getattr(entry, name, None)
            if value is not None:
                assert len(value.split()) >= 8, f"{kind}/{entry.id}.{name} is too thin: {value!r}"


def test_collaboration_models_carry_what_the_recommender_needs(kb) -> None:
    for model in kb.models.values():
        assert model.risks and len(model.first_steps) >= 2 and model.partners, model.id
    outbound = {m.id for m in kb.models.values() if "outbound" in m.directions}
    assert {"licensing_out", "spin_off", "open_source_sharing"} <= outbound


def test_every_partner_type_says_when_it_matters(kb) -> None:
    for partner in kb.partners.values():
        assert {role.stage for role in partner.stage_roles} <= set(kb.stages), partner.id


def test_lee_table_six_figures_are_carried(kb) -> None:
    with_figures = [b for b in kb.barriers.values() if b.figures and re.search(r"\d\.\d", b.figures)]
    assert len(with_figures) >= 6


def test_network_m_case_keeps_its_results(kb) -> None:
    text = " ".join(filter(None, [kb.cases["network_m_satellite"].summary, kb.cases["network_m_satellite"].figures]))
    assert "437" in text and "eight months" in text.lower().replace("8 months", "eight months")
