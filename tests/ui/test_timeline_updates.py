"""The timeline after edits, zooming and scrolling shows exactly what a freshly drawn timeline of
the same plan shows: rows are built only near the visible area (a long plan's edit builds what
can be seen), so every path that builds them must end in the same picture."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QApplication,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    Blackout,
    HeldCertification,
    PlanEntry,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.document.plan_document import PlanDocument

TODAY = date(2027, 1, 20)
SIZE = (900, 360)

Snapshot = list[tuple[object, ...]]


def long_plan(catalog: Catalog) -> StudyPlan:
    """Thirty exams cycling through the catalog (so later exams renew earlier ones), one being
    studied with a log, a held certification, and holidays every winter."""
    active = [cert.id for cert in catalog if not cert.is_retired]
    entries = [PlanEntry(certification_id=active[i % len(active)]) for i in range(30)]
    entries[0].sessions = [StudySession(on=date(2027, 1, 5 + day), hours=1.5) for day in range(8)]
    holidays = [
        Blackout(start=date(year, 12, 22), end=date(year + 1, 1, 2), label="Holidays")
        for year in range(2027, 2033)
    ]
    return StudyPlan(
        name="Everything",
        start_date=date(2027, 1, 4),
        availability=WeeklyAvailability.spread(20, holidays),
        held=[HeldCertification(certification_id="cloud-practitioner", earned_on=date(2025, 3, 1))],
        entries=entries,
    )


def _number(value: float) -> float:
    return round(value, 2)


def _rect(rect: QRectF) -> tuple[float, ...]:
    return tuple(_number(v) for v in (rect.x(), rect.y(), rect.width(), rect.height()))


def describe(item: QGraphicsItem) -> tuple[object, ...]:
    """What a person sees of one item (and what the mouse finds): its kind, where it is, its
    text, tooltip, colours and whether it shows."""
    text = ""
    if isinstance(item, QGraphicsSimpleTextItem):
        text = item.text()
    elif isinstance(item, QGraphicsTextItem):
        text = item.toPlainText()
    brush = pen = ""
    if isinstance(item, QAbstractGraphicsShapeItem):
        brush = f"{item.brush().style().name} {item.brush().color().name()}"
        pen = f"{item.pen().style().name} {item.pen().color().name()} {item.pen().widthF()}"
    elif isinstance(item, QGraphicsLineItem):
        pen = f"{item.pen().style().name} {item.pen().color().name()} {item.pen().widthF()}"
    return (
        type(item).__name__,
        _rect(item.sceneBoundingRect()),
        text,
        item.toolTip(),
        brush,
        pen,
        _number(item.zValue()),
        item.isVisible(),
    )


def snapshot(view: TimelineView) -> Snapshot:
    """Every item that reaches into the visible area, described and sorted, so two views of
    the same plan at the same zoom and scroll compare equal item by item (tooltips included,
    as the mouse would find them)."""
    view.write_tooltips()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return sorted(
        (
            describe(item)
            for item in view.scene().items()
            if item.sceneBoundingRect().intersects(visible)
        ),
        key=repr,
    )


class Pair:
    """The view under test, which lives through every step, and a fresh view drawn from scratch
    after each step at the same zoom and scroll position, with every row built (as the whole
    scene used to be): what the view under test shows must be exactly what that one shows."""

    def __init__(self, qtbot: QtBot, catalog: Catalog) -> None:
        self.qtbot = qtbot
        self.document = PlanDocument(catalog, today=lambda: TODAY)
        self.view = self._open()
        self.document.set_plan(long_plan(catalog), None)
        self.view.fit_to_plan()
        QApplication.processEvents()  # the scroll bars appear, as they would on screen

    def _open(self) -> TimelineView:
        view = TimelineView(self.document)
        self.qtbot.addWidget(view)
        # Neither view takes the focus from the other (a focused row wears a ring).
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.resize(*SIZE)
        view.show()
        self.qtbot.waitExposed(view)
        return view

    def zoom(self, step: Callable[[TimelineView], None]) -> None:
        step(self.view)

    def fresh(self) -> TimelineView:
        view = self._open()
        view.zoom_to(self.view.pixels_per_day)
        view.horizontalScrollBar().setValue(self.view.horizontalScrollBar().value())
        view.verticalScrollBar().setValue(self.view.verticalScrollBar().value())
        for entry_id in self.document.entry_ids():
            view.bar_rect(entry_id)  # a read-out builds the row it reads
        QApplication.processEvents()
        return view

    def assert_same(self) -> None:
        QApplication.processEvents()
        fresh = self.fresh()
        assert fresh.pixels_per_day == self.view.pixels_per_day
        kept = snapshot(self.view)
        assert len(kept) > 40  # rows, bars, texts, axis: a real picture, not an empty one
        assert kept == snapshot(fresh)
        fresh.close()


@pytest.fixture
def pair(qtbot: QtBot, catalog: Catalog) -> Pair:
    return Pair(qtbot, catalog)


def test_weekly_hours_edit_and_its_undo_draw_what_a_fresh_view_draws(pair: Pair) -> None:
    pair.document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(11))
    pair.assert_same()
    pair.document.undo_stack.undo()
    pair.assert_same()


def test_blackouts_kept_moved_or_changed_by_an_edit_draw_what_a_fresh_view_draws(
    pair: Pair,
) -> None:
    """A weekly-hours edit keeps the blackouts as they were; a new or renamed blackout, or a
    zoom that moves them, shows as a fresh view shows it."""
    plan = pair.document.current_plan
    blackouts = list(plan.availability.blackouts)
    pair.document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(9, blackouts))
    pair.assert_same()
    renamed = [blackouts[0].model_copy(update={"label": "Family"}), *blackouts[1:]]
    added = [*renamed, Blackout(start=date(2027, 6, 1), end=date(2027, 6, 14), label="Move")]
    for changed in (renamed, added):
        availability = pair.document.current_plan.availability.model_copy(
            update={"blackouts": changed}
        )
        pair.document.update_plan("Blackouts", availability=availability)
        pair.assert_same()
    pair.zoom(TimelineView.zoom_in)
    pair.assert_same()
    pair.document.undo_stack.undo()
    pair.assert_same()


def test_reordering_removing_and_adding_draw_what_a_fresh_view_draws(pair: Pair) -> None:
    ids = pair.document.entry_ids()
    pair.document.move_entry(ids[1], 4)
    pair.assert_same()
    pair.document.remove_entry(ids[2])
    pair.assert_same()
    pair.document.insert_certification("security-specialty", 0)
    pair.assert_same()
    pair.document.undo_stack.undo()
    pair.document.undo_stack.undo()
    pair.assert_same()


def test_zoom_steps_draw_what_a_fresh_view_draws(pair: Pair) -> None:
    pair.zoom(TimelineView.zoom_in)
    pair.zoom(TimelineView.zoom_in)
    pair.assert_same()
    pair.zoom(TimelineView.zoom_out)
    pair.assert_same()


def test_rows_scrolled_into_view_are_drawn_like_the_first_ones(pair: Pair) -> None:
    view = pair.view
    last = pair.document.entry_ids()[-1]
    # Far below the view, the last row has not been built yet; scrolling to it builds it.
    assert not any(
        item.data(0) == last for item in view.scene().items() if isinstance(item.data(0), str)
    )
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    pair.assert_same()
    bar.setValue(bar.maximum())
    pair.assert_same()
    assert any(item.data(0) == last for item in view.scene().items())
    pair.document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(9))
    pair.assert_same()


def test_read_outs_of_a_row_far_out_of_view_build_it(pair: Pair) -> None:
    last = pair.document.entry_ids()[-1]
    bar = pair.view.bar_rect(last)
    marker = pair.view.exam_marker_pos(last)
    assert bar is not None and marker is not None
    assert bar.right() <= marker.x() + 1  # the exam comes at the end of its study bar
    pair.document.select(last)  # selecting scrolls to it; it is drawn selected
    assert pair.view.selected_entry_shown() == last


def test_each_renewal_link_shows_its_own_tooltip_under_the_mouse(pair: Pair, qtbot: QtBot) -> None:
    view = pair.view
    links = view.renewal_links()
    item = view.renewal_links_item()
    assert links and item is not None
    shown = [
        link
        for link in links
        if view.mapToScene(view.viewport().rect()).boundingRect().contains(link.line.center())
    ]
    assert shown, "the plan's first renewals are in view after fitting"
    for link in shown[:3]:
        assert item.link_at(link.line.center()) == link
        qtbot.mouseMove(view.viewport(), view.mapFromScene(link.line.center()))
        qtbot.wait_until(lambda link=link: item.toolTip() == link.tooltip)
    beside = shown[0].line.center() + QPointF(6, 0)
    assert item.link_at(beside) is None or item.link_at(beside) != shown[0]


def test_an_edit_moves_the_drawn_bars_instead_of_drawing_them_anew(pair: Pair) -> None:
    """Issue 22: an edit updates the timeline in place. The bars on screen are the same items
    before and after (moved and resized), so the scene is not rebuilt for every keystroke."""
    view = pair.view
    ids = pair.document.entry_ids()
    shown = [entry_id for entry_id in ids if view.bar_item(entry_id) is not None][:4]
    assert len(shown) == 4
    bars = {entry_id: view.bar_item(entry_id) for entry_id in shown}
    rects = {entry_id: view.bar_rect(entry_id) for entry_id in shown}
    pair.document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(11))
    assert all(view.bar_item(entry_id) is bars[entry_id] for entry_id in shown)
    assert any(view.bar_rect(entry_id) != rects[entry_id] for entry_id in shown)  # moved
    pair.assert_same()
    # Removing one entry leaves the others' bars where they were drawn, as the same items.
    pair.document.remove_entry(shown[1])
    assert view.bar_item(shown[1]) is None
    for entry_id in (shown[0], shown[2], shown[3]):
        assert view.bar_item(entry_id) is bars[entry_id]
    pair.assert_same()


def test_an_edit_lets_go_of_rows_scrolled_out_of_view(pair: Pair) -> None:
    """Rows drawn while scrolling through a long plan are not kept and updated by every later
    edit: once scrolled away, an edit draws only what is in view (and the selected row), and
    scrolling back draws them again as a fresh view would."""
    view = pair.view
    ids = pair.document.entry_ids()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    bar.setValue(0)
    QApplication.processEvents()
    pair.document.select(ids[0])
    pair.document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(12))

    def drawn(entry_id: str) -> bool:
        return any(item.data(0) == entry_id for item in view.scene().items())

    assert drawn(ids[0]) and not drawn(ids[-1])
    pair.assert_same()
    bar.setValue(bar.maximum())
    pair.assert_same()
    assert drawn(ids[-1])
