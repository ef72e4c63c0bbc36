"""The code keeps its layers, its style and its types: checked with the settings in pyproject.toml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(tool: str, *arguments: str) -> subprocess.CompletedProcess:
    """Run a check installed next to this Python, from the repository's root."""
    return subprocess.run([str(BIN / tool), *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_imports_follow_the_layers_of_the_layout_table() -> None:
    result = run("lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_style_is_clean() -> None:
    result = run("ruff", "check", "--no-cache", "bot", "actions")
    assert result.returncode == 0, result.stdout + result.stderr


def test_types_check() -> None:
    result = run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr
