"""Property tests: random input to every staff desk form and filter never yields a 500.

Each test runs on a real SQLite file and a real PostgreSQL database, posts
what hypothesis invents (any unicode, control characters, very long values,
raw bytes under wrong content types) with a valid CSRF token, and checks
afterwards that what was stored before is still there.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.storage.database import get_engine
from bot.storage.followups import get as get_followup
from tests.storage.support import save_chat
from tests.web.desk import csrf_token, owner_asks_for_followup

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Any character HTTP can carry: lone surrogates cannot be encoded in a request at all.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["", "\x00", "x" * 20000, "' OR 1=1 --", "<script>alert(1)</script>", "²", "9" * 40, "-1"])
FIELDS = st.dictionaries(st.sampled_from(["status", "assignee", "notes", "name", "q", "page",
                                          "username", "password", "next", "sector"]), ANY_TEXT)
CONTENT_TYPES = st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded",
                                 "multipart/form-data; boundary=x", "application/xml", ""])
NOT_SERVER_ERRORS = {200, 302, 400, 404, 405, 413, 415, 429}


def _token(browser, path: str) -> str:  # type: ignore[no-untyped-def]
    return csrf_token(browser.get(path).get_data(as_text=True))


@FUZZ
@given(fields=FIELDS)
def test_followup_form(staff, database_url, fields) -> None:  # type: ignore[no-untyped-def]
    reference = owner_asks_for_followup(database_url, "fuzz-followup") \
        if not _has_followup(database_url) else _has_followup(database_url)
    before = _followup(database_url, reference)
    path = f"/staff/followups/{reference}"
    response = staff.post(path, data={**fields, "csrf_token": _token(staff, path)})
    assert response.status_code in NOT_SERVER_ERRORS, response.status_code
    after = _followup(database_url, reference)
    assert after is not None and (after.name, after.email) == (before.name, before.email)
    if response.status_code != 302:
        assert (after.status, after.notes) == (before.status, before.notes)


@FUZZ
@given(fields=FIELDS)
def test_conversation_status_form_and_filters(staff, database_url, fields) -> None:  # type: ignore[no-untyped-def]
    save_chat(database_url, "fuzz-chat", [("We brew beer", "Which stage are you at?")])
    page = "/staff/conversations/fuzz-chat"
    response = staff.post(f"{page}/status", data={**fields, "csrf_token": _token(staff, page)})
    assert response.status_code in NOT_SERVER_ERRORS
    listing = staff.get("/staff/conversations", query_string=fields)
    assert listing.status_code in NOT_SERVER_ERRORS
    assert staff.get(page).status_code == 200, "the conversation is still there"


@FUZZ
@given(fields=FIELDS)
def test_login_and_class_forms(app, trainer, fields) -> None:  # type: ignore[no-untyped-def]
    anonymous = app.test_client()
    response = anonymous.post("/staff/login", data={**fields, "csrf_token": _token(anonymous, "/staff/login")})
    assert response.status_code in NOT_SERVER_ERRORS
    response = trainer.post("/staff/classes", data={**fields, "csrf_token": _token(trainer, "/staff/classes")})
    assert response.status_code in NOT_SERVER_ERRORS


@FUZZ
@given(body=st.binary(max_size=2000), content_type=CONTENT_TYPES,
       path=st.sampled_from(["/staff/login", "/staff/classes", "/staff/conversations/fuzz/status",
                             "/staff/logout", "/summary.md", "/staff/conversations"]))
def test_raw_bodies_under_any_content_type(admin, body, content_type, path) -> None:  # type: ignore[no-untyped-def]
    response = admin.post(path, data=body, content_type=content_type)
    assert response.status_code in NOT_SERVER_ERRORS, (path, response.status_code)


def _has_followup(url: str):  # type: ignore[no-untyped-def]
    with get_engine(url).connect() as connection:
        found = connection.exec_driver_sql("SELECT reference FROM followups").first()
    return found[0] if found else None


def _followup(url: str, reference: str):  # type: ignore[no-untyped-def]
    with get_engine(url).connect() as connection:
        return get_followup(connection, reference)
