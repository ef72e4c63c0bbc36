"""Rasa's own conversation tests (``rasa test core``) against the live action server."""
from __future__ import annotations

import subprocess

import pytest

from tests.servers import ROOT

pytestmark = pytest.mark.servers


def test_conversation_stories_pass(servers, trained_model: str, tmp_path) -> None:
    result = subprocess.run(
        [str(ROOT / ".venv/bin/rasa"), "test", "core", "--stories", str(ROOT / "tests/stories"),
         "--model", trained_model, "--endpoints", "endpoints.yml", "--out", str(tmp_path),
         "--fail-on-prediction-errors", "--no-plot"],
        cwd=ROOT, env=servers.env, capture_output=True, text=True,
    )
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text() if failed.exists() else result.stdout[-3000:] + result.stderr[-3000:]
    assert result.returncode == 0, detail
