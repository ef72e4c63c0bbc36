"""The kept pool of consenting firms: re-read after every change, decoding only the firms that changed."""
from __future__ import annotations

from typing import Dict, Tuple

import pytest

from bot.network.consent import CONSENT_TEXT
from bot.storage import migrate, network, network_pool
from bot.storage.conversations import create_followup
from bot.storage.database import transaction
from bot.storage.network_chat import record_network_consent, withdraw_network_consent

FIRMS = {
    "lead": {"sector": "electronics_telecom", "company_size": "small", "innovation_need": "new_product",
             "offer": ["technology_ip"], "barriers": ["funding_gap"]},
    "moulder": {"sector": "manufacturing", "company_size": "small", "innovation_need": "technology_access",
                "offer": ["capacity"]},
    "shipper": {"sector": "logistics", "company_size": "medium", "innovation_need": "technology_access",
                "offer": ["market_access"]},
}


@pytest.fixture
def url(database_url: str) -> str:
    """A migrated database with three consenting firms, and no pool kept from another test."""
    migrate.upgrade(database_url)
    for sender, slots in FIRMS.items():
        assert record_network_consent(sender, CONSENT_TEXT, slots, url=database_url)
    network_pool.forget()
    return database_url


def entries(url: str) -> Dict[str, Tuple]:
    with transaction(url) as connection:
        return {entry[0].firm_id: entry for entry in network_pool.consenting_pool(connection).entries}


def fresh_read(url: str) -> Dict[str, Tuple]:
    network_pool.forget()
    return entries(url)


def test_an_edit_is_read_again_and_the_other_firms_are_kept(url: str) -> None:
    before = entries(url)
    with transaction(url) as connection:
        assert network.edit(connection, "moulder", {"offers": ["capacity", "market_access"]}, by="sam")
    after = entries(url)
    assert after["moulder"][0].offers == ("capacity", "market_access") and after["moulder"] is not before["moulder"]
    assert after["lead"] is before["lead"] and after["shipper"] is before["shipper"]
    assert after == fresh_read(url)


def test_withdrawal_consent_again_and_a_new_name_all_show_in_the_next_read(url: str) -> None:
    entries(url)
    assert withdraw_network_consent("shipper", url=url)
    assert set(entries(url)) == {"lead", "moulder"}
    assert record_network_consent("shipper", CONSENT_TEXT, FIRMS["shipper"], url=url)
    assert set(entries(url)) == {"lead", "moulder", "shipper"}
    reference = create_followup("lead", consent_text="yes", name="Ann Lee", company="Lee GmbH",
                                email="ann@lee.example", url=url)
    assert reference and entries(url)["lead"][0].label == reference
    assert entries(url) == fresh_read(url)


def test_the_order_is_the_members_order_whatever_changed(url: str) -> None:
    entries(url)
    with transaction(url) as connection:
        network.edit(connection, "lead", {"offers": ["capacity"]}, by="sam")
        order = [entry[0].firm_id for entry in network_pool.consenting_pool(connection).entries]
    assert order == ["lead", "moulder", "shipper"] == list(fresh_read(url))
