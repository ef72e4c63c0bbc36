"""docs/recommender.md documents every rule and guidance condition the code has."""
from pathlib import Path

from bot.advice import MODEL_RULES, PARTNER_RULES
from bot.advice import guidance

DOCS = Path(__file__).resolve().parents[2] / "docs" / "recommender.md"


def test_docs_list_every_rule():
    text = DOCS.read_text(encoding="utf-8")
    for rule in MODEL_RULES + PARTNER_RULES:
        assert f"`{rule.id}`" in text, rule.id
    for guidance_id in guidance.CONDITIONS:
        assert f"`{guidance_id}`" in text, guidance_id
