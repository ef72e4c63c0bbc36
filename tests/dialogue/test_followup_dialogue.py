"""The contact form's answers are validated; only explicit commands interrupt it."""
from __future__ import annotations

from bot.dialogue import followup


def test_valid_email_and_phone_are_accepted() -> None:
    assert followup.decide("maria@fornorossi.it", "inform", "contact_details").slots["contact_details"] == "maria@fornorossi.it"
    assert followup.decide("+39 06 1234 5678", "inform", "contact_details").slots["contact_details"] == "+39 06 1234 5678"


def test_invalid_details_are_asked_again_with_the_reason() -> None:
    decision = followup.decide("call me maybe", "inform", "contact_details")
    assert "contact_details" not in decision.slots and decision.slots["followup_problem"]
    assert followup.question("contact_details", decision.slots["followup_problem"]).text.startswith("Please give")


def test_a_name_that_looks_like_a_greeting_is_still_an_answer() -> None:
    assert followup.decide("Hello Bakery Ltd", "greet", "contact_company").slots["contact_company"] == "Hello Bakery Ltd"


def test_stop_interrupts_and_skip_means_any_time() -> None:
    assert followup.decide("stop", "stop", "contact_name").reject
    assert followup.decide("skip", "skip_question", "contact_time").slots["contact_time"] == followup.NO_PREFERENCE


def test_contact_fields_split_email_and_phone() -> None:
    fields = followup.contact_fields({"contact_name": "Ana", "contact_company": "X", "contact_details": "+43 1 234 567",
                                      "contact_time": "mornings"})
    assert fields["phone"] == "+43 1 234 567" and fields["email"] is None


def test_confirmation_carries_the_reference_and_failure_apologises() -> None:
    assert followup.confirmed("OI-ABCD-EFGH").payload == {"type": "followup", "reference": "OI-ABCD-EFGH"}
    assert followup.confirmed(None).payload["id"] == "followup_not_saved"
