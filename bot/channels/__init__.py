"""Rasa input channels adapted to the assistant's message contract."""
