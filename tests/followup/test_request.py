"""Validation of the follow-up fields and the reference numbers (no database)."""
from __future__ import annotations

import pytest

from bot.followup.request import (
    CONSENT_TEXT,
    FollowupError,
    clean_email,
    clean_name,
    clean_phone,
    clean_preferred_time,
    confirmation_payload,
    is_reference,
    new_reference,
    validate_request,
)


@pytest.mark.parametrize("typed, kept", [
    ("+43 1 234 5678", "+43 1 2345678"),
    ("0043-1-234.5678", "+43 1 2345678"),
    ("(030) 123456", "+49 30 123456"),
    ("+49  30 / 1234567", "+49 30 1234567"),
    ("0711 5550199", "+49 711 5550199"),
])
def test_phone_numbers_are_normalised_to_international_form(typed: str, kept: str) -> None:
    assert clean_phone(typed) == kept


def test_national_numbers_are_read_in_the_configured_region(monkeypatch) -> None:
    monkeypatch.setenv("OI_PHONE_REGION", "AT")
    assert clean_phone("01 234 5678") == "+43 1 2345678"
    assert clean_phone("0711 5550199", region="DE") == "+49 711 5550199"


@pytest.mark.parametrize("typed", ["12345", "1" * 21, "+43 1 234 5678 ext 9",
                                   "٠١٢٣٤٥٦٧", "call me", ""])
def test_bad_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(FollowupError) as error:
        clean_phone(typed)
    assert error.value.field == "phone"


def test_email_is_validated_without_network_and_normalised() -> None:
    assert clean_email(" Ann@Example.ORG ") == "Ann@example.org"
    for bad in ("ann", "ann@", "@example.org", "ann@@example.org", "a b@example.org", "x" * 250 + "@e.eu"):
        with pytest.raises(FollowupError):
            clean_email(bad)


def test_names_need_letters_and_no_control_characters() -> None:
    assert clean_name("  Ann   Lee  ") == "Ann Lee"
    for bad in ("", "A", "12345", "Ann\x00Lee", "x" * 121):
        with pytest.raises(FollowupError):
            clean_name(bad)


def test_preferred_time_is_trimmed_and_limited() -> None:
    assert clean_preferred_time("  Tuesday   mornings ") == "Tuesday mornings"
    assert clean_preferred_time("   ") is None
    with pytest.raises(FollowupError):
        clean_preferred_time("x" * 201)


def test_email_or_phone_is_required() -> None:
    with pytest.raises(FollowupError):
        validate_request(name="Ann Lee", company="Lee", email="", phone=" ")
    request = validate_request(name="Ann Lee", company="Lee", phone="+43 1 234 5678")
    assert request.email is None and request.phone == "+43 1 2345678"


def test_references_are_random_readable_and_recognised() -> None:
    references = {new_reference() for _ in range(500)}
    assert len(references) == 500
    assert all(is_reference(r) for r in references)
    assert not any(set(r[3:]) & set("01IO") for r in references)
    assert not is_reference("OI-0000-0000") and not is_reference("oi-abcd-efgh")
    assert confirmation_payload("OI-ABCD-EFGH") == {"type": "followup", "reference": "OI-ABCD-EFGH"}


def test_the_consent_text_names_what_is_stored_and_how_to_erase_it() -> None:
    for words in ("name", "company", "email or phone", "preferred time", "delete my data"):
        assert words in CONSENT_TEXT
