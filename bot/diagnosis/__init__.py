"""The diagnosis conversation: its questions and how answers are understood."""
from bot.diagnosis.form import FORM_SLOTS, SKIPPED

__all__ = ["FORM_SLOTS", "SKIPPED"]
