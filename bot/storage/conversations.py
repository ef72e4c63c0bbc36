"""What the Rasa actions store about a conversation: the calls they make, and nothing more.

Each function is one short transaction. Whatever goes wrong in the database
(down, locked, full) is raised as one ``StorageError``, so the actions catch
a single exception and tell the owner politely that the note could not be
saved, while the chat goes on.
The schema is brought up to date on first use, so a fresh action server works
against an empty database.
"""
from __future__ import annotations

import functools
import json
import logging
from typing import Any, Callable, Mapping, Optional, Sequence, TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from bot.followup.request import FollowupError, new_reference, validate_request
from bot.storage import erasure
from bot.storage.database import StorageError, insert_if_missing, transaction, utcnow
from bot.storage.migrate import ensure_schema
from bot.storage.tables import (
    conversations,
    followups,
    misconceptions_raised,
    recommendations,
    tutorial_progress,
)

logger = logging.getLogger(__name__)

PROFILE_COLUMNS = ("sector", "company_size", "innovation_need", "innovation_stage")
T = TypeVar("T")


def chat_call(func: Callable[..., T]) -> Callable[..., T]:
    """Bring the schema up to date first, and raise any failure as a ``StorageError``.

    The chat's callers then need to know one exception only, whichever
    database driver is behind the URL.
    """

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> T:
        try:
            ensure_schema(kwargs.get("url"))
            return func(*args, **kwargs)
        except StorageError:
            raise
        except Exception as error:  # noqa: BLE001 - every driver's errors, one kind for the chat
            raise StorageError(f"{func.__name__} failed") from error

    return guarded


def touch(connection: Connection, sender_id: str) -> None:
    """Make sure the conversation row exists and note that the owner is active."""
    now = utcnow()
    insert_if_missing(connection, conversations, "sender_id",
                      sender_id=sender_id, started_at=now, last_seen_at=now)
    connection.execute(
        update(conversations)
        .where(conversations.c.sender_id == sender_id)
        .values(last_seen_at=now)
    )


def _json_safe(value: Any) -> Any:
    """Plain JSON data: tuples become lists, anything unusual becomes its text."""
    return json.loads(json.dumps(value, default=str))


def _first_id(value: Any) -> Optional[str]:
    """A single id for a filter column; the first of a list, cut to the column size."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    text = str(value).strip() if value is not None else ""
    return text[:100] or None


@chat_call
def record_profile(sender_id: str, profile: Mapping[str, Any], *, url: Optional[str] = None) -> None:
    """Store the diagnosed firm profile (slot-shaped dict)."""
    columns = {name: _first_id(profile.get(name)) for name in PROFILE_COLUMNS}
    with transaction(url) as connection:
        touch(connection, sender_id)
        connection.execute(
            update(conversations)
            .where(conversations.c.sender_id == sender_id)
            .values(profile=_json_safe(dict(profile)), **columns)
        )


@chat_call
def record_recommendation(
    sender_id: str,
    models: Sequence[Any],
    partners: Sequence[Any],
    guidance: Sequence[Any],
    *,
    url: Optional[str] = None,
) -> None:
    """Store the collaboration models, partner types and guidance just recommended."""
    with transaction(url) as connection:
        touch(connection, sender_id)
        connection.execute(
            insert(recommendations).values(
                sender_id=sender_id,
                models=_json_safe(list(models)),
                partners=_json_safe(list(partners)),
                guidance=_json_safe(list(guidance)),
                created_at=utcnow(),
            )
        )


@chat_call
def record_misconception(sender_id: str, misconception_id: str, *, url: Optional[str] = None) -> None:
    """Note that the owner voiced the misconception with this knowledge-base id."""
    with transaction(url) as connection:
        touch(connection, sender_id)
        connection.execute(
            insert(misconceptions_raised).values(
                sender_id=sender_id, misconception_id=str(misconception_id)[:100], raised_at=utcnow()
            )
        )


@chat_call
def record_tutorial_progress(
    sender_id: str,
    lesson_id: str,
    *,
    step: int,
    score: Optional[int] = None,
    done: bool = False,
    url: Optional[str] = None,
) -> None:
    """Remember where the owner is in a lesson; the best quiz score and "done" only go up."""
    where = (tutorial_progress.c.sender_id == sender_id) & (tutorial_progress.c.lesson_id == lesson_id)
    with transaction(url) as connection:
        touch(connection, sender_id)
        row = connection.execute(select(tutorial_progress).where(where)).first()
        if row is None:
            connection.execute(
                insert(tutorial_progress).values(
                    sender_id=sender_id, lesson_id=lesson_id, step=step,
                    best_score=score, done=done, updated_at=utcnow(),
                )
            )
            return
        scores = [s for s in (row.best_score, score) if s is not None]
        connection.execute(
            update(tutorial_progress).where(where).values(
                step=step, best_score=max(scores) if scores else None,
                done=bool(row.done or done), updated_at=utcnow(),
            )
        )


@chat_call
def create_followup(
    sender_id: str,
    *,
    consent_text: str,
    name: Any,
    company: Any,
    email: Any = None,
    phone: Any = None,
    preferred_time: Any = None,
    url: Optional[str] = None,
) -> Optional[str]:
    """Store a follow-up request and return its reference, or None if it was refused.

    ``consent_text`` is the wording the owner agreed to; without it nothing is
    written. Fields are validated again here (the form validates them first)
    so that nothing malformed reaches the staff desk.
    """
    if not str(consent_text or "").strip():
        logger.warning("storage: follow-up without consent refused; nothing stored")
        return None
    try:
        request = validate_request(
            name=name, company=company, email=email, phone=phone, preferred_time=preferred_time
        )
    except FollowupError as error:
        logger.warning("storage: follow-up refused, invalid %s", error.field)
        return None
    now = utcnow()
    with transaction(url) as connection:
        touch(connection, sender_id)
        reference = _unused_reference(connection)
        connection.execute(
            insert(followups).values(
                reference=reference, sender_id=sender_id, name=request.name,
                company=request.company, email=request.email, phone=request.phone,
                preferred_time=request.preferred_time, consent_text=str(consent_text).strip(),
                consented_at=now, status="new", notes="", created_at=now, updated_at=now,
            )
        )
    return reference


def _unused_reference(connection: Connection) -> str:
    """A fresh reference not yet in the table (collisions are rare, but cheap to rule out)."""
    while True:
        reference = new_reference()
        taken = connection.execute(
            select(followups.c.id).where(followups.c.reference == reference)
        ).first()
        if taken is None:
            return reference


@chat_call
def erase_sender(sender_id: str, *, actor: str = "owner", url: Optional[str] = None) -> None:
    """Erase the owner's conversation, follow-up and transcript ("delete my data")."""
    with transaction(url) as connection:
        erasure.erase(connection, sender_id, actor=actor)
