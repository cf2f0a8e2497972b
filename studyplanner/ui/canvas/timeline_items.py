"""The drawn pieces of the timeline: bars, exam and passed markers, baseline ghosts, advice
badges, row strips, blackouts and message cards (the axis, the validity bands and the renewal
links have modules of their own), with the geometry, fonts and colours they share.

Each piece is assembled from Qt's own shape and text items, so painting, scrolling and zooming
run entirely in C++ (fast for long plans, and no Python code runs per paint); a bar, a band or a
ghost is reshaped in place when an edit moves it. Where each piece goes comes from the Qt-free
layout (``studyplanner.layout.timeline``) placed by the view; every piece that belongs to a plan
entry carries the entry id under ``ENTRY_ID_ROLE`` so a click can find its entry.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.domain.advice import Severity
from studyplanner.style import Colour, point_size
from studyplanner.ui.widgets import theme
from studyplanner.ui.widgets.theme import is_dark

ENTRY_ID_ROLE = 0
"""``QGraphicsItem.data()`` key holding the plan entry id an item belongs to."""

# Geometry, in scene pixels.
AXIS_HEIGHT = 46.0
UPPER_TIER_HEIGHT = 24.0
LANE_HEIGHT = 22.0
ROWS_TOP = AXIS_HEIGHT + LANE_HEIGHT
ROW_HEIGHT = 38.0
BAR_HEIGHT = 22.0
BAR_RADIUS = 5.0
MARKER_SIZE = 15.0
BADGE_SIZE = 16.0
HELD_ROW_HEIGHT = 28.0
"""Rows of certifications held before the plan: thinner than an entry's, they hold no bar."""
VALIDITY_HEIGHT = 4.0
"""The thin band from an exam to its certification's expiry."""
VALIDITY_HIT = 10.0
"""How tall the band is for the mouse, so its tooltip is easy to find."""
EXPIRY_TICK = 12.0
RENEWAL_RADIUS = 4.0

BLACKOUT_FILL = QColor(110, 120, 132, 26)
BLACKOUT_HATCH = QColor(110, 120, 132, 64)
"""Blackouts are a translucent grey, which reads on the light and the dark canvas alike."""
BAR_TINT = 0.34
"""How much of the tier colour the part of a bar still to study gets (the rest is canvas)."""
GHOST_RISE = 4.0
"""How far above the current bar its baseline ghost is drawn, so both stay visible."""


_inks: dict[Colour, QColor] = {}
_inks_palette = -1


def ink(name: Colour) -> QColor:
    """``theme.ink``, remembered for as long as the application palette stays the same: a long
    plan's timeline asks for its colours tens of thousands of times per layout."""
    global _inks_palette
    key = QGuiApplication.palette().cacheKey()
    if key != _inks_palette:
        _inks.clear()
        _inks_palette = key
    known = _inks.get(name)
    if known is None:
        known = _inks[name] = theme.ink(name)
    return QColor(known)


def ui_font(design_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The application font, sized as ``design_size`` is to the reference font (so a larger
    default font makes the timeline larger) and never below 8 pt; the timeline never scales
    text, so it stays crisp at every zoom level."""
    font = QFont()
    font.setPointSizeF(point_size(design_size, font.pointSizeF()))
    font.setWeight(weight)
    return font


def text_width(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


def pen(colour: QColor, width: float = 1.0) -> QPen:
    line = QPen(colour, width)
    line.setCosmetic(False)
    return line


def no_pen() -> QPen:
    return QPen(Qt.PenStyle.NoPen)


def add_text(
    parent: QGraphicsItem, text: str, font: QFont, colour: QColor, x: float, centre_y: float
) -> QGraphicsSimpleTextItem:
    """A line of text whose left edge is at ``x`` and vertical centre at ``centre_y``."""
    item = QGraphicsSimpleTextItem(text)
    item.setParentItem(parent)
    item.setFont(font)
    item.setBrush(colour)
    item.setPos(x, centre_y - item.boundingRect().height() / 2)
    return item


class BlackoutBand(QGraphicsPathItem):
    """A period with no study, for the mouse and the eye: its tooltip over the band, its label
    in the lane under the axis. The band is drawn by ``BlackoutShading``, for all of them."""

    def __init__(self, rect: QRectF, label: str, tooltip: str) -> None:
        outline = QPainterPath()
        outline.addRect(rect)
        super().__init__(outline)
        self.label = label
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setPen(no_pen())
        self.setToolTip(tooltip)
        self.setZValue(-5)
        if label:
            font = ui_font(8.0)
            font.setItalic(True)
            add_text(
                self,
                label,
                font,
                ink(Colour.MUTED_TEXT),
                rect.left() + 4,
                rect.top() + LANE_HEIGHT / 2,
            )


class BlackoutShading(QGraphicsItem):
    """Every blackout's band: a translucent fill, lightly hatched, edged left and right. One
    item for them all, because Qt hands each tall fill to its thread pool, and a round trip
    per band cost more than the painting itself. A repaint fills only the bands it reaches
    (a long plan has dozens, most of them off screen)."""

    def __init__(self, rects: list[QRectF]) -> None:
        super().__init__()
        self.rects = [QRectF(rect) for rect in rects]
        # Overlapping blackouts are shaded once: their spans merged, as one fill would.
        merged: list[QRectF] = []
        for rect in sorted(self.rects, key=lambda r: r.left()):
            last = merged[-1] if merged else None
            if (
                last is not None
                and rect.left() <= last.right()
                and rect.top() == last.top()
                and rect.height() == last.height()
            ):
                last.setRight(max(last.right(), rect.right()))
            else:
                merged.append(QRectF(rect))
        self._fills = merged
        self._bounds = QRectF()
        for rect in self.rects:
            self._bounds = self._bounds.united(rect)
        self._hatch = QBrush(BLACKOUT_HATCH, Qt.BrushStyle.BDiagPattern)
        self._edge = pen(BLACKOUT_HATCH)
        self.setZValue(-5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        exposed = option.exposedRect.adjusted(-1, -1, 1, 1)
        painter.setPen(Qt.PenStyle.NoPen)
        for rect in self._fills:
            if rect.intersects(exposed):
                painter.fillRect(rect, BLACKOUT_FILL)
                painter.fillRect(rect, self._hatch)
        painter.setPen(self._edge)
        for rect in self.rects:
            if rect.intersects(exposed):
                painter.drawLine(rect.topLeft(), rect.bottomLeft())
                painter.drawLine(rect.topRight(), rect.bottomRight())


class MonthBands(QGraphicsPathItem):
    """The shading of every other month (or year) behind the rows, as one item: one fill
    instead of one per month (see ``BlackoutShading``)."""

    def __init__(self, rects: list[QRectF]) -> None:
        shape = QPainterPath()
        for rect in rects:
            shape.addRect(rect)
        shape.setFillRule(Qt.FillRule.WindingFill)
        super().__init__(shape)
        self.setBrush(ink(Colour.PANEL))
        self.setPen(no_pen())
        self.setZValue(-10)


def light_tint(colour: QColor, share: float = BAR_TINT) -> QColor:
    """``colour`` mixed into the canvas: the part of a bar still to study."""
    base = ink(Colour.SURFACE)
    return QColor.fromRgbF(
        base.redF() + (colour.redF() - base.redF()) * share,
        base.greenF() + (colour.greenF() - base.greenF()) * share,
        base.blueF() + (colour.blueF() - base.blueF()) * share,
    )


class EntryBar(QGraphicsPathItem):
    """An entry's study period as a rounded bar: lightly tinted in its tier colour, filled in
    the full colour up to ``logged_right`` (the part already studied, up to today). The label
    is drawn inside when it fits (``label_inside``), dark on the tint and white on the fill;
    otherwise the view writes it after the exam marker."""

    def __init__(
        self,
        entry_id: str,
        rect: QRectF,
        colour: QColor,
        label: str,
        font: QFont,
        logged_right: float | None = None,
    ) -> None:
        super().__init__()
        self.setData(ENTRY_ID_ROLE, entry_id)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)
        self.rect = QRectF()
        self.colour = QColor()
        self.label_inside = False
        self.logged_rect: QRectF | None = None
        """The filled part (None when nothing of it is studied yet)."""
        self._label: QGraphicsSimpleTextItem | None = None
        self._clip: QGraphicsRectItem | None = None
        """The logged part: a clip holding the bar filled in full colour, and its label."""
        self._fill = QGraphicsPathItem()
        self._fill_label: QGraphicsSimpleTextItem | None = None
        # Every bar has a sheen and its two outlines, kept (and moved) across reshapes; the
        # label and the logged part come and go, always stacked under the sheen.
        self._sheen = QGraphicsPathItem(self)
        self._sheen.setBrush(QColor(255, 255, 255, 30))
        self._sheen.setPen(no_pen())
        self._ring = self._outline()
        self._focus_ring = self._outline()
        self.reshape(rect, colour, label, font, logged_right)

    def reshape(
        self,
        rect: QRectF,
        colour: QColor,
        label: str,
        font: QFont,
        logged_right: float | None = None,
    ) -> None:
        """Move and resize the bar (an edit moved its study period): the same items, so the
        scene keeps its place, its selection and its focus."""
        shape = QPainterPath()
        shape.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), BAR_RADIUS, BAR_RADIUS)
        self.setPath(shape)
        self.rect = QRectF(rect)
        self.colour = QColor(colour)
        self.setBrush(light_tint(colour))
        self.setPen(pen(colour))
        centre_y = rect.center().y()

        self.label_inside = text_width(font, label) + 16 <= rect.width()
        # Dark ink of the tier on the light tint; the theme's text on the dark one.
        on_tint = ink(Colour.TEXT) if is_dark() else colour.darker(175)
        under = self._clip if self._clip is not None else self._sheen
        self._label = _keep_text(
            self._label, self, under, self.label_inside, label, font, on_tint, rect.left() + 8
        )
        if self._label is not None:
            self._label.setY(centre_y - self._label.boundingRect().height() / 2)

        self.logged_rect = None
        if logged_right is not None and logged_right > rect.left():
            self.logged_rect = QRectF(
                rect.topLeft(), QPointF(min(logged_right, rect.right()), rect.bottom())
            )
            if self._clip is None:
                self._clip = QGraphicsRectItem(self)
                self._clip.setPen(no_pen())
                self._clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
                self._clip.stackBefore(self._sheen)
                self._fill = QGraphicsPathItem(self._clip)
            self._clip.setRect(self.logged_rect)
            self._fill.setPath(shape)
            self._fill.setBrush(colour)
            self._fill.setPen(pen(colour.darker(125)))
            self._fill_label = _keep_text(
                self._fill_label,
                self._clip,
                None,
                self.label_inside,
                label,
                font,
                ink(Colour.ON_COLOUR),
                rect.left() + 8,
            )
            if self._fill_label is not None:
                self._fill_label.setY(centre_y - self._fill_label.boundingRect().height() / 2)
        elif self._clip is not None:
            _let_go(self._clip)
            self._clip = self._fill_label = None

        # A light sheen on the upper half gives the flat bar a little depth.
        sheen_shape = QPainterPath()
        sheen_shape.addRoundedRect(
            rect.adjusted(1.5, 1.5, -1.5, -rect.height() / 2), BAR_RADIUS - 1, BAR_RADIUS - 1
        )
        self._sheen.setPath(sheen_shape)
        halo = QColor(ink(Colour.SELECTION_RING))
        halo.setAlpha(110)
        for outline, gap, radius, line in (
            (self._ring, 2.5, 7, pen(ink(Colour.SELECTION_RING), 2)),
            (self._focus_ring, 5.5, 9, pen(halo, 3)),
        ):
            around = QPainterPath()
            around.addRoundedRect(rect.adjusted(-gap, -gap, gap, gap), radius, radius)
            outline.setPath(around)
            outline.setPen(line)

    def _outline(self) -> QGraphicsPathItem:
        """A rounded outline outside the bar (placed by ``reshape``): the selection ring or
        the focus halo, hidden until needed."""
        outline = QGraphicsPathItem(self)
        outline.setVisible(False)
        return outline

    @property
    def selected(self) -> bool:
        return _shown(self._ring)

    def set_selected(self, selected: bool) -> None:
        _show(self._ring, selected)

    @property
    def focused(self) -> bool:
        """True while the keyboard focus is on this bar (a halo outside the selection ring)."""
        return _shown(self._focus_ring)

    def set_focused(self, focused: bool) -> None:
        _show(self._focus_ring, focused)


def _keep_text(
    item: QGraphicsSimpleTextItem | None,
    parent: QGraphicsItem,
    under: QGraphicsItem | None,
    shown: bool,
    text: str,
    font: QFont,
    colour: QColor,
    x: float,
) -> QGraphicsSimpleTextItem | None:
    """A bar's label kept across reshapes: made (stacked under ``under``) when it is first
    shown, let go when it is not; the caller sets its height."""
    if not shown:
        if item is not None:
            _let_go(item)
        return None
    if item is None:
        item = QGraphicsSimpleTextItem(parent)
        if under is not None:
            item.stackBefore(under)
    if item.text() != text:
        item.setText(text)
    if item.font() != font:
        item.setFont(font)
    item.setBrush(colour)
    item.setX(x)
    return item


def _let_go(item: QGraphicsItem) -> None:
    """Take a piece off its bar (and the scene)."""
    scene = item.scene()
    if scene is not None:
        scene.removeItem(item)  # and from its parent
    else:
        item.setParentItem(None)


def _shown(outline: QGraphicsPathItem | None) -> bool:
    """True when the bar has this outline and it is on screen."""
    return outline is not None and outline.isVisible()


def _show(outline: QGraphicsPathItem | None, visible: bool) -> None:
    """Show or hide this outline, if the bar has one yet."""
    if outline is not None:
        outline.setVisible(visible)


class BaselineGhost(QGraphicsPathItem):
    """Where the baseline had an entry: a faint dashed bar (the study window it planned) and a
    hollow diamond on its exam day, drawn a little above and behind the current bar so that a
    slip shows as the two pulling apart."""

    def __init__(
        self,
        entry_id: str,
        rect: QRectF | None,
        exam_centre: QPointF | None,
    ) -> None:
        """The tooltip is written when the mouse first asks for it (``set_tooltip``)."""
        super().__init__()
        self.bar_rect = QRectF(rect) if rect is not None else None
        self.exam_centre = QPointF(exam_centre) if exam_centre is not None else None
        shape = QPainterPath()
        if rect is not None and rect.width() > 1:
            shape.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), BAR_RADIUS, BAR_RADIUS)
        self.setPath(shape)
        fill = QColor(ink(Colour.MUTED_TEXT))
        fill.setAlpha(46)
        self.setBrush(fill)
        outline = pen(ink(Colour.MUTED_TEXT), 1.2)
        outline.setStyle(Qt.PenStyle.DashLine)
        self.setPen(outline)
        self.setData(ENTRY_ID_ROLE, entry_id)
        self.setZValue(8)
        self.diamond: QGraphicsPolygonItem | None = None
        """The baseline's exam day: a separate item, drawn over the current bar (which may
        have grown past it) but under the current exam marker; the view adds it."""
        if exam_centre is not None:
            half = MARKER_SIZE / 2 - 1
            self.diamond = QGraphicsPolygonItem(
                QPolygonF(
                    [QPointF(0, -half), QPointF(half, 0), QPointF(0, half), QPointF(-half, 0)]
                )
            )
            self.diamond.setPos(exam_centre)
            self.diamond.setBrush(Qt.BrushStyle.NoBrush)
            self.diamond.setPen(pen(ink(Colour.MUTED_TEXT), 1.5))
            self.diamond.setData(ENTRY_ID_ROLE, entry_id)
            self.diamond.setZValue(11)

    def reshape(self, rect: QRectF | None, exam_centre: QPointF) -> None:
        """Move the ghost (an edit of the baseline, or a zoom): the same items."""
        self.bar_rect = QRectF(rect) if rect is not None else None
        self.exam_centre = QPointF(exam_centre)
        shape = QPainterPath()
        if rect is not None and rect.width() > 1:
            shape.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), BAR_RADIUS, BAR_RADIUS)
        self.setPath(shape)
        if self.diamond is not None:
            self.diamond.setPos(exam_centre)

    def set_tooltip(self, tooltip: str) -> None:
        """What the ghost's bar and diamond say under the mouse."""
        if self.toolTip() != tooltip:
            self.setToolTip(tooltip)
            if self.diamond is not None:
                self.diamond.setToolTip(tooltip)


class ExamMarker(QGraphicsPolygonItem):
    """The exam day as a diamond milestone in the tier colour; a white dot when the date is
    pinned by the learner."""

    def __init__(self, entry_id: str, centre: QPointF, colour: QColor, pinned: bool) -> None:
        half = MARKER_SIZE / 2
        super().__init__(
            QPolygonF([QPointF(0, -half), QPointF(half, 0), QPointF(0, half), QPointF(-half, 0)])
        )
        self.setPos(centre)
        self.setBrush(colour.darker(115))
        self.setPen(pen(ink(Colour.SURFACE), 2))
        self.setData(ENTRY_ID_ROLE, entry_id)
        self.setZValue(12)
        edge = QGraphicsPolygonItem(self.polygon())
        edge.setParentItem(self)
        edge.setPen(pen(colour.darker(160)))
        if pinned:
            dot = QGraphicsEllipseItem(-2.5, -2.5, 5, 5)
            dot.setParentItem(self)
            dot.setBrush(ink(Colour.ON_COLOUR))
            dot.setPen(no_pen())


class PassedMarker(QGraphicsEllipseItem):
    """A passed exam: a muted round check mark on the day it was passed."""

    def __init__(self, entry_id: str, centre: QPointF) -> None:
        half = MARKER_SIZE / 2
        super().__init__(-half, -half, MARKER_SIZE, MARKER_SIZE)
        self.setPos(centre)
        self.setBrush(ink(Colour.PASSED))
        self.setPen(no_pen())
        self.setData(ENTRY_ID_ROLE, entry_id)
        self.setZValue(12)
        tick = QPainterPath(QPointF(-3.8, 0.2))
        tick.lineTo(-1.0, 3.0)
        tick.lineTo(4.0, -2.8)
        mark = QGraphicsPathItem(tick)
        mark.setParentItem(self)
        check_pen = pen(ink(Colour.ON_COLOUR), 2)
        check_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        check_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        mark.setPen(check_pen)


class AdviceBadge(QGraphicsPathItem):
    """A small badge on an entry that has advice; the tooltip says what. An amber warning
    triangle when any of it is a warning, a calmer blue "i" when it is all for information."""

    def __init__(
        self,
        entry_id: str,
        centre: QPointF,
        messages: list[str],
        severity: Severity = Severity.WARNING,
    ) -> None:
        half = BADGE_SIZE / 2
        shape = QPainterPath()
        if severity is Severity.WARNING:
            shape.moveTo(0, -half)
            shape.lineTo(half, half - 1.5)
            shape.lineTo(-half, half - 1.5)
            shape.closeSubpath()
        else:
            radius = half - 1.5
            shape.addEllipse(QPointF(0, 0), radius, radius)
        super().__init__(shape)
        self.messages = list(messages)
        self.severity = severity
        self.setPos(centre)
        if severity is Severity.WARNING:
            self.setBrush(ink(Colour.WARNING_FILL))
            edge = pen(ink(Colour.WARNING_EDGE))
            mark_ink, mark_text, mark_y = ink(Colour.WARNING_INK), "!", 2.0
        else:
            self.setBrush(ink(Colour.SURFACE))
            edge = pen(ink(Colour.INFO), 1.4)
            mark_ink, mark_text, mark_y = ink(Colour.INFO), "i", 0.0
        edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(edge)
        self.setData(ENTRY_ID_ROLE, entry_id)
        self.setToolTip("\n\n".join(messages))
        self.setZValue(14)
        weight = QFont.Weight.Black if severity is Severity.WARNING else QFont.Weight.Bold
        mark = add_text(self, mark_text, ui_font(8.0, weight), mark_ink, 0, mark_y)
        mark.setX(-mark.boundingRect().width() / 2)

    def set_messages(self, messages: list[str]) -> None:
        """Other advice of the same severity (an edit moved its dates): the same badge."""
        if messages != self.messages:
            self.messages = list(messages)
            self.setToolTip("\n\n".join(messages))


class RowBackground(QGraphicsRectItem):
    """The full-width strip of one row: a thin separator, tinted when selected. Held
    certifications' rows are thinner and belong to no entry (``entry_id`` '')."""

    def __init__(
        self,
        entry_id: str,
        top: float,
        width: float,
        height: float = ROW_HEIGHT,
        separator: Colour = Colour.HAIRLINE,
    ) -> None:
        super().__init__(0, top, width, height)
        self.setPen(no_pen())
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setData(ENTRY_ID_ROLE, entry_id)
        self.setZValue(-8)
        self._separator = QGraphicsLineItem(0, top + height - 0.5, width, top + height - 0.5)
        self._separator.setParentItem(self)
        self._separator.setPen(pen(ink(separator)))

    def place(self, top: float, width: float) -> None:
        """Move the strip to another row or stretch it to a wider canvas."""
        height = self.rect().height()
        if self.rect() != QRectF(0, top, width, height):
            self.setRect(0, top, width, height)
            self._separator.setLine(0, top + height - 0.5, width, top + height - 0.5)

    @property
    def selected(self) -> bool:
        return self.brush().style() != Qt.BrushStyle.NoBrush

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.setBrush(ink(Colour.SELECTION) if selected else Qt.BrushStyle.NoBrush)

    @property
    def focused(self) -> bool:
        return self.pen().style() != Qt.PenStyle.NoPen

    def set_focused(self, focused: bool) -> None:
        """A focus ring around the whole row, for a row that has no bar to wear one."""
        if focused != self.focused:
            self.setPen(pen(ink(Colour.SELECTION_RING), 2) if focused else no_pen())


class InsertionIndicator(QGraphicsLineItem):
    """Where a drop will land: a blue line between rows with a ring at its start."""

    def __init__(self) -> None:
        super().__init__()
        line_pen = pen(ink(Colour.INSERTION), 2.5)
        line_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(line_pen)
        self.setZValue(90)
        self._ring = QGraphicsEllipseItem(-4, -4, 8, 8)
        self._ring.setParentItem(self)
        self._ring.setPen(pen(ink(Colour.INSERTION), 2))
        self._ring.setBrush(ink(Colour.SURFACE))
        self.index = 0
        self.hide()

    def place(self, index: int, left: float, y: float, width: float) -> None:
        self.index = index
        self.setLine(left + 9, 0, left + width, 0)
        self._ring.setPos(left + 5, 0)
        self.setPos(0, y)
        self.show()


def callout_style(kind: str) -> tuple[QColor, QColor, QColor]:
    """Fill, border and text colour of each kind of message card, in the current theme."""
    return {
        "hint": (ink(Colour.SURFACE), ink(Colour.RULE), ink(Colour.MUTED_TEXT)),
        "error": (ink(Colour.ERROR_FILL), ink(Colour.ERROR_EDGE), ink(Colour.ERROR_INK)),
        "refusal": (ink(Colour.NOTICE_FILL), ink(Colour.NOTICE_FILL), ink(Colour.ON_COLOUR)),
    }[kind]


class Callout(QGraphicsPathItem):
    """A message card drawn in the view: the empty-plan hint, a schedule error, or a refused
    drop."""

    def __init__(self, text: str, kind: str = "hint") -> None:
        super().__init__()
        self.text = text
        self.kind = kind
        fill, edge, text_ink = callout_style(kind)
        body = QGraphicsTextItem()
        body.setParentItem(self)
        body.setFont(ui_font(10.0))
        body.setDefaultTextColor(text_ink)
        body.setPlainText(text)
        natural = body.boundingRect().width()
        body.setTextWidth(min(natural, 470.0))
        icon = 26.0 if kind == "error" else 0.0
        text_rect = body.boundingRect()
        self.size = QRectF(0, 0, text_rect.width() + 32 + icon, text_rect.height() + 16)
        body.setPos(16 + icon, 8)

        outline = QPainterPath()
        outline.addRoundedRect(self.size.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        self.setPath(outline)
        self.setBrush(fill)
        border = pen(edge)
        if kind == "hint":
            border.setStyle(Qt.PenStyle.DashLine)
        self.setPen(border)
        self.setZValue(95)

        shadow = QGraphicsPathItem(outline.translated(0, 2))
        shadow.setParentItem(self)
        shadow.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        shadow.setBrush(QColor(0, 0, 0, 24))
        shadow.setPen(no_pen())
        if kind == "error":
            centre = QPointF(16 + 8, self.size.height() / 2)
            dot = QGraphicsEllipseItem(centre.x() - 8, centre.y() - 8, 16, 16)
            dot.setParentItem(self)
            dot.setBrush(ink(Colour.ERROR))
            dot.setPen(no_pen())
            mark = add_text(
                dot, "!", ui_font(9, QFont.Weight.Black), ink(Colour.ON_COLOUR), 0, centre.y()
            )
            mark.setX(centre.x() - mark.boundingRect().width() / 2)


def entry_id_of(item: QGraphicsItem | None) -> str:
    """The plan entry an item (or one of its ancestors) belongs to, or ''."""
    while item is not None:
        value = item.data(ENTRY_ID_ROLE)
        if isinstance(value, str) and value:
            return value
        item = item.parentItem()
    return ""
