"""What the timeline lays out again with every change, around the entries' rows: the held
certifications' rows, the validity bands, the renewal links, the shading of every other month,
the blackouts and the today line. Each layout makes a new ``Scenery``; the view takes the old
one's items off the scene first, except its blackouts, which the new one keeps when they are
still the same (an edit rarely moves them, and a long plan has dozens)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from studyplanner.domain.catalog import Certification
from studyplanner.domain.lifecycle import Validity
from studyplanner.layout.timeline import (
    HeldRow,
    TimelineLayout,
    ValidityLayout,
    month_periods,
    year_periods,
)
from studyplanner.style import Colour
from studyplanner.ui.canvas.timeline_bands import ValidityBand
from studyplanner.ui.canvas.timeline_items import (
    AXIS_HEIGHT,
    HELD_ROW_HEIGHT,
    MARKER_SIZE,
    ROW_HEIGHT,
    ROWS_TOP,
    BlackoutBand,
    BlackoutShading,
    MonthBands,
    PassedMarker,
    ink,
)
from studyplanner.ui.canvas.timeline_links import RenewalLink, RenewalLinks
from studyplanner.ui.canvas.timeline_rows import LABEL_GAP, Scale
from studyplanner.ui.canvas.timeline_tips import TimelineWording, blackout_tooltip


@dataclass
class HeldRowItems:
    """A certification held before the plan: its thin row at the top and its band."""

    certification_id: str
    top: float
    band: ValidityBand
    tooltip: str


class Scenery:
    def __init__(
        self,
        scene: QGraphicsScene,
        wording: TimelineWording,
        tier_ink: Callable[[Certification], QColor],
        font: Callable[[str], QFont],
        width: Callable[[str, str], float],
        previous: Scenery | None = None,
    ) -> None:
        self._scene = scene
        self._wording = wording
        self._certs = wording.certs
        self._today = wording.today
        self._tier_ink = tier_ink
        self._font = font
        self._width = width
        self.items: list[QGraphicsItem] = []
        self.held_rows: list[HeldRowItems] = []
        self.links: list[RenewalLink] = []
        self.links_item: RenewalLinks | None = None
        self._ring_colours: dict[str, QColor] = {}
        self._blackouts: tuple[tuple[object, ...], list[QGraphicsItem]] | None = None
        """The blackouts' items and what they show (``blackouts``)."""
        self._previous_blackouts = previous._blackouts if previous is not None else None

    def add(self, item: QGraphicsItem) -> None:
        self._scene.addItem(item)
        self.items.append(item)

    def remove(self) -> None:
        """Take every item of this scenery off the scene but the blackouts' (the next scenery
        keeps or removes those)."""
        kept = {id(item) for item in self._blackouts[1]} if self._blackouts else set()
        for item in self.items:
            if id(item) not in kept and item.scene() is self._scene:
                self._scene.removeItem(item)
        self.items = []

    def _renewal_colour(self, certification_id: str) -> QColor:
        """The tier colour of a renewing exam, shared by every ring of that certification
        (a long plan draws hundreds; the rings only read it)."""
        colour = self._ring_colours.get(certification_id)
        if colour is None:
            colour = self._ring_colours[certification_id] = self._tier_ink(
                self._certs[certification_id]
            )
        return colour

    def _validity_colour(self, validity: Validity) -> QColor:
        """The certification's tier colour; grey once it has expired."""
        if validity.expires_on < self._today:
            return QColor(ink(Colour.PASSED))
        return self._tier_ink(self._certs[validity.certification_id])

    def band(
        self,
        band: ValidityLayout,
        centre_y: float,
        entry_id: str,
        scale: Scale,
        reuse: ValidityBand | None = None,
    ) -> ValidityBand:
        """The band drawing a validity: ``reuse`` reshaped when given, else a new one."""
        validity = band.validity
        wording = self._wording
        colour_of = self._renewal_colour
        renewals = [
            (
                scale.middle(tick.day),
                scale.middle(tick.replaced_expiry),
                colour_of(tick.renewal.certification_id),
                partial(wording.renewal_tooltip, validity, tick.renewal),
            )
            for tick in band.renewals
        ]
        look = (
            scale.middle(band.earned),
            scale.middle(band.expires),
            centre_y,
            self._validity_colour(validity),
            partial(wording.band_tooltip, validity),
        )
        expiry_tooltip = partial(wording.expiry_tooltip, validity)
        if reuse is not None:
            reuse.reshape(*look, renewals=renewals, expiry_tooltip=expiry_tooltip)
            return reuse
        item = ValidityBand(
            entry_id or validity.certification_id,
            *look,
            renewals=renewals,
            expiry_tooltip=expiry_tooltip,
            entry_id=entry_id,
        )
        self._scene.addItem(item)
        return item

    @staticmethod
    def reach(band: ValidityLayout, scale: Scale) -> float:
        """How far right a band asks the scene to scroll: to its expiry when that is near the
        plan's end; a later expiry runs on past the edge (zoom out to see it), so that fitting
        the plan never needs a scroll bar."""
        return scale.middle(band.expires) + 8 if band.near_finish else 0.0

    def held_row(self, held: HeldRow, scale: Scale) -> float:
        """Draw the thin row of a certification held before the plan; returns its right end."""
        validity = held.validity.validity
        top = ROWS_TOP + held.index * HELD_ROW_HEIGHT
        text_y = top + 11
        tooltip = self._wording.band_tooltip(validity)
        start = scale.middle(held.validity.earned)
        if start >= 0:
            marker = PassedMarker("", QPointF(start, text_y))
            marker.setScale(0.8)
            marker.setToolTip(tooltip)
            self.add(marker)
            cursor = start + MARKER_SIZE * 0.4 + LABEL_GAP
        else:
            cursor = 8.0  # earned long before the plan: the row starts at the left edge
        for text, colour, font in self._wording.held_texts(validity):
            self.text(text, cursor, text_y, colour, self._font(font), tooltip)
            cursor += self._width(font, text) + LABEL_GAP
        band = self.band(held.validity, top + HELD_ROW_HEIGHT - 7, "", scale)
        band.write_tooltips()  # a few held rows, drawn anew with each layout
        self.items.append(band)
        self.held_rows.append(HeldRowItems(validity.certification_id, top, band, tooltip))
        return max(cursor, self.reach(held.validity, scale))

    def renewal_links(self, layout: TimelineLayout, scale: Scale, rows_top: float) -> None:
        """Join each renewing exam's milestone to the ring on the band it renews (one item
        draws them all)."""
        for link in layout.links:
            if link.held:
                band_y = ROWS_TOP + link.band_row * HELD_ROW_HEIGHT + HELD_ROW_HEIGHT - 7
            else:
                band_y = rows_top + link.band_row * ROW_HEIGHT + ROW_HEIGHT - 5
            middle = rows_top + link.renewing_row * ROW_HEIGHT + ROW_HEIGHT / 2
            x = scale.middle(link.day)
            if middle > band_y:
                start, end = band_y + 4, middle - MARKER_SIZE / 2 - 1
            else:
                start, end = middle + MARKER_SIZE / 2 + 1, band_y - 4
            if end <= start:
                continue
            tooltip = partial(self._wording.link_tooltip, link.validity, link.renewal)
            self.links.append(RenewalLink(x, start, end, tooltip))
        if self.links:
            self.links_item = RenewalLinks(self.links)
            self.add(self.links_item)

    def text(
        self, text: str, x: float, middle: float, colour: QColor, font: QFont, tooltip: str
    ) -> None:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setToolTip(tooltip)
        item.setBrush(colour)
        height = item.boundingRect().height()
        item.setPos(x, middle - height / 2)
        item.setZValue(11)
        self.add(item)

    def month_bands(
        self, origin: date, last_day: date, ppd: float, width: float, height: float
    ) -> None:
        """Shade every other month, or every other year when months get too narrow to tell
        apart."""
        by_year = 30.4 * ppd < 20
        periods = (year_periods if by_year else month_periods)(origin, origin, last_day)
        shaded = [
            QRectF(
                period.start * ppd,
                AXIS_HEIGHT,
                min(period.end * ppd, width) - period.start * ppd,
                height,
            )
            for index, period in enumerate(periods)
            if ((period.begins.year % 2 == 1) if by_year else (index % 2 == 1))
        ]
        if shaded:
            self.add(MonthBands(shaded))

    def blackouts(
        self, layout: TimelineLayout, scale: Scale, last_day: date, height: float
    ) -> None:
        """Shade the blackouts up to ``last_day``, each with its label and tooltip: the
        previous scenery's when they show the same."""
        last = layout.day_of(last_day)
        spans = [
            (scale.x(span.span.start), scale.x(span.span.end), span.blackout)
            for span in layout.blackouts
            if not (span.span.end <= 0 or span.span.start > last)
        ]
        # The labels' ink and font follow the theme and the application font.
        key = (tuple(spans), height, ink(Colour.MUTED_TEXT).rgba(), QFont().key())
        previous, self._previous_blackouts = self._previous_blackouts, None
        if previous is not None and previous[0] == key:
            self._blackouts = previous
            self.items.extend(previous[1])
            return
        for item in previous[1] if previous is not None else []:
            if item.scene() is self._scene:
                self._scene.removeItem(item)
        first = len(self.items)
        rects = []
        for x0, x1, blackout in spans:
            rect = QRectF(x0, AXIS_HEIGHT, x1 - x0, height - AXIS_HEIGHT)
            self.add(BlackoutBand(rect, blackout.label, blackout_tooltip(blackout)))
            rects.append(rect)
        if rects:
            self.add(BlackoutShading(rects))
        self._blackouts = (key, self.items[first:])

    def today_line(self, x: float, height: float) -> None:
        line = self._scene.addLine(x, AXIS_HEIGHT, x, height)
        pen = line.pen()
        pen.setColor(ink(Colour.TODAY))
        pen.setWidthF(1.5)
        line.setPen(pen)
        line.setZValue(9)
        self.items.append(line)
