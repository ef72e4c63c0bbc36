"""Introductions between two firms of the network: who proposed them, and how they went.

Staff propose an introduction, then record each firm's answer. Both yes makes
it "accepted"; any no makes it "declined"; staff mark accepted ones
"collaborating" once the firms work together. A firm that withdraws its
matching consent declines every introduction still waiting for answers; an
accepted or collaborating one keeps its outcome as history, but its contact
details are no longer shown (:attr:`Introduction.shows_contacts`): they may
be shown to staff for passing on only while both firms said yes *and* both
still hold the matching consent they held when it was proposed. A firm that
agrees to be matched again gives a new consent; it does not bring back the
contacts of introductions made under the old one, which staff propose anew.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import List, Optional

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.network_consent import consent_held_since, has_consent
from bot.storage.tables import introductions

OPEN = ("proposed", "accepted", "collaborating")


class IntroductionError(ValueError):
    """An introduction that cannot be made or changed; the message says why."""


@dataclass(frozen=True)
class Introduction:
    """One introduction as stored."""

    id: int
    first_sender: str
    second_sender: str
    proposed_by: str
    proposed_at: datetime
    first_agreed: Optional[bool]
    second_agreed: Optional[bool]
    outcome: str
    updated_at: datetime
    both_consent: bool = False

    @property
    def both_agreed(self) -> bool:
        """Whether both firms said yes to the introduction (accepted or collaborating)."""
        return bool(self.first_agreed and self.second_agreed) and self.outcome in (
            "accepted",
            "collaborating",
        )

    @property
    def shows_contacts(self) -> bool:
        """Whether contact details may be shown: both said yes and both still agree to be matched."""
        return self.both_agreed and self.both_consent

    def other(self, sender_id: str) -> str:
        """The firm on the other side from ``sender_id``."""
        return self.second_sender if sender_id == self.first_sender else self.first_sender


def _introduction(row) -> Introduction:
    """A row of :func:`_select` as an :class:`Introduction`."""
    fields = {name: getattr(row, name) for name in Introduction.__dataclass_fields__}
    return Introduction(**{**fields, "both_consent": bool(fields["both_consent"])})


def _select():
    """SQL: introductions, each with whether both firms still hold the consent it was proposed under."""
    c = introductions.c
    both = (consent_held_since(c.first_sender, c.proposed_at)
            & consent_held_since(c.second_sender, c.proposed_at)).label("both_consent")
    return select(introductions, both)


def _between(first: str, second: str):
    """SQL: the introduction links these two firms, either way round."""
    c = introductions.c
    return or_((c.first_sender == first) & (c.second_sender == second),
               (c.first_sender == second) & (c.second_sender == first))


def propose(connection: Connection, first: str, second: str, *, by: str) -> Introduction:
    """Record that staff propose introducing two consenting firms.

    An open introduction made under the firms' present consents is reused;
    one made under a consent since withdrawn stays as history beside the new one.
    """
    if first == second:
        raise IntroductionError("A firm cannot be introduced to itself.")
    if not (has_consent(connection, first) and has_consent(connection, second)):
        raise IntroductionError("Both firms must agree to be matched before an introduction.")
    c = introductions.c
    rows = connection.execute(_select().where(_between(first, second), c.outcome.in_(OPEN)))
    current = [_introduction(row) for row in rows if row.both_consent]
    if current:
        return current[0]
    now = utcnow()
    new_id = connection.execute(insert(introductions).values(
        first_sender=first, second_sender=second, proposed_by=by[:80], proposed_at=now,
        outcome="proposed", updated_at=now)).inserted_primary_key[0]
    return _written(connection, new_id)


def get(connection: Connection, introduction_id: int) -> Optional[Introduction]:
    """The introduction with this id, if any."""
    row = connection.execute(_select().where(introductions.c.id == introduction_id)).first()
    return _introduction(row) if row else None


def _written(connection: Connection, introduction_id: int) -> Introduction:
    """The introduction just written in this transaction, which therefore exists."""
    written = get(connection, introduction_id)
    assert written is not None, introduction_id
    return written


def for_firm(connection: Connection, sender_id: str) -> List[Introduction]:
    """The firm's introductions, newest first."""
    c = introductions.c
    rows = connection.execute(_select()
                              .where(or_(c.first_sender == sender_id, c.second_sender == sender_id))
                              .order_by(c.id.desc()))
    return [_introduction(row) for row in rows]


def _outcome(first: Optional[bool], second: Optional[bool]) -> str:
    """What two answers amount to."""
    if first is False or second is False:
        return "declined"
    return "accepted" if first and second else "proposed"


def record_answer(connection: Connection, introduction_id: int, sender_id: str, agreed: bool) -> Introduction:
    """Record one firm's yes or no; returns the introduction as it now stands."""
    current = get(connection, introduction_id)
    if current is None:
        raise IntroductionError("There is no such introduction.")
    if sender_id not in (current.first_sender, current.second_sender):
        raise IntroductionError("That firm is not part of this introduction.")
    if current.outcome not in ("proposed", "accepted"):
        raise IntroductionError(f"The introduction is already {current.outcome}.")
    first = agreed if sender_id == current.first_sender else current.first_agreed
    second = agreed if sender_id == current.second_sender else current.second_agreed
    if agreed and not has_consent(connection, sender_id):
        raise IntroductionError("That firm no longer agrees to be matched.")
    connection.execute(update(introductions).where(introductions.c.id == introduction_id).values(
        first_agreed=first, second_agreed=second, outcome=_outcome(first, second), updated_at=utcnow()))
    return _written(connection, introduction_id)


def mark_collaborating(connection: Connection, introduction_id: int) -> Introduction:
    """Note that two firms who both agreed now work together."""
    current = get(connection, introduction_id)
    if current is None or not current.both_agreed:
        raise IntroductionError("Only an introduction both firms accepted can become a collaboration.")
    connection.execute(update(introductions).where(introductions.c.id == introduction_id)
                       .values(outcome="collaborating", updated_at=utcnow()))
    return _written(connection, introduction_id)


def close_open(connection: Connection, sender_id: str) -> int:
    """Decline the firm's introductions still waiting for answers (it withdrew); returns how many.

    Accepted and collaborating ones keep their outcome as history; their contact
    details stop showing because :attr:`Introduction.shows_contacts` asks for
    both firms' active consent.
    """
    c = introductions.c
    return connection.execute(update(introductions)
                              .where(or_(c.first_sender == sender_id, c.second_sender == sender_id),
                                     c.outcome == "proposed")
                              .values(outcome="declined", updated_at=utcnow())).rowcount
