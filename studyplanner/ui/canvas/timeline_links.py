"""The dotted lines from renewing exams to the validity bands they renew, all drawn by one
item (a long plan has hundreds)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.style import Colour
from studyplanner.ui.canvas.timeline_items import ink, pen


class RenewalLink:
    """A dotted line from a renewing exam's milestone to the band it renews, on the exam day
    ``x``, from ``top`` down to ``bottom``. Its tooltip is written when first shown: a long
    plan has hundreds of links and the mouse finds a few."""

    __slots__ = ("_tooltip", "bottom", "top", "x")

    def __init__(
        self, x: float, top: float, bottom: float, tooltip: str | Callable[[], str]
    ) -> None:
        self.x = x
        self.top = top
        self.bottom = bottom
        self._tooltip = tooltip

    @property
    def line(self) -> QLineF:
        return QLineF(self.x, self.top, self.x, self.bottom)

    @property
    def tooltip(self) -> str:
        if not isinstance(self._tooltip, str):
            self._tooltip = self._tooltip()
        return self._tooltip


LINK_WIDTH = 1.0
"""One pixel: Qt strokes such a pen on its fast path, a wider dotted one costs ~50 times more."""
LINK_DOTS = (2.8, 1.4)
"""Dash and gap, in pixels: the rhythm the 1.4-pixel round-capped dots of Qt's dot line had."""
LINK_REACH = 2.0
"""How far beside a link the mouse still finds it (its tooltip)."""


class RenewalLinks(QGraphicsItem):
    """Every renewal link of the plan, drawn by one item. A long plan has hundreds of links,
    many reaching across dozens of rows, and Qt dashed each of them whole on every repaint; this
    item dashes only the part of a link inside the area being repainted (starting on the dot a
    whole line would have there, so nothing shifts while scrolling). The tooltip is that of the
    link under the mouse."""

    def __init__(self, links: list[RenewalLink]) -> None:
        super().__init__()
        self.links = list(links)
        self._pen = pen(ink(Colour.FAINT), LINK_WIDTH)
        self._pen.setDashPattern([length / LINK_WIDTH for length in LINK_DOTS])
        self._period = sum(LINK_DOTS)
        self._shape: QPainterPath | None = None
        """Where the mouse finds a link: made when first asked (hover), not per layout."""
        if self.links:
            left = min(link.x for link in self.links) - LINK_REACH
            right = max(link.x for link in self.links) + LINK_REACH
            top = min(link.top for link in self.links)
            bottom = max(link.bottom for link in self.links)
            bounds = QRectF(left, top, right - left, bottom - top)
        else:
            bounds = QRectF()
        self._bounds = bounds.adjusted(-LINK_WIDTH, -LINK_WIDTH, LINK_WIDTH, LINK_WIDTH)
        self.setZValue(5)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            self._shape = QPainterPath()
            for link in self.links:
                line = link.line
                self._shape.addRect(
                    QRectF(line.x1() - LINK_REACH, line.y1(), 2 * LINK_REACH, line.y2() - line.y1())
                )
        return self._shape

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        exposed = option.exposedRect
        left, right = exposed.left() - LINK_WIDTH, exposed.right() + LINK_WIDTH
        top, bottom = exposed.top() - self._period, exposed.bottom() + self._period
        period = self._period
        painter.setPen(self._pen)
        for link in self.links:
            x = link.x
            if x < left or x > right:
                continue
            start, end = link.top, min(link.bottom, bottom)
            if start < top:
                start += (top - start) // period * period
            if start < end:
                painter.drawLine(QPointF(x, start), QPointF(x, end))

    def link_at(self, point: QPointF) -> RenewalLink | None:
        """The link under a scene point (within ``LINK_REACH``), or None."""
        for link in self.links:
            if abs(point.x() - link.x) <= LINK_REACH and link.top <= point.y() <= link.bottom:
                return link
        return None

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        link = self.link_at(event.scenePos())
        self.setToolTip(link.tooltip if link is not None else "")
        super().hoverMoveEvent(event)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hoverMoveEvent(event)
