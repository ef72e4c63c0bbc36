"""The locked dependencies install only as published: every pin carries its files' hashes."""
from __future__ import annotations

import re

from tests.servers import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)")


def pinned_blocks() -> dict:
    """Each pinned package of requirements.lock with the lines that follow it."""
    blocks: dict = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = match.group(1).lower()
            blocks[current] = [line]
        elif current and line.startswith("    --hash="):
            blocks[current].append(line)
    return blocks


def test_every_pinned_package_carries_hashes() -> None:
    blocks = pinned_blocks()
    assert len(blocks) > 100, "the lock pins the whole environment"
    unhashed = sorted(name for name, lines in blocks.items() if not any("sha256:" in line for line in lines))
    assert unhashed == []


def test_the_lock_pins_the_packaging_tools_too() -> None:
    assert "setuptools" in pinned_blocks(), "with --require-hashes pip needs every package pinned"


def test_setup_installs_with_hashes_checked() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    install = next(line for line in setup.splitlines() if "pip install" in line and '"$lock"' in line)
    assert "--require-hashes" in install
