"""Consortium suggestions: 2 to 4 partners, a CF2 kind, funds where money is short."""
from __future__ import annotations

from bot.network import NetworkProfile, suggest_consortium
from bot.network.consortium import MAX_MEMBERS, cf2_kind


def lead(**fields) -> NetworkProfile:  # type: ignore[no-untyped-def]
    defaults = dict(sector="electronics_telecom", size="small", stage="commercialisation",
                    needs=("new_product",), barriers=("commercialisation_cost",),
                    offers=("technology_ip",), consented=True)
    return NetworkProfile("lead", **{**defaults, **fields})


def partner(firm_id: str, offer: str, **fields) -> NetworkProfile:  # type: ignore[no-untyped-def]
    defaults = dict(sector="manufacturing", size="small", needs=("technology_access",), offers=(offer,),
                    consented=True)
    return NetworkProfile(firm_id, **{**defaults, **fields})


def test_kind_follows_the_leads_role() -> None:
    assert cf2_kind(lead()) == "rd"
    assert cf2_kind(lead(offers=("capacity",))) == "manufacturing"
    assert cf2_kind(lead(offers=("market_access",))) == "marketing"
    assert cf2_kind(lead(needs=("business_model",))) == "new_business"
    assert cf2_kind(lead(offers=(), stage="exploration")) == "new_business"


def test_a_funding_gap_brings_in_a_member_with_funds_even_if_ranked_lower() -> None:
    pool = [partner(f"cap{n}", "capacity", offers_text="casings") for n in range(6)]
    pool += [partner("market", "market_access"), partner("bank", "funds", sector="professional_services")]
    consortium = suggest_consortium(lead(barriers=("funding_gap",)), pool)
    members = [m.firm_id for m in consortium.members]
    assert "bank" in members
    assert 2 <= len(members) <= MAX_MEMBERS
    assert consortium.kind == "rd" and consortium.kind_name == "R&D-focused"
    assert any("funding gap" in reason for reason in consortium.reasons)


def test_never_more_than_the_breadth_limit() -> None:
    pool = [partner(f"f{n}", offer) for n, offer in enumerate(["capacity", "market_access", "funds"] * 5)]
    consortium = suggest_consortium(lead(), pool)
    assert len(consortium.members) == MAX_MEMBERS
    assert set(consortium.covers) == {"capacity", "market_access", "funds"}
    assert consortium.missing == ()


def test_what_nobody_covers_is_named() -> None:
    consortium = suggest_consortium(lead(barriers=("funding_gap",)), [partner("only", "market_access")])
    assert [m.firm_id for m in consortium.members] == ["only"]
    assert "production or engineering capacity" in consortium.missing
    assert any("funds or capacity" in item for item in consortium.missing)
    assert any("at least 2" in item for item in consortium.missing)


def test_no_consent_no_consortium() -> None:
    consortium = suggest_consortium(lead(consented=False), [partner("a", "capacity"), partner("b", "funds")])
    assert consortium.members == ()
    refused = suggest_consortium(lead(), [partner("a", "capacity", consented=False)])
    assert refused.members == ()


def test_as_dict_is_plain_data() -> None:
    data = suggest_consortium(lead(), [partner("a", "capacity"), partner("b", "market_access")]).as_dict()
    assert data["kind"] == "rd" and [m["firm"] for m in data["members"]] == ["a", "b"]
