"""Rasa dialogue policies of OI Advisor: Rasa's own, made cheaper per turn."""
