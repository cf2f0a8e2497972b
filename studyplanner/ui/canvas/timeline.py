"""The plan as a timeline: one row per entry with its study bar and exam date, under a date axis.
Certifications held before the plan get a thin row each at the top; every held, passed or
planned certification shows how long it stays valid as a thin band to its expiry, renewals
marked where a later exam renews it.

Where everything goes is computed without Qt, in days, by ``studyplanner.layout.timeline`` (the
printed chart draws the same layout); this view turns days into pixels at its zoom, draws, and
turns gestures into the document's edit methods (each one undo command): dropping a
certification inserts it where it lands, dropping a bar moves that entry, a click selects.
An edit lays the plan out again and updates the rows already drawn in place; rows are drawn
only once they come near the visible area. Zooming changes pixels per day and places the
items again, so text never gets scaled.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from studyplanner.domain.advice import Severity
from studyplanner.domain.catalog import Certification
from studyplanner.i18n import N_, _
from studyplanner.layout.timeline import (
    TimelineLayout,
    timeline_of,
)
from studyplanner.style import Colour
from studyplanner.ui.canvas import accessible
from studyplanner.ui.canvas.timeline_access import EntryStandIns, TimelineEntryItem
from studyplanner.ui.canvas.timeline_axis import DateAxis
from studyplanner.ui.canvas.timeline_bands import ValidityBand
from studyplanner.ui.canvas.timeline_drop import READ_ONLY_DROP, REFUSED_DROP, TimelineDrops
from studyplanner.ui.canvas.timeline_fonts import TimelineInks
from studyplanner.ui.canvas.timeline_items import (
    AXIS_HEIGHT,
    HELD_ROW_HEIGHT,
    ROW_HEIGHT,
    ROWS_TOP,
    AdviceBadge,
    BaselineGhost,
    Callout,
    RowBackground,
    entry_id_of,
    ink,
)
from studyplanner.ui.canvas.timeline_links import RenewalLink, RenewalLinks
from studyplanner.ui.canvas.timeline_rows import (
    RowItems,
    RowPainter,
    RowPlacement,
    Scale,
    ghost_tooltip,
    place_row,
    row_tooltips,
)
from studyplanner.ui.canvas.timeline_scenery import Scenery
from studyplanner.ui.canvas.timeline_tips import TimelineWording, entry_label
from studyplanner.ui.canvas.timeline_zoom import (
    DEFAULT_PIXELS_PER_DAY,
    ZOOM_STEP,
    clamp_zoom,
    fit_scale,
    width_with_rows,
)
from studyplanner.ui.canvas.viewport import own_viewport
from studyplanner.ui.document.plan_document import PlanDocument

__all__ = ["EMPTY_HINT", "READ_ONLY_DROP", "REFUSED_DROP", "TimelineView", "entry_label"]

SPARE_PAINT = 400.0
"""How far past the view the canvas is painted, so growing the window rarely needs a new
layout."""


EMPTY_HINT = N_("Drag certifications here from the ladder, or select one and press Enter")


class TimelineView(QGraphicsView):
    """The plan's timeline: date axis, a bar per entry, exam milestones, blackouts, advice."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        accessible.install()
        super().__init__(parent)
        own_viewport(self)
        self._document = document
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._ppd = DEFAULT_PIXELS_PER_DAY
        self._layout: TimelineLayout | None = None
        self._laid_out: tuple[object, bool] | None = None
        """The analysis and baseline choice ``_layout`` was made from: zooming and scrolling
        keep it (the layout is in days), a change of plan or of the baseline makes a new one."""
        self._origin = document.today()
        self._last_day = self._origin
        self._placements: list[RowPlacement] = []
        self._placement_of: dict[str, RowPlacement] = {}
        self._drawn: dict[str, RowItems] = {}
        """The items of the rows drawn so far, by entry id, kept and updated across edits."""
        self._painter: RowPainter | None = None
        self._scenery: Scenery | None = None
        """What is laid out again on every change: axis, month bands, blackouts, today, held
        rows, renewal links and the message card."""
        self.rows_top = ROWS_TOP
        self._plan = document.current_plan
        self._paint_width = self._paint_height = 1.0
        self._axis: DateAxis | None = None
        self._callout: Callout | None = None
        self._drops = TimelineDrops(self)
        self._press_pos: QPoint | None = None
        self._press_entry = ""
        self._show_baseline = True
        self._edge_ring = False
        self._context_actions: list[QAction | None] = []
        self._auto_fit = False
        """Fit the plan again when the view is resized (set by fitting, cleared by zooming)."""
        self._fitted_width = 0
        self._row_items = EntryStandIns(self)
        self._certs: dict[str, Certification] = {}
        """The catalog by id, for this layout (the catalog's own lookups scan it)."""
        self._inks = TimelineInks()
        self._wording = TimelineWording(document.catalog, {}, document.today())
        self._refresh_layout_caches()

        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setBackgroundBrush(ink(Colour.SURFACE))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(_("Plan timeline"))
        self.setAccessibleDescription(
            _("Up and Down select exams; Ctrl+Up and Ctrl+Down move the selected exam")
        )

        document.changed.connect(self._rebuild)
        document.opened.connect(self._on_opened)
        document.selection_changed.connect(self._show_selection)
        self._rebuild()

    # --- public API ------------------------------------------------------------------

    @property
    def document(self) -> PlanDocument:
        return self._document

    @property
    def pixels_per_day(self) -> float:
        return self._ppd

    @property
    def today(self) -> date:
        """The day marked "Today": the document's (tests and screenshots pin its clock)."""
        return self._document.today()

    @property
    def timeline_layout(self) -> TimelineLayout | None:
        """The layout in days that the view draws (None before the first one)."""
        return self._layout

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
        self._auto_fit = True
        if not self.isVisible():  # no final width yet: fit when shown (resizeEvent)
            self._fitted_width = 0
            return
        layout = self._current_layout()  # the plan's now, drawn or not yet
        rows = ROWS_TOP + len(layout.held) * HELD_ROW_HEIGHT
        rows += (len(layout.rows) + 1) * ROW_HEIGHT
        self._fitted_width = width_with_rows(self, rows)
        room = max(120.0, self._fitted_width - 16.0)
        ppd = fit_scale(
            layout,
            room,
            lambda item, inside: self._inks.text_extent(self._wording, item, inside),
            lambda item: self._inks.width("label", entry_label(item)),
            lambda validity: self._inks.held_text_extent(self._wording, validity),
        )
        self._set_scale(ppd)
        self._auto_fit = True  # _set_scale is also how zooming ends the fit
        self.horizontalScrollBar().setValue(0)
        self.place_overlays()

    def ensure_entry_visible(self, entry_id: str) -> None:
        """Scroll so the entry's row, its bar and exam date are in view."""
        row = self._placement_of.get(entry_id)
        if row is None:
            return
        # From the bar's start to the end of its label, or as much of it as the view can hold.
        room = max(40.0, self.viewport().width() - 80.0)
        width = min(row.right - row.left, room)
        self.ensureVisible(QRectF(row.left, row.top, width, ROW_HEIGHT), 40, int(AXIS_HEIGHT) + 24)

    # --- read-outs for tests and accessibility ---------------------------------------------

    def row_count(self) -> int:
        return len(self._placements)

    def bar_item(self, entry_id: str) -> QGraphicsItem | None:
        """The item drawing an entry's study bar (the same object across edits)."""
        row = self._row(entry_id)
        return row.bar if row is not None else None

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
        for placement in self._placements:
            row = self._drawn.get(placement.entry_id)
            if row is not None and row.background.selected:
                return placement.entry_id
        return ""

    def row_rect(self, index: int) -> QRectF:
        """The scene rectangle of the row at ``index`` (plan order)."""
        return QRectF(0, self.rows_top + index * ROW_HEIGHT, self._paint_width, ROW_HEIGHT)

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
        return [row.certification_id for row in self._scenery_now().held_rows]

    def validity_band(self, owner: str) -> ValidityBand | None:
        """The validity band of an entry (by entry id) or of a held certification (by
        certification id), or None when none is drawn."""
        row = self._row(owner)
        if row is not None:
            return row.validity
        for held in self._scenery_now().held_rows:
            if held.certification_id == owner:
                return held.band
        return None

    def renewal_links(self) -> list[RenewalLink]:
        """The dotted lines from renewing exams to the bands they renew."""
        return list(self._scenery_now().links)

    def renewal_links_item(self) -> RenewalLinks | None:
        """The one item drawing every renewal link (None when there is none)."""
        return self._scenery_now().links_item

    def write_tooltips(self) -> None:
        """Write every drawn row's tooltips now (else written when the mouse asks for one)."""
        for drawn in self._drawn.values():
            drawn.write_tooltips()

    def _scenery_now(self) -> Scenery:
        if self._scenery is None:  # never: laid out in __init__
            raise RuntimeError("the timeline has not been laid out")
        return self._scenery

    def x_of(self, day: date) -> float:
        """The scene x of the start of ``day`` at the current zoom."""
        return (day - self._origin).days * self._ppd

    def message(self) -> str:
        """The message shown in the view (a refusal, the empty hint, or a schedule error)."""
        refusal = self._drops.refusal
        if refusal is not None and refusal.isVisible():
            return refusal.text
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
        indicator = self._drops.indicator
        return indicator.index if indicator.isVisible() else None

    def _refresh_layout_caches(self) -> None:
        """Read the catalog, the fonts and the tier colours afresh (once per layout)."""
        self._certs = {cert.id: cert for cert in self._document.catalog}
        split_of = self._document.analysis.domains_of  # worked out on a bar's first tooltip
        self._wording = TimelineWording(
            self._document.catalog, self._certs, self.today, split_of=split_of
        )
        self._inks.refresh()

    # --- drawing ----------------------------------------------------------------------

    def _on_opened(self) -> None:
        """A different plan (the document sends no ``changed`` with it): show all of it,
        laid out once."""
        if self.isVisible() and self.viewport().width() > 300:
            self._current_layout()  # fit the new plan, not the one it replaces
            self.fit_to_plan()  # lays it out at the scale that shows all of it
        else:  # fit once shown; a view never sized yet (a window being built) is drawn then
            self._auto_fit = True
            self._fitted_width = 0
            self._refresh_layout_caches()  # what the fit reads
            if self.testAttribute(Qt.WidgetAttribute.WA_Resized):  # may show again unresized
                self._rebuild()
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)

    def _current_layout(self) -> TimelineLayout:
        """The layout of the plan as it is now, made once per analysis (an analysis compares
        by identity: each change of plan or day makes a new one)."""
        key = (self._document.analysis, self._show_baseline)
        if self._layout is None or self._laid_out != key:
            self._layout = timeline_of(self._document.analysis, show_baseline=self._show_baseline)
            self._laid_out = key
        return self._layout

    def _rebuild(self, afresh: bool = False) -> None:
        """Lay the plan out again and show it: what is drawn once per layout (axis, bands,
        held rows, links) is replaced; the rows already drawn are updated in place, or all
        drawn anew when ``afresh`` (the theme or fonts changed)."""
        scene = self._scene
        self._refresh_layout_caches()
        if self._press_entry not in self._document.entry_ids():
            self._press_entry = ""
        if self._scenery is not None:
            self._scenery.remove()
        self._callout = None
        self._axis = None

        self._plan = plan = self._document.current_plan
        layout = self._current_layout()
        self._origin = layout.origin
        scale = Scale(self._ppd)
        inks, previous = self._inks, self._scenery
        self._scenery = scenery = Scenery(
            scene, self._wording, inks.tier_ink, inks.font, inks.width, previous
        )

        right = scale.x(layout.last + 1)
        advice: dict[str, list[tuple[str, Severity]]] = {}
        for note in self._document.advice:
            if note.entry_id:
                advice.setdefault(note.entry_id, []).append((note.message, note.severity))
        self.rows_top = ROWS_TOP + len(layout.held) * HELD_ROW_HEIGHT
        for held in layout.held:
            right = max(right, scenery.held_row(held, scale))
        plan_start = layout.day_of(plan.start_date)
        self._placements = []
        for row in layout.rows:
            placement = place_row(
                row,
                self.rows_top + row.index * ROW_HEIGHT,
                scale,
                plan_start,
                advice.get(row.entry_id, []),
                self._wording.row_texts,
                self._inks.width,
            )
            self._placements.append(placement)
            right = max(right, placement.right)
            if row.validity is not None:
                right = max(right, scenery.reach(row.validity, scale))
        self._placement_of = {placement.entry_id: placement for placement in self._placements}
        scenery.renewal_links(layout, scale, self.rows_top)

        # The scene (what scrolls) reaches just past what was drawn; the axis, bands and rows
        # are painted further, to fill the view, without adding scroll bars.
        count = len(layout.rows)
        content = QRectF(0, 0, right + 24, self.rows_top + (count + 1) * ROW_HEIGHT)
        # (as wide as the view once its scroll bar has come or gone with these rows)
        width = max(content.width(), width_with_rows(self, content.height()) + SPARE_PAINT)
        height = max(content.height(), self.viewport().height() + SPARE_PAINT)
        self._paint_width, self._paint_height = width, height
        self._last_day = self._origin + timedelta(days=int(width // self._ppd))
        for position, held_row in enumerate(scenery.held_rows):
            last_held = position == len(scenery.held_rows) - 1
            background = RowBackground(
                "",
                held_row.top,
                width,
                HELD_ROW_HEIGHT,
                Colour.BORDER if last_held else Colour.HAIRLINE,
            )
            background.setToolTip(held_row.tooltip)
            scenery.add(background)

        self._painter = RowPainter(
            self._inks.font,
            self._inks.tier_ink,
            self.row_tooltips,
            lambda band, centre_y, entry_id, reuse: scenery.band(
                band, centre_y, entry_id, scale, reuse
            ),
            lambda row: ghost_tooltip(self._wording, self._plan.baseline, row),
            width,
            scale,
        )
        # Rows scrolled out of view are let go (drawn again when they come back), so an edit
        # updates what can be seen, however far the plan was scrolled through.
        in_view, selected = self._rows_in_view(), self._document.selected_entry_id
        for entry_id in list(self._drawn):
            kept = self._placement_of.get(entry_id)
            if afresh or kept is None or (kept.index not in in_view and entry_id != selected):
                self._drawn.pop(entry_id).remove()
        for entry_id, drawn in self._drawn.items():
            drawn.update(self._placement_of[entry_id], self._painter)
        self._show_selection(self._document.selected_entry_id, scroll=False)

        scenery.month_bands(self._origin, self._last_day, self._ppd, width, height)
        scenery.blackouts(layout, scale, self._last_day, height)
        if layout.show_today:
            scenery.today_line(scale.middle(layout.today), height)
        today = self.today if layout.show_today else None
        self._axis = DateAxis(self._origin, width, self._ppd, today)
        scenery.add(self._axis)

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
            scenery.add(self._callout)

        indicator = self._drops.indicator
        if indicator.scene() is not scene:
            scene.addItem(indicator)
        indicator.hide()
        scene.setSceneRect(content)
        self.place_overlays()
        self._row_items.keep([row.entry_id for row in self._placements])

    # --- what a screen reader hears ------------------------------------------------------

    def accessible_items(self) -> list[TimelineEntryItem]:
        """One item per plan entry, in plan order."""
        return self._row_items.in_order([row.entry_id for row in self._placements])

    def placement(self, entry_id: str) -> RowPlacement | None:
        """Where an entry's row is laid out at the current zoom (None: not in the plan)."""
        return self._placement_of.get(entry_id)

    def row_tooltips(self, row: RowPlacement) -> tuple[str, str]:
        """The tooltips of a row's pieces and of the row itself (see ``RowPlacement``)."""
        return row_tooltips(self._wording, row)

    def _build_row(self, placement: RowPlacement) -> RowItems:
        """Draw a placed row, in its current selection and focus state."""
        drawn = self._drawn.get(placement.entry_id)
        if drawn is not None:
            return drawn
        if self._painter is None:  # never: set by every layout, the first in __init__
            raise RuntimeError("the timeline has not been laid out")
        drawn = self._drawn[placement.entry_id] = RowItems(self._scene, placement, self._painter)
        selected = placement.entry_id == self._document.selected_entry_id
        drawn.set_selected(selected, selected and self.hasFocus())
        return drawn

    def _rows_in_view(self) -> range:
        """The indices of the rows the visible area reaches (every piece of a row stays
        inside it, so no other row shows anything)."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        first = int((visible.top() - self.rows_top) // ROW_HEIGHT)
        last = int((visible.bottom() - self.rows_top) // ROW_HEIGHT)
        return range(max(0, first), max(0, last + 1))

    def _build_rows_in_view(self) -> None:
        """Draw the rows the visible area reaches."""
        rows = self._rows_in_view()
        for placement in self._placements[rows.start : rows.stop]:
            self._build_row(placement)

    def place_overlays(self) -> None:
        """Pin the axis to the top of the visible area, the hint or error card under it, and a
        refused drop's message at the bottom, all centred."""
        self._build_rows_in_view()
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if self._axis is not None:
            self._axis.setPos(0, max(0.0, visible.top()))
            self._axis.follow_visible(max(0.0, visible.left()), visible.right())
        centre_x = visible.center().x()
        if self._callout is not None:
            top = max(visible.top() + AXIS_HEIGHT, self.rows_top) + 28
            width = self._callout.size.width()
            self._callout.setPos(max(8.0, centre_x - width / 2), top)
        refusal = self._drops.refusal
        if refusal is not None:
            size = refusal.size
            top = max(visible.top() + self.rows_top, visible.bottom() - size.height() - 20)
            refusal.setPos(max(8.0, centre_x - size.width() / 2), top)

    def _show_selection(self, entry_id: str, scroll: bool = True) -> None:
        self._row(entry_id)  # the selected row is always drawn, wherever it is
        for drawn_id, drawn in self._drawn.items():
            selected = drawn_id == entry_id
            drawn.background.set_selected(selected)
            if drawn.bar is not None:
                drawn.bar.set_selected(selected)
        self._show_focus()
        if entry_id and scroll:
            self.ensure_entry_visible(entry_id)

    def _row(self, entry_id: str) -> RowItems | None:
        """An entry's drawn row, drawn if it was not yet (None when the plan has no such
        entry)."""
        placement = self._placement_of.get(entry_id)
        return self._build_row(placement) if placement is not None else None

    # --- zoom -------------------------------------------------------------------------

    def _set_scale(self, pixels_per_day: float, anchor_x: float | None = None) -> None:
        """Change pixels per day and lay out again, keeping the day under ``anchor_x``
        (a viewport x) where it was."""
        self._auto_fit = False
        pixels_per_day = clamp_zoom(pixels_per_day)
        if anchor_x is None:
            anchor_x = self.viewport().width() / 2
        anchor_days = self.mapToScene(int(anchor_x), 0).x() / self._ppd
        self._ppd = pixels_per_day
        self._rebuild()
        self.horizontalScrollBar().setValue(round(anchor_days * self._ppd - anchor_x))
        self.place_overlays()

    def zoom_to(self, pixels_per_day: float, anchor_x: float | None = None) -> None:
        """Show ``pixels_per_day`` (within the zoom limits), keeping the day under the viewport
        x ``anchor_x`` (default: the middle) where it was."""
        self._set_scale(pixels_per_day, anchor_x)

    # --- events -----------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            # The rows under the mouse get their tooltips now, before the scene looks for one.
            for item in self.items(event.pos()):
                drawn = self._drawn.get(entry_id_of(item))
                if drawn is not None:
                    drawn.write_tooltips()
        return super().viewportEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.place_overlays()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = self.viewport().size()
        if self._auto_fit and size.width() != self._fitted_width and size.width() > 40:
            self.fit_to_plan()  # e.g. a plan opened before the window had its size
            return
        if size.width() > self._paint_width or size.height() > self._paint_height:
            self._rebuild()
        self.place_overlays()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.setBackgroundBrush(ink(Colour.SURFACE))
            self._rebuild(afresh=True)

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
            return row.background.focused
        return self._edge_ring

    def _show_focus(self) -> None:
        focused = self.hasFocus()
        selected = self._document.selected_entry_id
        for drawn_id, drawn in self._drawn.items():
            on = focused and drawn_id == selected
            if drawn.bar is not None:
                drawn.bar.set_focused(on)
            # a row without a bar wears the ring itself
            drawn.background.set_focused(on and drawn.bar is None)
        edge = focused and selected not in self._placement_of
        if edge != self._edge_ring:
            self._edge_ring = edge
            self.viewport().update()
        stand_in = self._row_items.get(selected) if focused else None
        if stand_in is not None:
            accessible.announce_focus(stand_in)

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
                self._drops.start_drag(entry_id)
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

    # --- drops (see timeline_drop) ---------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drops.enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drops.move(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drops.indicator.hide()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drops.drop(event)
