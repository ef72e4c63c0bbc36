"""The summary of stored answers, corrections after the advice, and changing one answer."""
from __future__ import annotations

from bot.diagnosis.corrections import change_request, corrections
from bot.conversation.turns import Message
from bot.diagnosis.summary import changed, pick_question, summary
from bot.knowledge import load_knowledge
from bot.understanding.reader import Reading

SLOTS = {"sector": "retail", "company_size": "small", "innovation_need": "new_product",
         "innovation_stage": "exploration", "barriers": ["funding_gap"], "offer": ["nothing_yet"],
         "ip_sensitivity": "high", "partner_experience": "none", "international": False}


def test_the_summary_names_every_answer_in_words_and_offers_a_change() -> None:
    reply = summary(load_knowledge(), dict(SLOTS, barriers="skipped"))
    assert "Retail" in reply.text and "Funding gap" not in reply.text and "not answered" in reply.text
    assert reply.payload["answers"]["sector"] == "retail"
    assert reply.buttons[0].payload == "/change_answer"
    assert len(pick_question(load_knowledge(), SLOTS).buttons) == 9


def test_a_correction_changes_only_what_it_states_and_says_so() -> None:
    text = "we are not retail, we are a manufacturer"
    message = Message(text, "inform", readings=[
        Reading("sector", "retail", 0.9, 0, 17, 0.9), Reading("sector", "manufacturing", 0.9, 19, len(text), 0.95)])
    changes = corrections(message, SLOTS)
    assert changes == {"sector": "manufacturing"}
    note = changed(load_knowledge(), SLOTS, changes)
    assert "Retail → Manufacturing" in note.text and note.payload == {"type": "changed", "slots": ["sector"]}
    assert changed(load_knowledge(), SLOTS, {}) is None


def test_change_the_sector_reopens_it_and_with_a_value_sets_it() -> None:
    reopened = change_request(Message("change the sector", "change_answer"), None, SLOTS)
    assert reopened.ask == "sector" and reopened.slots["sector"] is None
    text = "change the sector to food"
    direct = change_request(Message(text, "change_answer", readings=[
        Reading("sector", "food_beverage", 0.9, 0, len(text), 0.9)]), None, SLOTS)
    assert direct.slots == {"sector": "food_beverage"} and direct.ask is None
    assert change_request(Message("change an answer", "change_answer"), None, SLOTS).slots == {}
