"""The consenting firms as profiles, read once and reused until the network changes.

Ranking one firm reads every consenting profile. Decoding thousands of rows
for every page view would cost far more than the ranking, so the profiles are
kept per database and re-read only when a cheap fingerprint of the network
tables changes: a consent given or withdrawn, a profile edited, a firm erased,
a follow-up reference added. The fingerprint is checked on every call, so a
withdrawal still takes the firm out of the very next suggestion.
"""
from __future__ import annotations

import threading
from typing import Dict, List, Tuple

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from bot.network.pool import Pool
from bot.network.profile import NetworkProfile
from bot.storage.network_consent import active_consent
from bot.storage.tables import followups, network_consents, network_profiles

_cache: Dict[str, Tuple[tuple, Pool]] = {}
_lock = threading.Lock()


def fingerprint(connection: Connection) -> tuple:
    """Values that change whenever the set of consenting profiles or their names change."""
    p, c, f = network_profiles.c, network_consents.c, followups.c
    return tuple(connection.execute(select(
        select(func.count()).select_from(network_profiles).scalar_subquery(),
        select(func.max(p.updated_at)).scalar_subquery(),
        select(func.max(c.id)).scalar_subquery(),
        select(func.max(c.withdrawn_at)).scalar_subquery(),
        select(func.count()).where(c.withdrawn_at.is_(None)).select_from(network_consents).scalar_subquery(),
        select(func.max(f.id)).scalar_subquery(),
    )).one())


def profile_from_row(row, label: str, consented: bool) -> NetworkProfile:
    """A stored row as a profile; stored values were cleaned when written, so they are taken as they are."""
    return NetworkProfile(
        firm_id=row.sender_id, sector=row.sector, size=row.size, stage=row.stage,
        needs=tuple(row.needs or ()), barriers=tuple(row.barriers or ()), offers=tuple(row.offers or ()),
        ip_sensitivity=row.ip_sensitivity, abroad=row.abroad, past_partners=tuple(row.past_partners or ()),
        seeks_text=row.seeks_text or "", offers_text=row.offers_text or "", consented=consented, label=label)


def _read(connection: Connection) -> List[NetworkProfile]:
    """Every consenting profile, oldest member first, named as the desk names it."""
    c = network_profiles.c
    rows = list(
        connection.execute(select(network_profiles).where(active_consent(c.sender_id)).order_by(c.id))
    )
    references = {sender: reference for sender, reference in connection.execute(
        select(followups.c.sender_id, followups.c.reference).order_by(followups.c.id.desc()))}
    return [profile_from_row(row, references.get(row.sender_id, row.sender_id), True) for row in rows]


def consenting_pool(connection: Connection) -> Pool:
    """The consenting firms prepared for ranking, from the cache while the network is unchanged."""
    key = str(connection.engine.url)
    stamp = fingerprint(connection)
    with _lock:
        cached = _cache.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
    pool = Pool(_read(connection))
    with _lock:
        _cache[key] = (stamp, pool)
    return pool


def consenting_profiles(connection: Connection) -> List[NetworkProfile]:
    """The consenting profiles, oldest member first."""
    return [firm for firm, _, _ in consenting_pool(connection).entries]


def forget() -> None:
    """Drop every kept pool, e.g. to time a first read (the fingerprint makes this unnecessary otherwise)."""
    with _lock:
        _cache.clear()
