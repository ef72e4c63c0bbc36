"""Profile.from_slots must accept whatever shape the Rasa slots arrive in."""
import dataclasses

import pytest

from bot.advice import Profile

FULL_SLOTS = {
    "sector": "food_beverage",
    "company_size": "micro",
    "innovation_need": "new_product",
    "innovation_stage": "exploration",
    "barriers": ["funding_gap", "skills_shortage"],
    "offer": ["market_access"],
    "ip_sensitivity": "low",
    "partner_experience": "none",
    "past_partners": ["customer"],
    "international": False,
    "interests": ["licensing_out"],
}


def test_slot_names_are_the_contract():
    """Diagnosis slots by their slot names, then what the chat itself showed (named models)."""
    names = [item.name for item in dataclasses.fields(Profile)]
    assert names == ["sector", "company_size", "innovation_need", "innovation_stage", "barriers",
                     "offer", "ip_sensitivity", "partner_experience", "past_partners", "international",
                     "interests"]


def test_interests_are_read_like_other_lists():
    assert Profile.from_slots({"interests": "licensing_out"}).interests == ("licensing_out",)
    assert Profile.from_slots({"interests": ["Spin_off", "spin_off", None]}).interests == ("spin_off",)


def test_full_slots_round_trip():
    profile = Profile.from_slots(FULL_SLOTS)
    assert profile.barriers == ("funding_gap", "skills_shortage")
    assert profile.to_dict() == FULL_SLOTS
    assert Profile.from_slots(profile.to_dict()) == profile


@pytest.mark.parametrize("slots", [None, {}, {"sector": None, "barriers": None, "offer": None}])
def test_missing_and_none_give_an_empty_profile(slots):
    assert Profile.from_slots(slots) == Profile()


def test_lists_for_single_values_take_the_first_usable_item():
    profile = Profile.from_slots({"sector": ["", "retail", "energy"], "company_size": ["huge", "small"]})
    assert profile.sector == "retail"
    assert profile.company_size == "small"


def test_single_string_for_a_list_slot_becomes_a_tuple():
    assert Profile.from_slots({"barriers": "funding_gap"}).barriers == ("funding_gap",)


def test_lists_are_cleaned_and_deduplicated_in_order():
    profile = Profile.from_slots({"past_partners": [" Customer", "supplier", "customer", None, ""]})
    assert profile.past_partners == ("customer", "supplier")


def test_values_outside_closed_sets_are_dropped():
    profile = Profile.from_slots({"ip_sensitivity": "extreme", "partner_experience": "meh",
                                  "offer": ["technology_ip", "goodwill"]})
    assert profile.ip_sensitivity is None
    assert profile.partner_experience is None
    assert profile.offer == ("technology_ip",)


@pytest.mark.parametrize("value, expected", [
    (True, True), (False, False), ("yes", True), ("No", False), (["true"], True), ([], None),
    ("maybe", None), (None, None),
])
def test_international_is_tolerant(value, expected):
    assert Profile.from_slots({"international": value}).international is expected


def test_profile_is_frozen_and_hashable():
    profile = Profile.from_slots(FULL_SLOTS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.sector = "retail"  # type: ignore[misc]
    assert hash(profile) == hash(Profile.from_slots(FULL_SLOTS))
