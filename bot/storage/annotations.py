"""Reviewers' own marks on a conversation: tags and a thread of notes.

Tags are free words, with a few predefined ones offered first, normalised to
lower case so "Content gap" and "content gap" are one tag and filters find
them. Notes are never edited or overwritten: each is a new entry with its
author and time, so the thread is the record of the review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Dict, Iterable, List

from sqlalchemy import delete, distinct, insert, select
from sqlalchemy.engine import Connection

from bot.storage.database import insert_if_missing, utcnow
from bot.storage.tables import conversation_notes, conversation_tags

PREDEFINED_TAGS = ("misunderstood", "good example", "content gap")
MAX_TAG = 40
MAX_NOTE = 5_000
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Note:
    """One entry of a note thread (on a conversation or a follow-up)."""

    author: str
    body: str
    created_at: datetime


def clean_tag(text: str) -> str:
    """A tag as stored: trimmed, single-spaced, lower case, at most 40 characters."""
    return _SPACES.sub(" ", str(text or "")).strip().lower()[:MAX_TAG].strip()


def add_tag(connection: Connection, sender_id: str, tag: str, *, author: str) -> str:
    """Tag a conversation (adding a tag twice keeps one); returns the stored tag, "" if empty."""
    tag = clean_tag(tag)
    if tag:
        insert_if_missing(connection, conversation_tags, "id", sender_id=sender_id, tag=tag,
                          created_by=author[:80], created_at=utcnow())
    return tag


def remove_tag(connection: Connection, sender_id: str, tag: str) -> bool:
    """Take a tag off; False when it was not there."""
    where = (conversation_tags.c.sender_id == sender_id) & (conversation_tags.c.tag == clean_tag(tag))
    return bool(connection.execute(delete(conversation_tags).where(where)).rowcount)


def tags_of(connection: Connection, senders: Iterable[str]) -> Dict[str, List[str]]:
    """Each conversation's tags, alphabetically."""
    found: Dict[str, List[str]] = {}
    query = (select(conversation_tags.c.sender_id, conversation_tags.c.tag)
             .where(conversation_tags.c.sender_id.in_(list(senders)))
             .order_by(conversation_tags.c.tag))
    for sender, tag in connection.execute(query):
        found.setdefault(sender, []).append(tag)
    return found


def all_tags(connection: Connection) -> List[str]:
    """The predefined tags, then every other tag in use."""
    used = connection.execute(select(distinct(conversation_tags.c.tag))
                              .order_by(conversation_tags.c.tag)).scalars()
    return list(PREDEFINED_TAGS) + [t for t in used if t not in PREDEFINED_TAGS]


def add_note(connection: Connection, sender_id: str, body: str, *, author: str) -> bool:
    """Append a note to the conversation's thread; False for an empty note."""
    body = str(body or "").strip()[:MAX_NOTE]
    if not body:
        return False
    connection.execute(insert(conversation_notes).values(
        sender_id=sender_id, author=author[:80], body=body, created_at=utcnow()))
    return True


def notes_of(connection: Connection, sender_id: str) -> List[Note]:
    """The conversation's note thread, oldest first."""
    query = (select(conversation_notes).where(conversation_notes.c.sender_id == sender_id)
             .order_by(conversation_notes.c.id))
    return [Note(r.author, r.body, r.created_at) for r in connection.execute(query)]
