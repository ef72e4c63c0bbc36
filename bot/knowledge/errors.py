"""The single error type of the knowledge base, precise enough to fix by hand."""
from __future__ import annotations

from typing import Optional


class KnowledgeError(ValueError):
    """A problem in ``knowledge/``, naming the file, entry and field at fault."""

    def __init__(self, file: str, entry: Optional[str], field: Optional[str], problem: str):
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        where = file
        if entry:
            where += f", entry '{entry}'"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")
