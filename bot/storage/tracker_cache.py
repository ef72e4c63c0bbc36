"""The last tracker of each active conversation, kept in the Rasa process.

Rasa's SQL tracker store rebuilds a conversation on every message: it reads
every event of the session and replays them, which was the largest single
cost of a turn (see ``docs/benchmarks.md``). Between two messages of one
owner nothing else changes the conversation, so the tracker saved at the end
of a turn can serve the next one.

Whether it still may is decided by the database, not by this process: each
entry carries the stored session's event count and newest event id, and it is
used only while the database still reports the same pair. Another Rasa
server answering in between, an erasure from the staff desk or a new session
all change the pair, and the session is then read from the database as
usual. An entry is handed out once (the turn that takes it owns and changes
it) and comes back when that turn is saved. Entries expire after a few idle
minutes and the number kept is bounded, so erased conversations do not
linger in memory.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Optional, Tuple

from rasa.shared.core.trackers import DialogueStateTracker

StoredKey = Tuple[int, Optional[int]]
"""The stored session's event count and newest event id."""

KEEP_SECONDS = 600.0
#: a diagnosis's tracker holds about a megabyte of events; a hundred active
#: conversations per Rasa process is a busy afternoon, and more only read the database
KEEP_CONVERSATIONS = 100


@dataclass
class _Entry:
    tracker: DialogueStateTracker
    key: StoredKey
    kept_at: float


class TrackerCache:
    """A bounded, expiring map from sender id to its last saved tracker."""

    def __init__(self, seconds: float = KEEP_SECONDS, size: int = KEEP_CONVERSATIONS) -> None:
        self.seconds = seconds
        self.size = size
        self._entries: "OrderedDict[str, _Entry]" = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, tracker: DialogueStateTracker, key: StoredKey) -> None:
        """Keep a saved tracker with the stored state it matches."""
        with self._lock:
            self._entries.pop(tracker.sender_id, None)
            self._entries[tracker.sender_id] = _Entry(tracker, key, time.monotonic())
            self._expire()

    def take(self, sender_id: str, key: StoredKey) -> Optional[DialogueStateTracker]:
        """The kept tracker if the database still holds exactly what it saved.

        The entry leaves the cache either way: a match is now owned by the
        caller, and a mismatch is out of date.
        """
        with self._lock:
            self._expire()
            entry = self._entries.pop(sender_id, None)
        if entry is None or entry.key != key:
            return None
        return entry.tracker

    def drop(self, sender_id: str) -> None:
        """Forget one conversation, for example after its erasure."""
        with self._lock:
            self._entries.pop(sender_id, None)

    def clear(self) -> None:
        """Forget every conversation, for example when a new model changes the slots."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _expire(self) -> None:
        oldest_allowed = time.monotonic() - self.seconds
        while self._entries:
            sender_id, entry = next(iter(self._entries.items()))
            if entry.kept_at >= oldest_allowed and len(self._entries) <= self.size:
                break
            del self._entries[sender_id]
