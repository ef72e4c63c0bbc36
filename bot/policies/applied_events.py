"""A conversation's applied events, carried forward as events are added.

Rasa's ``DialogueStateTracker.applied_events`` walks every event of the
session on each call, and for every form execution walks back again to its
previous one, so its cost grows with the square of a diagnosis's length; the
rule policy asks for it before every prediction. The walk is a left fold
(each event adds to, or rewinds, the list so far), so its result for the
events seen last time is the starting point for the events added since.

Each step below restates one branch of Rasa 3.6's fold, using the tracker's
own helpers; ``tests/dialogue/test_kept_states.py`` checks the result
against Rasa's after every event of every story and rule. The fold depends
on one thing outside the events folded so far: the names of all forms the
session ever activates. When that set changes, the fold starts again.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import FrozenSet, List, Optional

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker


@dataclass
class AppliedEvents:
    """The fold's progress over one tracker's events."""

    folded: int = 0
    last: Optional[Event] = None
    loops: FrozenSet[str] = frozenset()
    applied: List[Event] = field(default_factory=list)

    def of(self, tracker: DialogueStateTracker) -> List[Event]:
        """``tracker.applied_events()``, folding only the events added since the last call."""
        events = tracker.events
        loops = frozenset(event.name for event in events if isinstance(event, ActiveLoop) and event.name)
        if not self._continues(tracker, loops):
            self.folded, self.applied = 0, []
        self.loops = loops
        for event in itertools.islice(events, self.folded, None):
            self.applied = _fold(tracker, self.applied, event, loops)
        self.folded, self.last = len(events), events[-1] if events else None
        return list(self.applied)

    def _continues(self, tracker: DialogueStateTracker, loops: FrozenSet[str]) -> bool:
        """Whether the events folded so far are still the tracker's first ones, under the same forms."""
        events = tracker.events
        return (loops == self.loops and 0 < self.folded <= len(events)
                and events[self.folded - 1] is self.last)


def _fold(tracker: DialogueStateTracker, applied: List[Event], event: Event,
          loops: FrozenSet[str]) -> List[Event]:
    """The applied events after ``event``, as one step of Rasa's fold."""
    if isinstance(event, (Restarted, SessionStarted)):
        return []
    if isinstance(event, ActionReverted):
        tracker._undo_till_previous(ActionExecuted, applied)
    elif isinstance(event, UserUtteranceReverted):
        tracker._undo_till_previous(UserUttered, applied)
        tracker._undo_till_previous(ActionExecuted, applied)
    elif (isinstance(event, ActionExecuted) and event.action_name in loops
          and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)):
        tracker._undo_till_previous_loop_execution(event.action_name, applied)
    else:
        applied.append(event)
    return applied
