"""An apology instead of silence when the action server cannot be reached.

Rasa 3.6 has no fallback for a failed custom action: it logs "Bot will
continue, but the actions events are lost" and the owner gets no reply at all.
Here every custom action (and the form that calls the validation and question
actions) turns such a failure into two events:

* the apology, sent to the owner and kept in the transcript;
* ``FollowupAction("action_listen")``, so Rasa waits for the owner's next message
  instead of predicting more actions that would fail the same way.

The failed action changed nothing (no slot was set), so the conversation is
where it was: a form is still on its question. The owner's message stays in
the transcript. Rasa's ``UserUtteranceReverted`` would look tidier but, inside
a form, Rasa's own history compaction makes it undo the form's activation too.
When the action server is back (supervisord restarts it), the owner's next
message continues the conversation from there. A 400 answer is a deliberate
rejection by the action (a form refusing a slot) and keeps Rasa's own handling.
"""
from __future__ import annotations

import logging
from typing import Any, List

from rasa.core.actions import action as rasa_action
from rasa.core.actions import forms as rasa_forms
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import BotUttered, Event, FollowupAction
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on our side. Please try again in a moment."


class ActionServerUnavailable(RasaException):
    """The action server refused, timed out or failed; the action did not run."""


def outage_events() -> List[Event]:
    """Apologise and wait for the owner's next message."""
    return [BotUttered(APOLOGY), FollowupAction(ACTION_LISTEN_NAME)]


class RaisingRemoteAction(RemoteAction):
    """A remote action whose failures raise :class:`ActionServerUnavailable`."""

    async def run(self, *args: Any, **kwargs: Any) -> List[Event]:
        try:
            return await super().run(*args, **kwargs)
        except ActionExecutionRejection:
            raise
        except RasaException as error:
            raise ActionServerUnavailable(str(error)) from error


class OutageAwareRemoteAction(RaisingRemoteAction):
    """A custom action run directly by Rasa: on failure, the outage events."""

    async def run(self, *args: Any, **kwargs: Any) -> List[Event]:
        try:
            return await super().run(*args, **kwargs)
        except ActionServerUnavailable as error:
            logger.error("action %s failed, owner asked to retry: %s", self.name(), error)
            return outage_events()


class OutageAwareFormAction(FormAction):
    """A form whose validation or question action failed: the outage events."""

    async def run(self, *args: Any, **kwargs: Any) -> List[Event]:
        try:
            return await super().run(*args, **kwargs)
        except ActionServerUnavailable as error:
            logger.error("form %s failed, owner asked to retry: %s", self.name(), error)
            return outage_events()


def install() -> None:
    """Make Rasa build our action classes wherever it builds its own.

    Rasa creates remote actions and forms through module-level names
    (``action_for_name_or_text`` and ``FormAction._validate_if_required``), so
    replacing those names is the one way in; the classes only add handling
    around Rasa's own ``run``. Form questions (``action_ask_*``) come back as
    outage events inside the form's run, which the form passes on unchanged.
    """
    rasa_action.RemoteAction = OutageAwareRemoteAction
    rasa_forms.RemoteAction = RaisingRemoteAction
    rasa_forms.FormAction = OutageAwareFormAction
