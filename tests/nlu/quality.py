"""Score how well the trained assistant understands owners' own words.

The held-out sets (``heldout_answers.yml``, ``heldout_doubts.yml``,
``firm_scripts.yml``) were written apart from the training examples and by
another method: whole firms first, grounded in the sources' cases, then
what their owners type. Nothing here is trained on; a test checks that no
text is shared. ``make bench`` prints these figures and the tests hold
floors below them.
"""
from __future__ import annotations

import asyncio
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import yaml

from bot.conversation.turns import Message
from bot.diagnosis.turn import decide
from bot.knowledge import load_knowledge
from bot.knowledge.answers import ANSWER_SLOTS, load_examples
from bot.knowledge.slots import ENTITY_TO_SLOT
from bot.knowledge.vocabulary import phrases_of
from bot.understanding.reader import from_entities

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "nlu"
ANSWERS = HERE / "heldout_answers.yml"
DOUBTS = HERE / "heldout_doubts.yml"
SCRIPTS = HERE / "firm_scripts.yml"
PHRASINGS = HERE / "heldout.yml"
GUESSING_EXTRACTORS = {"AnswerReader", "KnowledgeEntityExtractor"}
Parse = Callable[[str], Dict[str, Any]]


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: for comparing texts."""
    return " ".join(re.findall(r"[a-z0-9]+", str(text).lower()))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def heldout_texts() -> Set[str]:
    """Every owner text of the held-out sets."""
    texts = {case["text"] for case in load(ANSWERS)["answers"]} | set(load(ANSWERS)["ordinary"])
    texts |= {case["text"] for case in load(DOUBTS)["doubts"]}
    for script in load(SCRIPTS)["scripts"]:
        texts |= {script["opener"], *map(str, script["answers"].values())}
    return {normalise(text) for text in texts}


def training_texts() -> Set[str]:
    """Every text the model trains on: NLU data, example answers, phrasings, synonyms."""
    kb = load_knowledge()
    texts: Set[str] = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in load(path).get("nlu", []):
            texts |= {line[2:] for line in block.get("examples", "").splitlines() if line.startswith("- ")}
    for values in load_examples(kb).values():
        texts |= {text for items in values.values() for text in items}
    texts |= {phrase for entry in kb.misconceptions.values() for phrase in entry.phrasings}
    for kind in ("sectors", "needs", "stages", "barriers", "offers", "sizes"):
        texts |= {phrase for entry in kb.kind(kind).values() for phrase in phrases_of(entry)}
    return {normalise(text) for text in texts}


def as_message(parsed: Mapping[str, Any]) -> Message:
    """A parse result as the diagnosis reads it (as ``actions.diagnosis`` does)."""
    items = parsed.get("entities") or []
    explicit = [(item["entity"], item["value"]) for item in items
                if item.get("extractor") not in GUESSING_EXTRACTORS or item["entity"] not in ENTITY_TO_SLOT]
    readings = from_entities(item for item in items if item.get("extractor") == "AnswerReader")
    return Message(parsed.get("text") or "", (parsed.get("intent") or {}).get("name"), explicit, readings,
                   float(parsed.get("doubt") or 0.0))


def expected(question: str, value: Any) -> Any:
    """A held-out expectation as the slot stores it."""
    if ANSWER_SLOTS[question].many:
        return sorted(value or [])
    return value


def stored(question: str, value: Any) -> Any:
    if ANSWER_SLOTS[question].many and isinstance(value, list):
        return sorted(value)
    return value


@dataclass
class AnswerScores:
    """First-reading and within-choices accuracy, card rate and confusions."""

    total: int = 0
    first: int = 0
    within: int = 0
    cards: int = 0
    by_question: Dict[str, List[int]] = field(default_factory=dict)
    confusions: Counter = field(default_factory=Counter)

    def rate(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def score_answer(parsed: Mapping[str, Any], question: str, want: Any) -> Tuple[bool, bool, bool, Any]:
    """(right at first reading, right within the choices, card shown, value read) for one answer."""
    message = as_message(parsed)
    decision = decide(message, question, {}, asks=1)
    card = decision.reject and message.intent == "misconception"
    if decision.reject:
        decision = decide(message, question, {}, asks=1, returning=True)
    got = decision.slots.get(question)
    first = got is not None and stored(question, got) == want
    choices = decision.slots.get("diagnosis_choices") or []
    if ANSWER_SLOTS[question].many:
        within = first or (bool(want) and set(want) <= set(choices)) or (not want and "none" in choices)
    else:
        offered = [{"yes": True, "no": False}.get(choice, choice) for choice in choices]
        within = first or want in offered
    return first, within, card, got


def score_answers(parse: Parse) -> AnswerScores:
    """Read every held-out answer as the reply to its own question."""
    scores = AnswerScores()
    for case in load(ANSWERS)["answers"]:
        question, want = case["question"], expected(case["question"], case["expect"])
        first, within, card, got = score_answer(parse(case["text"]), question, want)
        scores.total += 1
        scores.first += first
        scores.within += within
        scores.cards += card
        tally = scores.by_question.setdefault(question, [0, 0])
        tally[0] += first
        tally[1] += 1
        if not first:
            scores.confusions[(question, str(want), str(got))] += 1
    return scores


def matcher_accuracy(parse: Parse) -> Tuple[int, int]:
    """(right, answers) for the synonym matcher alone, on the vocabulary questions.

    The matcher (``KnowledgeEntityExtractor``) was how typed answers were read
    before the answer reader; this is the figure the reader is compared with.
    """
    right = total = 0
    for case in load(ANSWERS)["answers"]:
        spec = ANSWER_SLOTS[case["question"]]
        if spec.kind is None:
            continue
        found = [item["value"] for item in parse(case["text"]).get("entities") or []
                 if item.get("extractor") == "KnowledgeEntityExtractor" and item["entity"] == spec.entity]
        want = expected(case["question"], case["expect"])
        got = sorted(dict.fromkeys(found)) if spec.many else (found[0] if found else None)
        right += got == want
        total += 1
    return right, total


def card_rate_on_chat(parse: Parse) -> Tuple[int, int]:
    """(cards, messages) over the ordinary chat messages, which voice no doubt."""
    ordinary = load(ANSWERS)["ordinary"]
    cards = sum((parse(text).get("intent") or {}).get("name") == "misconception" for text in ordinary)
    return cards, len(ordinary)


def doubt_recall(parse: Parse) -> Tuple[int, int, int]:
    """(recognised as a doubt, right misconception chosen, doubts)."""
    recognised = right = 0
    doubts = load(DOUBTS)["doubts"]
    for case in doubts:
        parsed = parse(case["text"])
        if (parsed.get("intent") or {}).get("name") == "misconception":
            recognised += 1
            key = ((parsed.get("response_selector") or {}).get("misconception") or {}).get("response", {})
            right += key.get("intent_response_key") == f"misconception/{case['expect']}"
    return recognised, right, len(doubts)


def doubts_inside_the_form(parse: Parse) -> Tuple[int, int, int, int]:
    """(cards, doubts, answers stored with their card, doubts carrying an answer) inside the questions.

    Each held-out doubt is sent as the reply to a question: the one it also
    answers, if any, else the stage question. A doubt should interrupt with
    its card, and an answer in it should be stored as well.
    """
    cards = doubts = both = answering = 0
    for case in load(DOUBTS)["doubts"]:
        message = as_message(parse(case["text"]))
        for question in list(case.get("answers") or {}) or ["innovation_stage"]:
            decision = decide(message, question, {}, asks=1)
            shown = decision.reject and message.intent == "misconception"
            doubts += 1
            cards += shown
            if case.get("answers"):
                answering += 1
                after = decide(message, question, {}, asks=1, returning=True) if decision.reject else decision
                both += shown and after.slots.get(question) is not None
    return cards, doubts, both, answering


def phrasing_accuracy(parse: Parse) -> Tuple[float, float, int]:
    """(intent accuracy, card accuracy on doubts, phrasings) on ``heldout.yml``.

    The same figures ``rasa test nlu`` gives, after the gate: the intent
    of a card is "misconception", whichever card it names.
    """
    right_intents = right_cards = doubts = total = 0
    for block in load(PHRASINGS)["nlu"]:
        intent, _, card = block["intent"].partition("/")
        for line in block["examples"].splitlines():
            if not line.startswith("- "):
                continue
            parsed = parse(line[2:].strip())
            total += 1
            right_intents += (parsed.get("intent") or {}).get("name") == intent
            if card:
                doubts += 1
                key = ((parsed.get("response_selector") or {}).get("misconception") or {}).get("response", {})
                right_cards += key.get("intent_response_key") == block["intent"]
    return right_intents / max(total, 1), right_cards / max(doubts, 1), total


def model_parser(model_path: str) -> Parse:
    """Parse texts with the trained model in this process (no servers)."""
    from rasa.core.agent import Agent

    loop = asyncio.new_event_loop()
    agent = Agent.load(model_path)

    def parse(text: str) -> Dict[str, Any]:
        return loop.run_until_complete(agent.parse_message(text))
    return parse


def shared(first: Iterable[str], second: Iterable[str]) -> Set[str]:
    return set(first) & set(second)
