"""Chart geometry for the overview page, drawn as inline SVG by ``_charts.html``.

Charts are computed on the server and need neither JavaScript nor anything
from the internet. This module only does arithmetic; labels stay raw text and
are escaped by the template like any other text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from math import pi
from typing import Dict, List, Sequence, Tuple


@dataclass(frozen=True)
class Bar:
    """One bar with its label, value and box (SVG user units)."""

    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    """A bar or column chart: its size and bars."""

    width: int
    height: int
    bars: List[Bar]

    @property
    def empty(self) -> bool:
        """Whether there is nothing to draw."""
        return not any(bar.value for bar in self.bars)


@dataclass(frozen=True)
class Cell:
    """One heat-map cell; ``level`` 0-4 picks the shade."""

    x: float
    y: float
    value: int
    level: int
    row: str
    column: str


@dataclass(frozen=True)
class Heatmap:
    """Rows by columns of counts, e.g. sectors by needs."""

    width: int
    height: int
    rows: List[str]
    columns: List[str]
    cells: List[Cell]
    cell: int
    left: int
    top: int


@dataclass(frozen=True)
class Ring:
    """A share shown as a ring: ``dash`` of ``circumference`` is filled."""

    share: float
    radius: float
    circumference: float
    dash: float


def columns(points: Sequence[Tuple[date, int]], width: int = 640, height: int = 180) -> Chart:
    """Vertical bars, e.g. conversations per week, leaving room for labels below."""
    plot = height - 30
    top = max([value for _label, value in points] + [1])
    step = width / max(len(points), 1)
    bars = []
    for i, (label, value) in enumerate(points):
        tall = plot * value / top
        bars.append(Bar(label.strftime("%d %b") if isinstance(label, date) else str(label),
                        value, i * step + 4, plot - tall + 10, step - 8, tall))
    return Chart(width, height, bars)


def bars(items: Sequence[Tuple[str, int]], width: int = 640, row: int = 26, label: int = 220) -> Chart:
    """Horizontal bars with the label on the left, e.g. the most frequent misconceptions."""
    top = max([value for _label, value in items] + [1])
    room = width - label - 40
    result = [Bar(name, value, label, i * row + 4, room * value / top, row - 8)
              for i, (name, value) in enumerate(items)]
    return Chart(width, max(len(items), 1) * row + 8, result)


def heatmap(table: Dict[str, Dict[str, int]], cell: int = 34, left: int = 180, top: int = 110) -> Heatmap:
    """A grid of counts with five shades, relative to the largest count."""
    rows = sorted(table)
    cols = sorted({column for counts in table.values() for column in counts})
    most = max([v for counts in table.values() for v in counts.values()] + [1])
    cells = [
        Cell(left + j * cell, top + i * cell, table[r].get(c, 0),
             0 if not table[r].get(c) else 1 + min(3, int(4 * table[r][c] / most - 1e-9)), r, c)
        for i, r in enumerate(rows) for j, c in enumerate(cols)
    ]
    return Heatmap(left + len(cols) * cell + 10, top + len(rows) * cell + 10,
                   rows, cols, cells, cell, left, top)


def ring(share: float, radius: float = 50) -> Ring:
    """A ring chart for one share between 0 and 1."""
    share = min(max(share, 0.0), 1.0)
    circumference = 2 * pi * radius
    return Ring(share, radius, circumference, circumference * share)
