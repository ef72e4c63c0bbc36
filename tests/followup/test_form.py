"""The contact form's answers are validated; only explicit commands interrupt it."""
from __future__ import annotations

from bot.followup import form as followup


def test_valid_email_and_phone_are_accepted() -> None:
    assert followup.decide("maria@fornorossi.it", "inform", "contact_details").slots["contact_details"] == "maria@fornorossi.it"
    assert followup.decide("+39 06 1234 5678", "inform", "contact_details").slots["contact_details"] == "+39 06 1234 5678"


def test_invalid_details_are_asked_again_with_the_reason() -> None:
    decision = followup.decide("call me maybe", "inform", "contact_details")
    assert "contact_details" not in decision.slots and decision.slots["followup_problem"]
    assert followup.question("contact_details", decision.slots["followup_problem"]).text.startswith("I could not find")


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


def answer(slot: str, text: str) -> dict:
    return followup.decide(text, "inform", slot).slots


def test_names_and_companies_without_their_lead_in() -> None:
    assert answer("contact_name", "my name is Maria Baker")["contact_name"] == "Maria Baker"
    assert answer("contact_name", "I'm Jo Weber")["contact_name"] == "Jo Weber"
    assert answer("contact_name", "Maria Baker")["contact_name"] == "Maria Baker"
    assert answer("contact_company", "it's called Sonnenbrot")["contact_company"] == "Sonnenbrot"
    assert answer("contact_company", "Sonnenbrot GmbH")["contact_company"] == "Sonnenbrot GmbH"


def test_phone_numbers_in_a_sentence_and_in_national_form() -> None:
    assert answer("contact_details", "you can call me on 0711 5550199")["contact_details"] == "+49 711 5550199"
    assert answer("contact_details", "+43 1 234 5678")["contact_details"] == "+43 1 2345678"


def test_spelt_out_email_addresses() -> None:
    assert answer("contact_details", "maria at sonnenbrot dot de")["contact_details"] == "maria@sonnenbrot.de"
    assert answer("contact_details", "write to maria@sonnenbrot.de please")["contact_details"] == "maria@sonnenbrot.de"


def test_each_field_refuses_another_kind_with_the_reason() -> None:
    time = answer("contact_time", "maria@sonnenbrot.de")
    assert "contact_time" not in time and "not a time" in time["followup_problem"]
    name = answer("contact_name", "0711 5550199")
    assert "contact_name" not in name and "not a name" in name["followup_problem"]
    company = answer("contact_company", "maria at sonnenbrot dot de")
    assert "contact_company" not in company and "email address" in company["followup_problem"]
    details = answer("contact_details", "call me maybe")
    assert "contact_details" not in details and "could not find" in details["followup_problem"]


def test_a_question_in_the_consent_step_is_answered_and_consent_asked_again() -> None:
    reply = followup.privacy_then_consent()
    assert "name" in reply.text and "delete my data" in reply.text.lower()
    assert reply.text.rstrip().endswith("?") and reply.payload == {"type": "consent", "id": "followup"}
    assert [button.payload for button in reply.buttons] == ["/affirm", "/deny"]
