"""Network profiles built from diagnosis slots and edited by staff."""
from __future__ import annotations

from bot.network.profile import NetworkProfile

SLOTS = {"sector": "food_beverage", "company_size": ["small"], "innovation_need": "new_product",
         "innovation_stage": "development", "offer": ["capacity", "nothing_yet"], "barriers": "funding_gap",
         "ip_sensitivity": "high", "international": "yes", "past_partners": ["supplier"]}


def test_from_slots_reads_ids_however_they_were_stored() -> None:
    profile = NetworkProfile.from_slots("s1", SLOTS, consented=True)
    assert (profile.sector, profile.size, profile.stage) == ("food_beverage", "small", "development")
    assert profile.needs == ("new_product",) and profile.barriers == ("funding_gap",)
    assert profile.offers == ("capacity",)  # "nothing yet" is no offer
    assert profile.abroad is True and profile.ip_sensitivity == "high" and profile.consented


def test_unknown_values_are_dropped_not_trusted() -> None:
    profile = NetworkProfile.from_slots("s2", {"company_size": "huge", "innovation_stage": "<b>", "offer": "gold"})
    assert profile.size is None and profile.stage is None and profile.offers == ()


def test_staff_edits_override_and_are_cleaned() -> None:
    profile = NetworkProfile.from_slots("s1", SLOTS, consented=True)
    edited = profile.edited(offers=["capacity", "funds", "bogus"], seeks_text="  a   partner\nfor export ",
                            abroad=False)
    assert edited.offers == ("capacity", "funds")
    assert edited.seeks_text == "a partner for export"
    assert edited.abroad is False and edited.sector == "food_beverage" and edited.consented
    assert edited.stored_fields()["offers"] == ["capacity", "funds"]
