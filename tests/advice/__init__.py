"""Unit tests of the advice package (bot/advice): pure Python, no Rasa."""
