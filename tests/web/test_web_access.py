"""Who gets in: anonymous visitors, wrong roles, CSRF, cookies, throttling and lock-out."""
from __future__ import annotations

import secrets

import pytest
import redis
from flask import Flask

from bot.web.app import create_app
from bot.web.settings import settings_from_env
from tests.local_servers import redis_url
from tests.web.desk import PASSWORD, csrf_token, login, owner_asks_for_followup

REVIEW_PAGES = ["/staff/followups", "/staff/followups/{ref}", "/staff/followups/{ref}/partnering.json",
                "/staff/conversations", "/staff/conversations/chat-1",
                "/staff/export/conversations.csv", "/staff/export/followups.json", "/staff/corrections.yml"]
ADMIN_PAGES = ["/staff/audit", "/staff/audit/export.csv", "/staff/conversations/chat-1/erase"]
REVIEW_POSTS = ["/staff/conversations/chat-1/tags", "/staff/conversations/chat-1/notes",
                "/staff/followups/{ref}/notes", "/staff/followups/{ref}/assign-to-me",
                "/staff/conversations/chat-1/turns/1/correction"]
ALL_PAGES = ["/staff/", "/staff/overview", *REVIEW_PAGES, *ADMIN_PAGES]


@pytest.fixture
def reference(app: Flask, database_url: str) -> str:
    return owner_asks_for_followup(database_url, "chat-1")


def test_anonymous_visitors_are_sent_to_the_login_page(client, reference: str) -> None:
    for page in ALL_PAGES:
        response = client.get(page.format(ref=reference))
        assert response.status_code == 302, page
        assert response.headers["Location"].startswith("/staff/login?next="), page
        assert b"Ann Lee" not in response.data and b"Lee Bakery" not in response.data


def test_trainers_see_only_the_overview(trainer, reference: str) -> None:
    assert trainer.get("/staff/overview").status_code == 200
    assert trainer.get("/staff/").headers["Location"] == "/staff/overview"
    for page in REVIEW_PAGES + ADMIN_PAGES:
        response = trainer.get(page.format(ref=reference))
        assert response.status_code == 403, page
        assert b"Ann Lee" not in response.data
    token = csrf_token(trainer.get("/staff/overview").get_data(as_text=True))
    for page in REVIEW_POSTS:
        response = trainer.post(page.format(ref=reference), data={"csrf_token": token, "tag": "x", "body": "x"})
        assert response.status_code == 403, page


def test_staff_review_but_cannot_erase_or_read_the_audit_log(staff, reference: str) -> None:
    for page in ["/staff/overview", *REVIEW_PAGES]:
        assert staff.get(page.format(ref=reference)).status_code == 200, page
    for page in ADMIN_PAGES:
        assert staff.get(page).status_code == 403, page
    token = csrf_token(staff.get("/staff/conversations/chat-1").get_data(as_text=True))
    assert staff.post("/staff/conversations/chat-1/erase", data={"csrf_token": token}).status_code == 403


def test_admins_reach_every_page(admin, reference: str) -> None:
    assert admin.get("/staff/").headers["Location"] == "/staff/followups"
    for page in ALL_PAGES[1:]:
        assert admin.get(page.format(ref=reference)).status_code == 200, page


def test_wrong_password_does_not_log_in(client) -> None:
    response = login(client, "sam", "not the password")
    assert response.status_code == 200 and b"Wrong username or password" in response.data
    assert client.get("/staff/followups").status_code == 302


def test_repeated_wrong_passwords_lock_the_account(app: Flask) -> None:
    browser = app.test_client()
    for _ in range(5):
        login(browser, "sam", "guess guess guess")
    assert b"Wrong username" in login(browser, "sam", PASSWORD).data
    assert login(app.test_client(), "ada").status_code == 302


def test_forms_without_a_csrf_token_are_refused(client, staff, reference: str) -> None:
    assert client.post("/staff/login", data={"username": "sam", "password": PASSWORD}).status_code == 400
    update = staff.post(f"/staff/followups/{reference}", data={"status": "closed", "notes": "x"})
    assert update.status_code == 400
    assert b"new" in staff.get(f"/staff/followups/{reference}").data


def test_logout_needs_a_post_with_token_and_ends_the_session(staff) -> None:
    token = csrf_token(staff.get("/staff/followups").get_data(as_text=True))
    assert staff.get("/staff/logout").status_code == 405
    assert staff.post("/staff/logout", data={"csrf_token": token}).status_code == 302
    assert staff.get("/staff/followups").status_code == 302


def test_session_cookie_is_secure_httponly_and_samesite(client) -> None:
    response = login(client, "sam")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("oi_staff_session="))
    assert "; Secure" in cookie and "; HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_insecure_cookies_only_when_asked_for() -> None:
    assert settings_from_env({})["SESSION_COOKIE_SECURE"] is True
    assert settings_from_env({"OI_INSECURE_COOKIES": "1"})["SESSION_COOKIE_SECURE"] is False


def test_pages_carry_security_headers(staff) -> None:
    headers = staff.get("/staff/followups").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY" and headers["Cache-Control"] == "no-store"


def test_next_only_leads_to_the_staff_desk(client) -> None:
    page = client.get("/staff/login?next=https://evil.example/").get_data(as_text=True)
    response = client.post("/staff/login", data={
        "username": "sam", "password": PASSWORD, "csrf_token": csrf_token(page),
        "next": "https://evil.example/"})
    assert response.headers["Location"] == "/staff/followups"


def _throttled_after(app: Flask, allowed: int) -> list:
    browser = app.test_client()
    return [login(browser, "nobody", "wrong password").status_code for _ in range(allowed + 2)]


def test_login_attempts_are_throttled_in_memory(database_url: str) -> None:
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(32),
                      "LOGIN_RATE_LIMIT": "3 per minute", "RATELIMIT_STORAGE_URI": "memory://"})
    statuses = _throttled_after(app, 3)
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]


def test_login_attempts_are_counted_in_redis(database_url: str, redis_prefix: str) -> None:
    config = {"DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(32),
              "LOGIN_RATE_LIMIT": "3 per minute", "RATELIMIT_STORAGE_URI": redis_url(),
              "RATELIMIT_KEY_PREFIX": redis_prefix}
    assert _throttled_after(create_app(config), 3)[3:] == [429, 429]
    assert list(redis.Redis.from_url(redis_url()).scan_iter(match=f"*{redis_prefix}*"))
    # a second server process sharing Redis sees the same count
    assert _throttled_after(create_app(config), 0)[0] == 429


def _attempts_from(app: Flask, client_address: str, count: int) -> list:
    browser = app.test_client()
    headers = {"X-Forwarded-For": client_address}
    token = csrf_token(browser.get("/staff/login", headers=headers).get_data(as_text=True))
    return [browser.post("/staff/login", headers=headers, data={
        "username": "nobody", "password": "wrong", "csrf_token": token}).status_code
        for _ in range(count)]


@pytest.mark.parametrize("hops", [0, 1])
def test_behind_a_proxy_each_real_client_is_throttled_on_its_own(database_url: str, hops: int) -> None:
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(32),
                      "LOGIN_RATE_LIMIT": "3 per minute", "RATELIMIT_STORAGE_URI": "memory://",
                      "TRUSTED_PROXIES": hops})
    assert _attempts_from(app, "203.0.113.7", 4)[3] == 429
    second_client = _attempts_from(app, "198.51.100.9", 1)[0]
    # with a trusted proxy the second client has its own count; without, a
    # forged header changes nothing and the proxy's address stays throttled
    assert second_client == (200 if hops else 429)


def test_the_number_of_trusted_proxies_comes_from_the_environment() -> None:
    assert settings_from_env({"OI_TRUSTED_PROXIES": "2"})["TRUSTED_PROXIES"] == 2
    assert settings_from_env({})["TRUSTED_PROXIES"] == 0
    with pytest.raises(ValueError):
        settings_from_env({"OI_TRUSTED_PROXIES": "all"})
