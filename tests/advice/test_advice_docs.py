"""docs/recommender.md documents every rule and guidance condition the code has."""
import json
from pathlib import Path

from bot.advice import MODEL_RULES, PARTNER_RULES, Profile, assess_readiness, guidance, recommend
from bot.advice.chat import chat_messages
from bot.advice.summary import markdown_report
from bot.knowledge import load_knowledge

DOCS = Path(__file__).resolve().parents[2] / "docs" / "recommender.md"


def test_docs_list_every_rule():
    text = DOCS.read_text(encoding="utf-8")
    for rule in MODEL_RULES + PARTNER_RULES:
        assert f"`{rule.id}`" in text, rule.id
    for guidance_id in guidance.CONDITIONS:
        assert f"`{guidance_id}`" in text, guidance_id


def worked_example_blocks(text: str) -> tuple:
    """The worked example's slot values, chat messages and downloadable document."""
    slots = json.loads(text.split("```json\n", 1)[1].split("```", 1)[0])
    chat = text.split("```text\n", 1)[1].split("\n```", 1)[0]
    document = text.split("~~~~markdown\n", 1)[1].split("\n~~~~", 1)[0]
    return slots, chat, document


def test_the_worked_example_shows_what_the_code_writes_today():
    slots, chat, document = worked_example_blocks(DOCS.read_text(encoding="utf-8"))
    profile = Profile.from_slots(slots)
    advice = recommend(profile, load_knowledge())
    assert chat == "\n\n".join(chat_messages(advice, profile))
    assert document.strip() == markdown_report(advice, profile, assess_readiness(profile)).strip()
