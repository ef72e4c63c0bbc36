"""Knowledge text is written in our own words: no long runs copied from a source."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Set, Tuple

import pytest
import yaml

from bot.knowledge import knowledge_dir

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RUN = 10
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list:
    return WORD.findall(text.lower().replace("’", "'"))


def shingles(text: str) -> Set[Tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


def strings(node) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def test_shingle_check_detects_a_copied_run() -> None:
    source = shingles("one two three four five six seven eight nine ten eleven")
    assert shingles("Four five six seven eight nine ten eleven") & source == set()
    assert shingles("x two three four five six seven eight nine ten eleven y") & source


def test_no_knowledge_text_repeats_ten_words_of_a_seed() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    seed_runs: Set[Tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seed_runs |= shingles(seed.read_text(encoding="utf-8", errors="ignore"))
    copied = []
    for path in sorted(knowledge_dir().glob("*.yml")):
        for text in strings(yaml.safe_load(path.read_text())):
            overlap = shingles(text) & seed_runs
            if overlap:
                copied.append(f"{path.name}: '{' '.join(sorted(overlap)[0])}'")
    assert not copied, "copied runs:\n" + "\n".join(copied)
