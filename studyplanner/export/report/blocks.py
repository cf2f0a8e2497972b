"""Blocks and pages: the report's content cut into strips of known height, then placed on pages.

Placing repeats a section's header (the table header, the chart axis) where a page break falls
inside the section, and keeps headings with what they introduce.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QPainter

Paint = Callable[[QPainter, float], None]
Backdrop = Callable[[QPainter, float, float], None]


@dataclass
class Block:
    """A strip of the page of known height; ``paint`` draws it with its top at the given y.

    ``continued`` blocks are drawn first when a page starts with this block (the table header
    and the chart axis); ``keep_with_next`` keeps headings with what they introduce. ``under``
    paints first (zebra stripes), then ``backdrop`` once behind each run of blocks sharing it
    on a page (the chart's grid lines, whole instead of cut into one piece per row).
    """

    height: float
    paint: Paint
    space_before: float = 0.0
    keep_with_next: bool = False
    continued: tuple[Block, ...] = ()
    under: Paint | None = None
    backdrop: Backdrop | None = None


@dataclass
class Page:
    placed: list[tuple[float, Block]] = field(default_factory=list)

    def paint(self, painter: QPainter) -> None:
        for top, block in self.placed:
            if block.under is not None:
                block.under(painter, top)
        runs: list[tuple[Backdrop, float, float]] = []
        for top, block in self.placed:
            if block.backdrop is None:
                continue
            if runs and runs[-1][0] is block.backdrop and abs(runs[-1][2] - top) < 1e-6:
                runs[-1] = (block.backdrop, runs[-1][1], top + block.height)
            else:
                runs.append((block.backdrop, top, top + block.height))
        for backdrop, top, bottom in runs:
            backdrop(painter, top, bottom)
        for top, block in self.placed:
            painter.save()
            block.paint(painter, top)
            painter.restore()


def paginate(blocks: Sequence[Block], body_height: float) -> list[Page]:
    pages = [Page()]
    y = 0.0
    for i, block in enumerate(blocks):
        page = pages[-1]
        gap = block.space_before if page.placed else 0.0
        needed = gap + block.height
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            needed += blocks[j].space_before + blocks[j].height
        if page.placed and y + needed > body_height:
            page = Page()
            pages.append(page)
            y = gap = 0.0
            for header in block.continued:
                page.placed.append((y, header))
                y += header.height
        page.placed.append((y + gap, block))
        y += gap + block.height
    return pages


def no_orphans(rows: list[Block], first: int = 3) -> None:
    """Keep a header with at least ``first`` rows, and the last row with what follows it
    (totals, legend), so no page starts or ends a table with a lone row."""
    if len(rows) > first:
        for block in rows[: first - 1]:
            block.keep_with_next = True
    if len(rows) > 1:
        rows[-1].keep_with_next = True
