"""Complementarity scoring and ranking, without Rasa or a database."""
from __future__ import annotations

from bot.network import NetworkProfile, rank_matches
from bot.network.matching import wants

LEAD = NetworkProfile("lead", sector="electronics_telecom", size="small", stage="commercialisation",
                      needs=("new_product",), barriers=("funding_gap",), offers=("technology_ip",),
                      seeks_text="injection moulding of casings", consented=True)


def firm(firm_id: str, **fields) -> NetworkProfile:  # type: ignore[no-untyped-def]
    """A consenting firm that would gain from technology, unless told otherwise."""
    defaults = dict(sector="manufacturing", size="small", stage="development", needs=("technology_access",),
                    offers=("capacity",), consented=True)
    return NetworkProfile(firm_id, **{**defaults, **fields})


def test_a_partner_must_bring_what_the_lead_lacks() -> None:
    same = firm("same", offers=("technology_ip",))
    useful = firm("useful")
    assert [m.firm_id for m in rank_matches(LEAD, [same, useful])] == ["useful"]


def test_firms_without_consent_never_appear_and_a_lead_without_it_gets_nothing() -> None:
    refused = firm("refused", consented=False)
    assert rank_matches(LEAD, [refused]) == []
    assert rank_matches(NetworkProfile("x", needs=("new_product",)), [firm("ok")]) == []


def test_the_lead_is_not_its_own_partner() -> None:
    assert rank_matches(LEAD, [LEAD, firm("other")])[0].firm_id == "other"


def test_value_chain_size_and_reciprocity_order_equal_offers() -> None:
    best = firm("best")
    far_sector = firm("far", sector="hospitality")
    large = firm("large", size="large")
    one_sided = firm("one-sided", needs=("market_expansion",))
    ranked = [m.firm_id for m in rank_matches(LEAD, [one_sided, large, far_sector, best])]
    assert ranked[0] == "best"
    assert set(ranked[1:]) == {"far", "large", "one-sided"}


def test_words_of_what_is_sought_lift_the_firm_that_offers_them() -> None:
    moulder = firm("moulder", offers_text="casings by injection moulding")
    baker = firm("baker", offers_text="bread and pastries")
    assert [m.firm_id for m in rank_matches(LEAD, [baker, moulder])] == ["moulder", "baker"]


def test_what_the_lead_already_has_is_not_wanted() -> None:
    assert "technology_ip" not in wants(LEAD).offers
    assert {"capacity", "funds", "market_access"} <= wants(LEAD).offers


def test_a_match_says_why_where_from_and_what_is_missing() -> None:
    match = rank_matches(LEAD, [firm("moulder", offers_text="injection moulding of casings")])[0]
    assert match.brings == ("capacity",)
    assert any("production or engineering capacity" in reason for reason in match.reasons)
    assert any("funding gap" not in reason for reason in match.reasons)
    assert "lee2010" in match.sources
    assert "funds to invest" in match.missing and "market access and distribution" in match.missing
    assert 0 < match.score <= 1
    assert match.as_dict()["firm"] == "moulder"


def test_a_large_partner_for_a_small_firm_is_explained_as_a_risk() -> None:
    match = rank_matches(LEAD, [firm("giant", size="large")])[0]
    assert any("large firm" in reason for reason in match.reasons)


def test_same_sector_with_sensitive_know_how_is_flagged() -> None:
    careful = NetworkProfile("careful", sector="manufacturing", size="small", needs=("new_product",),
                             offers=("technology_ip",), ip_sensitivity="high", consented=True)
    rival = firm("rival", needs=("talent_and_skills",))
    neighbour = firm("neighbour", sector="engineering", needs=("talent_and_skills",))
    ranked = rank_matches(careful, [rival, neighbour])
    assert [m.firm_id for m in ranked] == ["neighbour", "rival"]
    assert any("very sensitive" in reason for reason in ranked[1].reasons)


def test_limit_keeps_the_best() -> None:
    pool = [firm(f"f{n}", offers_text="injection moulding" if n == 7 else "") for n in range(30)]
    top = rank_matches(LEAD, pool, limit=3)
    assert len(top) == 3 and top[0].firm_id == "f7"
