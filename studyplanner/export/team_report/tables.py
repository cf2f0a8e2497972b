"""Plain tables for the team report: column titles over a rule (repeated on a new page), then
rows of text, each cell wrapped in its column, every other row shaded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from studyplanner.export.report.blocks import Block, no_orphans
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.table import Column, header_block
from studyplanner.export.report.text import TextStyle, one_line
from studyplanner.style import Colour


@dataclass(frozen=True)
class Row:
    """A row's cells; ``color`` paints it (a status's warning ink), ``bold`` a total."""

    cells: Sequence[str]
    color: Colour | None = None
    bold: bool = False


def table_blocks(
    sheet: Sheet,
    titles: Sequence[str],
    shares: Sequence[float],
    rows: Sequence[Row],
    *,
    right: Sequence[int] = (),
) -> list[Block]:
    """A table of ``rows`` across the page, column ``i`` taking ``shares[i]`` of its width
    (right-aligned when ``i`` is in ``right``)."""
    total = sum(shares)
    columns = [
        Column(title, sheet.width * share / total, i in right)
        for i, (title, share) in enumerate(zip(titles, shares, strict=True))
    ]
    header = header_block(sheet, columns, sheet.label)
    continued = (header_block(sheet, columns, sheet.label),)
    blocks = [header]
    body = [_row(sheet, columns, row, n, continued) for n, row in enumerate(rows, 1)]
    no_orphans(body)
    return blocks + body


def _row(
    sheet: Sheet, columns: Sequence[Column], row: Row, number: int, continued: tuple[Block, ...]
) -> Block:
    pad = sheet.pt(5)
    vpad = sheet.pt(3)
    style: TextStyle = sheet.body_bold if row.bold else sheet.body
    wrapped = [
        style.wrap(one_line(cell), col.width - 2 * pad, sheet.device) or [""]
        for cell, col in zip(row.cells, columns, strict=True)
    ]
    height = max(len(lines) for lines in wrapped) * style.line + 2 * vpad
    color: QColor | None = ink(row.color) if row.color is not None else None

    def paint(painter: QPainter, top: float) -> None:
        if number % 2 == 0:
            painter.fillRect(QRectF(0, top, sheet.width, height), ink(Colour.PANEL))
        if row.bold:
            sheet.rule(painter, top, Colour.TEXT, 0.8)
        x = 0.0
        for col, lines in zip(columns, wrapped, strict=True):
            for n, line in enumerate(lines):
                y = top + vpad + n * style.line
                if col.right:
                    style.draw(painter, x + col.width - pad, y, line, right=True, color=color)
                else:
                    style.draw(painter, x + pad, y, line, color=color)
            x += col.width

    return Block(height, paint, continued=continued)
