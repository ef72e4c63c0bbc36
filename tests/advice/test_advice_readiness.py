"""Readiness dimensions: each moves with the profile the way its rule says."""
import pytest

from bot.advice import assess_readiness
from tests.advice.advice_kb import profile

PARTNERS = ["customer", "supplier", "university", "startup", "large_firm", "crowd", "other_sme",
            "intermediary", "government_agency"]


def score(dimension: str, **slots) -> int:
    return assess_readiness(profile(**slots)).get(dimension).score


def test_five_dimensions_between_0_and_100():
    readiness = assess_readiness(profile(company_size="micro", barriers=PARTNERS))
    assert [d.id for d in readiness.dimensions] == [
        "goal_clarity", "absorptive_resources", "collaboration_experience", "ip_management", "breadth"]
    assert all(0 <= d.score <= 100 and d.explanation and d.sources for d in readiness.dimensions)


def test_goal_clarity_rises_with_what_the_owner_knows():
    assert score("goal_clarity") == 0
    assert score("goal_clarity", innovation_need="new_product") == 50
    assert score("goal_clarity", innovation_need="new_product", innovation_stage="development",
                 offer=["capacity"]) == 100
    assert "your goal" in assess_readiness(profile()).get("goal_clarity").explanation


def test_absorptive_resources_follow_size_and_barriers():
    assert score("absorptive_resources", company_size="micro") < score("absorptive_resources",
                                                                       company_size="medium")
    assert score("absorptive_resources", company_size="small", barriers=["skills_shortage"]) == 35
    assert score("absorptive_resources", company_size="small", offer=["capacity"]) == 60


def test_collaboration_experience_orders_good_failed_none():
    good, failed, none = (score("collaboration_experience", partner_experience=e)
                          for e in ("good", "failed", "none"))
    assert good > failed > none
    assert score("collaboration_experience", partner_experience="none",
                 past_partners=["customer"]) == none + 5


def test_ip_management_flags_an_unprotected_technology_and_imitation():
    assert score("ip_management", ip_sensitivity="low", offer=["technology_ip"]) < score(
        "ip_management", ip_sensitivity="low")
    assert score("ip_management", ip_sensitivity="medium", barriers=["imitation_risk"]) == 55
    assert score("ip_management") == 30


def test_breadth_is_an_inverted_u():
    scores = [score("breadth", past_partners=PARTNERS[:count]) for count in range(len(PARTNERS) + 1)]
    peak = scores.index(max(scores))
    assert 0 < peak < len(scores) - 1
    assert scores[:peak + 1] == sorted(scores[:peak + 1])
    assert scores[peak:] == sorted(scores[peak:], reverse=True)


@pytest.mark.parametrize("count, side, words", [
    (0, "too_few", "too few"), (1, "too_few", "too few"), (3, "balanced", "balanced"),
    (5, "too_many", "too many"), (8, "too_many", "too many"),
])
def test_breadth_says_which_side_of_the_peak(count, side, words):
    readiness = assess_readiness(profile(past_partners=PARTNERS[:count]))
    assert readiness.breadth_side == side
    assert words in readiness.get("breadth").explanation


def test_overall_and_dict():
    readiness = assess_readiness(profile(company_size="small", partner_experience="good"))
    data = readiness.to_dict()
    assert data["overall"] == round(sum(d.score for d in readiness.dimensions) / 5)
    assert set(data["dimensions"]) == {d.id for d in readiness.dimensions}


def test_breadth_never_contradicts_a_past_collaboration():
    readiness = assess_readiness(profile(partner_experience="good"))
    text = readiness.get("breadth").explanation
    assert "No kinds" not in text and "do not know which kinds" in text
    assert readiness.get("breadth").score > score("breadth", partner_experience="none")
