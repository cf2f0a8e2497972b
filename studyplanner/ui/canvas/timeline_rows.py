"""One entry's row on screen: where the layout's days fall at the view's zoom (``RowPlacement``)
and the items drawing it (``RowItems``). An edit places every row again, which is cheap, and
updates the items of the rows already drawn in place: the bar is moved and resized, markers and
texts are moved, and only what changed kind (a pass, new advice) is replaced, so an edit of a
long plan costs what its visible rows cost, not what the whole plan does. A row's tooltips are
written when the mouse first asks for one (``write_tooltips``), not on every edit: an edit
rewords every date in them, and most are never read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from studyplanner.domain.advice import Severity
from studyplanner.domain.catalog import Certification
from studyplanner.domain.plan import Baseline
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.layout.timeline import EntryRow, MarkerKind, ValidityLayout
from studyplanner.ui.canvas.timeline_bands import ValidityBand
from studyplanner.ui.canvas.timeline_items import (
    BADGE_SIZE,
    BAR_HEIGHT,
    GHOST_RISE,
    MARKER_SIZE,
    ROW_HEIGHT,
    AdviceBadge,
    BaselineGhost,
    EntryBar,
    ExamMarker,
    PassedMarker,
    RowBackground,
)
from studyplanner.ui.canvas.timeline_tips import RowText, TimelineWording, entry_label

LABEL_GAP = 8.0

Rect = tuple[float, float, float, float]
"""x, y, width, height: kept as numbers until a row is drawn (a long plan places every
row on each change, and Qt's geometry objects cost more to make than the arithmetic)."""
Point = tuple[float, float]


@dataclass(frozen=True)
class Scale:
    """Days from the layout's origin as scene pixels."""

    pixels_per_day: float

    def x(self, day: int) -> float:
        """Where ``day`` begins."""
        return day * self.pixels_per_day

    def middle(self, day: int) -> float:
        """The middle of ``day``, where milestones sit."""
        return (day + 0.5) * self.pixels_per_day


@dataclass
class RowPlacement:
    """Where one entry's row puts its pieces at the current zoom: computed for every entry on
    each change (no items)."""

    layout: EntryRow
    top: float
    messages: list[str]
    severity: Severity
    bar_rect: Rect | None
    logged_right: float | None
    label_inside: bool
    marker: Point | None
    """The centre of the exam (or passed) marker."""
    texts: list[tuple[str, QColor, str, float]]
    """What is written after the marker: text, colour, font kind and the x it starts at."""
    badge_at: Point | None
    left: float
    right: float
    """Horizontal extent of everything drawn in the row, label included."""
    ghost: tuple[Rect | None, Point] | None
    """The baseline ghost's bar (if any) and exam diamond centre."""
    tooltips: tuple[str, str] | None = field(default=None, compare=False)
    """The tooltip of the bar, markers and texts, and the row's; written when first needed."""

    @property
    def entry_id(self) -> str:
        return self.layout.entry_id

    @property
    def index(self) -> int:
        return self.layout.index

    @property
    def item(self) -> ScheduledEntry:
        return self.layout.item

    @property
    def validity(self) -> ValidityLayout | None:
        return self.layout.validity


def place_row(
    row: EntryRow,
    top: float,
    scale: Scale,
    plan_start: int,
    advice: list[tuple[str, Severity]],
    texts: Callable[[ScheduledEntry, bool], list[RowText]],
    width: Callable[[str, str], float],
) -> RowPlacement:
    """Where an entry's bar, marker, texts and badge go; ``width(kind, text)`` measures text."""
    messages = [message for message, _severity in advice]
    severity = (
        Severity.WARNING
        if any(severity is Severity.WARNING for _message, severity in advice)
        else Severity.INFO
    )
    middle = top + ROW_HEIGHT / 2
    bar_rect: Rect | None = None
    logged_right = None
    label_inside = False
    cursor = scale.x(plan_start)
    if row.bar is not None:
        x0, x1 = scale.x(row.bar.start), scale.x(row.bar.end)
        if row.logged is not None:
            logged_right = scale.x(row.logged.end)
        bar_rect = (x0, middle - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT)
        label_inside = width("label", entry_label(row.item)) + 16 <= x1 - x0
        cursor = x1
    marker: Point | None = None
    if row.marker is not None:
        marker = (scale.middle(row.marker.day), middle)
        cursor = marker[0] + MARKER_SIZE / 2
    cursor += LABEL_GAP

    badge_at: Point | None = None
    placed: list[tuple[str, QColor, str, float]] = []
    for position, (text, colour, font) in enumerate(texts(row.item, label_inside)):
        placed.append((text, colour, font, cursor))
        cursor += width(font, text)
        if position == 0 and messages:
            badge_at = (cursor + BADGE_SIZE / 2 + 4, middle)
            cursor += BADGE_SIZE + 4
        cursor += LABEL_GAP
    if badge_at is None and messages:
        badge_at = (cursor + BADGE_SIZE / 2, middle)
        cursor += BADGE_SIZE + LABEL_GAP
    if bar_rect is not None:
        left = bar_rect[0]
    else:
        left = scale.x(row.marker.day if row.marker is not None else plan_start)
    ghost = None
    if row.ghost is not None:
        rise = middle - GHOST_RISE
        rect = None
        if row.ghost.study is not None:
            x0, x1 = scale.x(row.ghost.study.start), scale.x(row.ghost.study.end)
            rect = (x0, rise - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT)
        ghost = (rect, (scale.middle(row.ghost.exam), rise))
    return RowPlacement(
        row,
        top,
        messages,
        severity,
        bar_rect,
        logged_right,
        label_inside,
        marker,
        placed,
        badge_at,
        left,
        cursor,
        ghost,
    )


def row_tooltips(wording: TimelineWording, row: RowPlacement) -> tuple[str, str]:
    """The tooltips of a row's pieces and of the row itself (see ``RowPlacement``)."""
    if row.tooltips is None:
        pieces = whole = wording.entry_tooltip(row.item)
        if row.validity is not None:
            lines = wording.validity_lines(row.validity.validity)
            whole += "<br>" + "<br>".join(lines)
        row.tooltips = (pieces, whole)
    return row.tooltips


def ghost_tooltip(wording: TimelineWording, baseline: Baseline | None, row: RowPlacement) -> str:
    """What the baseline's ghost of a row says (only asked of rows with a ghost)."""
    ghost = row.layout.ghost
    if ghost is None:
        return ""
    taken_on = baseline.taken_on if baseline is not None else None
    return wording.ghost_tooltip(row.item, ghost.exam_date, taken_on)


class RowPainter:
    """What ``RowItems`` needs from the view to draw a row: fonts, tier colours, tooltips,
    the validity band maker, the ghost's tooltip, the canvas width and the zoom, for one
    layout."""

    def __init__(
        self,
        font: Callable[[str], QFont],
        tier_ink: Callable[[Certification], QColor],
        tooltips: Callable[[RowPlacement], tuple[str, str]],
        band: Callable[[ValidityLayout, float, str, ValidityBand | None], ValidityBand],
        ghost_tooltip: Callable[[RowPlacement], str],
        paint_width: float,
        scale: Scale,
    ) -> None:
        self.scale = scale
        self.font = font
        self.tier_ink = tier_ink
        self.tooltips = tooltips
        self.band = band
        self.ghost_tooltip = ghost_tooltip
        self.paint_width = paint_width


def _drop(scene: QGraphicsScene, *items: QGraphicsItem | None) -> None:
    for item in items:
        if item is not None and item.scene() is scene:
            scene.removeItem(item)


class RowItems:
    """The items drawing one entry's row, kept across edits (see the module's docstring)."""

    def __init__(self, scene: QGraphicsScene, placement: RowPlacement, painter: RowPainter):
        self._scene = scene
        self.placement = placement
        self.bar: EntryBar | None = None
        self.exam: ExamMarker | None = None
        self.passed: PassedMarker | None = None
        self.texts: list[QGraphicsSimpleTextItem] = []
        self.badge: AdviceBadge | None = None
        self.ghost: BaselineGhost | None = None
        self.validity: ValidityBand | None = None
        self._validity_key: tuple[object, ...] | None = None
        self._marker_key: tuple[object, ...] | None = None
        self._ghost_key: tuple[object, ...] | None = None
        self._painter = painter
        self._tooltips_written = False
        self.background = RowBackground(placement.entry_id, placement.top, painter.paint_width)
        scene.addItem(self.background)
        self.update(placement, painter, first=True)

    def remove(self) -> None:
        """Take every item of the row off the scene (its entry left the plan)."""
        ghost_diamond = self.ghost.diamond if self.ghost is not None else None
        _drop(
            self._scene,
            self.bar,
            self.exam,
            self.passed,
            *self.texts,
            self.badge,
            self.ghost,
            ghost_diamond,
            self.validity,
            self.background,
        )

    def update(self, placement: RowPlacement, painter: RowPainter, first: bool = False) -> None:
        """Show ``placement``, reusing the items that still fit it; its tooltips are written
        again when next asked for."""
        scene = self._scene
        old = self.placement
        self.placement = placement
        self._painter = painter
        self._tooltips_written = False
        entry_id = placement.entry_id
        item = placement.item
        colour = painter.tier_ink(item.certification)
        # The bar: moved and resized in place.
        if placement.bar_rect is None:
            _drop(scene, self.bar)
            self.bar = None
        elif self.bar is None:
            self.bar = EntryBar(
                entry_id,
                QRectF(*placement.bar_rect),
                colour,
                entry_label(item),
                painter.font("label"),
                placement.logged_right,
            )
            scene.addItem(self.bar)
        elif first or (
            placement.bar_rect != old.bar_rect
            or placement.logged_right != old.logged_right
            or colour != self.bar.colour
            or entry_label(item) != entry_label(old.item)
        ):
            self.bar.reshape(
                QRectF(*placement.bar_rect),
                colour,
                entry_label(item),
                painter.font("label"),
                placement.logged_right,
            )
        self._update_marker(placement, colour)
        self._update_texts(placement, painter)
        self._update_badge(placement)
        self._update_ghost(placement)
        self._update_validity(placement, painter)
        self.background.place(placement.top, painter.paint_width)

    def write_tooltips(self) -> None:
        """Give every piece of the row its tooltip for the dates it shows now (the mouse is
        about to ask for one, or a test reads them); nothing to do when already written."""
        if self._tooltips_written:
            return
        self._tooltips_written = True
        placement, painter = self.placement, self._painter
        tooltip, row_tooltip = painter.tooltips(placement)
        pieces: list[QGraphicsItem | None] = [self.bar, self.exam, self.passed, *self.texts]
        for piece in pieces:
            if piece is not None and piece.toolTip() != tooltip:
                piece.setToolTip(tooltip)
        if self.background.toolTip() != row_tooltip:
            self.background.setToolTip(row_tooltip)
        if self.ghost is not None:
            self.ghost.set_tooltip(painter.ghost_tooltip(placement))
        if self.validity is not None:
            self.validity.write_tooltips()

    def _update_marker(self, placement: RowPlacement, colour: QColor) -> None:
        row = placement.layout
        marker = row.marker
        key = (marker.kind, marker.pinned, colour.rgba()) if marker is not None else None
        if key != self._marker_key:
            _drop(self._scene, self.exam, self.passed)
            self.exam = self.passed = None
            self._marker_key = key
            if marker is not None and placement.marker is not None:
                if marker.kind is MarkerKind.PASSED:
                    self.passed = PassedMarker(placement.entry_id, QPointF(*placement.marker))
                    self._scene.addItem(self.passed)
                else:
                    self.exam = ExamMarker(
                        placement.entry_id, QPointF(*placement.marker), colour, marker.pinned
                    )
                    self._scene.addItem(self.exam)
        shown = self.exam or self.passed
        if shown is not None and placement.marker is not None:
            centre = QPointF(*placement.marker)
            if shown.pos() != centre:
                shown.setPos(centre)

    def _update_texts(self, placement: RowPlacement, painter: RowPainter) -> None:
        middle = placement.top + ROW_HEIGHT / 2
        wanted = placement.texts
        while len(self.texts) > len(wanted):
            _drop(self._scene, self.texts.pop())
        for position, (text, colour, kind, x) in enumerate(wanted):
            if position < len(self.texts):
                item = self.texts[position]
            else:
                item = QGraphicsSimpleTextItem()
                item.setZValue(11)
                self.texts.append(item)
                self._scene.addItem(item)
            if item.text() != text:
                item.setText(text)
            font = painter.font(kind)
            if item.font() != font:
                item.setFont(font)
            if item.brush().color() != colour:
                item.setBrush(colour)
            item.setPos(x, middle - item.boundingRect().height() / 2)

    def _update_badge(self, placement: RowPlacement) -> None:
        badge = self.badge
        if placement.badge_at is None:
            _drop(self._scene, badge)
            self.badge = None
            return
        if badge is None or badge.severity is not placement.severity:
            _drop(self._scene, badge)
            self.badge = AdviceBadge(
                placement.entry_id,
                QPointF(*placement.badge_at),
                placement.messages,
                placement.severity,
            )
            self._scene.addItem(self.badge)
            return
        badge.set_messages(placement.messages)
        centre = QPointF(*placement.badge_at)
        if badge.pos() != centre:
            badge.setPos(centre)

    def _update_ghost(self, placement: RowPlacement) -> None:
        ghost = placement.ghost
        key = (ghost,) if ghost is not None else None
        if key == self._ghost_key:
            return
        self._ghost_key = key
        if ghost is None:
            if self.ghost is not None:
                _drop(self._scene, self.ghost, self.ghost.diamond)
                self.ghost = None
            return
        rect = QRectF(*ghost[0]) if ghost[0] is not None else None
        centre = QPointF(*ghost[1])
        if self.ghost is not None:
            self.ghost.reshape(rect, centre)
            return
        self.ghost = BaselineGhost(placement.entry_id, rect, centre)
        self._scene.addItem(self.ghost)
        if self.ghost.diamond is not None:
            self._scene.addItem(self.ghost.diamond)

    def _update_validity(self, placement: RowPlacement, painter: RowPainter) -> None:
        validity = placement.validity
        centre_y = placement.top + ROW_HEIGHT - 5
        key = (validity, centre_y, painter.scale) if validity is not None else None
        if key == self._validity_key:
            return
        self._validity_key = key
        if validity is None:
            _drop(self._scene, self.validity)
            self.validity = None
        else:
            self.validity = painter.band(validity, centre_y, placement.entry_id, self.validity)

    def set_selected(self, selected: bool, focused: bool) -> None:
        self.background.set_selected(selected)
        self.background.set_focused(focused and self.bar is None)
        if self.bar is not None:
            self.bar.set_selected(selected)
            self.bar.set_focused(focused)
