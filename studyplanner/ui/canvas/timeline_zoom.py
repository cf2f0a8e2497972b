"""How far the timeline zooms: the limits, the step, and the scale at which the whole plan
(from its start to its last exam and that exam's label) fits the view's width."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractScrollArea, QStyle

from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.layout.timeline import TimelineLayout
from studyplanner.ui.canvas.timeline_items import MARKER_SIZE

DEFAULT_PIXELS_PER_DAY = 3.0
MIN_PIXELS_PER_DAY = 0.12
MAX_PIXELS_PER_DAY = 60.0
ZOOM_STEP = 1.25
PLAN_SHARE = 0.5
"""Fitting the plan gives the plan itself (start to last exam) at least this share of the
view's width; labels that do not fit beside the last bars then run past the edge (scroll)
rather than squeezing a seven-month plan into a few pixels."""


def width_with_rows(view: QAbstractScrollArea, rows_height: float) -> int:
    """The view's width once rows ``rows_height`` tall are in it: less the vertical scroll bar
    when they are taller than the view. Fitting to this width, not to the width of the
    moment, spares a second layout when the scroll bar comes (or goes) with an opened plan."""
    room = view.maximumViewportSize()  # the width and height without scroll bars
    bar = view.verticalScrollBar()
    transient = bar.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, bar)
    if rows_height <= room.height() or transient:  # a transient bar is drawn over the view
        return room.width()
    return room.width() - bar.sizeHint().width()


def clamp_zoom(pixels_per_day: float) -> float:
    return max(MIN_PIXELS_PER_DAY, min(MAX_PIXELS_PER_DAY, pixels_per_day))


def fit_scale(
    layout: TimelineLayout,
    room: float,
    text_extent: Callable[[ScheduledEntry, bool], float],
    label_width: Callable[[ScheduledEntry], float],
    held_extent: Callable[[Validity], float],
) -> float:
    """Pixels per day at which every row's marker and texts, and the held rows' texts and the
    expiries near the plan's end, fit in ``room`` pixels (an empty plan shows about half a
    year). ``text_extent(item, inside)`` is how far right of its marker a row's texts reach,
    ``label_width`` the width of a bar's label, ``held_extent`` a held row's texts."""
    ppd = room / max(183, layout.last + 1)
    floor = 0.0
    if layout.finish is not None:
        floor = PLAN_SHARE * (room - MARKER_SIZE) / max(30, layout.finish + 1)
    if not layout.rows:
        return ppd
    # Two passes: first as if every label sat beside its bar, then with the labels that fit
    # inside their bars at that scale (bars only get wider, so they still fit).
    for attempt in range(2):
        limits = []
        for row in layout.rows:
            if row.marker is None:
                continue
            inside = False
            if attempt and row.bar is not None:
                inside = label_width(row.item) + 16 <= row.bar.days * ppd
            beyond = text_extent(row.item, inside) + 16
            limits.append((room - beyond) / (row.marker.day + 1))
        for band in [row.validity for row in layout.rows] + [row.validity for row in layout.held]:
            if band is None:
                continue
            if band.near_finish:
                limits.append((room - 16) / max(1, band.expires + 1))
            if band.validity.entry_id is None:
                start = max(0, band.earned)
                beyond = held_extent(band.validity) + 16
                limits.append((room - beyond) / (start + 1))
        ppd = max(floor, min(limits, default=ppd))
    return ppd
