"""The timeline's date axis: months and years (and weeks when zoomed in) from the layout's
axis periods, turned into pixels at the view's zoom, with a "Today" tag."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from studyplanner.domain.months import DayScale
from studyplanner.domain.wording import format_month, format_month_name, short_month
from studyplanner.i18n import _
from studyplanner.layout.timeline import AxisPeriod, monday_days, month_periods, year_periods
from studyplanner.style import Colour
from studyplanner.ui.canvas.timeline_items import (
    AXIS_HEIGHT,
    UPPER_TIER_HEIGHT,
    add_text,
    ink,
    no_pen,
    pen,
    text_width,
    ui_font,
)


def _fit(metrics: QFontMetricsF, width: float, candidates: list[str]) -> str:
    for caption in candidates:
        if metrics.horizontalAdvance(caption) + 10 <= width:
            return caption
    return ""


class DateAxis(QGraphicsRectItem):
    """The header, in two tiers that adapt to the zoom: month names over week ticks (with the
    day of each Monday) when months are wide, years over month names when they are narrow; and
    a "Today" tag. The view pins it to the top of the visible area while scrolling and calls
    ``follow_left`` so the caption of a partly scrolled-away period stays readable."""

    def __init__(
        self, origin: date, width: float, pixels_per_day: float, today: date | None
    ) -> None:
        super().__init__(0, 0, width, AXIS_HEIGHT)
        self._origin = origin
        self._ppd = pixels_per_day
        self._width = width
        self._scale = DayScale(origin, pixels_per_day)
        last_day = origin + timedelta(days=int(width / pixels_per_day))

        def strip(period: AxisPeriod) -> tuple[float, float]:
            """Where a month or year is drawn: its x and its width, cut at the axis's end."""
            x = period.start * pixels_per_day
            return x, min(period.end * pixels_per_day, width) - x

        self.detailed = 30 * pixels_per_day >= 84
        """Month names over weeks (True) or years over months (False)."""
        self.setBrush(ink(Colour.CANVAS))
        self.setPen(no_pen())
        self.setZValue(100)

        caption_font = ui_font(9.0, QFont.Weight.DemiBold)
        small_font = ui_font(8.0)
        # measured with one metrics each (a long plan's axis has hundreds of months)
        caption_metrics, small_metrics = QFontMetricsF(caption_font), QFontMetricsF(small_font)
        separators = QPainterPath()
        ticks = QPainterPath()
        separators.moveTo(0, UPPER_TIER_HEIGHT + 0.5)
        separators.lineTo(width, UPPER_TIER_HEIGHT + 0.5)
        lower_middle = (UPPER_TIER_HEIGHT + AXIS_HEIGHT) / 2
        self._today_font = ui_font(8.0, QFont.Weight.Bold)
        tag = QRectF()
        if today is not None and origin <= today <= last_day:
            centre = self.x_of(today) + pixels_per_day / 2
            tag_width = text_width(self._today_font, _("Today")) + 12
            left = max(2.0, centre - tag_width / 2)  # never clipped at the left edge
            tag_height = QFontMetricsF(self._today_font).height() + 3
            tag = QRectF(left, UPPER_TIER_HEIGHT + 2, tag_width, min(tag_height, 19.0))

        def clear_of_tag(x: float, width: float) -> bool:
            """Lower-tier captions give way to the "Today" tag rather than peek out under it."""
            return tag.isNull() or x + width < tag.left() - 2 or x > tag.right() + 2

        months = [(*strip(p), p.begins) for p in month_periods(origin, origin, last_day)]

        upper: list[tuple[float, float, list[str]]] = []
        if self.detailed:
            upper = [
                (x, w, [format_month_name(m), format_month(m), short_month(m)])
                for x, w, m in months
            ]
            week = 7 * pixels_per_day
            for day in monday_days(origin, last_day):
                monday = origin + timedelta(days=day)
                x = day * pixels_per_day + 0.5
                ticks.moveTo(x, AXIS_HEIGHT - 5)
                ticks.lineTo(x, AXIS_HEIGHT)
                day_width = small_metrics.horizontalAdvance(str(monday.day))
                if week >= 20 and clear_of_tag(x + 3.5, day_width):
                    add_text(
                        self,
                        str(monday.day),
                        small_font,
                        ink(Colour.MUTED_TEXT),
                        x + 3.5,
                        lower_middle,
                    )
        else:
            upper = [
                (*strip(p), [str(p.begins.year)]) for p in year_periods(origin, origin, last_day)
            ]
            # One caption style for the whole axis, so narrow months never mix "Jan" and "J".
            month_width = 30.4 * pixels_per_day
            style = (
                "short"
                if month_width >= small_metrics.horizontalAdvance("May") + 8
                else "initial"
                if month_width >= 12
                else ""
            )
            for x, w, m in months:
                if month_width >= 5:
                    ticks.moveTo(x + 0.5, UPPER_TIER_HEIGHT)
                    ticks.lineTo(x + 0.5, AXIS_HEIGHT)
                caption = short_month(m) if style else ""
                if style == "initial":
                    caption = caption[0]
                if not caption:
                    continue
                caption_width = small_metrics.horizontalAdvance(caption)
                if clear_of_tag(x + (w - caption_width) / 2, caption_width):
                    item = add_text(
                        self, caption, small_font, ink(Colour.MUTED_TEXT), 0, lower_middle
                    )
                    item.setX(x + (w - item.boundingRect().width()) / 2)

        self._captions: list[tuple[float, float, QGraphicsSimpleTextItem]] = []
        for x, w, candidates in upper:
            separators.moveTo(x + 0.5, 0)
            separators.lineTo(x + 0.5, AXIS_HEIGHT)
            caption = _fit(caption_metrics, w, candidates)
            if caption:
                item = add_text(
                    self, caption, caption_font, ink(Colour.TEXT), x + 6, UPPER_TIER_HEIGHT / 2
                )
                self._captions.append((x, w, item))

        for path, colour in ((separators, ink(Colour.BORDER)), (ticks, ink(Colour.BORDER))):
            lines = QGraphicsPathItem(path)
            lines.setParentItem(self)
            lines.setPen(pen(colour))
        border = QGraphicsLineItem(0, AXIS_HEIGHT - 0.5, width, AXIS_HEIGHT - 0.5)
        border.setParentItem(self)
        border.setPen(pen(ink(Colour.BORDER)))

        self.today_tag: QGraphicsPathItem | None = None
        if not tag.isNull():
            self._add_today_tag(tag)

    def x_of(self, day: date) -> float:
        return self._scale.x(day)

    def labels(self) -> list[tuple[str, QGraphicsItem]]:
        """The upper captions that are shown and the "Today" tag, with their items."""
        shown: list[tuple[str, QGraphicsItem]] = [
            (item.text(), item) for _x, _w, item in self._captions if item.isVisible()
        ]
        if self.today_tag is not None:
            shown.append((_("Today"), self.today_tag))
        return shown

    def captions(self) -> list[str]:
        """The upper tier's captions in order (month names, or years when zoomed out)."""
        return [item.text() for _x, _w, item in self._captions]

    def follow_visible(self, left: float, right: float) -> None:
        """Keep the caption of the period under the visible left edge in view, and hide a
        caption that the right edge would cut (its period is mostly out of view)."""
        for x, width, item in self._captions:
            text_width = item.boundingRect().width()
            if x <= left < x + width:
                room = x + width - text_width - 12
                item.setX(max(x, min(left, room)) + 6)
            elif item.x() != x + 6:
                item.setX(x + 6)
            item.setVisible(item.x() + text_width <= right - 2)

    def _add_today_tag(self, rect: QRectF) -> None:
        shape = QPainterPath()
        shape.addRoundedRect(rect, 8, 8)
        tag = QGraphicsPathItem(shape)
        self.today_tag = tag
        tag.setParentItem(self)
        tag.setBrush(ink(Colour.TODAY))
        tag.setPen(no_pen())
        label = add_text(
            tag, _("Today"), self._today_font, ink(Colour.SURFACE), 0, rect.center().y()
        )
        label.setX(rect.center().x() - label.boundingRect().width() / 2)
