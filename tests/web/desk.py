"""Helpers of the staff desk tests: accounts, logging in, and a realistic conversation."""
from __future__ import annotations

import re
from typing import Dict

from flask.testing import FlaskClient

from bot.storage.conversations import (
    create_followup,
    record_misconception,
    record_profile,
    record_recommendation,
)
from bot.storage.database import transaction
from bot.storage.staff_users import create_user
from tests.storage.chats import RANKED_MODELS, RANKED_PARTNERS, bakery_turns, bot, owner, save_turns

PASSWORD = "a long enough password"
ACCOUNTS = {"sam": "staff", "tia": "trainer", "ada": "admin"}
PROFILE = {"sector": "food_beverage", "company_size": "small", "innovation_need": "new_product",
           "innovation_stage": "development", "offer": ["capacity", "technology_ip"],
           "barriers": ["lack_tech_info"], "international": False}
_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def create_accounts(url: str) -> Dict[str, str]:
    """One account per role, all with :data:`PASSWORD`."""
    with transaction(url) as connection:
        for username, role in ACCOUNTS.items():
            create_user(connection, username, PASSWORD, role)
    return dict(ACCOUNTS)


def csrf_token(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _TOKEN.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def login(client: FlaskClient, username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Log in through the form, as a browser does."""
    token = csrf_token(client.get("/staff/login").get_data(as_text=True))
    return client.post("/staff/login", data={"username": username, "password": password,
                                             "csrf_token": token})


def owner_asks_for_followup(url: str, sender_id: str, *, company: str = "Lee Bakery GmbH",
                            said: str = "We bake bread and need a partner for a new oven") -> str:
    """A whole conversation as the bot stores it, ending in a follow-up; returns the reference."""
    save_turns(url, sender_id, owner(said, "inform", 0.88) + bot("Which stage are you at?") + bakery_turns()
               + owner("I'd like an advisor to contact me", "request_followup", 0.96)
               + bot("Here is what we store ..."))
    record_profile(sender_id, PROFILE, url=url)
    record_recommendation(sender_id, RANKED_MODELS, RANKED_PARTNERS, ["protect_ip"], url=url)
    for card in ("only_for_large_firms", "giving_away_secrets", "too_costly_complex"):
        record_misconception(sender_id, card, url=url)
    reference = create_followup(sender_id, consent_text="I agree.", name="Ann Lee", company=company,
                                email="ann@lee-bakery.example", phone="+43 1 234 5678",
                                preferred_time="Tuesday mornings", url=url)
    assert reference
    return reference
