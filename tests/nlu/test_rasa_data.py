"""Rasa's own checks of the training data, domain and rules."""
from __future__ import annotations

import subprocess

from tests.servers import ROOT, base_env


def test_rasa_data_validate_reports_no_warnings() -> None:
    result = subprocess.run(
        [str(ROOT / ".venv/bin/rasa"), "data", "validate", "--fail-on-warnings"],
        cwd=ROOT, env=base_env("sqlite://", 0), capture_output=True, text=True,
    )
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if "UserWarning" in line or "ERROR" in line]
    assert result.returncode == 0 and not problems, "\n".join(problems) or result.stderr[-2000:]
