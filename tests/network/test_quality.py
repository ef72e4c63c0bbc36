"""The labelled synthetic network and network M: generator properties and quality floors."""
from __future__ import annotations

from dataclasses import replace

from bot.network import rank_matches
from bot.network.cases import LEAD, MEMBERS, network_m
from bot.network.quality import measure, network_m_check
from bot.network.synthetic import generate, scaled


def test_the_generator_plants_projects_among_look_alikes() -> None:
    network = generate(320)
    ids = [p.firm_id for p in network.profiles]
    assert len(ids) >= 300 and len(set(ids)) == len(ids)
    assert len(network.partners) >= 24
    assert all(len(partners) == 6 for partners in network.partners.values())
    assert any(not p.consented for p in network.profiles)
    assert any(p.size == "large" for p in network.profiles)
    assert generate(320).profiles == network.profiles  # the same seed, the same network


def test_suggestions_find_the_planted_partners() -> None:
    quality = measure(generate(320))
    assert quality.precision_at_5 >= 0.8
    assert quality.recall_at_10 >= 0.7
    assert quality.never_unconsented


def test_network_m_is_recovered_among_the_synthetic_firms() -> None:
    check = network_m_check(generate(320).profiles)
    assert check["recovered"] and check["members_suggested"] == 4
    assert check["consortium_kind"] == "rd"


def test_network_m_follows_table_8() -> None:
    firms = {p.firm_id: p for p in network_m()}
    assert set(firms) == {LEAD, *MEMBERS}
    assert firms[LEAD].offers == ("technology_ip",) and firms["case:network-m:H"].size == "medium"


def test_a_firm_that_withdrew_drops_out_of_the_check() -> None:
    network = generate(320)
    case = network_m()
    withdrawn = [replace(p, consented=False) if p.firm_id.endswith(":K2") else p for p in case]
    found = [m.firm_id for m in rank_matches(withdrawn[0], withdrawn + network.profiles)]
    assert "case:network-m:K2" not in found


def test_scaled_pads_to_the_requested_size_with_new_firms() -> None:
    padded = scaled(generate(30).profiles, 500)
    assert len(padded) == 500 and len({p.firm_id for p in padded}) == 500
