"""The consenting firms as profiles, read once and reused until the network changes.

Ranking one firm reads every consenting profile. Decoding thousands of rows
for every page view would cost far more than the ranking, so the profiles are
kept per database and re-read only when a cheap fingerprint of the network
tables changes: a consent given or withdrawn, a profile edited, a firm erased,
a follow-up reference added. The fingerprint is checked on every call, so a
withdrawal still takes the firm out of the very next suggestion.

After a change, only the firms whose profile or name changed are decoded
again: every firm's last change and name are read (two short columns), and
the others keep what was prepared for them before.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Tuple

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from bot.network.pool import Entry, Pool, prepare
from bot.network.profile import NetworkProfile
from bot.storage.network_consent import active_consent
from bot.storage.tables import followups, network_consents, network_profiles

#: when a firm's profile last changed, and the name the desk gives it
Version = Tuple[Any, str]
#: each kept firm's version and prepared entry
Firms = Mapping[str, Tuple[Version, Entry]]
#: above this share of changed firms, every row is read at once rather than by id
READ_ALL = 0.5
#: ids per query when reading changed firms (below every backend's limit on parameters)
CHUNK = 500


@dataclass(frozen=True)
class _Kept:
    """A database's prepared pool, the fingerprint it was read at, and each firm's version and entry."""

    stamp: tuple
    pool: Pool
    firms: Firms


_cache: Dict[str, _Kept] = {}
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


def _read(connection: Connection, known: Firms) -> Dict[str, Tuple[Version, Entry]]:
    """Every consenting firm, oldest member first, decoding only those changed since ``known``."""
    c = network_profiles.c
    names = _names(connection)
    versions = {sender: (updated, names.get(sender, sender)) for sender, updated in connection.execute(
        select(c.sender_id, c.updated_at).where(active_consent(c.sender_id)).order_by(c.id))}
    changed = {sender for sender, version in versions.items()
               if sender not in known or known[sender][0] != version}
    fresh = {row.sender_id: prepare(profile_from_row(row, versions[row.sender_id][1], True))
             for row in _rows(connection, changed, everything=len(changed) > READ_ALL * len(versions))
             if row.sender_id in versions}
    firms = {}
    for sender, version in versions.items():
        if sender in fresh:
            firms[sender] = (version, fresh[sender])
        elif sender not in changed:
            firms[sender] = known[sender]
    return firms


def _names(connection: Connection) -> Dict[str, str]:
    """Each firm's name on the desk: its first follow-up reference."""
    return {sender: reference for sender, reference in connection.execute(
        select(followups.c.sender_id, followups.c.reference).order_by(followups.c.id.desc()))}


def _rows(connection: Connection, senders: Iterable[str], everything: bool) -> Iterable[Any]:
    """The consenting profiles' rows: all of them, or those of ``senders``."""
    c = network_profiles.c
    consenting = select(network_profiles).where(active_consent(c.sender_id))
    if everything:
        return list(connection.execute(consenting))
    wanted = sorted(senders)
    rows: List[Any] = []
    for start in range(0, len(wanted), CHUNK):
        rows += connection.execute(consenting.where(c.sender_id.in_(wanted[start:start + CHUNK])))
    return rows


def consenting_pool(connection: Connection) -> Pool:
    """The consenting firms prepared for ranking, from the cache while the network is unchanged."""
    key = str(connection.engine.url)
    stamp = fingerprint(connection)
    with _lock:
        kept = _cache.get(key)
    if kept and kept.stamp == stamp:
        return kept.pool
    firms = _read(connection, kept.firms if kept else {})
    pool = Pool.of_prepared(entry for _, entry in firms.values())
    with _lock:
        _cache[key] = _Kept(stamp, pool, firms)
    return pool


def consenting_profiles(connection: Connection) -> List[NetworkProfile]:
    """The consenting profiles, oldest member first."""
    return [firm for firm, _, _ in consenting_pool(connection).entries]


def forget() -> None:
    """Drop every kept pool, e.g. to time a first read (the fingerprint makes this unnecessary otherwise)."""
    with _lock:
        _cache.clear()
