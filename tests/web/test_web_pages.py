"""What staff see: the queue, a conversation, filters, safe rendering, exports, charts, audit."""
from __future__ import annotations

import csv
import io
import json
import time
from datetime import timedelta

from sqlalchemy import select, update

from bot.storage.conversations import record_profile, record_recommendation
from bot.storage.database import get_engine, transaction, utcnow
from bot.storage.tables import audit_log, conversations, followup_notes, followups
from tests.storage.chats import RANKED_MODELS, RANKED_PARTNERS, dropped_turns, save_turns
from tests.storage.support import count_rows, save_chat
from tests.web.desk import csrf_token, owner_asks_for_followup


def audit_entries(url: str) -> list:
    with get_engine(url).connect() as connection:
        return [(r.actor, r.action, r.target) for r in connection.execute(
            select(audit_log).order_by(audit_log.c.id))]


def test_a_followup_appears_in_the_queue_with_profile_and_transcript(staff, database_url) -> None:
    older = owner_asks_for_followup(database_url, "chat-old", company="Old Mill Ltd")
    with transaction(database_url) as connection:
        connection.execute(update(followups).where(followups.c.reference == older)
                           .values(created_at=utcnow() - timedelta(days=2), status="contacted"))
    reference = owner_asks_for_followup(database_url, "chat-1")

    queue = staff.get("/staff/followups").get_data(as_text=True)
    assert queue.index(reference) < queue.index(older)  # new ones first
    assert "Lee Bakery GmbH" in queue and "ann@lee-bakery.example" in queue

    page = staff.get(f"/staff/followups/{reference}").get_data(as_text=True)
    assert "Tuesday mornings" in page and "I agree." in page
    conversation = staff.get("/staff/conversations/chat-1").get_data(as_text=True)
    assert "Food and drink" in conversation and "Development" in conversation  # profile in words
    assert "Co-development partnership" in conversation and "University" in conversation  # advice
    assert "We bake bread and need a partner for a new oven" in conversation    # transcript
    assert "Which stage are you at?" in conversation
    assert reference in conversation


def test_the_partnering_profile_is_anonymised(staff, database_url) -> None:
    reference = owner_asks_for_followup(database_url, "chat-2")
    page = staff.get(f"/staff/followups/{reference}").get_data(as_text=True)
    profile = page[page.index("Partnering profile (draft, anonymised)"):]
    assert "Title: Small enterprise in Food and drink seeks partners" in profile
    assert "Stage: Development" in profile
    assert "What is offered: production, engineering or service capacity" in profile
    download = staff.get(f"/staff/followups/{reference}/partnering.json")
    data = json.loads(download.data)
    assert data["partner_types"] == ["Supplier", "University", "Other SMEs"]  # the three shown, in words
    assert len(data["collaboration_models"]) == 3
    assert any("lack of technical information" in item.lower() for item in data["seeks"])
    for raw in ("food_beverage", "other_sme", "coupled_codevelopment", "lack_tech_info"):
        assert raw not in download.get_data(as_text=True)
    text = download.get_data(as_text=True) + profile
    for personal in ("Ann", "Lee", "lee-bakery", "2345678", "Tuesday", "chat-2"):
        assert personal not in text
    assert "attachment" in download.headers["Content-Disposition"]


def test_staff_record_status_assignee_due_date_and_a_note_thread(staff, database_url) -> None:
    reference = owner_asks_for_followup(database_url, "chat-3")
    page = staff.get(f"/staff/followups/{reference}").get_data(as_text=True)
    assert 'href="mailto:ann@lee-bakery.example"' in page and 'href="tel:+4312345678"' in page
    response = staff.post(f"/staff/followups/{reference}", data={
        "csrf_token": csrf_token(page), "status": "contacted", "assignee": "sam", "due_on": "2031-05-04"})
    assert response.status_code == 302
    for body in ("Called <b>Tuesday</b>", "Sent the partnering profile"):
        assert staff.post(f"/staff/followups/{reference}/notes",
                          data={"csrf_token": csrf_token(page), "body": body}).status_code == 302
    with get_engine(database_url).connect() as connection:
        row = connection.execute(select(followups)).one()
        notes = connection.execute(select(followup_notes).order_by(followup_notes.c.id)).all()
    assert (row.status, row.assignee, row.due_on.isoformat()) == ("contacted", "sam", "2031-05-04")
    assert [(n.author, n.body) for n in notes] == [("sam", "Called <b>Tuesday</b>"),
                                                    ("sam", "Sent the partnering profile")]
    page = staff.get(f"/staff/followups/{reference}").get_data(as_text=True)
    assert page.index("Called &lt;b&gt;Tuesday&lt;/b&gt;") < page.index("Sent the partnering profile")
    assert "Sent the partnering profile" in staff.get("/staff/followups").get_data(as_text=True)
    bad = staff.post(f"/staff/followups/{reference}", data={
        "csrf_token": csrf_token(page), "status": "contacted", "assignee": "tia"})
    assert bad.status_code == 200  # a trainer cannot be assigned
    with get_engine(database_url).connect() as connection:
        entries = connection.execute(select(audit_log).where(audit_log.c.target == reference)
                                     .order_by(audit_log.c.id)).all()
    changes = [(e.action, e.detail) for e in entries if e.action != "view"]
    assert ("status", {"from": "new", "to": "contacted"}) in changes
    assert ("update", {"assignee": {"from": None, "to": "sam"},
                       "due_on": {"from": None, "to": "2031-05-04"}}) in changes
    assert [a for a, _d in changes].count("note") == 2


def test_user_text_is_always_escaped(staff, database_url) -> None:
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    owner_asks_for_followup(database_url, "chat-4", said=attack, company="<b>Bold</b> & Co")
    conversation = staff.get("/staff/conversations/chat-4").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in conversation
    assert "<script>alert" not in conversation and "<img src=x" not in conversation
    queue = staff.get("/staff/followups").get_data(as_text=True)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in queue and "<b>Bold</b>" not in queue
    found = staff.get("/staff/conversations?q=%3Cscript%3E").get_data(as_text=True)
    assert "chat-4" in found and "<script>alert" not in found


def test_conversation_filters_and_search(staff, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-5")
    month_ago = time.time() - 30 * 24 * 3600
    save_chat(database_url, "chat-6", [("We weave wool carpets", "Interesting.")], at=month_ago)
    record_profile("chat-6", {"sector": "textiles", "innovation_need": "new_markets",
                              "innovation_stage": "idea"}, url=database_url)
    save_chat(database_url, "chat-7", [("just looking", "Welcome.")])  # transcript only
    with transaction(database_url) as connection:
        connection.execute(update(conversations).where(conversations.c.sender_id == "chat-6")
                           .values(started_at=utcnow() - timedelta(days=30),
                                   last_seen_at=utcnow() - timedelta(days=30), status="reviewed"))

    def listed(query: str) -> set:
        page = staff.get(f"/staff/conversations?{query}").get_data(as_text=True)
        return {s for s in ("chat-5", "chat-6", "chat-7") if f"/staff/conversations/{s}" in page}

    assert listed("") == {"chat-5", "chat-6", "chat-7"}
    assert listed("sector=textiles") == {"chat-6"}
    assert listed("need=new_product") == {"chat-5"}
    assert listed("stage=idea") == {"chat-6"}
    assert listed("misconception=only_for_large_firms") == {"chat-5"}
    assert listed("misconception=giving_away_secrets") == set()  # a card the owner never asked for
    assert listed("intent=request_followup") == {"chat-5"}
    assert listed("fallback=yes") == {"chat-5"} and listed("fallback=no") == {"chat-6", "chat-7"}
    assert listed("low_confidence=yes") == {"chat-5"}
    assert listed("outcome=follow-up") == {"chat-5"}
    assert listed("outcome=dropped") == {"chat-6", "chat-7"}
    assert listed("outcome=recommendation") == set()
    assert listed("has_followup=yes") == {"chat-5"}
    assert listed("has_followup=no") == {"chat-6", "chat-7"}
    assert listed("status=reviewed") == {"chat-6"}
    since = (utcnow() - timedelta(days=7)).date().isoformat()
    assert listed(f"date_from={since}") == {"chat-5", "chat-7"}
    assert listed(f"date_to={since}") == {"chat-6"}
    assert listed("q=WOOL") == {"chat-6"}
    assert listed("q=Lee+Bakery") == {"chat-5"}
    assert listed("q=nothing+like+this") == set()
    assert listed("date_from=not-a-date&sector=textiles") == {"chat-6"}


def test_exports_neutralise_formulas_and_follow_the_filters(staff, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-8", company="=HYPERLINK(\"http://x\",\"y\")")
    record_profile("chat-9", {"sector": "@textiles"}, url=database_url)

    followups_csv = staff.get("/staff/export/followups.csv")
    assert followups_csv.mimetype == "text/csv"
    row = next(csv.DictReader(io.StringIO(followups_csv.get_data(as_text=True))))
    assert row["company"] == "'=HYPERLINK(\"http://x\",\"y\")"
    filtered = staff.get("/staff/export/conversations.csv?sector=%40textiles").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(filtered)))
    assert [(r["sender_id"], r["sector"]) for r in rows] == [("chat-9", "'@textiles")]
    as_json = json.loads(staff.get("/staff/export/followups.json").data)
    assert as_json[0]["company"] == "=HYPERLINK(\"http://x\",\"y\")"
    exports = [entry for entry in audit_entries(database_url) if entry[1] == "export"]
    assert exports == [("sam", "export", "followups"), ("sam", "export", "conversations"),
                       ("sam", "export", "followups")]


def test_overview_counts_what_owners_were_shown_and_voiced(trainer, database_url) -> None:
    owner_asks_for_followup(database_url, "chat-10")
    record_profile("chat-11", {"sector": "textiles", "innovation_need": "new_markets"}, url=database_url)
    save_turns(database_url, "chat-12", dropped_turns())
    record_recommendation("chat-13", list(reversed(RANKED_MODELS)), RANKED_PARTNERS, [], url=database_url)
    page = trainer.get("/staff/overview").get_data(as_text=True)
    assert page.count("<svg") == 6
    assert "Conversations started per week" in page
    assert "Food and drink / New product: 1" in page and "textiles / new markets: 1" in page
    models = page[page.index("Models shown"):page.index("Partner types shown")]
    for shown in ("Co-development partnership", "Supplier collaboration", "Innovation ecosystem or cluster"):
        assert f"<td>{shown}</td><td>1</td>" in models
    assert "Licensing out" not in models  # ranked, never shown
    partners = page[page.index("Partner types shown"):]
    assert "<td>Supplier</td><td>2</td>" in partners and "Crowd" not in partners
    voiced = page[page.index("Misconceptions owners voiced"):page.index("Models shown")]
    assert voiced.count("<tr><td>") == 1 and "<td>1</td>" in voiced  # one voiced, not three cards
    funnel = page[page.index("How far conversations got"):page.index("Conversations per week")]
    for label, count in (("Started", 4), ("Reached a recommendation", 2), ("Asked for follow-up", 1),
                         ("Dropped", 2)):
        assert f"<dt>{label}</dt><dd>{count}</dd>" in funnel
    assert "<td>innovation need</td><td>1</td>" in funnel
    assert "25%" in page and "1 of 4 conversations" in page


def test_changes_exports_erasure_and_personal_data_views_are_audited_not_lists(admin, database_url) -> None:
    reference = owner_asks_for_followup(database_url, "chat-12")
    for page in ("/staff/", "/staff/followups", f"/staff/followups/{reference}", "/staff/conversations",
                 "/staff/conversations/chat-12", "/staff/overview", "/staff/audit",
                 "/staff/export/conversations.json", f"/staff/followups/{reference}/partnering.txt"):
        assert admin.get(page, follow_redirects=True).status_code == 200, page
    confirm = admin.get("/staff/conversations/chat-12/erase").get_data(as_text=True)
    assert admin.post("/staff/conversations/chat-12/erase",
                      data={"csrf_token": csrf_token(confirm)}).status_code == 302

    entries = audit_entries(database_url)
    actions = [(action, target) for actor, action, target in entries if actor == "ada"]
    assert ("login", "ada") in actions and ("export", "conversations") in actions
    for not_logged in ("followups", "conversations", "overview", "audit"):
        assert ("view", not_logged) not in actions
    erased = [target for action, target in actions if action == "erase"]
    assert len(erased) == 1 and erased[0].startswith("erased:")
    assert sum(1 for _a, target in actions if target == erased[0]) == 4  # 2 views, 1 export, erase
    assert all("chat-12" not in target and reference not in target for _a, _b, target in entries)
    with get_engine(database_url).connect() as connection:
        assert count_rows(connection, "chat-12") == 0
    assert admin.get("/staff/conversations/chat-12").status_code == 404
    audit_page = admin.get("/staff/audit").get_data(as_text=True)
    assert erased[0] in audit_page
