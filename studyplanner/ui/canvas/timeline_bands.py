"""How long a certification stays valid, drawn: a thin band from the day it is earned to its
expiry, and on it the rings where later exams renew it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import ClassVar

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.style import Colour
from studyplanner.ui.canvas.timeline_items import (
    ENTRY_ID_ROLE,
    EXPIRY_TICK,
    RENEWAL_RADIUS,
    VALIDITY_HEIGHT,
    VALIDITY_HIT,
    ink,
    no_pen,
    pen,
)

Tooltip = str | Callable[[], str]
"""A tooltip, or how to write it when the mouse first asks (a long plan has thousands)."""


class ValidityBand(QGraphicsRectItem):
    """How long a certification stays valid: a thin band from the day it is earned to its
    expiry, a tick at the expiry, and a ring on the band where a later exam renews it (the band
    then runs on to the new expiry). The item itself is an invisible, taller strip, so the
    band's tooltip is easy to reach with the mouse."""

    def __init__(
        self,
        owner: str,
        start_x: float,
        expiry_x: float,
        centre_y: float,
        colour: QColor,
        tooltip: Tooltip,
        *,
        renewals: Sequence[tuple[float, float, QColor, Tooltip]],
        expiry_tooltip: Tooltip,
        entry_id: str = "",
    ) -> None:
        """``renewals`` holds (x of the renewal, x of the expiry it had until then, colour of the
        renewing exam's tier, tooltip) for each renewal in date order."""
        super().__init__()
        self.owner = owner
        """The entry id, or the certification id of a held certification."""
        self.setPen(no_pen())
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setZValue(6)
        if entry_id:
            self.setData(ENTRY_ID_ROLE, entry_id)
        self._band = QGraphicsPathItem()
        self._band.setParentItem(self)
        self._band.setPen(no_pen())
        self.expiry_tick = QGraphicsLineItem()
        self.expiry_tick.setParentItem(self)
        self.renewal_marks = RenewalRings()
        """The rings where later exams renew it (and the notches of the expiries they
        replaced), drawn by one item."""
        self.renewal_marks.setParentItem(self)
        self.start_x = self.expiry_x = 0.0
        self.renewal_xs: list[float] = []
        self._tooltips: tuple[Tooltip, Tooltip] | None = None
        """The band's and the expiry tick's tooltips, until written on the items."""
        self.reshape(
            start_x,
            expiry_x,
            centre_y,
            colour,
            tooltip,
            renewals=renewals,
            expiry_tooltip=expiry_tooltip,
        )

    def reshape(
        self,
        start_x: float,
        expiry_x: float,
        centre_y: float,
        colour: QColor,
        tooltip: Tooltip,
        *,
        renewals: Sequence[tuple[float, float, QColor, Tooltip]],
        expiry_tooltip: Tooltip,
    ) -> None:
        """Show the band for other dates (an edit moved them): the same items, moved."""
        start_x = max(0.0, start_x)
        self.setRect(
            start_x, centre_y - VALIDITY_HIT / 2, max(1.0, expiry_x - start_x), VALIDITY_HIT
        )
        self.start_x = start_x
        self.expiry_x = expiry_x
        self.renewal_xs = [x for x, _old, _colour, _tip in renewals]
        self._tooltips = (tooltip, expiry_tooltip)

        fill = QColor(colour)
        fill.setAlpha(120)
        shape = QPainterPath()
        shape.addRoundedRect(
            QRectF(start_x, centre_y - VALIDITY_HEIGHT / 2, self.rect().width(), VALIDITY_HEIGHT),
            VALIDITY_HEIGHT / 2,
            VALIDITY_HEIGHT / 2,
        )
        self._band.setPath(shape)
        self._band.setBrush(fill)

        tick_pen = pen(colour.darker(120), 2)
        tick_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.expiry_tick.setLine(
            expiry_x, centre_y - EXPIRY_TICK / 2, expiry_x, centre_y + EXPIRY_TICK / 2
        )
        self.expiry_tick.setPen(tick_pen)
        self.renewal_marks.set_renewals(centre_y, expiry_x, renewals)

    def write_tooltips(self) -> None:
        """Write the band's and the expiry tick's tooltips for the dates shown now."""
        if self._tooltips is None:
            return
        band, expiry = (tip if isinstance(tip, str) else tip() for tip in self._tooltips)
        self._tooltips = None
        for item, tip in ((self, band), (self._band, band), (self.expiry_tick, expiry)):
            if item.toolTip() != tip:
                item.setToolTip(tip)


_STAMP_CENTRE = 7
"""Where a ring's centre sits in its stamp (whole pixels from the stamp's corner)."""
_PHASES = 4
"""Sub-pixel positions a stamp is drawn for, per axis."""
_UNSCALED = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate)
_stamps: dict[tuple[int, float, int, int, int], QPixmap] = {}


def _pixel_and_phase(position: float) -> tuple[int, int]:
    """The whole device pixel of ``position`` and its fraction in quarters of a pixel."""
    pixel = math.floor(position)
    phase = round((position - pixel) * _PHASES)
    if phase == _PHASES:
        return pixel + 1, 0
    return pixel, phase


def _ring_stamp(ring_pen: QPen, fill: int, phase_x: int, phase_y: int) -> QPixmap:
    """A ring drawn on a transparent square, its centre ``phase`` quarters of a pixel past
    ``_STAMP_CENTRE``: what drawing the ring there would paint."""
    key = (ring_pen.color().rgba(), ring_pen.widthF(), fill, phase_x, phase_y)
    stamp = _stamps.get(key)
    if stamp is None:
        if len(_stamps) > 512:
            _stamps.clear()
        size = 2 * _STAMP_CENTRE
        stamp = _stamps[key] = QPixmap(size, size)
        stamp.fill(Qt.GlobalColor.transparent)
        drawing = QPainter(stamp)
        drawing.setRenderHint(QPainter.RenderHint.Antialiasing)
        drawing.setPen(ring_pen)
        drawing.setBrush(QColor.fromRgba(fill))
        centre = QPointF(_STAMP_CENTRE + phase_x / _PHASES, _STAMP_CENTRE + phase_y / _PHASES)
        drawing.drawEllipse(centre, RENEWAL_RADIUS, RENEWAL_RADIUS)
        drawing.end()
    return stamp


class RenewalRings(QGraphicsItem):
    """The renewals on one validity band: a ring where each later exam renews it and a faint
    notch where the validity it replaced would have expired. One item paints them all (a long
    plan's band can carry dozens); the tooltip is that of the ring under the mouse. An edit
    moves every ring of a long plan, so the rings are kept as numbers and their pens are made
    once per colour; the outline the mouse finds is made when the mouse first asks."""

    _pens: ClassVar[dict[int, QPen]] = {}
    """The ring pen of each tier colour (by its rgba): a few colours, thousands of rings."""

    def __init__(self) -> None:
        super().__init__()
        self._y = 0.0
        self._rings: list[tuple[float, QPen]] = []
        self._tips: list[Tooltip] = []
        self._notches: list[float] = []
        self._notch_pen = pen(ink(Colour.FAINT), 1)
        self._fill = ink(Colour.SURFACE)
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    @classmethod
    def _ring_pen(cls, colour: QColor) -> QPen:
        key = colour.rgba()
        ring_pen = cls._pens.get(key)
        if ring_pen is None:
            if len(cls._pens) > 64:
                cls._pens.clear()
            ring_pen = cls._pens[key] = pen(QColor(colour).darker(110), 2)
        return ring_pen

    def set_renewals(
        self,
        centre_y: float,
        expiry_x: float,
        renewals: Sequence[tuple[float, float, QColor, Tooltip]],
    ) -> None:
        self.prepareGeometryChange()
        self._y = centre_y
        ring_pen = self._ring_pen
        self._rings = [(x, ring_pen(colour)) for x, _old, colour, _tip in renewals]
        self._tips = [tip for _x, _old, _colour, tip in renewals]
        self._notches = [old for _x, old, _colour, _tip in renewals if old < expiry_x]
        self.setToolTip("")
        self._shape = None
        reach = RENEWAL_RADIUS + 1
        xs = [x for x, _pen in self._rings]
        if self._notches or xs:
            # The rings reach ``reach`` around their centres, the notches a pixel each side.
            tops, bottoms, lefts, rights = [], [], [], []
            if xs:
                lefts.append(min(xs) - reach)
                rights.append(max(xs) + reach)
                tops.append(centre_y - reach)
                bottoms.append(centre_y + reach)
            if self._notches:
                lefts.append(min(self._notches) - 1)
                rights.append(max(self._notches) + 1)
                tops.append(centre_y - EXPIRY_TICK / 3)
                bottoms.append(centre_y - EXPIRY_TICK / 3 + EXPIRY_TICK)
            left, top = min(lefts), min(tops)
            self._bounds = QRectF(left, top, max(rights) - left, max(bottoms) - top)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            reach = RENEWAL_RADIUS + 1
            self._shape = QPainterPath()
            for x, _pen in self._rings:
                self._shape.addEllipse(QPointF(x, self._y), reach, reach)
        return self._shape

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        y = self._y
        # Only what the repaint reaches: a band of a long plan runs far past the view.
        exposed = option.exposedRect
        left, right = exposed.left() - RENEWAL_RADIUS - 2, exposed.right() + RENEWAL_RADIUS + 2
        painter.setPen(self._notch_pen)
        notch = EXPIRY_TICK / 3
        for x in self._notches:
            if left <= x <= right:
                painter.drawLine(QLineF(x, y - notch, x, y + notch))
        transform = painter.deviceTransform()
        if transform.type() not in _UNSCALED:  # scaled (a high-density screen): draw each
            painter.setBrush(self._fill)
            for x, ring_pen in self._rings:
                if left <= x <= right:
                    painter.setPen(ring_pen)
                    painter.drawEllipse(QPointF(x, y), RENEWAL_RADIUS, RENEWAL_RADIUS)
            return
        # On screen (no scaling) each ring is stamped from a small picture of it, drawn once
        # per colour and quarter-pixel offset: six times quicker than drawing every ring, and
        # within an eighth of a pixel of where drawing would put it.
        shift_x, shift_y = transform.dx(), transform.dy()
        row, phase_y = _pixel_and_phase(y + shift_y)
        fill = self._fill.rgba()
        for x, ring_pen in self._rings:
            if left <= x <= right:
                column, phase_x = _pixel_and_phase(x + shift_x)
                ring = _ring_stamp(ring_pen, fill, phase_x, phase_y)
                at = QPointF(column - _STAMP_CENTRE - shift_x, row - _STAMP_CENTRE - shift_y)
                painter.drawPixmap(at, ring)

    def ring_xs(self) -> list[float]:
        return [x for x, _pen in self._rings]

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip of the ring under a point (in the band's coordinates), or ''."""
        reach = RENEWAL_RADIUS + 1
        for index, (x, _pen) in enumerate(self._rings):
            if abs(point.x() - x) <= reach and abs(point.y() - self._y) <= reach:
                tip = self._tips[index]
                if not isinstance(tip, str):
                    tip = self._tips[index] = tip()
                return tip
        return ""

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self.tooltip_at(event.pos()))
        super().hoverMoveEvent(event)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hoverMoveEvent(event)
