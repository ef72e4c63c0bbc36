"""One digest of the knowledge folder, so that editing any file retrains every component fed from it."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Text


def knowledge_fingerprint(folder: Path) -> Text:
    """A digest of every knowledge file, so that editing one retrains."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
