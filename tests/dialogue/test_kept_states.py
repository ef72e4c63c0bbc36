"""The rule policy's kept past states are exactly those Rasa computes, step by step."""
from __future__ import annotations

import gc
from typing import List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Restarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter

from bot.policies.applied_events import AppliedEvents
from bot.policies.past_states import PastStates
from tests.servers import ROOT


@pytest.fixture(scope="module")
def training() -> tuple:
    importer = TrainingDataImporter.load_from_config(str(ROOT / "config.yml"), str(ROOT / "domain.yml"),
                                                     [str(ROOT / "data")])
    domain = importer.get_domain()
    generated = TrainingDataGenerator(importer.get_stories(), domain, remove_duplicates=False,
                                      augmentation_factor=0).generate()
    return domain, generated


def replayed_one_event_at_a_time(events: List, domain: Domain, past: PastStates) -> int:
    """Feed ``events`` to one live tracker, comparing kept and Rasa's states after every event."""
    live = DialogueStateTracker("live", domain.slots)
    applied = AppliedEvents()
    compared = 0
    for event in events:
        live.update(event)
        assert applied.of(live) == live.applied_events()
        for _ in range(2):  # the second read comes from what was kept
            assert past.states(live, domain) == domain.states_for_tracker_history(live)
            compared += 1
    return compared


def test_every_story_and_rule_gives_rasas_states_at_every_step(training: tuple) -> None:
    domain, generated = training
    past = PastStates()
    compared = sum(replayed_one_event_at_a_time(list(tracker.events), domain, past) for tracker in generated)
    assert len(generated) > 50 and compared > 1000


def test_form_turns_that_replace_each_other_are_described_afresh(training: tuple) -> None:
    """Rasa drops a form's previous happy-path turn from the applied events; the kept states follow."""
    domain, _ = training
    events = [ActionExecuted("action_listen"), UserUttered("start", {"name": "start_diagnosis"}),
              ActionExecuted("action_start_diagnosis"), ActionExecuted("diagnosis_form")]
    events += [ActiveLoop("diagnosis_form"), SlotSet("requested_slot", "sector")]
    for answer, slot in (("bakery", "company_size"), ("12 staff", "innovation_need")):
        events += [ActionExecuted("action_listen"), UserUttered(answer, {"name": "inform"}),
                   ActionExecuted("diagnosis_form"), SlotSet("requested_slot", slot)]
    assert replayed_one_event_at_a_time(events, domain, PastStates()) == 2 * len(events)


def test_a_new_tracker_with_the_same_events_is_not_confused_with_a_dead_one(training: tuple) -> None:
    domain, generated = training
    past = PastStates(size=2)
    for tracker in generated[:20]:
        live = DialogueStateTracker.from_events("again", list(tracker.events), domain.slots)
        assert past.states(live, domain) == domain.states_for_tracker_history(live)
        del live
        gc.collect()


def test_editing_the_states_handed_out_leaves_the_kept_ones_intact(training: tuple) -> None:
    """Rasa's featurizer deletes the intent or the text of user states in place."""
    domain, generated = training
    past = PastStates()
    live = DialogueStateTracker.from_events("edited", list(generated[0].events), domain.slots)
    for state in past.states(live, domain):
        for sub_state in state.values():
            sub_state.clear()
    assert past.states(live, domain) == domain.states_for_tracker_history(live)


def test_a_form_named_only_later_refolds_from_the_start(training: tuple) -> None:
    """Which actions are forms is read from the whole session, so a new one changes earlier steps."""
    domain, _ = training
    live = DialogueStateTracker("late", domain.slots)
    applied = AppliedEvents()
    for event in [ActionExecuted("action_listen"), UserUttered("go", {"name": "start_diagnosis"}),
                  ActionExecuted("diagnosis_form"), ActionExecuted("action_listen"),
                  UserUttered("bakery", {"name": "inform"}), ActionExecuted("diagnosis_form"),
                  ActiveLoop("diagnosis_form")]:
        live.update(event)
        assert applied.of(live) == live.applied_events()


def test_reverted_utterances_and_actions_rewind_as_in_rasa(training: tuple) -> None:
    """A fallback reverts the owner's message; "back" reverts an action; a restart empties the session."""
    domain, _ = training
    events = [ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet"}), ActionExecuted("utter_greet"),
              ActionExecuted("action_listen"), UserUttered("asdf", {"name": "nlu_fallback"}),
              ActionExecuted("action_default_fallback"), UserUtteranceReverted(),
              ActionExecuted("action_listen"), UserUttered("start", {"name": "start_diagnosis"}),
              ActionExecuted("action_start_diagnosis"), ActionReverted(), ActionExecuted("action_listen"),
              UserUttered("hello", {"name": "greet"}), Restarted(), ActionExecuted("action_listen")]
    assert replayed_one_event_at_a_time(events, domain, PastStates()) == 2 * len(events)
