"""The team timeline on screen: one row per person, a diamond on each planned exam's day in
its tier's colour (in the warning colours when the exam is at risk), a tick where a
certification lapses, a dashed line on each target's day and today's line, under the plan
timeline's own date axis.

It draws ``layout.team_timeline`` (the layout the printed team report draws too) with the plan
timeline's pieces (``ui.canvas``): the axis, the row strips, the month shading, the exam
diamond. The view fits the whole span into its width; the rows scroll. A big team's rows are
drawn a chunk per turn of the event loop, so the window answers while they appear.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QPainter, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import PersonSummary, TeamRollUp
from studyplanner.domain.wording import format_day
from studyplanner.domain.wording_team import STATUS_WORDS, risk_text, target_text
from studyplanner.i18n import _
from studyplanner.layout.team_timeline import (
    TeamExamMark,
    TeamExpiryTick,
    TeamRow,
    TeamTimelineLayout,
    lay_out_team_timeline,
)
from studyplanner.layout.timeline import month_periods
from studyplanner.style import Colour
from studyplanner.ui.canvas.timeline_axis import DateAxis
from studyplanner.ui.canvas.timeline_items import (
    AXIS_HEIGHT,
    EXPIRY_TICK,
    MARKER_SIZE,
    ExamMarker,
    MonthBands,
    RowBackground,
    add_text,
    ink,
    no_pen,
    pen,
    ui_font,
)
from studyplanner.ui.widgets.theme import tier_ink

LABEL_WIDTH = 180.0
"""The names' column, left of the chart."""
ROW_HEIGHT = 28.0
MIN_PIXELS_PER_DAY = 0.5
FIRST_ROWS = 60
"""Rows drawn at once (more than a screen holds); a big team's others follow in chunks."""
ROWS_PER_TURN = 40
"""Rows drawn per turn of the event loop, so a thousand people never hold the window up."""


class TeamTimelineView(QGraphicsView):
    """Shows one roll-up's team timeline; ``show_team`` replaces it."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._team: TeamRollUp | None = None
        self.layout_shown: TeamTimelineLayout | None = None
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(ink(Colour.SURFACE)))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and Page keys scroll it
        self.setAccessibleName(_("Team timeline"))
        self._built_width = 0
        self._target_lines: list[QGraphicsLineItem] = []
        self._rows_to_draw: list[TeamRow] = []
        self._people: dict[str, PersonSummary] = {}
        self._more_rows = QTimer(self)
        self._more_rows.setInterval(0)
        self._more_rows.timeout.connect(self._draw_more_rows)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(120)
        self._resized.timeout.connect(self._rebuild)

    def show_team(self, team: TeamRollUp | None) -> None:
        """Show ``team``; when only its targets changed (an edit of ``team.json``), only the
        targets' lines are drawn again, so an edit stays quick on a big team."""
        before, self._team = self._team, team
        shown = self.layout_shown
        same_people = (
            team is not None
            and before is not None
            and team.people is before.people
            and team.today == before.today
        )
        if same_people and team is not None and shown is not None:
            layout = lay_out_team_timeline(team)
            if (layout.origin, layout.last) == (shown.origin, shown.last):
                self.layout_shown = layout
                self._draw_targets(team, layout, self.scene().sceneRect().bottom())
                return
        self._rebuild()

    def wanted_height(self) -> int:
        """The height that shows every row (and a horizontal scroll bar's room)."""
        rows = len(self.layout_shown.rows) if self.layout_shown is not None else 0
        bar = self.horizontalScrollBar().sizeHint().height()
        return int(AXIS_HEIGHT + max(rows, 1) * ROW_HEIGHT) + 2 * self.frameWidth() + bar

    @property
    def pixels_per_day(self) -> float:
        if self.layout_shown is None:
            return 1.0
        room = self.viewport().width() - LABEL_WIDTH - 12
        return max(MIN_PIXELS_PER_DAY, room / (self.layout_shown.last + 1))

    def _rebuild(self) -> None:
        scene = self.scene()
        self._more_rows.stop()
        self._rows_to_draw = []
        scene.clear()
        self._target_lines = []
        self._built_width = self.viewport().width()
        team = self._team
        if team is None:
            self.layout_shown = None
            return
        layout = self.layout_shown = lay_out_team_timeline(team)
        ppd = self.pixels_per_day
        chart_width = (layout.last + 1) * ppd
        width = LABEL_WIDTH + chart_width
        bottom = AXIS_HEIGHT + max(1, len(layout.rows)) * ROW_HEIGHT
        axis = DateAxis(layout.origin, chart_width, ppd, team.today)
        axis.setPos(LABEL_WIDTH, 0)
        scene.addItem(axis)
        corner = scene.addRect(QRectF(0, 0, LABEL_WIDTH, AXIS_HEIGHT), no_pen(), ink(Colour.CANVAS))
        corner.setZValue(100)
        caption = add_text(
            corner,
            _("Person"),
            ui_font(9.0, QFont.Weight.DemiBold),
            ink(Colour.TEXT),
            8,
            AXIS_HEIGHT - 12,
        )
        caption.setZValue(101)
        last_day = layout.date_of(layout.last)
        shaded = [
            QRectF(
                LABEL_WIDTH + period.start * ppd,
                AXIS_HEIGHT,
                (min(period.end, layout.last + 1) - period.start) * ppd,
                bottom - AXIS_HEIGHT,
            )
            for index, period in enumerate(month_periods(layout.origin, layout.origin, last_day))
            if index % 2 == 1
        ]
        if shaded:
            scene.addItem(MonthBands(shaded))
        self._rows_to_draw = list(layout.rows)
        self._people = {person.source: person for person in team.people}
        self._draw_rows(FIRST_ROWS)  # what is in view at once; the rest a chunk per turn
        if self._rows_to_draw:
            self._more_rows.start()
        self._draw_targets(team, layout, bottom)
        today_x = LABEL_WIDTH + (layout.today + 0.5) * ppd
        today = QGraphicsLineItem(today_x, AXIS_HEIGHT, today_x, bottom)
        today.setPen(pen(ink(Colour.TODAY), 1.5))
        today.setZValue(9)
        scene.addItem(today)
        scene.setSceneRect(QRectF(0, 0, width, bottom))

    @property
    def drawing(self) -> bool:
        """Rows are still being drawn (a big team's, a chunk per turn of the event loop)."""
        return bool(self._rows_to_draw)

    def _draw_more_rows(self) -> None:
        self._draw_rows(ROWS_PER_TURN)
        if not self._rows_to_draw:
            self._more_rows.stop()

    def _draw_rows(self, count: int) -> None:
        """The next ``count`` people's rows: strip, name, expiry ticks and exam diamonds."""
        layout = self.layout_shown
        if layout is None:
            self._rows_to_draw = []
            return
        rows, self._rows_to_draw = self._rows_to_draw[:count], self._rows_to_draw[count:]
        scene = self.scene()
        ppd = self.pixels_per_day
        width = LABEL_WIDTH + (layout.last + 1) * ppd
        name_font = ui_font(9.0)
        metrics = self.fontMetrics()
        for row in rows:
            top = AXIS_HEIGHT + row.index * ROW_HEIGHT
            middle = top + ROW_HEIGHT / 2
            strip = RowBackground(row.source, top, width, ROW_HEIGHT)
            strip.setToolTip(_("From {file}").format(file=row.source))
            scene.addItem(strip)
            label = QGraphicsSimpleTextItem()
            label.setFont(name_font)
            label.setBrush(ink(Colour.TEXT))
            elide = Qt.TextElideMode.ElideRight
            label.setText(metrics.elidedText(row.label, elide, int(LABEL_WIDTH - 14)))
            label.setPos(8, middle - label.boundingRect().height() / 2)
            label.setToolTip(_("From {file}").format(file=row.source))
            scene.addItem(label)
            for tick in row.expiries:
                scene.addItem(self._tick(tick, ppd, middle))
            person = self._people[row.source]
            for mark in row.exams:
                exam = person.exam(mark.entry_id)
                behind = exam.behind_weeks if exam is not None else None
                scene.addItem(self._diamond(mark, row.label, behind, ppd, middle))

    def _draw_targets(self, team: TeamRollUp, layout: TeamTimelineLayout, bottom: float) -> None:
        """A dashed line on each target's day (replacing the lines drawn before)."""
        for line in self._target_lines:
            self.scene().removeItem(line)
        self._target_lines = []
        ppd = self.pixels_per_day
        for target in layout.targets:
            forecast = team.targets[target.index]
            x = LABEL_WIDTH + (target.day + 0.5) * ppd
            line = QGraphicsLineItem(x, AXIS_HEIGHT, x, bottom)
            dashed = pen(ink(Colour.ACCENT), 1.5)
            dashed.setStyle(Qt.PenStyle.DashLine)
            line.setPen(dashed)
            line.setZValue(8)
            line.setToolTip(
                _("{target}: {status}").format(
                    target=target_text(forecast.target, self._catalog),
                    status=STATUS_WORDS[forecast.status],
                )
            )
            self.scene().addItem(line)
            self._target_lines.append(line)

    def _code(self, certification_id: str) -> str:
        if certification_id in self._catalog:
            return self._catalog.get(certification_id).code
        return certification_id

    def _diamond(
        self, mark: TeamExamMark, name: str, behind: float | None, ppd: float, middle: float
    ) -> QGraphicsPolygonItem:
        centre = QPointF(LABEL_WIDTH + (mark.day + 0.5) * ppd, middle)
        what = _("{name}: {code} exam on {day}").format(
            name=name, code=self._code(mark.certification_id), day=format_day(mark.exam_date)
        )
        if mark.risks:
            half = MARKER_SIZE / 2
            item = QGraphicsPolygonItem(
                QPolygonF(
                    [QPointF(0, -half), QPointF(half, 0), QPointF(0, half), QPointF(-half, 0)]
                )
            )
            item.setPos(centre)
            item.setBrush(ink(Colour.WARNING_FILL))
            item.setPen(pen(ink(Colour.WARNING_EDGE), 2))
            item.setZValue(12)
            item.setToolTip(
                _("{exam}, at risk: {why}").format(exam=what, why=risk_text(mark.risks, behind))
            )
            return item
        certification = self._catalog.get(mark.certification_id)
        marker = ExamMarker(mark.entry_id, centre, tier_ink(certification.tier), False)
        marker.setToolTip(what)
        return marker

    def _tick(self, tick: TeamExpiryTick, ppd: float, middle: float) -> QGraphicsLineItem:
        x = LABEL_WIDTH + (tick.day + 0.5) * ppd
        line = QGraphicsLineItem(x, middle - EXPIRY_TICK / 2, x, middle + EXPIRY_TICK / 2)
        line.setPen(pen(ink(Colour.TEXT), 2))
        line.setZValue(11)
        code = self._code(tick.certification_id)
        text = _("{code} lapses on {day} unless renewed").format(
            code=code, day=format_day(tick.expires_on)
        )
        if tick.renewal_planned:
            text = _("{expiry} (a renewal is planned)").format(expiry=text)
        line.setToolTip(text)
        return line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._built_width:
            self._resized.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.setBackgroundBrush(QBrush(ink(Colour.SURFACE)))
            self._rebuild()
