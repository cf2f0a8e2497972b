"""How long a certification stays valid, drawn: a thin band from the day it is earned to its
expiry, and on it the rings where later exams renew it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
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
        tooltip: str,
        *,
        renewals: Sequence[tuple[float, float, QColor, Tooltip]],
        expiry_tooltip: str,
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
        tooltip: str,
        *,
        renewals: Sequence[tuple[float, float, QColor, Tooltip]],
        expiry_tooltip: str,
    ) -> None:
        """Show the band for other dates (an edit moved them): the same items, moved."""
        start_x = max(0.0, start_x)
        self.setRect(
            start_x, centre_y - VALIDITY_HIT / 2, max(1.0, expiry_x - start_x), VALIDITY_HIT
        )
        self.start_x = start_x
        self.expiry_x = expiry_x
        self.renewal_xs = [x for x, _old, _colour, _tip in renewals]
        self.setToolTip(tooltip)

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
        self._band.setToolTip(tooltip)

        tick_pen = pen(colour.darker(120), 2)
        tick_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.expiry_tick.setLine(
            expiry_x, centre_y - EXPIRY_TICK / 2, expiry_x, centre_y + EXPIRY_TICK / 2
        )
        self.expiry_tick.setPen(tick_pen)
        self.expiry_tick.setToolTip(expiry_tooltip)
        self.renewal_marks.set_renewals(centre_y, expiry_x, renewals)


class RenewalRings(QGraphicsItem):
    """The renewals on one validity band: a ring where each later exam renews it and a faint
    notch where the validity it replaced would have expired. One item paints them all (a long
    plan's band can carry dozens); the tooltip is that of the ring under the mouse."""

    def __init__(self) -> None:
        super().__init__()
        self._y = 0.0
        self._rings: list[tuple[float, QPen]] = []
        self._tips: list[Tooltip] = []
        self._notches: list[float] = []
        self._notch_pen = pen(ink(Colour.FAINT), 1)
        self._fill = ink(Colour.SURFACE)
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(1)
        self.setAcceptHoverEvents(True)

    def set_renewals(
        self,
        centre_y: float,
        expiry_x: float,
        renewals: Sequence[tuple[float, float, QColor, Tooltip]],
    ) -> None:
        self.prepareGeometryChange()
        self._y = centre_y
        self._rings = [
            (x, pen(QColor(colour).darker(110), 2)) for x, _old, colour, _tip in renewals
        ]
        self._tips = [tip for _x, _old, _colour, tip in renewals]
        self._notches = [old for _x, old, _colour, _tip in renewals if old < expiry_x]
        self.setToolTip("")
        reach = RENEWAL_RADIUS + 1
        self._shape = QPainterPath()
        bounds = QRectF()
        for x, _pen in self._rings:
            self._shape.addEllipse(QPointF(x, centre_y), reach, reach)
            bounds = bounds.united(QRectF(x - reach, centre_y - reach, 2 * reach, 2 * reach))
        for x in self._notches:
            bounds = bounds.united(QRectF(x - 1, centre_y - EXPIRY_TICK / 3, 2, EXPIRY_TICK))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        y = self._y
        painter.setPen(self._notch_pen)
        for x in self._notches:
            painter.drawLine(QLineF(x, y - EXPIRY_TICK / 3, x, y + EXPIRY_TICK / 3))
        painter.setBrush(self._fill)
        for x, ring_pen in self._rings:
            painter.setPen(ring_pen)
            painter.drawEllipse(QPointF(x, y), RENEWAL_RADIUS, RENEWAL_RADIUS)

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
