"""Rasa input channels adapted to the assistant's message contract.

Rasa imports this package for the channels named in ``credentials.yml``, before
it handles any message; that is when the apology for an unreachable action
server (:mod:`bot.channels.action_outage`) is put in place.
"""
from bot.channels.action_outage import install as _install_action_outage

_install_action_outage()
