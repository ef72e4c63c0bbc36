"""Rasa SDK actions: thin translators between Rasa and the ``bot`` package."""
