"""Any conversation id opens on the desk; every form is CSRF-protected."""
from __future__ import annotations

import html
import re

import pytest
from flask import url_for

from tests.storage.support import save_chat
from tests.web.desk import csrf_token, owner_asks_for_followup

ODD_IDS = ["web/visitor/42", "a?b=c#d", "100% sure", "größe/ünd ß", "..", "chat-9/erase",
           "a%2Fb", "  spaced  "]
_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)


@pytest.mark.parametrize("backend_id", ODD_IDS)
def test_any_conversation_id_opens_and_links_back_to_itself(app, admin, database_url, backend_id) -> None:
    save_chat(database_url, backend_id, [("We brew beer", "Which stage are you at?")])
    listing = admin.get("/staff/conversations").get_data(as_text=True)
    with app.test_request_context():
        link = url_for("staff.conversation_page", sender_id=backend_id)
    assert f'href="{html.escape(link)}"' in listing
    page = admin.get(link)
    assert page.status_code == 200, link
    assert html.escape(backend_id) in page.get_data(as_text=True)
    token = csrf_token(page.get_data(as_text=True))
    with app.test_request_context():
        status = url_for("staff.conversation_status", sender_id=backend_id)
    assert admin.post(status, data={"status": "reviewed", "csrf_token": token}).status_code == 302


def test_every_post_form_on_the_desk_carries_a_csrf_token(admin, database_url) -> None:
    reference = owner_asks_for_followup(database_url, "chat-1")
    pages = ["/staff/followups", f"/staff/followups/{reference}", "/staff/conversations",
             "/staff/conversations/chat-1", "/staff/conversations/chat-1/erase", "/staff/classes",
             "/staff/overview", "/staff/audit"]
    posting = 0
    for path in pages:
        body = admin.get(path).get_data(as_text=True)
        for attributes, inner in _FORM.findall(body):
            if "post" in attributes.lower():
                posting += 1
                assert 'name="csrf_token"' in inner, f"form without CSRF token on {path}"
    assert posting >= 4


def test_posts_without_a_token_are_refused(admin, database_url) -> None:
    reference = owner_asks_for_followup(database_url, "chat-2")
    for path, data in [("/staff/conversations/chat-2/status", {"status": "reviewed"}),
                       ("/staff/conversations/chat-2/erase", {}),
                       (f"/staff/followups/{reference}", {"status": "done"}),
                       ("/staff/classes", {"name": "Class"}),
                       ("/staff/logout", {})]:
        assert admin.post(path, data=data).status_code == 400, path
    assert admin.get("/staff/conversations/chat-2").status_code == 200, "nothing was erased"
