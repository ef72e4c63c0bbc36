"""Rasa's ``RulePolicy``, describing each step of a conversation once (:mod:`bot.policies.past_states`).

Everything else is Rasa's: the rules learnt, their matching, the loops and
the fallback. Only trackers of a live conversation use the kept states; the
training trackers Rasa builds from stories and rules keep their own cache.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.trackers import DialogueStateTracker

from bot.policies.past_states import PastStates


class _History:
    """Stands in for a tracker where Rasa's featurizer asks it for its past states."""

    def __init__(self, tracker: DialogueStateTracker, past: PastStates) -> None:
        self._tracker = tracker
        self._past = past

    def past_states(self, domain: Domain, omit_unset_slots: bool = False,
                    ignore_rule_only_turns: bool = False,
                    rule_only_data: Optional[Dict[Text, Any]] = None) -> List[State]:
        """The kept states; Rasa's own computation for the hidden rule turns only ML policies ask for."""
        if ignore_rule_only_turns:
            return self._tracker.past_states(domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        return self._past.states(self._tracker, domain, omit_unset_slots)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class KeptStatesRulePolicy(RulePolicy):
    """``RulePolicy`` whose past states come from :class:`PastStates`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._past = PastStates()

    def _prediction_states(self, tracker: DialogueStateTracker, domain: Domain,
                           use_text_for_last_user_input: bool = False,
                           rule_only_data: Optional[Dict[Text, Any]] = None) -> List[State]:
        """The featurizer's states as Rasa builds them, from the kept past states."""
        if type(tracker) is not DialogueStateTracker:  # Rasa's training trackers cache their own
            return super()._prediction_states(tracker, domain, use_text_for_last_user_input, rule_only_data)
        history = _History(tracker, self._past)
        return super()._prediction_states(history, domain,
                                          use_text_for_last_user_input, rule_only_data)
