"""The staff desk's network area with Flask's test client on a real database."""
from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import func, select

from bot.network.consent import CONSENT_TEXT
from bot.storage.database import transaction
from bot.storage.network_chat import record_network_consent, withdraw_network_consent
from bot.storage.tables import audit_log, introductions
from tests.web.desk import csrf_token, owner_asks_for_followup

BAKERY = {"sector": "food_beverage", "company_size": "small", "innovation_need": "market_expansion",
          "innovation_stage": "commercialisation", "offer": ["capacity"], "barriers": ["lack_market_info"]}
SHOP = {"sector": "retail", "company_size": "small", "innovation_need": "talent_and_skills",
        "offer": ["market_access"]}
EVIL = "<script>alert(1)</script>"


@pytest.fixture
def firms(app: Flask, database_url: str) -> dict:
    """A bakery and a shop in the network (both left contact details) and a firm outside it."""
    bakery = owner_asks_for_followup(database_url, "chat-1")
    shop = owner_asks_for_followup(database_url, "chat-2", company=f"{EVIL} Shop")
    assert record_network_consent("chat-1", CONSENT_TEXT, BAKERY, url=database_url)
    assert record_network_consent("chat-2", CONSENT_TEXT, SHOP, url=database_url)
    outsider = owner_asks_for_followup(database_url, "chat-3")
    return {"bakery": bakery, "shop": shop, "outsider": outsider, "url": database_url}


def audit_rows(url: str, action: str) -> list:
    with transaction(url) as connection:
        return connection.execute(select(audit_log.c.actor, audit_log.c.target, audit_log.c.detail)
                                  .where(audit_log.c.action == action).order_by(audit_log.c.id)).all()


def audit_count(url: str) -> int:
    with transaction(url) as connection:
        return connection.execute(select(func.count()).select_from(audit_log)).scalar_one()


def test_only_logged_in_staff_see_the_network(client, trainer, firms: dict) -> None:
    for page in ("/staff/network", f"/staff/network/{firms['bakery']}"):
        response = client.get(page)
        assert response.status_code == 302 and response.headers["Location"].startswith("/staff/login")
        assert trainer.get(page).status_code == 403


def test_the_list_shows_consenting_firms_with_filters(staff, firms: dict) -> None:
    page = staff.get("/staff/network").get_data(as_text=True)
    assert firms["bakery"] in page and firms["shop"] in page and firms["outsider"] not in page
    assert "Network</a>" in page
    shops = staff.get("/staff/network?sector=retail").get_data(as_text=True)
    assert firms["shop"] in shops and firms["bakery"] not in shops
    assert firms["bakery"] in staff.get("/staff/network?offer=capacity&size=small").get_data(as_text=True)
    assert "No firm" in staff.get("/staff/network?stage=exploration").get_data(as_text=True)


def test_the_list_writes_no_audit_entry_but_the_firm_page_does(staff, firms: dict) -> None:
    before = audit_count(firms["url"])
    for page in ("/staff/network", "/staff/network?sector=retail",
                 "/staff/network?offer=capacity&size=small"):
        assert staff.get(page).status_code == 200
    assert audit_count(firms["url"]) == before  # a list of firms is no view of personal data
    assert not [r for r in audit_rows(firms["url"], "view") if r.target == "network"]

    assert staff.get(f"/staff/network/{firms['bakery']}").status_code == 200
    assert audit_count(firms["url"]) == before + 1
    assert [tuple(r) for r in audit_rows(firms["url"], "view")] == [("sam", "chat-1", {"network": "firm"})]


def test_a_firm_page_shows_partners_and_consortium_and_is_audited(staff, firms: dict) -> None:
    response = staff.get(f"/staff/network/{firms['bakery']}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert firms["shop"] in page and "market access and distribution" in page
    assert "consortium" in page and "Sources:" in page
    assert "Ann Lee" not in page and "ann@lee-bakery.example" not in page  # no contact before both agree
    assert ("sam", "chat-1", {"network": "firm"}) in [tuple(r) for r in audit_rows(firms["url"], "view")]
    assert staff.get("/staff/network/chat-2").status_code == 200  # by conversation id too


@pytest.mark.parametrize("reference", ["OI-ZZZZ-ZZZZ", "no-such-chat", "chat-3", "%2E%2E"])
def test_unknown_or_outside_firms_are_404(staff, firms: dict, reference: str) -> None:
    assert staff.get(f"/staff/network/{reference}").status_code == 404


def introduce(staff, firms: dict):  # type: ignore[no-untyped-def]
    page = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    return staff.post(f"/staff/network/{firms['bakery']}/introduce",
                      data={"csrf_token": csrf_token(page), "partner": "chat-2"})


def answer(staff, firms: dict, introduction_id: int, firm: str, said: str):  # type: ignore[no-untyped-def]
    page = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    return staff.post(f"/staff/network/{firms['bakery']}/introductions/{introduction_id}",
                      data={"csrf_token": csrf_token(page), "firm": firm, "answer": said})


def test_introductions_show_contacts_only_once_both_agree(staff, firms: dict) -> None:
    assert introduce(staff, firms).status_code == 302
    with transaction(firms["url"]) as connection:
        made = connection.execute(select(introductions)).one()
    assert (made.first_sender, made.second_sender, made.proposed_by, made.outcome) == \
        ("chat-1", "chat-2", "sam", "proposed")
    assert [r.target for r in audit_rows(firms["url"], "introduce")] == ["chat-1", "chat-2"]

    answer(staff, firms, made.id, "chat-1", "yes")
    page = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    assert "shown once both firms agree" in page and "ann@lee-bakery.example" not in page

    answer(staff, firms, made.id, "chat-2", "yes")
    page = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    assert "ann@lee-bakery.example" in page and "accepted" in page
    assert EVIL not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Shop" in page

    answer(staff, firms, made.id, "chat-1", "collaborating")
    assert "collaborating" in staff.get(f"/staff/network/{firms['shop']}").get_data(as_text=True)
    outcomes = [r.detail["outcome"] for r in audit_rows(firms["url"], "introduction")]
    assert outcomes == ["proposed"] * 2 + ["accepted"] * 2 + ["collaborating"] * 2


@pytest.mark.parametrize("withdrawing", ["chat-1", "chat-2"])
@pytest.mark.parametrize("outcome", ["accepted", "collaborating"])
def test_contacts_disappear_once_either_firm_withdraws(staff, firms: dict, withdrawing: str,
                                                       outcome: str) -> None:
    introduce(staff, firms)
    with transaction(firms["url"]) as connection:
        made_id = connection.execute(select(introductions.c.id)).scalar_one()
    answer(staff, firms, made_id, "chat-1", "yes")
    answer(staff, firms, made_id, "chat-2", "yes")
    if outcome == "collaborating":
        answer(staff, firms, made_id, "chat-1", "collaborating")
    for firm in ("bakery", "shop"):
        page = staff.get(f"/staff/network/{firms[firm]}").get_data(as_text=True)
        assert "ann@lee-bakery.example" in page and "tel:+4312345678" in page and outcome in page

    assert withdraw_network_consent(withdrawing, url=firms["url"])  # "don't match me any more"

    for firm in ("bakery", "shop"):
        page = staff.get(f"/staff/network/{firms[firm]}").get_data(as_text=True)
        introductions_card = page[page.index('id="introductions"'):page.index('id="profile"')]
        assert "ann@lee-bakery.example" not in page and "2345678" not in page
        assert "Ann Lee" not in introductions_card
        # the introduction's history stays listed, without the contacts
        assert f'<span class="badge">{outcome}</span>' in introductions_card
        assert "sam, " in introductions_card and "yes;" in introductions_card
        assert "hidden: a firm withdrew its consent to be matched" in introductions_card


def test_a_declined_introduction_never_shows_contacts(staff, firms: dict) -> None:
    introduce(staff, firms)
    with transaction(firms["url"]) as connection:
        made_id = connection.execute(select(introductions.c.id)).scalar_one()
    answer(staff, firms, made_id, "chat-1", "yes")
    answer(staff, firms, made_id, "chat-2", "no")
    page = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    assert "declined" in page and "ann@lee-bakery.example" not in page


def test_profile_edits_are_saved_escaped_and_audited(staff, firms: dict) -> None:
    page = staff.get(f"/staff/network/{firms['shop']}").get_data(as_text=True)
    response = staff.post(f"/staff/network/{firms['shop']}", data={
        "csrf_token": csrf_token(page), "sector": "retail", "size": "small", "stage": "", "needs": ["talent_and_skills"],
        "offers": ["market_access", "funds"], "ip_sensitivity": "", "abroad": "yes",
        "seeks_text": EVIL + " bakers", "offers_text": "shelf space"})
    assert response.status_code == 302
    page = staff.get(f"/staff/network/{firms['shop']}").get_data(as_text=True)
    assert EVIL not in page and "&lt;script&gt;alert(1)&lt;/script&gt; bakers" in page
    edits = audit_rows(firms["url"], "network_edit")
    assert edits[0].target == "chat-2" and edits[0].detail["offers"] == {
        "from": ["market_access"], "to": ["market_access", "funds"]}
    assert set(edits[0].detail) == {"offers", "abroad", "seeks_text", "offers_text"}
    assert edits[0].detail["seeks_text"] == "changed"  # free text is not copied into the log
    bakery = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    assert "funds to invest" in bakery  # the edit reaches the suggestions at once


def test_withdrawing_on_the_desk_removes_the_firm_everywhere(staff, firms: dict) -> None:
    page = staff.get(f"/staff/network/{firms['shop']}").get_data(as_text=True)
    token = re.findall(r'name="csrf_token"[^>]*value="([^"]+)"', page)[-1]
    assert staff.post(f"/staff/network/{firms['shop']}/withdraw", data={"csrf_token": token}).status_code == 302
    assert firms["shop"] not in staff.get("/staff/network").get_data(as_text=True)
    bakery = staff.get(f"/staff/network/{firms['bakery']}").get_data(as_text=True)
    assert firms["shop"] not in bakery and "No consenting firm complements" in bakery
    assert "consent withdrawn" in staff.get(f"/staff/network/{firms['shop']}").get_data(as_text=True)
    assert [r.target for r in audit_rows(firms["url"], "network_withdraw")] == ["chat-2"]


def test_posts_need_the_csrf_token(staff, firms: dict) -> None:
    assert staff.post(f"/staff/network/{firms['bakery']}/introduce", data={"partner": "chat-2"}).status_code == 400
    assert staff.post(f"/staff/network/{firms['shop']}/withdraw").status_code == 400
