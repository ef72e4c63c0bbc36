"""Advice for SME owners: rank collaboration models and partners, judge readiness, render it.

Pure Python over the typed knowledge base; nothing here imports Rasa, so the
actions, the web app and the tests all share the same logic.

    profile = Profile.from_slots(tracker.current_slot_values())
    advice = recommend(profile, load_knowledge())
    readiness = assess_readiness(profile)
    messages = chat_messages(advice, profile)
    document = markdown_report(advice, profile, readiness)
"""
from bot.advice.chat import chat_messages, profile_line
from bot.advice.partner_rules import PARTNER_RULES
from bot.advice.profile import Profile
from bot.advice.readiness import Dimension, Readiness, assess_readiness
from bot.advice.recommender import recommend, score_models, score_partners
from bot.advice.result import GuidanceNote, Reason, Recommendation, ScoredEntry
from bot.advice.rules import MODEL_RULES
from bot.advice.summary import markdown_report, readiness_chart

__all__ = [
    "Dimension",
    "GuidanceNote",
    "MODEL_RULES",
    "PARTNER_RULES",
    "Profile",
    "Readiness",
    "Reason",
    "Recommendation",
    "ScoredEntry",
    "assess_readiness",
    "chat_messages",
    "markdown_report",
    "profile_line",
    "readiness_chart",
    "recommend",
    "score_models",
    "score_partners",
]
