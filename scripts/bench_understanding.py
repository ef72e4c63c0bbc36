"""Understanding figures for ``make bench``: held-out answers, doubts and whole firms.

Each function prints its figures and returns Markdown lines for
docs/benchmarks.md. The sets are in tests/nlu/ and are never trained on.
"""
from __future__ import annotations

import uuid
from typing import List

from tests.nlu import quality
from tests.nlu.owner_simulator import MAX_TURNS, play
from tests.servers import Chat, Servers

TARGETS = {"first": 0.90, "within": 0.98, "cards": 0.02, "doubts": 0.95, "reached": 0.90, "slots": 0.90}


def _line(label: str, value: float, target: str) -> str:
    print(f"{label:42} {value * 100:9.1f} %   (target {target})")
    return f"| {label} | {value * 100:.1f} % | {target} |"


def held_out(model_path: str) -> List[str]:
    """Answers read at the first reading and within the choices, cards, doubts."""
    parse = quality.model_parser(model_path)
    scores = quality.score_answers(parse)
    chat_cards, chat = quality.card_rate_on_chat(parse)
    recognised, right_id, doubts = quality.doubt_recall(parse)
    cards = (scores.cards + chat_cards) / (scores.total + chat)
    lines = [
        f"Held-out answers: {scores.total} answers to the nine questions, {chat} chat messages, "
        f"{doubts} voiced doubts.", "",
        "| figure | value | target |", "|---|---|---|",
        _line("answers right at the first reading", scores.rate(scores.first), "≥ 90 %"),
        _line("answers within the clarifying choices", scores.rate(scores.within), "≥ 98 %"),
        _line("misconception cards on ordinary messages", cards, "≤ 2 %"),
        _line("voiced doubts recognised", recognised / doubts, "≥ 95 %"),
        _line("doubts answered with the expected card", right_id / doubts, "(reported)"),
    ]
    carded, asked, both, answering = quality.doubts_inside_the_form(parse)
    lines.append(_line("doubts voiced inside the questions that get their card", carded / asked, "(reported)"))
    lines.append(_line("doubts with an answer: card shown and answer stored", both / max(answering, 1),
                       "(reported)"))
    intents, cards_right, phrasings = quality.phrasing_accuracy(parse)
    lines.append(_line(f"intents of {phrasings} held-out phrasings", intents, "(floor 88 %)"))
    lines.append(_line("card chosen for a held-out doubt phrasing", cards_right, "(floor 85 %)"))
    matched, vocabulary = quality.matcher_accuracy(parse)
    lines.append(_line("synonym matcher alone, vocabulary questions", matched / vocabulary, "(comparison)"))
    lines += ["", "Right at the first reading, per question:", "", "| question | right | answers |", "|---|---|---|"]
    for question, (right, total) in sorted(scores.by_question.items()):
        print(f"  {question:40} {right / total * 100:9.1f} %   of {total}")
        lines.append(f"| {question} | {right / total * 100:.1f} % | {total} |")
    lines += ["", "Commonest confusions (question, expected, stored):", "",
              "| question | expected | stored | times |", "|---|---|---|---|"]
    for (question, want, got), count in scores.confusions.most_common(15):
        lines.append(f"| {question} | {want} | {got} | {count} |")
    return lines


def firm_scripts(servers: Servers) -> List[str]:
    """Whole held-out firms typed against the running servers."""
    scripts = quality.load(quality.SCRIPTS)["scripts"]
    outcomes = [(script, play(Chat(servers, f"bench-{uuid.uuid4().hex[:10]}"), script)) for script in scripts]
    reached = [outcome for _, outcome in outcomes if outcome.reached and outcome.turns <= MAX_TURNS]
    right = sum(outcome.right(script) for script, outcome in outcomes if outcome.reached)
    total = sum(len(script["expect"]) for script, outcome in outcomes if outcome.reached)
    turns = sum(outcome.turns for outcome in reached) / max(len(reached), 1)
    print(f"{'firm scripts: mean messages to the advice':42} {turns:9.1f}")
    return [
        "", f"Whole firms: {len(scripts)} scripted owners, typed against the running servers.", "",
        "| figure | value | target |", "|---|---|---|",
        _line(f"firms reaching the advice within {MAX_TURNS} messages", len(reached) / len(scripts), "≥ 90 %"),
        _line("their answers stored as an advisor would", right / max(total, 1), "≥ 90 %"),
        f"| mean messages to the advice | {turns:.1f} | |",
    ]
