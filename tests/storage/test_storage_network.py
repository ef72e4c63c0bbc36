"""The network in the database: consent, profiles, introductions, withdrawal and erasure."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.network.consent import CONSENT_TEXT
from bot.storage import introductions, migrate, network, suggestions
from bot.storage.conversations import create_followup, erase_sender
from tests.storage.support import count_rows
from bot.storage.database import transaction
from bot.storage.network_chat import record_network_consent, withdraw_network_consent
from bot.storage.tables import audit_log, introductions as introductions_table, network_consents

LEAD = {"sector": "electronics_telecom", "company_size": "small", "innovation_need": "new_product",
        "innovation_stage": "commercialisation", "offer": ["technology_ip"], "barriers": ["funding_gap"]}
MOULDER = {"sector": "manufacturing", "company_size": "small", "innovation_need": "technology_access",
           "offer": ["capacity"]}
SHIPPER = {"sector": "logistics", "company_size": "medium", "innovation_need": "technology_access",
           "offer": ["market_access"]}


@pytest.fixture
def url(database_url: str) -> str:
    """A migrated database with three consenting firms: a lead and two that complement it."""
    migrate.upgrade(database_url)
    for sender, slots in (("lead", LEAD), ("moulder", MOULDER), ("shipper", SHIPPER)):
        assert record_network_consent(sender, CONSENT_TEXT, slots, url=database_url)
    return database_url


def suggested(url: str, sender_id: str) -> list:
    with transaction(url) as connection:
        return [m.firm_id for m in suggestions.matches(connection, sender_id)[1]]


def test_consent_is_stored_with_its_wording_and_time_and_once(url: str) -> None:
    assert record_network_consent("lead", CONSENT_TEXT, LEAD, url=url)  # a second yes
    with transaction(url) as connection:
        rows = connection.execute(select(network_consents).where(network_consents.c.sender_id == "lead")).all()
        profile = network.load(connection, "lead")
        actions = list(connection.execute(select(audit_log.c.action)).scalars())
    assert len(rows) == 1 and rows[0].wording == CONSENT_TEXT and rows[0].consented_at is not None
    assert profile.consented and profile.offers == ("technology_ip",) and profile.barriers == ("funding_gap",)
    assert actions.count("network_consent") == 4


def test_no_wording_no_consent(url: str) -> None:
    assert not record_network_consent("newcomer", "  ", LEAD, url=url)
    with transaction(url) as connection:
        assert network.load(connection, "newcomer") is None
        assert not network.has_consent(connection, "newcomer")


def test_suggestions_come_from_consenting_firms(url: str) -> None:
    assert set(suggested(url, "lead")) == {"moulder", "shipper"}
    with transaction(url) as connection:
        lead, consortium = suggestions.consortium(connection, "lead")
    assert consortium.kind == "rd" and {m.firm_id for m in consortium.members} == {"moulder", "shipper"}


def test_withdrawal_removes_the_firm_from_every_suggestion_at_once(url: str) -> None:
    record_network_consent("other-lead", CONSENT_TEXT, {**LEAD, "sector": "manufacturing"}, url=url)
    assert "moulder" in suggested(url, "lead") and "moulder" in suggested(url, "other-lead")
    with transaction(url) as connection:
        open_one = introductions.propose(connection, "lead", "moulder", by="sam")

    assert withdraw_network_consent("moulder", url=url)

    assert "moulder" not in suggested(url, "lead") and "moulder" not in suggested(url, "other-lead")
    with transaction(url) as connection:
        assert "moulder" not in [p.firm_id for p in network.consenting(connection)]
        with pytest.raises(suggestions.NotInNetwork, match="withdrew"):
            suggestions.matches(connection, "moulder")
        assert introductions.get(connection, open_one.id).outcome == "declined"
        with pytest.raises(introductions.IntroductionError):
            introductions.propose(connection, "lead", "moulder", by="sam")


def test_introduction_outcomes(url: str) -> None:
    with transaction(url) as connection:
        made = introductions.propose(connection, "lead", "moulder", by="sam")
        assert introductions.propose(connection, "moulder", "lead", by="ada").id == made.id  # still open
        assert made.outcome == "proposed" and made.proposed_by == "sam" and not made.both_agreed
        half = introductions.record_answer(connection, made.id, "lead", True)
        assert half.outcome == "proposed" and not half.both_agreed
        both = introductions.record_answer(connection, made.id, "moulder", True)
        assert both.outcome == "accepted" and both.both_agreed
        assert introductions.mark_collaborating(connection, made.id).outcome == "collaborating"

        other = introductions.propose(connection, "lead", "shipper", by="sam")
        with pytest.raises(introductions.IntroductionError):
            introductions.mark_collaborating(connection, other.id)
        assert introductions.record_answer(connection, other.id, "shipper", False).outcome == "declined"
        with pytest.raises(introductions.IntroductionError):
            introductions.record_answer(connection, other.id, "moulder", True)
        with pytest.raises(introductions.IntroductionError):
            introductions.propose(connection, "lead", "lead", by="sam")
        assert [i.id for i in introductions.for_firm(connection, "lead")] == [other.id, made.id]


@pytest.mark.parametrize("outcome", ["accepted", "collaborating"])
@pytest.mark.parametrize("withdrawing", ["lead", "moulder"])
def test_contacts_stop_showing_once_either_firm_withdraws(url: str, outcome: str, withdrawing: str) -> None:
    with transaction(url) as connection:
        made = introductions.propose(connection, "lead", "moulder", by="sam")
        introductions.record_answer(connection, made.id, "lead", True)
        made = introductions.record_answer(connection, made.id, "moulder", True)
        if outcome == "collaborating":
            made = introductions.mark_collaborating(connection, made.id)
        assert made.outcome == outcome and made.both_agreed and made.both_consent and made.shows_contacts

    assert withdraw_network_consent(withdrawing, url=url)

    with transaction(url) as connection:
        kept = introductions.get(connection, made.id)
        listed = introductions.for_firm(connection, "lead")
        for firm in ("lead", "moulder"):
            assert [i.id for i in introductions.for_firm(connection, firm)] == [made.id]
    # the history stays: same outcome and answers, but no contact details any more
    assert kept.outcome == outcome and kept.first_agreed and kept.second_agreed and kept.both_agreed
    assert not kept.both_consent and not kept.shows_contacts
    assert [(i.id, i.shows_contacts) for i in listed] == [(made.id, False)]

    # the other firm's consent alone is not enough either, and the one that stayed still sees none
    other = "moulder" if withdrawing == "lead" else "lead"
    with transaction(url) as connection:
        assert network.has_consent(connection, other)
        assert not any(i.shows_contacts for i in introductions.for_firm(connection, other))


def test_contacts_show_only_while_both_consents_are_active(url: str) -> None:
    with transaction(url) as connection:
        made = introductions.propose(connection, "lead", "shipper", by="sam")
        introductions.record_answer(connection, made.id, "lead", True)
        assert not introductions.get(connection, made.id).shows_contacts  # one yes only
        introductions.record_answer(connection, made.id, "shipper", True)
        assert introductions.get(connection, made.id).shows_contacts
        network.withdraw(connection, "shipper", by="sam")
        assert not introductions.get(connection, made.id).shows_contacts
        assert introductions.get(connection, made.id).outcome == "accepted"


@pytest.mark.parametrize("returning", ["lead", "shipper"])
def test_consenting_again_does_not_bring_back_old_contacts_and_staff_propose_anew(url: str, returning: str) -> None:
    with transaction(url) as connection:
        old = introductions.propose(connection, "lead", "shipper", by="sam")
        introductions.record_answer(connection, old.id, "lead", True)
        assert introductions.record_answer(connection, old.id, "shipper", True).shows_contacts
    assert withdraw_network_consent(returning, url=url)
    assert record_network_consent(returning, CONSENT_TEXT, LEAD if returning == "lead" else SHIPPER, url=url)

    with transaction(url) as connection:
        kept = introductions.get(connection, old.id)
        assert kept.outcome == "accepted" and kept.both_agreed and not kept.shows_contacts
        new = introductions.propose(connection, "shipper", "lead", by="sam")
        assert new.id != old.id and new.outcome == "proposed" and new.both_consent
        assert introductions.propose(connection, "lead", "shipper", by="sam").id == new.id
        introductions.record_answer(connection, new.id, "lead", True)
        assert introductions.record_answer(connection, new.id, "shipper", True).shows_contacts
        assert not introductions.get(connection, old.id).shows_contacts


def test_erasure_removes_profile_consent_and_introductions(url: str) -> None:
    with transaction(url) as connection:
        introductions.propose(connection, "lead", "moulder", by="sam")
        introductions.propose(connection, "shipper", "moulder", by="sam")
    erase_sender("moulder", url=url)
    with transaction(url) as connection:
        assert count_rows(connection, "moulder") == 0
        assert connection.execute(select(func.count()).select_from(introductions_table)).scalar_one() == 0
        assert network.load(connection, "moulder") is None
        assert not network.has_consent(connection, "moulder")
        targets = list(connection.execute(select(audit_log.c.target)).scalars())
    assert "moulder" not in targets
    assert "moulder" not in suggested(url, "lead")


def test_staff_edits_change_the_profile_and_report_the_change(url: str) -> None:
    with transaction(url) as connection:
        changed = network.edit(connection, "shipper", {"offers": ["market_access", "funds"],
                                                       "seeks_text": "<b>tech</b>", "firm_id": "x"}, by="sam")
        assert changed == {"offers": [["market_access"], ["market_access", "funds"]],
                           "seeks_text": ["", "<b>tech</b>"]}
        assert network.edit(connection, "shipper", {"offers": ["market_access", "funds"]}, by="sam") == {}
        assert network.edit(connection, "nobody", {"offers": []}, by="sam") is None
        assert network.load(connection, "shipper").offers == ("market_access", "funds")


def test_references_resolve_to_conversations(url: str) -> None:
    reference = create_followup("lead", consent_text="yes", name="Ann Lee", company="Lee GmbH",
                                email="ann@lee.example", url=url)
    with transaction(url) as connection:
        assert network.resolve(connection, reference) == "lead"
        assert network.resolve(connection, "shipper") == "shipper"
        assert network.resolve(connection, "OI-ZZZZ-ZZZZ") is None
        assert network.resolve(connection, "x" * 300) is None
        assert network.resolve(connection, "") is None
        assert network.labels(connection, ["lead", "shipper"]) == {"lead": reference, "shipper": "shipper"}


def test_filters_on_the_consenting_list(url: str) -> None:
    with transaction(url) as connection:
        assert [p.firm_id for p in network.consenting(connection, network.NetworkFilter(sector="logistics"))] \
            == ["shipper"]
        assert [p.firm_id for p in network.consenting(connection, network.NetworkFilter(offer="capacity"))] \
            == ["moulder"]
        assert [p.firm_id for p in network.consenting(connection, network.NetworkFilter(size="small"))] \
            == ["lead", "moulder"]
