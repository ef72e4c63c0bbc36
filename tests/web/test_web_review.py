"""The review desk: the conversation page, tags, notes, corrections, saved searches, queue and audit."""
from __future__ import annotations

import csv
import io
import re

from sqlalchemy import select

from bot.storage.database import get_engine
from bot.storage.tables import audit_log, conversation_notes, conversation_tags, corrections
from tests.storage.chats import MACHINE_SHOP, dropped_turns, save_turns
from tests.web.desk import csrf_token, owner_asks_for_followup


def _turn_ids(page: str) -> dict:
    """Owner turns' anchors by the text shown."""
    found = {}
    for event_id, body in re.findall(r'<li class="user[^"]*" id="turn-(\d+)">(.*?)</li>\s*(?=<li|</ol>)', page, re.S):
        text = re.search(r'<div class="text">(.*?)</div>', body, re.S).group(1)
        found[text] = int(event_id)
    return found


def test_the_conversation_page_shows_what_the_bot_understood(staff, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-1")
    page = staff.get("/staff/conversations/chat-1").get_data(as_text=True)
    assert '<div class="text">Diagnose my firm</div>' in page and '<div class="text">Just exploring</div>' in page
    assert '<div class="text">/inform' not in page and "clicked a button" in page
    shop = page[page.index("we run a machine shop"):page.index("isn&#39;t this only for big companies?")]
    assert "<code>inform</code>" in shop and "0.55" in shop and "low confidence" in shop
    assert "<td>sector</td><td></td><td>retail <small>(Retail)</small></td><td>—</td><td>KnowledgeEntityExtractor</td>" in shop
    assert "<td>company_size</td><td>answer</td><td>small <small>(Small enterprise)</small></td><td>0.82</td><td>AnswerReader</td>" in shop
    assert "<code>sector</code> = Retail" in shop and "contact_details" not in shop
    doubt = page[page.index("isn&#39;t this only for big companies?"):page.index("New products</div>")]
    assert "voiced:" in doubt and "Triggered" in doubt
    assert "flag fallback" in page[page.index("wibble flop"):]
    assert '<details class="payload"><summary>Payload (recommendation)</summary>' in page
    assert page.count('<details class="payload">') == page.count("<pre>")
    side = page[page.index('<aside class="side">'):]
    assert "Food and drink" in side and "Lack of technical information" in side
    assert "lack_tech_info" not in side and "technology_ip" not in side and "False" not in side
    shown = side[side.index("Shown to the owner"):side.index("Misconceptions the owner voiced")]
    assert shown.count("<li>") == 6  # three models, three partner types
    voiced = side[side.index("Misconceptions the owner voiced"):side.index('id="review"')]
    assert voiced.count("<li>") == 1  # three cards were sent; the owner voiced one


def test_tags_and_notes_on_a_conversation(staff, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-1")
    save_turns(database_url, "chat-2", dropped_turns())
    page = staff.get("/staff/conversations/chat-1").get_data(as_text=True)
    token = csrf_token(page)
    for tag in ("Misunderstood", "  needs   FOLLOW-up ", "misunderstood"):
        assert staff.post("/staff/conversations/chat-1/tags", data={"csrf_token": token, "tag": tag}).status_code == 302
    for body in ("Sector misread: <b>machine shop</b>", "Added a synonym request"):
        assert staff.post("/staff/conversations/chat-1/notes",
                          data={"csrf_token": token, "body": body}).status_code == 302
    assert staff.post("/staff/conversations/chat-1/tags", data={"tag": "x"}).status_code == 400  # no CSRF
    with get_engine(database_url).connect() as connection:
        tags = connection.execute(select(conversation_tags.c.tag, conversation_tags.c.created_by)
                                  .order_by(conversation_tags.c.tag)).all()
        notes = connection.execute(select(conversation_notes.c.author, conversation_notes.c.body)
                                   .order_by(conversation_notes.c.id)).all()
    assert tags == [("misunderstood", "sam"), ("needs follow-up", "sam")]
    assert notes == [("sam", "Sector misread: <b>machine shop</b>"), ("sam", "Added a synonym request")]
    page = staff.get("/staff/conversations/chat-1").get_data(as_text=True)
    assert "Sector misread: &lt;b&gt;machine shop&lt;/b&gt;" in page
    assert page.index("Sector misread") < page.index("Added a synonym request")
    listed = staff.get("/staff/conversations?tag=misunderstood").get_data(as_text=True)
    assert "/staff/conversations/chat-1" in listed and "/staff/conversations/chat-2" not in listed
    staff.post("/staff/conversations/chat-1/tags", data={"csrf_token": token, "remove": "misunderstood"})
    listed = staff.get("/staff/conversations?tag=misunderstood").get_data(as_text=True)
    assert "/staff/conversations/chat-1" not in listed
    with get_engine(database_url).connect() as connection:
        logged = [(r.action, r.detail) for r in connection.execute(
            select(audit_log).where(audit_log.c.target == "chat-1").order_by(audit_log.c.id))]
    assert ("tag", {"tag": "misunderstood"}) in logged and ("untag", {"tag": "misunderstood"}) in logged
    assert [action for action, _d in logged].count("note") == 2


def test_a_misread_turn_is_corrected_and_kept(staff, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-1")
    page = staff.get("/staff/conversations/chat-1").get_data(as_text=True)
    turns = _turn_ids(page)
    shop = turns[MACHINE_SHOP]
    token = csrf_token(page)
    bad = staff.post(f"/staff/conversations/chat-1/turns/{shop}/correction",
                     data={"csrf_token": token, "intent": "no_such_intent"})
    assert bad.status_code == 302 and not _rows(database_url)
    clicked = staff.post(f"/staff/conversations/chat-1/turns/{turns['Diagnose my firm']}/correction",
                         data={"csrf_token": token, "intent": "greet"}, follow_redirects=True)
    assert "Only messages the owner typed" in clicked.get_data(as_text=True) and not _rows(database_url)
    response = staff.post(f"/staff/conversations/chat-1/turns/{shop}/correction", data={
        "csrf_token": token, "intent": "inform", "slot_value": "sector=manufacturing", "span": "machine shop"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#turn-{shop}")
    assert _rows(database_url) == [(shop, "inform", "inform", "sector", "manufacturing", "machine shop", "sam")]
    page = staff.get("/staff/conversations/chat-1").get_data(as_text=True)
    assert "Corrected to <code>inform</code>, sector = Manufacturing on “machine shop” by sam" in page
    with get_engine(database_url).connect() as connection:
        entry = connection.execute(select(audit_log).where(audit_log.c.action == "correct")).one()
    assert entry.detail == {"turn": shop, "predicted": "inform", "intent": "inform",
                            "slot": "sector", "value": "manufacturing"}
    download = staff.get("/staff/corrections.yml")
    assert "attachment" in download.headers["Content-Disposition"]
    assert '[machine shop]{"entity": "sector", "value": "manufacturing"}' in download.get_data(as_text=True)
    assert "ann@lee.example" not in download.get_data(as_text=True)


def _rows(url: str) -> list:
    with get_engine(url).connect() as connection:
        return [tuple(r) for r in connection.execute(select(
            corrections.c.event_id, corrections.c.predicted_intent, corrections.c.intent, corrections.c.slot,
            corrections.c.value, corrections.c.span, corrections.c.created_by))]


def test_the_list_shows_preview_length_outcome_flags_and_saved_searches(staff, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-1", said="We bake <b>bread</b>")
    save_turns(database_url, "chat-2", dropped_turns())
    page = staff.get("/staff/conversations").get_data(as_text=True)
    assert '<a href="/staff/conversations/chat-1">We bake &lt;b&gt;bread&lt;/b&gt;</a>' in page
    assert '<a href="/staff/conversations/chat-2">we make furniture</a>' in page
    assert "<td>9 msg</td>" in page and "<td>1 msg</td>" in page
    assert "outcome-follow-up" in page and "outcome-dropped" in page
    assert "1 fallback" in page and "1 low" in page
    assert page.count("Co-development partnership") == 1  # top three of chat-1 only
    for title, search in (("Fell back (not understood)", "fallback=yes"), ("Dropped before advice", "outcome=dropped")):
        assert f'<a href="/staff/conversations?{search}" >{title}</a>' in page
    saved = staff.get("/staff/conversations?outcome=dropped&intent=inform").get_data(as_text=True)
    assert "/staff/conversations/chat-2" in saved and "/staff/conversations/chat-1" not in saved
    assert 'value="http://localhost/staff/conversations?outcome=dropped&amp;intent=inform"' in saved


def test_queue_search_sort_and_assign_to_me(staff, database_url) -> None:
    first = owner_asks_for_followup(database_url, "chat-1", company="Alpha Tools")
    second = owner_asks_for_followup(database_url, "chat-2", company="Zeta Foods")
    queue = staff.get("/staff/followups?q=zeta").get_data(as_text=True)
    assert second in queue and first not in queue
    by_company = staff.get("/staff/followups?sort=company").get_data(as_text=True)
    assert by_company.index(first) < by_company.index(second)
    assert 'href="mailto:ann@lee-bakery.example"' in queue and 'href="tel:+4312345678"' in queue
    token = csrf_token(queue)
    response = staff.post(f"/staff/followups/{second}/assign-to-me", data={"csrf_token": token, "back": "queue"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/followups")
    mine = staff.get("/staff/followups?mine=1").get_data(as_text=True)
    assert second in mine and first not in mine
    with get_engine(database_url).connect() as connection:
        entry = connection.execute(select(audit_log).where(audit_log.c.target == second,
                                                           audit_log.c.action == "update")).one()
    assert entry.actor == "sam" and entry.detail == {"assignee": {"from": None, "to": "sam"}}


def test_the_audit_log_filters_and_exports(admin, staff, database_url) -> None:
    reference = owner_asks_for_followup(database_url, "chat-1")
    staff.get(f"/staff/followups/{reference}")
    admin.get("/staff/conversations/chat-1")
    page = admin.get("/staff/audit?actor=sam&action=view").get_data(as_text=True)
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>", page)
    assert rows == [("sam", "view", reference)]
    assert re.findall(r"<td>ada</td><td>view</td>", admin.get("/staff/audit?q=chat-1").get_data(as_text=True))
    assert "No entry matches." in admin.get("/staff/audit?date_to=2001-01-01").get_data(as_text=True)
    export = admin.get("/staff/audit/export.csv?action=login")
    assert export.mimetype == "text/csv" and "attachment" in export.headers["Content-Disposition"]
    lines = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    assert {(line["actor"], line["action"]) for line in lines} == {("sam", "login"), ("ada", "login")}
    with get_engine(database_url).connect() as connection:
        logged = connection.execute(select(audit_log).where(audit_log.c.target == "audit")).one()
    assert (logged.actor, logged.action, logged.detail["rows"]) == ("ada", "export", 2)
    assert logged.detail["filters"] == {"action": "login"}
