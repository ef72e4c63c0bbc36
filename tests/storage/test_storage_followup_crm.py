"""The follow-up queue as a CRM: note threads, search, sorting, due dates, assignment, safe CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from sqlalchemy import select, update

from bot.storage import export, followups
from bot.storage.conversations import create_followup
from bot.storage.database import get_engine, transaction, utcnow
from bot.storage.migrate import upgrade
from bot.storage.tables import conversations, followup_notes
from bot.storage.tables import followups as followup_table


def _request(url: str, sender: str, company: str, **contact: str) -> str:
    reference = create_followup(sender, consent_text="I agree.", name=contact.pop("name", "Ann Lee"),
                                company=company, email=contact.pop("email", "ann@lee.example"),
                                url=url, **contact)
    assert reference
    return reference


def test_notes_form_a_thread_with_author_and_time(database_url: str) -> None:
    upgrade(database_url)
    reference = _request(database_url, "s1", "Lee GmbH")
    with transaction(database_url) as connection:
        assert followups.add_note(connection, reference, "Called, no answer", author="sam")
        assert followups.add_note(connection, reference, "  ", author="sam") is False
        assert followups.add_note(connection, "OI-XXXX-XXXX", "lost", author="sam") is False
        assert followups.add_note(connection, reference, "Meeting on Friday", author="ada")
        item = followups.get(connection, reference)
    assert [(n.author, n.body) for n in item.notes] == [("sam", "Called, no answer"),
                                                         ("ada", "Meeting on Friday")]
    assert all(n.created_at for n in item.notes)


def test_search_sort_due_dates_and_assignment(database_url: str) -> None:
    upgrade(database_url)
    first = _request(database_url, "s1", "Alpha Tools", phone="+43 1 234 5678")
    second = _request(database_url, "s2", "Zeta Foods", name="Bo Berg", email="bo@zeta.example")
    third = _request(database_url, "s3", "Mid Metal")
    today = utcnow().date()
    with transaction(database_url) as connection:
        connection.execute(update(followup_table).where(followup_table.c.reference == first)
                           .values(created_at=utcnow() - timedelta(days=9)))
        changed = followups.update_request(connection, second, status="contacted", assignee="sam",
                                           due_on=today - timedelta(days=1))
        followups.update_request(connection, third, status="new", assignee=None, due_on=today + timedelta(days=3))
        followups.add_note(connection, first, "wants a university contact", author="sam")
        assert followups.assign(connection, first, "ada")
        assert followups.update_request(connection, "OI-XXXX-XXXX", status="new", assignee=None) is None

        def refs(**options) -> list:  # type: ignore[no-untyped-def]
            return [item.reference for item in followups.queue(connection, **options)]

        assert refs(text="zeta") == [second] and refs(text="BO@ZETA") == [second]
        assert refs(text="234 5678") == [first] and refs(text="university") == [first]
        assert refs(text="100%") == []
        assert refs(sort="company") == [first, third, second]
        assert refs(sort="due") == [second, third, first]  # no due date last
        assert refs(sort="received")[-1] == first
        assert refs() == [third, first, second]  # new first, newest first within
        assert refs(assignee="ada") == [first]
        items = {item.reference: item for item in followups.queue(connection)}
    assert changed == {"status": ["new", "contacted"], "assignee": [None, "sam"],
                       "due_on": [None, (today - timedelta(days=1)).isoformat()]}
    assert items[first].age_days(today) == 9 and items[second].overdue(today)
    assert not items[third].overdue(today)


def test_followup_csv_keeps_the_thread_and_neutralises_formulas(database_url: str) -> None:
    upgrade(database_url)
    reference = _request(database_url, "s1", '=HYPERLINK("http://x","y")', name="@Ann",
                         phone="+43 1 234 5678")
    with transaction(database_url) as connection:
        followups.add_note(connection, reference, "=1+1 first call", author="sam")
        followups.update_request(connection, reference, status="contacted", assignee="sam",
                                 due_on=date(2031, 5, 4))
        result = export.export(connection, "followups", "csv", actor="sam")
    row = next(csv.DictReader(io.StringIO(result.content)))
    assert row["company"] == "'=HYPERLINK(\"http://x\",\"y\")" and row["name"] == "'@Ann"
    assert row["phone"] == "'+43 1 2345678" and row["due_on"] == "2031-05-04"
    assert row["notes"].endswith("sam: =1+1 first call")
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_upgrading_moves_old_single_notes_into_threads(database_url: str) -> None:
    upgrade(database_url, "0002")
    now = utcnow()
    with transaction(database_url) as connection:  # rows as revision 0002 held them
        connection.execute(conversations.insert().values(
            sender_id="old", started_at=now, last_seen_at=now, status="new"))
        for reference, notes in (("OI-AAAA-AAAA", "called twice"), ("OI-BBBB-BBBB", "")):
            connection.execute(followup_table.insert().values(
                reference=reference, sender_id="old", name="Ann", company="Lee", consent_text="ok",
                consented_at=now, status="new", notes=notes, created_at=now, updated_at=now))
    upgrade(database_url)
    with get_engine(database_url).connect() as connection:
        moved = connection.execute(select(followup_notes)).all()
        left = connection.execute(select(followup_table.c.notes)).scalars().all()
    assert [(n.reference, n.body, n.sender_id) for n in moved] == [("OI-AAAA-AAAA", "called twice", "old")]
    assert left == ["", ""]
