"""Answers to the misconceptions that keep owners from collaborating."""
from __future__ import annotations

from typing import Optional

from bot.conversation.sources import cite
from bot.conversation.turns import Reply, intent_button
from bot.knowledge import KnowledgeBase


def answer(kb: KnowledgeBase, misconception_id: str, reality_said: bool = False) -> Reply:
    """The reality, why it matters, a first step and the sources, as one reply.

    ``reality_said``: Rasa's retrieval response has already said the reality.
    """
    entry = kb.misconceptions[misconception_id]
    text = "\n\n".join(([] if reality_said else [entry.reality]) + [
        f"Why it matters: {entry.why_it_matters}",
        f"A first step: {entry.first_step}",
        cite(kb, entry.sources),
    ])
    payload = {
        "type": "misconception", "id": entry.id, "claim": entry.claim,
        "reality": entry.reality, "why_it_matters": entry.why_it_matters,
        "first_step": entry.first_step, "sources": list(entry.sources),
    }
    buttons = [intent_button("Tell me more", "ask_more"),
               intent_button("Diagnose my firm", "start_diagnosis")]
    return Reply(text=text, payload=payload, buttons=buttons)


def menu(kb: KnowledgeBase) -> Reply:
    """A list of common doubts to choose from, when none was named."""
    buttons = [
        intent_button(entry.claim if len(entry.claim) <= 60 else entry.claim[:57] + "...",
                      "misconception", misconception=entry.id)
        for entry in list(kb.misconceptions.values())[:6]
    ]
    return Reply(
        text=("Many owners have doubts about open innovation. Which of these sounds like you? "
              "You can also type your own."),
        payload={"type": "menu", "id": "misconceptions"},
        buttons=buttons,
    )


def more(kb: KnowledgeBase, misconception_id: str) -> Optional[Reply]:
    """The longer explanation, when the knowledge base has one."""
    entry = kb.misconceptions[misconception_id]
    if not entry.more:
        return None
    return Reply(text=entry.more, payload={"type": "explain", "id": entry.id, "kind": "misconception"})
