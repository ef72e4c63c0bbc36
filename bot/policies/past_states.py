"""A conversation's past dialogue states, each computed once per conversation.

Before every prediction, Rasa's rule policy turns the whole conversation into
its list of dialogue states: it replays the events into a fresh tracker and
describes the tracker before each action (intent, entities, slots, previous
action, active form). A turn makes two to seven predictions, and each
describes every earlier step again, so late in a diagnosis this was most of
the policy's time.

A step's state depends only on the events applied before it. Each step is
therefore keyed by those events (their identities chained into one hash) and
its state is kept; the replay still runs, since it is cheap, but a step whose
events were already seen is not described again (and the applied events
themselves are carried forward, :mod:`bot.policies.applied_events`). Rasa's own rewinds (a form
turn replacing the previous one, a reverted utterance) give different chains
and so fresh states. The states handed out are copies, because Rasa's
featurizer edits them in place.
"""
from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Dict, List, Tuple

from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.policies.applied_events import AppliedEvents

#: conversations whose states are kept (the least recently used are dropped)
KEEP_CONVERSATIONS = 200

StepKey = Tuple[int, int]
"""(number of events applied, hash chained over their identities)."""


class PastStates:
    """Past states of plain trackers, reusing those of steps already described."""

    def __init__(self, size: int = KEEP_CONVERSATIONS) -> None:
        self.size = size
        self._kept: "OrderedDict[int, _Kept]" = OrderedDict()
        self._lock = threading.Lock()

    def states(self, tracker: DialogueStateTracker, domain: Domain,
               omit_unset_slots: bool = False) -> List[State]:
        """What ``domain.states_for_tracker_history(tracker)`` returns (without rule-only turns hidden)."""
        kept = self._kept_for(tracker, domain, omit_unset_slots)
        known = kept.states
        replay = tracker.init_copy()
        found: List[State] = []
        key: StepKey = (0, 0)
        for event in kept.applied.of(tracker):
            if isinstance(event, ActionExecuted):
                found.append(_copy(_state(known, key, replay, domain, omit_unset_slots)))
            replay.update(event)
            key = (key[0] + 1, hash((key[1], id(event))))
        found.append(_copy(_state(known, key, replay, domain, omit_unset_slots)))
        return found

    def _kept_for(self, tracker: DialogueStateTracker, domain: Domain, omit_unset_slots: bool) -> "_Kept":
        """What is kept for this tracker (same object, domain and setting), or a new empty record.

        Keys name event objects by identity, which is safe while the tracker
        that holds those events is alive: the weak reference checks that.
        """
        identity = hash((id(tracker), id(domain), omit_unset_slots))
        with self._lock:
            kept = self._kept.pop(identity, None)
            if kept is None or kept.tracker() is not tracker:
                kept = _Kept(weakref.ref(tracker))
            self._kept[identity] = kept
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return kept


@dataclass
class _Kept:
    """One conversation's described steps and its applied events so far."""

    tracker: "weakref.ref[DialogueStateTracker]"
    states: Dict[StepKey, State] = field(default_factory=dict)
    applied: AppliedEvents = field(default_factory=AppliedEvents)


def _state(known: Dict[StepKey, State], key: StepKey, replay: DialogueStateTracker, domain: Domain,
           omit_unset_slots: bool) -> State:
    state = known.get(key)
    if state is None:
        state = known[key] = domain.get_active_state(replay, omit_unset_slots=omit_unset_slots)
    return state


def _copy(state: State) -> State:
    """A copy safe to edit as Rasa's featurizer does (it deletes keys of the sub-states)."""
    copied: Dict[str, Any] = {part: dict(sub_state) for part, sub_state in state.items()}
    return copied
