"""The filter that keeps libraries' warnings off the terminal of `make run`, `make train` and `make bench`."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from scripts.quiet_output import filter_stream

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = (
    b"Training the model...\n"
    b"/x/site-packages/tensorflow/util.py:52: DeprecationWarning: jax.xla_computation is deprecated.\n"
    b"  from jax import xla_computation as _xla_computation\n"
    b"<frozen importlib._bootstrap>:283: DeprecationWarning: the load_module() method is deprecated\n"
    b"/x/site-packages/rasa/slot_mappings.py:224: UserWarning: Slot auto-fill has been removed in 3.0\n"
    b"and replaced with a new explicit mechanism.\n"
    b"  rasa.shared.utils.io.raise_warning(\n"
    b"oneDNN custom operations are on.\n"
    b"Epochs:  10%|#         | 8/80\rEpochs:  11%|#         | 9/80\r"
    b"Your Rasa model is trained and saved at 'models/oi-advisor.tar.gz'.\n"
    b"  indented line of our own output\n"
)


def filtered(data: bytes) -> tuple:
    shown, log = io.BytesIO(), io.BytesIO()
    filter_stream(io.BytesIO(data), shown, log)
    return shown.getvalue(), log.getvalue()


def test_warnings_and_their_source_lines_are_dropped_and_everything_else_kept() -> None:
    shown, _ = filtered(OUTPUT)
    assert b"Warning" not in shown and b"raise_warning" not in shown and b"xla_computation" not in shown
    assert b"explicit mechanism" not in shown and b"oneDNN" not in shown
    assert shown.startswith(b"Training the model...\n")
    assert b"Epochs:  10%|#         | 8/80\rEpochs:  11%|#         | 9/80\r" in shown
    assert shown.endswith(b"saved at 'models/oi-advisor.tar.gz'.\n  indented line of our own output\n")


def test_the_log_holds_the_whole_output() -> None:
    _, log = filtered(OUTPUT)
    assert log == OUTPUT


def test_the_command_line_filters_a_pipe_and_writes_the_log(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "quiet_output.py"), "--log", str(log)],
                          input=OUTPUT, capture_output=True, check=True, timeout=60)
    assert done.stdout == filtered(OUTPUT)[0] and log.read_bytes() == OUTPUT
