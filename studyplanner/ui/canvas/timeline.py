"""The plan as a timeline: one row per entry with its study bar and exam date, under a date axis.
Certifications held before the plan get a thin row each at the top; every held, passed or
planned certification shows how long it stays valid as a thin band to its expiry, renewals
marked where a later exam renews it.

The view only draws what the ``PlanDocument`` computed and turns gestures into the document's
edit methods (each one undo command): dropping a certification inserts it where it lands,
dropping a bar moves that entry, a click selects. Zooming changes pixels per day and lays the
scene out again, so text never gets scaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextDocumentFragment,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QMenu,
    QWidget,
)

from studyplanner.domain.advice import Advice, Severity
from studyplanner.domain.catalog import Certification, Tier
from studyplanner.domain.estimates import credit_text
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.months import DayScale, first_of_month, month_periods, year_periods
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.domain.wording import (
    assumed_text,
    count_text,
    format_day,
    format_hours,
    format_number,
)
from studyplanner.i18n import N_, _
from studyplanner.style import Colour
from studyplanner.ui.canvas import accessible
from studyplanner.ui.canvas.mime import decode_certification, decode_entry, entry_mime
from studyplanner.ui.canvas.timeline_items import (
    AXIS_HEIGHT,
    BADGE_SIZE,
    BAR_HEIGHT,
    GHOST_RISE,
    HELD_ROW_HEIGHT,
    MARKER_SIZE,
    ROW_HEIGHT,
    ROWS_TOP,
    AdviceBadge,
    BaselineGhost,
    BlackoutBand,
    BlackoutShading,
    Callout,
    DateAxis,
    EntryBar,
    ExamMarker,
    InsertionIndicator,
    MonthBands,
    PassedMarker,
    RenewalLink,
    RenewalLinks,
    RowBackground,
    ValidityBand,
    entry_id_of,
    ink,
    text_width,
    ui_font,
)
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.theme import tier_ink

DEFAULT_PIXELS_PER_DAY = 3.0
MIN_PIXELS_PER_DAY = 0.12
MAX_PIXELS_PER_DAY = 60.0
ZOOM_STEP = 1.25
TODAY_REACH = timedelta(days=120)
"""Today is shown (and the axis stretched to it) when it is this close to the plan."""
LABEL_GAP = 8.0
PLAN_SHARE = 0.5
"""Fitting the plan gives the plan itself (start to last exam) at least this share of the
view's width; labels that do not fit beside the last bars then run past the edge (scroll)
rather than squeezing a seven-month plan into a few pixels."""
SPARE_PAINT = 400.0
HELD_REACH = timedelta(days=183)
"""A certification earned this close before the plan starts stretches the axis back to its
day; one earned longer ago is shown from the axis's left edge ("held since …")."""
EXPIRY_REACH = timedelta(days=183)
"""Expiries this close after the last exam are fitted into view; later ones are reached by
scrolling."""
"""How far past the view the canvas is painted, so growing the window rarely needs a new
layout."""
MESSAGE_MS = 2600


def date_font() -> QFont:
    return ui_font(8.5)


def label_font() -> QFont:
    """Entry labels, beside a bar or inside it (``EntryBar`` uses the same)."""
    return ui_font(8.5, QFont.Weight.DemiBold)


EMPTY_HINT = N_("Drag certifications here from the ladder, or select one and press Enter")
REFUSED_DROP = N_("Only certifications can be dropped here")
READ_ONLY_DROP = N_("This plan is open read-only")


def entry_label(item: ScheduledEntry) -> str:
    """The text on or next to a bar: "DVA-C02 Developer – Associate · 101 h"."""
    cert = item.certification
    return f"{cert.code} {cert.name} · {format_hours(item.hours)}"


@dataclass
class _Row:
    """One entry's row: where its pieces go, laid out for every entry on each change, and the
    items drawing it, built only once the row comes near the visible area (so an edit of a long
    plan builds what can be seen, not every row); read-outs build a row on demand."""

    entry_id: str
    index: int
    top: float
    item: ScheduledEntry
    messages: list[str]
    severity: Severity
    bar_rect: QRectF | None
    logged_right: float | None
    label_inside: bool
    marker: QPointF | None
    """The centre of the exam (or passed) marker."""
    texts: list[tuple[str, QColor, QFont, float]]
    """What is written after the marker, with the x each text starts at."""
    badge_at: QPointF | None
    left: float
    right: float
    """Horizontal extent of everything drawn in the row, label included."""
    validity_of: Validity | None = None
    tooltips: tuple[str, str] | None = None
    """The tooltip of the bar, markers and texts, and the row's (that one and, when the row
    has one, its validity); written when first needed."""
    built: bool = False
    bar: EntryBar | None = None
    exam: ExamMarker | None = None
    passed: PassedMarker | None = None
    badge: AdviceBadge | None = None
    background: RowBackground | None = None
    validity: ValidityBand | None = None
    ghost: BaselineGhost | None = None


class TimelineEntryItem(QObject):
    """A plan entry as an item a screen reader can read (the drawn row is many graphics
    items; this is the one object that stands for it)."""

    def __init__(self, view: TimelineView, entry_id: str) -> None:
        super().__init__(view)
        self._view = view
        self.entry_id = entry_id
        self.setObjectName(entry_id)

    def accessible_name(self) -> str:
        return self._view.entry_name(self.entry_id)

    def accessible_description(self) -> str:
        return self._view.entry_description(self.entry_id)

    def accessible_selected(self) -> bool:
        return self._view.selected_entry_shown() == self.entry_id

    def accessible_focused(self) -> bool:
        return self._view.hasFocus() and self.accessible_selected()

    def accessible_rect(self) -> QRect:
        return self._view.entry_screen_rect(self.entry_id)

    def accessible_view(self) -> QWidget:
        return self._view


@dataclass
class _HeldRow:
    """A certification held before the plan: its thin row at the top and its band."""

    certification_id: str
    top: float
    band: ValidityBand
    tooltip: str


class TimelineView(QGraphicsView):
    """The plan's timeline: date axis, a bar per entry, exam milestones, blackouts, advice."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        accessible.install()
        super().__init__(parent)
        self._document = document
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._ppd = DEFAULT_PIXELS_PER_DAY
        self._origin = document.today()
        self._last_day = self._origin
        self._rows: list[_Row] = []
        self._held_rows: list[_HeldRow] = []
        self._row_index: dict[str, _Row] = {}
        self._links: list[RenewalLink] = []
        self._links_item: RenewalLinks | None = None
        self._rows_top = ROWS_TOP
        self._plan = document.current_plan
        self._paint_width = self._paint_height = 1.0
        self._axis: DateAxis | None = None
        self._indicator = InsertionIndicator()
        self._callout: Callout | None = None
        self._refusal: Callout | None = None
        self._press_pos: QPoint | None = None
        self._press_entry = ""
        self._show_baseline = True
        self._edge_ring = False
        self._context_actions: list[QAction | None] = []
        self._auto_fit = False
        """Fit the plan again when the view is resized (set by fitting, cleared by zooming)."""
        self._fitted_width = 0
        self._row_items: dict[str, TimelineEntryItem] = {}
        self._certs: dict[str, Certification] = {}
        """The catalog by id, for this layout (the catalog's own lookups scan it)."""
        self._tier_inks: dict[str, QColor] = {}
        self._fonts: dict[str, tuple[QFont, QFontMetricsF]] = {}
        """The date and label fonts with their metrics, for this layout."""
        self._refresh_layout_caches()

        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setBackgroundBrush(QBrush(ink(Colour.SURFACE)))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(_("Plan timeline"))
        self.setAccessibleDescription(
            _("Up and Down select exams; Ctrl+Up and Ctrl+Down move the selected exam")
        )

        self._refusal_timer = QTimer(self)
        self._refusal_timer.setSingleShot(True)
        self._refusal_timer.timeout.connect(self._hide_refusal)

        document.changed.connect(self._rebuild)
        document.opened.connect(self._on_opened)
        document.selection_changed.connect(self._show_selection)
        self._rebuild()

    # --- public API ------------------------------------------------------------------

    @property
    def pixels_per_day(self) -> float:
        return self._ppd

    @property
    def today(self) -> date:
        """The day marked "Today": the document's (tests and screenshots pin its clock)."""
        return self._document.today()

    @property
    def show_baseline(self) -> bool:
        """Whether the baseline's ghost bars are drawn behind the current ones."""
        return self._show_baseline

    def set_show_baseline(self, show: bool) -> None:
        if show != self._show_baseline:
            self._show_baseline = show
            self._rebuild()

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """What the right-click menu offers for the entry under the mouse (None: a separator);
        the window passes its own actions, so the menu does what the Edit menu does."""
        self._context_actions = list(actions)

    def context_menu(self, position: QPointF) -> QMenu | None:
        """Select the entry at a viewport position and build the menu for it (None over empty
        space or without actions)."""
        entry_id = self._entry_at(position)
        if not entry_id or not self._context_actions:
            return None
        self._document.select(entry_id)
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(QPointF(event.pos()))
        if menu is None:
            super().contextMenuEvent(event)
            return
        menu.exec(event.globalPos())
        menu.deleteLater()
        event.accept()

    def zoom_in(self) -> None:
        self.zoom_to(self._ppd * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_to(self._ppd / ZOOM_STEP)

    @property
    def follows_fit(self) -> bool:
        """True while the view re-fits the plan when it is resized (until the user zooms)."""
        return self._auto_fit

    def fit_to_plan(self) -> None:
        """Zoom so the whole plan, from its start to its last exam and that exam's label, fits
        the view's width (an empty plan shows about half a year)."""
        if not self.isVisible():  # no final width yet: fit when shown (resizeEvent)
            self._auto_fit = True
            self._fitted_width = 0
            return
        self._auto_fit = True
        self._fitted_width = self.viewport().width()
        origin, _first, last, _today = self._range()
        room = max(120.0, self.viewport().width() - 16.0)
        schedule = self._document.schedule
        items = schedule.entries if schedule is not None else ()
        ppd = room / max(183, (last - origin).days + 1)
        finish = self._finish()
        floor = 0.0
        if finish is not None:
            floor = PLAN_SHARE * (room - MARKER_SIZE) / max(30, (finish - origin).days + 1)
        if items:
            # Two passes: first as if every label sat beside its bar, then with the labels that
            # fit inside their bars at that scale (bars only get wider, so they still fit).
            for _attempt in range(2):
                limits = []
                for item in items:
                    day = self._row_day(item)
                    if day is None:
                        continue
                    inside = self._label_inside(item, ppd) if _attempt else False
                    beyond = self._text_extent(item, inside) + 16
                    limits.append((room - beyond) / ((day - origin).days + 1))
                limits.extend(self._validity_limits(origin, room))
                ppd = max(floor, min(limits, default=ppd))
        self._set_scale(ppd)
        self._auto_fit = True  # _set_scale is also how zooming ends the fit
        self.horizontalScrollBar().setValue(0)
        self._place_overlays()

    def _validity_limits(self, origin: date, room: float) -> list[float]:
        """Scales at which the held rows' texts and the expiries near the plan's end fit."""
        limits = []
        finish = self._finish()
        for validity in self._document.validities:
            expiry = validity.expires_on
            if finish is not None and expiry <= finish + EXPIRY_REACH:
                limits.append((room - 16) / max(1, (expiry - origin).days + 1))
            if validity.entry_id is None:
                start = max(origin, validity.earned_on)
                beyond = self._held_text_extent(validity) + 16
                limits.append((room - beyond) / ((start - origin).days + 1))
        return limits

    def _finish(self) -> date | None:
        schedule = self._document.schedule
        if schedule is None:
            return None
        days = [d for item in schedule.entries if (d := self._row_day(item)) is not None]
        return max(days, default=None)

    def ensure_entry_visible(self, entry_id: str) -> None:
        """Scroll so the entry's row, its bar and exam date are in view."""
        row = self._row_index.get(entry_id)
        if row is None:
            return
        # From the bar's start to the end of its label, or as much of it as the view can hold.
        room = max(40.0, self.viewport().width() - 80.0)
        width = min(row.right - row.left, room)
        self.ensureVisible(QRectF(row.left, row.top, width, ROW_HEIGHT), 40, int(AXIS_HEIGHT) + 24)

    # --- read-outs for tests and accessibility ---------------------------------------------

    def row_count(self) -> int:
        return len(self._rows)

    def bar_rect(self, entry_id: str) -> QRectF | None:
        """The scene rectangle of an entry's study bar, or None when it has no study period."""
        row = self._row(entry_id)
        return row.bar.rect if row is not None and row.bar is not None else None

    def exam_marker_pos(self, entry_id: str) -> QPointF | None:
        row = self._row(entry_id)
        return row.exam.pos() if row is not None and row.exam is not None else None

    def advice_badge(self, entry_id: str) -> AdviceBadge | None:
        row = self._row(entry_id)
        return row.badge if row is not None else None

    def selected_entry_shown(self) -> str:
        """The entry whose row is drawn highlighted ('' for none)."""
        for row in self._rows:
            if row.built and row.background is not None and row.background.selected:
                return row.entry_id
        return ""

    def row_rect(self, index: int) -> QRectF:
        """The scene rectangle of the row at ``index`` (plan order)."""
        return QRectF(0, self._rows_top + index * ROW_HEIGHT, self._paint_width, ROW_HEIGHT)

    def baseline_ghost(self, entry_id: str) -> BaselineGhost | None:
        """The baseline's ghost of an entry, or None (no baseline, hidden, or not in it)."""
        row = self._row(entry_id)
        return row.ghost if row is not None else None

    def logged_rect(self, entry_id: str) -> QRectF | None:
        """The filled (studied) part of an entry's bar, or None."""
        row = self._row(entry_id)
        return row.bar.logged_rect if row is not None and row.bar is not None else None

    def held_rows(self) -> list[str]:
        """The certification ids of the held rows at the top, in order."""
        return [row.certification_id for row in self._held_rows]

    def validity_band(self, owner: str) -> ValidityBand | None:
        """The validity band of an entry (by entry id) or of a held certification (by
        certification id), or None when none is drawn."""
        row = self._row(owner)
        if row is not None:
            return row.validity
        for held in self._held_rows:
            if held.certification_id == owner:
                return held.band
        return None

    def renewal_links(self) -> list[RenewalLink]:
        """The dotted lines from renewing exams to the bands they renew."""
        return list(self._links)

    def renewal_links_item(self) -> RenewalLinks | None:
        """The one item drawing every renewal link (None when there is none)."""
        return self._links_item

    def x_of(self, day: date) -> float:
        """The scene x of the start of ``day`` at the current zoom."""
        return self._x(day)

    def message(self) -> str:
        """The message shown in the view (a refusal, the empty hint, or a schedule error)."""
        if self._refusal is not None and self._refusal.isVisible():
            return self._refusal.text
        return self._callout.text if self._callout is not None else ""

    def visible_axis_labels(self) -> list[tuple[str, QRect]]:
        """The axis's captions and its "Today" tag that are drawn, with their rectangles in
        viewport coordinates (for checking that none is cut off)."""
        if self._axis is None:
            return []
        labels = []
        for text, item in self._axis.labels():
            rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
            labels.append((text, rect))
        return labels

    def axis_captions(self) -> list[str]:
        """The date axis's upper captions: month names, or years when zoomed out."""
        return self._axis.captions() if self._axis is not None else []

    def insertion_index(self) -> int | None:
        """Where a drop would land right now, or None when no drag is over the view."""
        return self._indicator.index if self._indicator.isVisible() else None

    # --- geometry ---------------------------------------------------------------------

    def _x(self, day: date) -> float:
        return DayScale(self._origin, self._ppd).x(day)

    def _day_at(self, x: float) -> date:
        return DayScale(self._origin, self._ppd).day_at(x)

    def _range(self) -> tuple[date, date, date, bool]:
        """(axis origin, first day, last day, whether today is shown): the plan from its start
        to its last exam, stretched to today when today is near."""
        # The document hands out deep copies of the plan, so it is read once per layout.
        self._plan = plan = self._document.current_plan
        days = [plan.start_date]
        schedule = self._document.schedule
        if schedule is not None:
            for item in schedule.entries:
                days.extend(d for d in (item.study_start, item.exam_date) if d is not None)
        baseline = plan.baseline if self._show_baseline else None
        if baseline is not None and schedule is not None:
            ids = {item.entry.id for item in schedule.entries}
            days.extend(day for key, day in baseline.exam_dates.items() if key in ids)
        first, last = min(days), max(days)
        for validity in self._document.validities:
            if validity.entry_id is None and validity.earned_on >= plan.start_date - HELD_REACH:
                first = min(first, validity.earned_on)
            if validity.expires_on <= last + EXPIRY_REACH:
                last = max(last, validity.expires_on)
        today = self.today
        show_today = first - TODAY_REACH <= today <= last + TODAY_REACH
        if show_today:
            first, last = min(first, today), max(last, today)
        return first_of_month(first - timedelta(days=10)), first, last, show_today

    @staticmethod
    def _row_day(item: ScheduledEntry) -> date | None:
        """The day a row's marker sits on: the exam, or the day it was passed."""
        if item.entry.status is EntryStatus.PASSED:
            return item.entry.passed_on
        return item.exam_date

    def _label_inside(self, item: ScheduledEntry, ppd: float) -> bool:
        if item.study_start is None or item.study_end is None:
            return False
        width = ((item.study_end - item.study_start).days + 1) * ppd
        return self._width("label", entry_label(item)) + 16 <= width

    def _row_texts(self, item: ScheduledEntry, inside: bool) -> list[tuple[str, QColor, str]]:
        """What is written after a row's marker, in order, with its font ("date" or "label"):
        the date, then the label unless it sits inside the bar."""
        entry = item.entry
        cert = item.certification
        if entry.status is EntryStatus.PASSED:
            day = entry.passed_on
            return [
                (
                    _("passed {date}").format(date=format_day(day)) if day else _("passed"),
                    ink(Colour.MUTED_TEXT),
                    "date",
                ),
                (f"{cert.code} {cert.name}", ink(Colour.PASSED), "date"),
            ]
        texts: list[tuple[str, QColor, str]] = []
        if item.exam_date is not None:
            date_text = format_day(item.exam_date)
            if entry.pinned_exam_date is not None and not item.pinned_unreachable:
                date_text = _("{date} · pinned").format(date=date_text)
            texts.append((date_text, ink(Colour.TEXT), "date"))
        if not inside:
            texts.append((entry_label(item), ink(Colour.TEXT), "label"))
        return texts

    def _text_extent(self, item: ScheduledEntry, inside: bool) -> float:
        """How far right of its marker's centre a row's texts (and badge) reach."""
        extent = MARKER_SIZE / 2 + LABEL_GAP
        for text, _colour, font in self._row_texts(item, inside):
            extent += self._width(font, text) + LABEL_GAP
        return extent + BADGE_SIZE + LABEL_GAP

    # --- drawing ----------------------------------------------------------------------

    def _on_opened(self) -> None:
        """A different plan (the document sends no ``changed`` with it): show all of it,
        laid out once."""
        if self.isVisible() and self.viewport().width() > 300:
            self.fit_to_plan()  # lays it out at the scale that shows all of it
        else:  # not laid out yet: fit once the view has its size
            self._auto_fit = True
            self._fitted_width = 0
            self._rebuild()
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)

    def _refresh_layout_caches(self) -> None:
        """Read the catalog, the fonts and the tier colours afresh (once per layout)."""
        self._certs = {cert.id: cert for cert in self._document.catalog}
        self._tier_inks = {}
        self._fonts = {
            kind: (font, QFontMetricsF(font))
            for kind, font in (("date", date_font()), ("label", label_font()))
        }

    def _font(self, kind: str) -> QFont:
        return self._fonts[kind][0]

    def _width(self, kind: str, text: str) -> float:
        """The width of ``text`` in the date or label font."""
        return self._fonts[kind][1].horizontalAdvance(text)

    def _tier_ink(self, cert: Certification) -> QColor:
        known = self._tier_inks.get(cert.tier)
        if known is None:
            known = self._tier_inks[cert.tier] = tier_ink(Tier(cert.tier))
        return QColor(known)

    def _rebuild(self) -> None:
        """Lay the whole scene out again from the document (cheap: a few items per entry)."""
        scene = self._scene
        self._refresh_layout_caches()
        if self._press_entry not in self._document.entry_ids():
            self._press_entry = ""
        # Detach the items that outlive a rebuild before clear() deletes everything else.
        for keep in (self._indicator, self._refusal):
            if keep is not None and keep.scene() is scene:
                scene.removeItem(keep)
        scene.clear()
        self._rows = []
        self._row_index = {}
        self._held_rows = []
        self._links = []
        self._links_item = None
        self._callout = None
        self._axis = None

        self._origin, _first, last, show_today = self._range()
        plan = self._plan
        schedule = self._document.schedule
        today = self.today

        right = self._x(last + timedelta(days=1))
        entries = schedule.entries if schedule is not None else ()
        advice: dict[str, list[Advice]] = {}
        for note in self._document.advice:
            if note.entry_id:
                advice.setdefault(note.entry_id, []).append(note)
        selected = self._document.selected_entry_id
        validities = self._document.validities if schedule is not None else []
        held = [validity for validity in validities if validity.entry_id is None]
        self._rows_top = ROWS_TOP + len(held) * HELD_ROW_HEIGHT
        for index, validity in enumerate(held):
            right = max(right, self._add_held_row(index, validity, index == len(held) - 1))
        for index, item in enumerate(entries):
            row = self._layout_entry(index, item, advice.get(item.entry.id, []))
            self._rows.append(row)
            self._row_index[row.entry_id] = row
            right = max(right, row.right)
        for validity in validities:
            if validity.entry_id is not None:
                right = max(right, self._layout_entry_validity(validity))
        self._add_renewal_links(validities)

        # The scene (what scrolls) reaches just past what was drawn; the axis, bands and rows
        # are painted further, to fill the view, without adding scroll bars.
        content = QRectF(0, 0, right + 24, self._rows_top + (len(entries) + 1) * ROW_HEIGHT)
        width = max(content.width(), self.viewport().width() + SPARE_PAINT)
        height = max(content.height(), self.viewport().height() + SPARE_PAINT)
        self._paint_width, self._paint_height = width, height
        self._last_day = self._day_at(width)
        for position, held_row in enumerate(self._held_rows):
            last_held = position == len(self._held_rows) - 1
            background = RowBackground(
                "",
                held_row.top,
                width,
                HELD_ROW_HEIGHT,
                Colour.BORDER if last_held else Colour.HAIRLINE,
            )
            background.setToolTip(held_row.tooltip)
            scene.addItem(background)
        self._show_selection(selected, scroll=False)

        self._add_month_bands(width, height)
        self._add_blackouts(height)
        if show_today:
            self._add_today(today, height)
        self._axis = DateAxis(self._origin, width, self._ppd, today if show_today else None)
        scene.addItem(self._axis)

        if self._document.schedule_error:
            self._callout = Callout(
                _("This plan cannot be scheduled: {problem}").format(
                    problem=self._document.schedule_error
                ),
                "error",
            )
        elif not plan.entries:
            self._callout = Callout(_(EMPTY_HINT), "hint")
        if self._callout is not None:
            scene.addItem(self._callout)

        scene.addItem(self._indicator)
        self._indicator.hide()
        if self._refusal is not None:
            scene.addItem(self._refusal)
        scene.setSceneRect(content)
        self._place_overlays()
        self._update_row_items()

    # --- what a screen reader hears ------------------------------------------------------

    def accessible_items(self) -> list[TimelineEntryItem]:
        """One item per plan entry, in plan order."""
        return [
            self._row_items[row.entry_id] for row in self._rows if row.entry_id in self._row_items
        ]

    def _update_row_items(self) -> None:
        """Keep one stand-in per entry across layouts, so a screen reader's place survives a
        redraw; entries that left the plan lose theirs."""
        ids = {row.entry_id for row in self._rows}
        for entry_id in list(self._row_items):
            if entry_id not in ids:
                self._row_items.pop(entry_id).deleteLater()
        for row in self._rows:
            if row.entry_id not in self._row_items:
                self._row_items[row.entry_id] = TimelineEntryItem(self, row.entry_id)

    def entry_name(self, entry_id: str) -> str:
        """'DVA-C02 Developer – Associate' (what a screen reader says first)."""
        schedule = self._document.schedule
        if schedule is None or entry_id not in self._document.entry_ids():
            return ""
        cert = schedule.for_entry(entry_id).certification
        return f"{cert.code} {cert.name}"

    def entry_description(self, entry_id: str) -> str:
        """The row's tooltip as plain sentences."""
        row = self._row_index.get(entry_id)
        if row is None:
            return ""
        lines = self._row_tooltips(row)[1].split("<br>")[1:]
        return "; ".join(QTextDocumentFragment.fromHtml(line).toPlainText() for line in lines)

    def entry_screen_rect(self, entry_id: str) -> QRect:
        """The row's visible rectangle in global coordinates."""
        row = self._row_index.get(entry_id)
        if row is None:
            return QRect()
        scene_rect = QRectF(row.left, row.top, max(1.0, row.right - row.left), ROW_HEIGHT)
        rect = self.mapFromScene(scene_rect).boundingRect()
        rect = rect.intersected(self.viewport().rect())
        return QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def _layout_entry(self, index: int, item: ScheduledEntry, advice: list[Advice]) -> _Row:
        """Where one entry's row puts its bar, marker, texts and badge (no items yet)."""
        messages = [note.message for note in advice]
        severity = (
            Severity.WARNING
            if any(note.severity is Severity.WARNING for note in advice)
            else Severity.INFO
        )
        entry = item.entry
        top = self._rows_top + index * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2

        bar_rect: QRectF | None = None
        logged_right = None
        label_inside = False
        cursor = self._x(self._plan.start_date)
        if item.study_start is not None and item.study_end is not None:
            x0 = self._x(item.study_start)
            x1 = self._x(item.study_end + timedelta(days=1))
            # The part already behind: from where study began to today (or to where the
            # remaining hours take over, when another exam comes first).
            if entry.sessions and self.today >= item.study_start:
                history_end = self.today + timedelta(days=1)
                if item.planned_from is not None:
                    history_end = min(history_end, item.planned_from)
                logged_right = self._x(history_end)
            bar_rect = QRectF(x0, middle - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT)
            label_inside = self._width("label", entry_label(item)) + 16 <= bar_rect.width()
            cursor = x1
        day = self._row_day(item)
        marker: QPointF | None = None
        if day is not None:
            marker = QPointF(self._x(day) + self._ppd / 2, middle)
            cursor = marker.x() + MARKER_SIZE / 2
        cursor += LABEL_GAP

        badge_at: QPointF | None = None
        texts: list[tuple[str, QColor, QFont, float]] = []
        for position, (text, text_colour, font) in enumerate(self._row_texts(item, label_inside)):
            texts.append((text, text_colour, self._font(font), cursor))
            cursor += self._width(font, text)
            if position == 0 and messages:
                badge_at = QPointF(cursor + BADGE_SIZE / 2 + 4, middle)
                cursor += BADGE_SIZE + 4
            cursor += LABEL_GAP
        if badge_at is None and messages:
            badge_at = QPointF(cursor + BADGE_SIZE / 2, middle)
            cursor += BADGE_SIZE + LABEL_GAP
        left = bar_rect.left() if bar_rect is not None else self._x(day or self._plan.start_date)
        return _Row(
            entry.id,
            index,
            top,
            item,
            messages,
            severity,
            bar_rect,
            logged_right,
            label_inside,
            marker,
            texts,
            badge_at,
            left,
            cursor,
        )

    def _row_tooltips(self, row: _Row) -> tuple[str, str]:
        """The tooltips of a row's pieces and of the row itself (see ``_Row.tooltips``)."""
        if row.tooltips is None:
            pieces = whole = self._tooltip(row.item)
            if row.validity_of is not None:
                whole += "<br>" + "<br>".join(self._validity_lines(row.validity_of))
            row.tooltips = (pieces, whole)
        return row.tooltips

    def _build_row(self, row: _Row) -> None:
        """Add the items drawing a laid-out row to the scene, in its current selection and
        focus state."""
        if row.built:
            return
        row.built = True
        scene = self._scene
        item = row.item
        entry = item.entry
        entry_id = row.entry_id
        middle = row.top + ROW_HEIGHT / 2
        colour = self._tier_ink(item.certification)
        tooltip, row_tooltip = self._row_tooltips(row)
        if row.bar_rect is not None:
            row.bar = EntryBar(
                entry_id,
                row.bar_rect,
                colour,
                entry_label(item),
                self._font("label"),
                row.logged_right,
            )
            row.bar.setToolTip(tooltip)
            scene.addItem(row.bar)
        if row.marker is not None:
            if entry.status is EntryStatus.PASSED:
                row.passed = PassedMarker(entry_id, row.marker)
                row.passed.setToolTip(tooltip)
                scene.addItem(row.passed)
            else:
                pinned = entry.pinned_exam_date is not None
                row.exam = ExamMarker(entry_id, row.marker, colour, pinned)
                row.exam.setToolTip(tooltip)
                scene.addItem(row.exam)
        for text, text_colour, font, x in row.texts:
            self._add_text(text, x, middle, text_colour, font, tooltip)
        if row.badge_at is not None:
            row.badge = AdviceBadge(entry_id, row.badge_at, row.messages, row.severity)
            scene.addItem(row.badge)
        row.ghost = self._add_ghost(row.index, item, middle)
        if row.validity_of is not None:
            centre_y = row.top + ROW_HEIGHT - 5
            row.validity = self._add_band(row.validity_of, centre_y, entry_id)
        row.background = RowBackground(entry_id, row.top, self._paint_width)
        row.background.setToolTip(row_tooltip)
        scene.addItem(row.background)
        selected = entry_id == self._document.selected_entry_id
        focused = selected and self.hasFocus()
        row.background.set_selected(selected)
        row.background.set_focused(focused and row.bar is None)
        if row.bar is not None:
            row.bar.set_selected(selected)
            row.bar.set_focused(focused)

    def _build_rows_in_view(self) -> None:
        """Build the rows the visible area reaches (and one more each side)."""
        if not self._rows:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        first = int((visible.top() - self._rows_top) // ROW_HEIGHT) - 1
        last = int((visible.bottom() - self._rows_top) // ROW_HEIGHT) + 1
        for row in self._rows[max(0, first) : max(0, last + 1)]:
            self._build_row(row)

    def _add_ghost(self, index: int, item: ScheduledEntry, middle: float) -> BaselineGhost | None:
        """The baseline's bar and exam day of an entry, if the baseline has it: its study window
        ran from the exam before it (or the plan's start) to its exam."""
        baseline = self._plan.baseline
        if not self._show_baseline or baseline is None:
            return None
        exam = baseline.exam_dates.get(item.entry.id)
        if exam is None:
            return None
        start = baseline.study_from.get(item.entry.id)
        if start is None:  # passed, or nothing left to study then: from the exam before it
            start = self._plan.start_date
            for earlier in self._plan.entries[:index]:
                before = baseline.exam_dates.get(earlier.id)
                if before is not None and before >= start:
                    start = before + timedelta(days=1)
        middle -= GHOST_RISE
        rect = None
        if start < exam:
            x0, x1 = self._x(start), self._x(exam)
            rect = QRectF(x0, middle - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT)
        centre = QPointF(self._day_x(exam), middle)
        ghost = BaselineGhost(item.entry.id, rect, centre, self._ghost_tooltip(item, exam))
        self._scene.addItem(ghost)
        if ghost.diamond is not None:
            self._scene.addItem(ghost.diamond)
        return ghost

    def _ghost_tooltip(self, item: ScheduledEntry, exam: date) -> str:
        baseline = self._plan.baseline
        head = (
            _("Baseline (set {date})").format(date=format_day(baseline.taken_on))
            if baseline is not None
            else _("Baseline")
        )
        exam_text = _("{code} exam {date}").format(
            code=item.certification.code, date=format_day(exam)
        )
        text = f"<b>{head}</b><br>{exam_text}"
        now = self._row_day(item)
        if now is not None and now != exam:
            days = (now - exam).days
            moved = _("Now {date}: {days} later") if days > 0 else _("Now {date}: {days} earlier")
            text += "<br>" + moved.format(date=format_day(now), days=count_text(abs(days), "day"))
        return text

    # --- validity -------------------------------------------------------------------------

    def _day_x(self, day: date) -> float:
        """The middle of ``day``, where milestones sit."""
        return self._x(day) + self._ppd / 2

    def _validity_colour(self, validity: Validity) -> QColor:
        """The certification's tier colour; grey once it has expired."""
        if validity.expires_on < self.today:
            return QColor(ink(Colour.PASSED))
        return self._tier_ink(self._certs[validity.certification_id])

    def _code(self, cert_id: str) -> str:
        cert = self._certs.get(cert_id)
        return cert.code if cert is not None else cert_id

    def _validity_lines(self, validity: Validity) -> list[str]:
        """'Valid until 10 Jan 2027', then one line per renewal."""
        lines = [_("Valid until {date}").format(date=format_day(validity.first_expiry))]
        for renewal in validity.renewals:
            line = _("Renewed by {code} on {date}: valid until {until}").format(
                code=self._code(renewal.certification_id),
                date=format_day(renewal.on),
                until=format_day(renewal.expires_on),
            )
            lines.append(assumed_text(line, renewal.assumed))
        if validity.expires_on < self.today:
            lines.append(_("Expired on {date}").format(date=format_day(validity.expires_on)))
        return lines

    def _band_tooltip(self, validity: Validity) -> str:
        cert = self._certs[validity.certification_id]
        earned = _("Held since {date}") if validity.entry_id is None else _("Earned {date}")
        lines = [
            f"<b>{cert.code} {cert.name}</b>",
            earned.format(date=format_day(validity.earned_on)),
            *self._validity_lines(validity),
        ]
        return "<br>".join(lines)

    def _add_band(self, validity: Validity, centre_y: float, entry_id: str) -> ValidityBand:
        colour = self._validity_colour(validity)
        renewed = self._certs[validity.certification_id].code
        renewals: list[tuple[float, float, QColor, str]] = []
        previous = validity.first_expiry
        for renewal in validity.renewals:
            renewing = self._certs[renewal.certification_id]
            tip = assumed_text(
                _("{code} on {date} renews {renewed}: valid until {until}").format(
                    code=renewing.code,
                    date=format_day(renewal.on),
                    renewed=renewed,
                    until=format_day(renewal.expires_on),
                ),
                renewal.assumed,
            )
            renewals.append(
                (self._day_x(renewal.on), self._day_x(previous), self._tier_ink(renewing), tip)
            )
            previous = renewal.expires_on
        code = self._code(validity.certification_id)
        expired = validity.expires_on < self.today
        band = ValidityBand(
            entry_id or validity.certification_id,
            self._day_x(validity.earned_on),
            self._day_x(validity.expires_on),
            centre_y,
            colour,
            self._band_tooltip(validity),
            renewals=renewals,
            expiry_tooltip=(
                _("{code} expired on {date}") if expired else _("{code} expires on {date}")
            ).format(code=code, date=format_day(validity.expires_on)),
            entry_id=entry_id,
        )
        self._scene.addItem(band)
        return band

    def _layout_entry_validity(self, validity: Validity) -> float:
        """Give an entry's row its band (drawn along the foot of the row when the row is
        built); returns how far right the band reaches."""
        row = self._row_index.get(validity.entry_id or "")
        if row is None:
            return 0.0
        row.validity_of = validity
        return self._reach(validity)

    def _reach(self, validity: Validity) -> float:
        """How far right a band asks the scene to scroll: to its expiry when that is near the
        plan's end; a later expiry runs on past the edge (zoom out to see it), so that fitting
        the plan never needs a scroll bar."""
        finish = self._finish()
        if finish is not None and validity.expires_on <= finish + EXPIRY_REACH:
            return self._day_x(validity.expires_on) + 8
        return 0.0

    def _held_texts(self, validity: Validity) -> list[tuple[str, QColor, str]]:
        """What is written in a held row: 'held since 10 Jan 2024 · expires 10 Jan 2027', then
        the certification's code and name."""
        cert = self._certs[validity.certification_id]
        since = format_day(validity.earned_on)
        if validity.expires_on < self.today:
            status = _("held since {date} · expired {expired}").format(
                date=since, expired=format_day(validity.expires_on)
            )
        elif validity.renewals:
            last = validity.renewals[-1]
            renewed_by = assumed_text(
                _("renewed by {code} {renewed}").format(
                    code=self._code(last.certification_id), renewed=format_day(last.on)
                ),
                last.assumed,
            )
            status = _("held since {date} · {renewed_by}").format(date=since, renewed_by=renewed_by)
        else:
            status = _("held since {date} · expires {expires}").format(
                date=since, expires=format_day(validity.expires_on)
            )
        return [
            (status, ink(Colour.MUTED_TEXT), "date"),
            (f"{cert.code} {cert.name}", ink(Colour.TEXT), "label"),
        ]

    def _held_text_extent(self, validity: Validity) -> float:
        extent = MARKER_SIZE / 2 + LABEL_GAP
        for text, _colour, font in self._held_texts(validity):
            extent += self._width(font, text) + LABEL_GAP
        return extent

    def _add_held_row(self, index: int, validity: Validity, last: bool) -> float:
        """Draw the thin row of a certification held before the plan; returns its right end."""
        top = ROWS_TOP + index * HELD_ROW_HEIGHT
        text_y = top + 11
        tooltip = self._band_tooltip(validity)
        start = self._day_x(validity.earned_on)
        if start >= 0:
            marker = PassedMarker("", QPointF(start, text_y))
            marker.setScale(0.8)
            marker.setToolTip(tooltip)
            self._scene.addItem(marker)
            cursor = start + MARKER_SIZE * 0.4 + LABEL_GAP
        else:
            cursor = 8.0  # earned long before the plan: the row starts at the left edge
        for text, colour, font in self._held_texts(validity):
            self._add_text(text, cursor, text_y, colour, self._font(font), tooltip)
            cursor += self._width(font, text) + LABEL_GAP
        band = self._add_band(validity, top + HELD_ROW_HEIGHT - 7, "")
        self._held_rows.append(_HeldRow(validity.certification_id, top, band, tooltip))
        return max(cursor, self._reach(validity))

    def _add_renewal_links(self, validities: list[Validity]) -> None:
        """Join each renewing exam's milestone to the ring on the band it renews (one item
        draws them all)."""
        held_tops = {held.certification_id: held.top for held in self._held_rows}
        for validity in validities:
            if validity.entry_id is not None:
                owner = self._row_index.get(validity.entry_id)
                if owner is None:
                    continue
                band_y = owner.top + ROW_HEIGHT - 5
            elif validity.certification_id in held_tops:
                band_y = held_tops[validity.certification_id] + HELD_ROW_HEIGHT - 7
            else:
                continue
            for renewal in validity.renewals:
                row = self._row_index.get(renewal.entry_id)
                if row is None or renewal.entry_id == validity.entry_id:
                    continue
                middle = row.top + ROW_HEIGHT / 2
                x = self._day_x(renewal.on)
                if middle > band_y:
                    start, end = band_y + 4, middle - MARKER_SIZE / 2 - 1
                else:
                    start, end = middle + MARKER_SIZE / 2 + 1, band_y - 4
                if end <= start:
                    continue
                renewed = self._certs[validity.certification_id]
                tooltip = _("{code} renews {renewed} {name} on {date}").format(
                    code=self._code(renewal.certification_id),
                    renewed=renewed.code,
                    name=renewed.name,
                    date=format_day(renewal.on),
                )
                self._links.append(RenewalLink(QLineF(x, start, x, end), tooltip))
        if self._links:
            self._links_item = RenewalLinks(self._links)
            self._scene.addItem(self._links_item)

    def _add_text(
        self, text: str, x: float, middle: float, colour: QColor, font: QFont, tooltip: str
    ) -> None:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setToolTip(tooltip)
        item.setBrush(colour)
        height = item.boundingRect().height()
        item.setPos(x, middle - height / 2)
        item.setZValue(11)
        self._scene.addItem(item)

    def _tooltip(self, item: ScheduledEntry) -> str:
        cert = item.certification
        estimate = item.estimate
        lines = [
            f"<b>{cert.code} {cert.name}</b>",
            f"{cert.tier.label} · {format_hours(item.hours)}",
        ]
        if estimate.overridden:
            lines[-1] = _("{line} (your figure; estimate {typical})").format(
                line=lines[-1], typical=format_hours(estimate.typical)
            )
        else:
            lines[-1] = _("{line} (range {low}–{high})").format(
                line=lines[-1], low=format_number(estimate.low), high=format_hours(estimate.high)
            )
        if estimate.credit is not None:
            lines.append(credit_text(estimate.credit, self._document.catalog))
        if item.entry.status is EntryStatus.PASSED:
            passed = item.entry.passed_on
            lines.append(
                _("Passed {date}").format(date=format_day(passed)) if passed else _("Passed")
            )
        else:
            if item.study_start is not None and item.study_end is not None:
                lines.append(
                    _("Study {start} – {end}").format(
                        start=format_day(item.study_start), end=format_day(item.study_end)
                    )
                )
            if item.exam_date is not None:
                lines.append(_("Exam {date}").format(date=format_day(item.exam_date)))
        if item.entry.sessions:
            lines.append(
                _("Studied {logged} of {hours}").format(
                    logged=format_hours(item.entry.hours_logged), hours=format_hours(item.hours)
                )
            )
        return "<br>".join(lines)

    def _add_month_bands(self, width: float, height: float) -> None:
        """Shade every other month, or every other year when months get too narrow to tell
        apart."""
        by_year = 30.4 * self._ppd < 20
        scale = DayScale(self._origin, self._ppd)
        periods = (year_periods if by_year else month_periods)(
            scale, self._origin, self._last_day, width
        )
        shaded = [
            QRectF(period.x, AXIS_HEIGHT, period.width, height)
            for index, period in enumerate(periods)
            if ((period.start.year % 2 == 1) if by_year else (index % 2 == 1))
        ]
        if shaded:
            self._scene.addItem(MonthBands(shaded))

    def _add_blackouts(self, height: float) -> None:
        rects = []
        for blackout in self._plan.availability.blackouts:
            if blackout.end < self._origin or blackout.start > self._last_day:
                continue
            x0 = self._x(blackout.start)
            x1 = self._x(blackout.end + timedelta(days=1))
            tooltip = _("{label}: {start} – {end}").format(
                label=blackout.label or _("No study"),
                start=format_day(blackout.start),
                end=format_day(blackout.end),
            )
            rect = QRectF(x0, AXIS_HEIGHT, x1 - x0, height - AXIS_HEIGHT)
            self._scene.addItem(BlackoutBand(rect, blackout.label, tooltip))
            rects.append(rect)
        if rects:
            self._scene.addItem(BlackoutShading(rects))

    def _add_today(self, today: date, height: float) -> None:
        x = self._x(today) + self._ppd / 2
        line = self._scene.addLine(x, AXIS_HEIGHT, x, height)
        pen = line.pen()
        pen.setColor(ink(Colour.TODAY))
        pen.setWidthF(1.5)
        line.setPen(pen)
        line.setZValue(9)

    def _place_overlays(self) -> None:
        """Pin the axis to the top of the visible area, the hint or error card under it, and a
        refused drop's message at the bottom, all centred."""
        self._build_rows_in_view()
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if self._axis is not None:
            self._axis.setPos(0, max(0.0, visible.top()))
            self._axis.follow_visible(max(0.0, visible.left()), visible.right())
        centre_x = visible.center().x()
        if self._callout is not None:
            top = max(visible.top() + AXIS_HEIGHT, self._rows_top) + 28
            width = self._callout.size.width()
            self._callout.setPos(max(8.0, centre_x - width / 2), top)
        if self._refusal is not None:
            size = self._refusal.size
            top = max(visible.top() + self._rows_top, visible.bottom() - size.height() - 20)
            self._refusal.setPos(max(8.0, centre_x - size.width() / 2), top)

    def _show_selection(self, entry_id: str, scroll: bool = True) -> None:
        self._row(entry_id)  # the selected row is always built, wherever it is
        for row in self._rows:
            if not row.built:
                continue
            selected = row.entry_id == entry_id
            if row.background is not None:
                row.background.set_selected(selected)
            if row.bar is not None:
                row.bar.set_selected(selected)
        self._show_focus()
        if entry_id and scroll:
            self.ensure_entry_visible(entry_id)

    def _row(self, entry_id: str) -> _Row | None:
        """An entry's row, built if it was not yet (None when the plan has no such entry)."""
        row = self._row_index.get(entry_id)
        if row is not None and not row.built:
            self._build_row(row)
        return row

    # --- zoom -------------------------------------------------------------------------

    def _set_scale(self, pixels_per_day: float, anchor_x: float | None = None) -> None:
        """Change pixels per day and lay out again, keeping the day under ``anchor_x``
        (a viewport x) where it was."""
        self._auto_fit = False
        pixels_per_day = max(MIN_PIXELS_PER_DAY, min(MAX_PIXELS_PER_DAY, pixels_per_day))
        if anchor_x is None:
            anchor_x = self.viewport().width() / 2
        anchor_days = self.mapToScene(int(anchor_x), 0).x() / self._ppd
        self._ppd = pixels_per_day
        self._rebuild()
        self.horizontalScrollBar().setValue(round(anchor_days * self._ppd - anchor_x))
        self._place_overlays()

    def zoom_to(self, pixels_per_day: float, anchor_x: float | None = None) -> None:
        """Show ``pixels_per_day`` (within the zoom limits), keeping the day under the viewport
        x ``anchor_x`` (default: the middle) where it was."""
        self._set_scale(pixels_per_day, anchor_x)

    # --- events -----------------------------------------------------------------------

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._place_overlays()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = self.viewport().size()
        if self._auto_fit and size.width() != self._fitted_width and size.width() > 40:
            self.fit_to_plan()  # e.g. a plan opened before the window had its size
            return
        if size.width() > self._paint_width or size.height() > self._paint_height:
            self._rebuild()
        self._place_overlays()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.setBackgroundBrush(QBrush(ink(Colour.SURFACE)))
            self._rebuild()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_focus()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_focus()

    def has_focus_ring(self, entry_id: str = "") -> bool:
        """Whether a focus ring is drawn: around ``entry_id``'s bar, or (no id) around the
        view's edge, which shows focus while no entry is selected."""
        if entry_id:
            row = self._row(entry_id)
            if row is None:
                return False
            if row.bar is not None:
                return row.bar.focused
            return row.background is not None and row.background.focused
        return self._edge_ring

    def _show_focus(self) -> None:
        focused = self.hasFocus()
        selected = self._document.selected_entry_id
        for row in self._rows:
            if not row.built:
                continue
            on = focused and row.entry_id == selected
            if row.bar is not None:
                row.bar.set_focused(on)
            if row.background is not None:  # a row without a bar wears the ring itself
                row.background.set_focused(on and row.bar is None)
        edge = focused and selected not in self._row_index
        if edge != self._edge_ring:
            self._edge_ring = edge
            self.viewport().update()
        if focused and selected in self._row_items:
            accessible.announce_focus(self._row_items[selected])

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self._edge_ring:
            painter.save()
            painter.resetTransform()
            ring = QPen(ink(Colour.SELECTION_RING), 2)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
            painter.restore()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_to(self._ppd * ZOOM_STEP**steps, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys walk the rows. Moving and removing are ``EntryCommands`` shortcuts; a key
        that reaches us with Ctrl held means the command was disabled (top or bottom row)."""
        ids = self._document.entry_ids()
        current = self._document.selected_entry_id
        index = ids.index(current) if current in ids else -1
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and ids:
            if not ctrl:
                step = -1 if key == Qt.Key.Key_Up else 1
                target = max(0, min(len(ids) - 1, index + step if index >= 0 else 0))
                self._document.select(ids[target])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            entry_id = self._entry_at(event.position())
            self._press_pos = event.position().toPoint()
            self._press_entry = entry_id
            self._document.select(entry_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (
            self._press_pos is not None
            and self._press_entry
            and event.buttons() & Qt.MouseButton.LeftButton
        ):
            distance = (event.position().toPoint() - self._press_pos).manhattanLength()
            if distance >= QApplication.startDragDistance():
                entry_id = self._press_entry
                self._press_pos = None
                self._press_entry = ""
                self._start_drag(entry_id)
                event.accept()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed = self._press_pos is not None
        self._press_pos = None
        self._press_entry = ""
        super().mouseReleaseEvent(event)
        if pressed:
            event.accept()

    def _entry_at(self, position: QPointF) -> str:
        """The entry whose row is under a viewport position ('' for none)."""
        for item in self.items(position.toPoint()):
            entry_id = entry_id_of(item)
            if entry_id:
                return entry_id
        return ""

    def _start_drag(self, entry_id: str) -> None:
        schedule = self._document.schedule
        if schedule is None or self._document.read_only:
            return
        if entry_id not in self._document.entry_ids():
            return  # removed (Delete, Undo) while the mouse button was held
        item = schedule.for_entry(entry_id)
        label = entry_label(item)
        drag = QDrag(self)
        drag.setMimeData(entry_mime(entry_id, label))
        drag.setPixmap(self._drag_picture(label, tier_ink(Tier(item.certification.tier))))
        drag.setHotSpot(QPoint(12, 14))
        drag.exec(Qt.DropAction.MoveAction)
        self._indicator.hide()

    def _drag_picture(self, label: str, colour: QColor) -> QPixmap:
        font = ui_font(8.5, QFont.Weight.DemiBold)
        ratio = self.devicePixelRatioF()
        width = int(text_width(font, label) + 24)
        pixmap = QPixmap(int(width * ratio), int(28 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, width, 28), 6, 6)
        painter.setPen(ink(Colour.ON_COLOUR))
        painter.setFont(font)
        painter.drawText(QRectF(12, 0, width - 16, 28), Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
        return pixmap

    # --- drops ------------------------------------------------------------------------

    def _refusal_reason(self, event: QDropEvent) -> str | None:
        """Why a drag cannot be dropped here, or None when the plan takes it: a certification
        that can still be booked, or one of this plan's own entries."""
        if self._document.read_only:
            return _(READ_ONLY_DROP)
        data = event.mimeData()
        cert_id = decode_certification(data)
        if cert_id is not None:
            if cert_id not in self._document.catalog:
                return _("This certification is not in the catalog")
            cert = self._document.catalog.get(cert_id)
            if cert.is_retired:
                return _("{code} {name} is retired and cannot be planned").format(
                    code=cert.code, name=cert.name
                )
            return None
        entry_id = decode_entry(data)
        if entry_id is not None and entry_id in self._document.entry_ids():
            return None
        return _(REFUSED_DROP)

    def _drop_index(self, position: QPointF) -> int:
        """Insertion index for a viewport position: before the row under it (upper half),
        after it (lower half), or at the end below the last row."""
        count = len(self._rows) if self._document.schedule is not None else 0
        y = self.mapToScene(position.toPoint()).y() - self._rows_top
        if y < 0:
            return 0
        row, within = divmod(y, ROW_HEIGHT)
        if row >= count:
            return len(self._document.entry_ids()) if count == 0 else count
        return int(row) + (1 if within >= ROW_HEIGHT / 2 else 0)

    def _show_indicator(self, position: QPointF) -> None:
        index = self._drop_index(position)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self._indicator.place(
            index, visible.left() + 4, self._rows_top + index * ROW_HEIGHT, visible.width() - 12
        )
        self._autoscroll(position)

    def _autoscroll(self, position: QPointF) -> None:
        margin = 28
        bar = self.verticalScrollBar()
        if position.y() < AXIS_HEIGHT + margin:
            bar.setValue(bar.value() - 12)
        elif position.y() > self.viewport().height() - margin:
            bar.setValue(bar.value() + 12)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        reason = self._refusal_reason(event)
        if reason is None:
            event.acceptProposedAction()
            self._hide_refusal()
            self._show_indicator(event.position())
        else:
            event.ignore()
            self._show_refusal(reason)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._refusal_reason(event) is None:
            event.acceptProposedAction()
            self._show_indicator(event.position())
        else:
            event.ignore()
            self._indicator.hide()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._indicator.hide()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._indicator.hide()
        if self._refusal_reason(event) is not None:
            event.ignore()
            return
        index = self._drop_index(event.position())
        data = event.mimeData()
        cert_id = decode_certification(data)
        if cert_id is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            new_id = self._document.insert_certification(cert_id, index)
            if new_id:
                self.ensure_entry_visible(new_id)
            return
        entry_id = decode_entry(data)
        if entry_id is None or entry_id not in self._document.entry_ids():
            event.ignore()  # _refusal_reason checked this; a drop is never trusted twice
            return
        old = self._document.entry_ids().index(entry_id)
        new_index = index - 1 if index > old else index
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if new_index != old:
            self._document.move_entry(entry_id, new_index)
        self._document.select(entry_id)

    # --- transient refusal message ----------------------------------------------------------

    def _show_refusal(self, text: str) -> None:
        if self._refusal is not None and self._refusal.scene() is self._scene:
            self._scene.removeItem(self._refusal)
        self._refusal = Callout(text, "refusal")
        self._scene.addItem(self._refusal)
        self._place_overlays()
        self._refusal_timer.start(MESSAGE_MS)

    def _hide_refusal(self) -> None:
        if self._refusal is not None:
            if self._refusal.scene() is self._scene:
                self._scene.removeItem(self._refusal)
            self._refusal = None
