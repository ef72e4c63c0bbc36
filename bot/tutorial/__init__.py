"""The guided tutorial: lessons, quizzes, progress and class results; pure Python, no Rasa.

``turn.decide`` reads one message at the learner's position, ``navigation.start``
begins or resumes, ``views.view`` renders the position, and ``results`` turns a
class's stored answers into the trainer's report.
"""
from bot.tutorial.outcome import AnswerRecord, ProgressRecord, Turn
from bot.tutorial.state import LessonProgress, TutorialState

__all__ = ["AnswerRecord", "LessonProgress", "ProgressRecord", "TutorialState", "Turn"]
