"""The timeline draws the schedule and turns drops, clicks and zooming into plan edits.

Drops are real ``QDragEnterEvent``/``QDragMoveEvent``/``QDropEvent``s sent to the viewport
(``tests/ui/dnd.py``), as a drag from the ladder delivers them; enter and move must both be
accepted, or a real drag would drop nothing.
"""

from __future__ import annotations

import locale
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDrag,
    QImage,
    QMouseEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.domain.advice import AdviceCode, Severity
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    Blackout,
    EntryStatus,
    HeldCertification,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.roles import ExperienceField
from studyplanner.style import TIER_COLORS, Colour, qcolor
from studyplanner.ui.canvas import timeline as timeline_module
from studyplanner.ui.canvas import timeline_drop
from studyplanner.ui.canvas.mime import certification_mime, decode_entry, entry_mime
from studyplanner.ui.canvas.timeline import EMPTY_HINT, REFUSED_DROP, TimelineView
from studyplanner.ui.canvas.timeline_items import light_tint
from studyplanner.ui.document.plan_document import PlanDocument
from tests.ui.dnd import drag_over, drop

TODAY = date(2026, 11, 29)
HOLIDAYS = Blackout(start=date(2026, 12, 24), end=date(2027, 1, 1), label="Holidays")


def four_exam_plan() -> StudyPlan:
    """A developer with two years on AWS (and four of security work), 8 hours a week, four
    exams."""
    return StudyPlan(
        name="Road to Security",
        start_date=date(2026, 12, 7),
        profile=LearnerProfile(
            role=Role.DEVELOPER,
            experience_years=2,
            other_field_years={ExperienceField.SECURITY: 4},
        ),
        availability=WeeklyAvailability.spread(8, [HOLIDAYS]),
        entries=[
            PlanEntry(certification_id=cert_id)
            for cert_id in (
                "developer-associate",
                "solutions-architect-associate",
                "devops-engineer-professional",
                "security-specialty",
            )
        ],
    )


def open_view(
    qtbot: QtBot, catalog: Catalog, plan: StudyPlan, size: tuple[int, int] = (1000, 400)
) -> tuple[TimelineView, PlanDocument]:
    document = PlanDocument(catalog, today=lambda: TODAY)
    view = TimelineView(document)
    qtbot.addWidget(view)
    view.resize(*size)
    with qtbot.waitActive(view):  # waits on leaving the block; keys need an active window
        view.show()
        view.activateWindow()
    document.set_plan(plan, None)
    return view, document


def cert_ids(document: PlanDocument) -> list[str]:
    return [entry.certification_id for entry in document.plan.entries]


def row_point(view: TimelineView, index: int, fraction: float) -> QPointF:
    """A viewport point inside row ``index``, ``fraction`` of the way down it."""
    rect = view.row_rect(index)
    scene_point = QPointF(rect.left() + 200, rect.top() + rect.height() * fraction)
    return QPointF(view.mapFromScene(scene_point))


def drag_and_drop(view: TimelineView, data: QMimeData, at: QPointF) -> None:
    """A whole accepted drag: enter and move accepted, the indicator shown, then the drop."""
    assert drag_over(view.viewport(), data, at) == (True, True)
    assert view.insertion_index() is not None
    assert drop(view.viewport(), data, at).drop_accepted
    assert view.insertion_index() is None


# --- dropping certifications ----------------------------------------------------------------


def test_certification_dropped_on_upper_half_of_a_row_goes_before_it(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    data = certification_mime("cloud-practitioner")
    at = row_point(view, 1, 0.25)
    assert drag_over(view.viewport(), data, at) == (True, True)
    assert view.insertion_index() == 1
    assert drop(view.viewport(), data, at).drop_accepted
    assert cert_ids(document) == [
        "developer-associate",
        "cloud-practitioner",
        "solutions-architect-associate",
        "devops-engineer-professional",
    ]
    assert document.selected_entry_id == document.entry_ids()[1]
    assert view.row_count() == 4


def test_certification_dropped_on_lower_half_of_a_row_goes_after_it(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    drag_and_drop(view, certification_mime("security-specialty"), row_point(view, 1, 0.75))
    assert cert_ids(document)[2] == "security-specialty"


def test_certification_dropped_below_the_last_row_goes_to_the_end(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    drag_and_drop(view, certification_mime("security-specialty"), row_point(view, 5, 0.5))
    assert cert_ids(document)[-1] == "security-specialty"
    assert len(document.entry_ids()) == 4


def test_certification_dropped_on_an_empty_plan_becomes_its_first_entry(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, document = open_view(qtbot, catalog, StudyPlan(start_date=date(2026, 12, 7)))
    assert view.message() == EMPTY_HINT
    drag_and_drop(view, certification_mime("cloud-practitioner"), QPointF(300, 200))
    assert cert_ids(document) == ["cloud-practitioner"]
    assert view.message() == ""
    assert view.bar_rect(document.entry_ids()[0]) is not None


def test_undo_after_a_drop_restores_the_plan_exactly(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    before = document.plan
    drag_and_drop(view, certification_mime("cloud-practitioner"), row_point(view, 0, 0.25))
    after = document.plan
    assert after != before
    document.undo_stack.undo()
    assert document.plan == before
    assert view.row_count() == 3
    document.undo_stack.redo()
    assert document.plan == after


# --- reordering ---------------------------------------------------------------------------


def test_dropping_a_bar_lower_down_moves_the_entry_there(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    first = document.entry_ids()[0]
    drag_and_drop(view, entry_mime(first), row_point(view, 2, 0.75))
    assert cert_ids(document) == [
        "solutions-architect-associate",
        "devops-engineer-professional",
        "developer-associate",
    ]
    assert document.entry_ids()[2] == first


def test_dropping_a_bar_higher_up_moves_the_entry_there(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    last = document.entry_ids()[2]
    drag_and_drop(view, entry_mime(last), row_point(view, 0, 0.25))
    assert cert_ids(document) == [
        "devops-engineer-professional",
        "developer-associate",
        "solutions-architect-associate",
    ]
    document.undo_stack.undo()
    assert cert_ids(document)[0] == "developer-associate"


def test_dropping_a_bar_where_it_already_is_changes_nothing(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    middle = document.entry_ids()[1]
    drag_and_drop(view, entry_mime(middle), row_point(view, 2, 0.25))
    assert document.entry_ids()[1] == middle
    assert document.undo_stack.count() == 0


def drag_past() -> float:
    """Far enough to start a drag (asked once a QApplication exists)."""
    return QApplication.startDragDistance() + 4.0


def send_mouse(view: TimelineView, kind: QMouseEvent.Type, at: QPointF) -> None:
    """A press, or a move with the left button held, on the timeline's viewport."""
    pressing = kind is QMouseEvent.Type.MouseButtonPress
    event = QMouseEvent(
        kind,
        at,
        view.viewport().mapToGlobal(at),
        Qt.MouseButton.LeftButton if pressing else Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The entry ids of the drags the timeline starts (recorded, not run)."""
    recorded: list[str | None] = []

    class RecordingDrag(QDrag):
        def exec(self, *args: object) -> Qt.DropAction:
            recorded.append(decode_entry(self.mimeData()))
            return Qt.DropAction.IgnoreAction

    monkeypatch.setattr(timeline_drop, "QDrag", RecordingDrag)
    return recorded


def test_pressing_a_bar_and_moving_starts_a_drag_of_that_entry(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, started: list[str | None]
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    second = document.entry_ids()[1]
    bar = view.bar_rect(second)
    assert bar is not None
    press = QPointF(view.mapFromScene(bar.center()))
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, press)
    send_mouse(view, QMouseEvent.Type.MouseMove, press + QPointF(1, 0))
    send_mouse(view, QMouseEvent.Type.MouseMove, press + QPointF(drag_past(), 0))
    assert started == [second]
    assert document.selected_entry_id == second


def test_an_entry_removed_while_its_bar_is_held_starts_no_drag(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, started: list[str | None]
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    second = document.entry_ids()[1]
    bar = view.bar_rect(second)
    assert bar is not None
    press = QPointF(view.mapFromScene(bar.center()))
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, press)
    document.remove_entry(second)  # Delete pressed while the mouse button is still down
    send_mouse(view, QMouseEvent.Type.MouseMove, press + QPointF(drag_past(), 0))
    assert started == []
    assert second not in document.entry_ids()


# --- refusing drops -----------------------------------------------------------------------------


def test_text_dropped_on_the_timeline_is_refused_visibly(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    before = document.plan
    data = QMimeData()
    data.setText("developer-associate")
    data.setUrls([QUrl("https://aws.amazon.com/certification/")])
    at = row_point(view, 1, 0.25)
    entered, _moved = drag_over(view.viewport(), data, at)
    assert not entered
    assert view.message() == REFUSED_DROP
    assert view.insertion_index() is None
    assert not drop(view.viewport(), data, at).drop_accepted
    assert document.plan == before
    assert document.undo_stack.count() == 0


def test_refusal_message_goes_away_by_itself(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_drop, "MESSAGE_MS", 50)
    view, _document = open_view(qtbot, catalog, realistic_plan)
    data = QMimeData()
    data.setText("hello")
    assert drag_over(view.viewport(), data, row_point(view, 0, 0.5))[0] is False
    assert view.message() == REFUSED_DROP
    qtbot.waitUntil(lambda: view.message() != REFUSED_DROP, timeout=5000)


def test_retired_certification_and_foreign_entry_are_refused(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    retired = next(c for c in catalog if c.is_retired)
    at = row_point(view, 0, 0.5)
    assert drag_over(view.viewport(), certification_mime(retired.id), at)[0] is False
    assert "retired" in view.message()
    assert drag_over(view.viewport(), entry_mime("0" * 32), at)[0] is False
    assert not drop(view.viewport(), entry_mime("0" * 32), at).drop_accepted
    assert len(document.entry_ids()) == 3


def test_a_read_only_plan_takes_no_drops(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    document.set_plan(realistic_plan, None, read_only=True)
    data = certification_mime("cloud-practitioner")
    assert drag_over(view.viewport(), data, row_point(view, 0, 0.5))[0] is False
    assert "read-only" in view.message()


# --- drawing the schedule ---------------------------------------------------------------------


def test_bars_span_the_study_period_and_the_exam_sits_on_its_day(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, document = open_view(qtbot, catalog, four_exam_plan())
    schedule = document.schedule
    assert schedule is not None
    ppd = view.pixels_per_day
    for index, item in enumerate(schedule.entries):
        assert item.study_start is not None and item.study_end is not None
        assert item.exam_date is not None
        bar = view.bar_rect(item.entry.id)
        marker = view.exam_marker_pos(item.entry.id)
        assert bar is not None and marker is not None
        days = (item.study_end - item.study_start).days + 1
        assert bar.width() == pytest.approx(days * ppd)
        assert marker.x() - bar.left() == pytest.approx(
            ((item.exam_date - item.study_start).days + 0.5) * ppd
        )
        assert view.row_rect(index).contains(bar.center())


def test_bars_and_exam_dates_move_when_weekly_hours_change(qtbot: QtBot, catalog: Catalog) -> None:
    view, document = open_view(qtbot, catalog, four_exam_plan())
    first, second = document.entry_ids()[:2]
    bar_before = view.bar_rect(first)
    exam_before = view.exam_marker_pos(first)
    second_before = view.bar_rect(second)
    assert bar_before is not None and exam_before is not None and second_before is not None

    document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(16, [HOLIDAYS]))

    bar_after = view.bar_rect(first)
    exam_after = view.exam_marker_pos(first)
    second_after = view.bar_rect(second)
    assert bar_after is not None and exam_after is not None and second_after is not None
    assert bar_after.left() == pytest.approx(bar_before.left())
    assert bar_after.width() < bar_before.width() * 0.7
    assert exam_after.x() < exam_before.x()
    assert second_after.left() < second_before.left()
    document.undo_stack.undo()
    restored = view.exam_marker_pos(first)
    assert restored is not None and restored.x() == pytest.approx(exam_before.x())


def test_entry_with_advice_gets_a_warning_badge_with_the_message(
    qtbot: QtBot, catalog: Catalog
) -> None:
    plan = four_exam_plan()
    plan.entries.insert(0, plan.entries.pop(2))  # DevOps Professional before any Associate
    view, document = open_view(qtbot, catalog, plan)
    pro, *others = document.entry_ids()
    badge = view.advice_badge(pro)
    assert badge is not None
    advice = [a.message for a in document.advice if a.entry_id == pro]
    assert advice and badge.toolTip() == "\n\n".join(advice)
    assert "Associate" in badge.toolTip()
    assert all(view.advice_badge(entry_id) is None for entry_id in others)


def test_passed_exam_shows_a_check_on_the_day_without_a_bar(qtbot: QtBot, catalog: Catalog) -> None:
    plan = four_exam_plan()
    passed = PlanEntry(
        certification_id="cloud-practitioner",
        status=EntryStatus.PASSED,
        passed_on=date(2026, 10, 14),
    )
    plan.entries.insert(0, passed)
    view, _document = open_view(qtbot, catalog, plan)
    assert view.bar_rect(passed.id) is None
    assert view.exam_marker_pos(passed.id) is None
    assert view.row_count() == 5


def test_schedule_error_is_shown_instead_of_bars(qtbot: QtBot, catalog: Catalog) -> None:
    plan = four_exam_plan()
    plan.availability = WeeklyAvailability(hours_per_weekday=[0.0] * 7)
    view, document = open_view(qtbot, catalog, plan)
    assert document.schedule_error
    assert view.row_count() == 0
    assert document.schedule_error in view.message()


def test_clicking_a_bar_selects_its_entry_and_highlights_the_row(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    third = document.entry_ids()[2]
    bar = view.bar_rect(third)
    assert bar is not None
    with qtbot.wait_signal(document.selection_changed) as selected:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(bar.center())
        )
    assert selected.args == [third]
    assert view.selected_entry_shown() == third
    document.select(document.entry_ids()[0])
    assert view.selected_entry_shown() == document.entry_ids()[0]


def test_arrow_keys_walk_through_the_entries(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    ids = document.entry_ids()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert document.selected_entry_id == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert document.selected_entry_id == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert document.selected_entry_id == ids[1]


def test_a_sixty_entry_plan_draws_every_row_and_scrolls_to_the_last(
    qtbot: QtBot, catalog: Catalog
) -> None:
    plan = four_exam_plan()
    plan.entries = [
        PlanEntry(certification_id=c.id, hours_override=20)
        for c in [c for c in catalog if not c.is_retired] * 10
    ][:60]
    view, document = open_view(qtbot, catalog, plan)
    assert view.row_count() == 60
    last = document.entry_ids()[-1]
    view.ensure_entry_visible(last)
    bar = view.bar_rect(last)
    assert bar is not None
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(bar.center())


# --- zoom ---------------------------------------------------------------------------------


def test_zoom_changes_pixels_per_day_and_keeps_text_unscaled(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    first = document.entry_ids()[0]
    start = view.pixels_per_day
    width = view.bar_rect(first).width()  # type: ignore[union-attr]
    view.zoom_in()
    assert view.pixels_per_day > start
    assert view.bar_rect(first).width() > width  # type: ignore[union-attr]
    assert view.transform().isIdentity()
    view.zoom_out()
    assert view.pixels_per_day == pytest.approx(start)
    view.zoom_out()
    assert view.pixels_per_day < start


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, _document = open_view(qtbot, catalog, realistic_plan)

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        at = QPointF(400, 150)
        event = QWheelEvent(
            at,
            QPointF(view.viewport().mapToGlobal(at)),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)

    start = view.pixels_per_day
    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.pixels_per_day == start
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.pixels_per_day > start


def test_fit_to_plan_shows_the_last_exam_and_its_label_without_scrolling(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, document = open_view(qtbot, catalog, four_exam_plan())
    for _ in range(5):
        view.zoom_in()
    assert view.horizontalScrollBar().maximum() > 0
    view.fit_to_plan()
    assert view.horizontalScrollBar().maximum() == 0
    last = view.exam_marker_pos(document.entry_ids()[-1])
    assert last is not None and last.x() < view.viewport().width() - 200


def test_axis_switches_from_months_to_years_when_zoomed_out(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, _document = open_view(qtbot, catalog, realistic_plan)
    while view.pixels_per_day < 4:
        view.zoom_in()
    assert "December 2026" in view.axis_captions()
    while view.pixels_per_day > 1:
        view.zoom_out()
    assert view.axis_captions()[:2] == ["2026", "2027"]


@pytest.fixture
def german_dates() -> Iterator[None]:
    """Dates as a German desktop would write them with strftime ('Dezember'), when the locale
    is installed (CI generates it); the app must not follow them either way."""
    saved = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "de_DE.utf8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    try:
        yield
    finally:
        locale.setlocale(locale.LC_TIME, saved)


def test_axis_month_names_are_english_under_a_german_locale(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, german_dates: None
) -> None:
    view, _document = open_view(qtbot, catalog, realistic_plan)
    while view.pixels_per_day < 4:
        view.zoom_in()
    english = {"January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"}  # fmt: skip
    captions = view.axis_captions()
    assert "December 2026" in captions
    for caption in captions:
        month = caption.split()[0]
        assert month in english or month in {m[:3] for m in english}, caption


# --- the picture --------------------------------------------------------------------------


def test_rendered_timeline_shows_tier_tinted_bars_before_any_study(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    """Nothing studied yet: every bar is the light tint of its tier colour (the full colour is
    for the part already studied, tests/ui/test_timeline_progress.py)."""
    view, document = open_view(qtbot, catalog, four_exam_plan())
    document.select(document.entry_ids()[1])
    view.fit_to_plan()
    path = tmp_path / "timeline.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() == 1000 and image.height() == 400
    schedule = document.schedule
    assert schedule is not None
    ratio = image.devicePixelRatio()
    for item in schedule.entries:
        bar = view.bar_rect(item.entry.id)
        assert bar is not None
        # Just below the bar's middle: under the sheen, clear of any label inside it.
        spot = view.mapFromScene(QPointF(bar.left() + 3, bar.center().y() + 6))
        pixel = image.pixelColor(int(spot.x() * ratio), int(spot.y() * ratio))
        expected = light_tint(QColor(TIER_COLORS[item.certification.tier]))
        assert abs(pixel.red() - expected.red()) < 12, item.certification.id
        assert abs(pixel.green() - expected.green()) < 12, item.certification.id
        assert abs(pixel.blue() - expected.blue()) < 12, item.certification.id
    assert schedule.finish_date is not None
    assert schedule.finish_date - date(2026, 12, 7) > timedelta(days=365)


def developer_then_professional(experience_years: float, weekly_hours: float) -> StudyPlan:
    return StudyPlan(
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(experience_years=experience_years),
        availability=WeeklyAvailability.spread(weekly_hours),
        entries=[
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="solutions-architect-professional"),
        ],
    )


def test_info_only_advice_gets_a_calmer_badge_than_a_warning(
    qtbot: QtBot, catalog: Catalog
) -> None:
    # A year on AWS and 5 h a week: the Professional study stretches long (information only).
    calm_view, calm = open_view(qtbot, catalog, developer_then_professional(1, 5))
    # Half a year on AWS and 10 h a week: the Professional exam comes before the experience.
    warned_view, warned = open_view(qtbot, catalog, developer_then_professional(0.5, 10))
    calm_pro, warned_pro = calm.entry_ids()[1], warned.entry_ids()[1]
    calm_advice = [a for a in calm.advice if a.entry_id == calm_pro]
    warned_advice = [a for a in warned.advice if a.entry_id == warned_pro]
    assert {a.code for a in calm_advice} == {AdviceCode.LONG_STUDY_WINDOW}
    assert AdviceCode.EXPERIENCE_BELOW_TIER in {a.code for a in warned_advice}

    calm_badge = calm_view.advice_badge(calm_pro)
    warned_badge = warned_view.advice_badge(warned_pro)

    assert calm_badge is not None and warned_badge is not None
    assert calm_badge.severity is Severity.INFO
    assert warned_badge.severity is Severity.WARNING
    assert calm_badge.brush().color() != warned_badge.brush().color()
    assert calm_advice[0].message in calm_badge.toolTip()
    for advice in warned_advice:  # the warning and the information alike
        assert advice.message in warned_badge.toolTip()


def held_plan(earned: date = date(2024, 1, 10)) -> StudyPlan:
    """Cloud Practitioner held, then Developer, Solutions Architect and DevOps Professional."""
    plan = four_exam_plan()
    plan.entries = plan.entries[:3]
    plan.held = [HeldCertification(certification_id="cloud-practitioner", earned_on=earned)]
    return plan


def test_a_held_certification_gets_a_thin_row_on_top_with_its_validity(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, document = open_view(qtbot, catalog, held_plan(), size=(1200, 400))
    view.fit_to_plan()
    assert view.held_rows() == ["cloud-practitioner"]
    band = view.validity_band("cloud-practitioner")
    assert band is not None
    # Earned long before the plan: the band comes in from the left edge to its expiry.
    assert band.start_x == 0
    assert band.expiry_x == pytest.approx(view.x_of(date(2027, 1, 10)) + view.pixels_per_day / 2)
    assert "10 Jan 2027" in band.expiry_tick.toolTip()
    assert "Held since 10 Jan 2024" in band.toolTip()
    # The plan's rows sit below the held row, and drops still land between them.
    first = view.row_rect(0)
    assert first.top() > timeline_module.ROWS_TOP
    bar = view.bar_rect(document.entry_ids()[0])
    assert bar is not None and first.contains(bar.center())


def test_each_exam_shows_how_long_it_stays_valid_and_what_renews_it(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, document = open_view(qtbot, catalog, held_plan(), size=(1200, 400))
    dva, _saa, dop = document.entry_ids()
    schedule = document.schedule
    assert schedule is not None
    dop_exam = schedule.for_entry(dop).exam_date
    assert dop_exam is not None
    band = view.validity_band(dva)
    assert band is not None
    marker = view.exam_marker_pos(dva)
    assert marker is not None and band.start_x == pytest.approx(marker.x())
    # DevOps Professional renews the Developer: a ring on the band on its exam day, the band
    # running on three years from there, and a dotted link from the DOP milestone.
    renewal_x = view.x_of(dop_exam) + view.pixels_per_day / 2
    assert band.renewal_xs == [pytest.approx(renewal_x)]
    assert band.expiry_x == pytest.approx(
        view.x_of(dop_exam.replace(year=dop_exam.year + 3)) + view.pixels_per_day / 2
    )
    links = view.renewal_links()
    assert [link.line.x1() for link in links] == [pytest.approx(renewal_x)]
    assert "DOP-C02 renews DVA-C02" in links[0].tooltip
    # The ring says what renews it, under the mouse.
    rings = band.renewal_marks
    ring = QPointF(renewal_x, band.rect().center().y())
    view.ensureVisible(QRectF(ring, ring).adjusted(-20, -20, 20, 20))
    qtbot.mouseMove(view.viewport(), view.mapFromScene(ring))
    qtbot.wait_until(
        lambda: "DOP-C02 on" in rings.toolTip() and "renews DVA-C02" in rings.toolTip()
    )


def test_a_recent_held_certification_stretches_the_axis_back_to_its_day(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, _document = open_view(qtbot, catalog, held_plan(date(2026, 9, 15)), size=(1200, 400))
    view.fit_to_plan()
    band = view.validity_band("cloud-practitioner")
    assert band is not None
    assert band.start_x == pytest.approx(view.x_of(date(2026, 9, 15)) + view.pixels_per_day / 2)
    assert band.start_x > 0
    assert view.horizontalScrollBar().maximum() == 0  # fitting still needs no scrolling


def test_an_expired_certification_is_drawn_grey(qtbot: QtBot, catalog: Catalog) -> None:
    view, _document = open_view(qtbot, catalog, held_plan(date(2023, 1, 10)))
    band = view.validity_band("cloud-practitioner")
    assert band is not None
    assert band.expiry_tick.pen().color() == qcolor(Colour.PASSED).darker(120)
    assert "Expired on 10 Jan 2026" in band.toolTip()


def test_drops_land_between_the_plans_rows_below_the_held_ones(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view, document = open_view(qtbot, catalog, held_plan())
    data = certification_mime("security-specialty")
    drag_and_drop(view, data, row_point(view, 1, 0.75))
    assert cert_ids(document) == [
        "developer-associate",
        "solutions-architect-associate",
        "security-specialty",
        "devops-engineer-professional",
    ]
    document.undo_stack.undo()
    # A drop on the held row goes in front of the plan.
    held_row = QPointF(view.mapFromScene(QPointF(200, timeline_module.ROWS_TOP + 4)))
    drag_and_drop(view, data, held_row)
    assert cert_ids(document)[0] == "security-specialty"


# --- fitting on open, labels after Fit Plan, focus ring ---------------------------------------


def seven_month_plan() -> StudyPlan:
    return StudyPlan(
        name="Seven months",
        start_date=date(2026, 12, 7),
        availability=WeeklyAvailability.spread(8, []),
        entries=[
            PlanEntry(certification_id=cert_id)
            for cert_id in (
                "cloud-practitioner",
                "developer-associate",
                "solutions-architect-associate",
            )
        ],
    )


def test_a_plan_opened_before_the_view_has_its_size_is_fitted_when_it_gets_it(
    qtbot: QtBot, catalog: Catalog
) -> None:
    document = PlanDocument(catalog, today=lambda: TODAY)
    view = TimelineView(document)
    qtbot.addWidget(view)
    document.set_plan(seven_month_plan(), None)  # opened while the window is still unshown
    view.resize(460, 400)  # the timeline's share of a 900-pixel-wide window
    view.show()
    qtbot.waitExposed(view)
    schedule = document.schedule
    assert schedule is not None
    last_exam = max(item.exam_date for item in schedule.entries if item.exam_date)
    assert (last_exam - TODAY).days < 300  # a seven-month plan
    visible_days = view.viewport().width() / view.pixels_per_day
    assert visible_days < 2 * 365  # not five years with the bars squeezed to the left
    marker = view.exam_marker_pos(document.entry_ids()[-1])
    assert marker is not None
    x = view.mapFromScene(marker).x()
    assert view.viewport().width() * 0.4 < x < view.viewport().width()  # squeezed: ~6 %


def test_a_plan_opened_while_the_view_is_hidden_shows_when_it_comes_back(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """A view that already has its size is drawn at once (it may come back without a
    resize); only one never sized yet waits for its size to draw the plan, fitted."""
    view, document = open_view(qtbot, catalog, four_exam_plan())
    view.hide()
    document.set_plan(seven_month_plan(), None)
    assert view.row_count() == 3  # read while hidden, as a screen reader or a test may
    view.show()  # the same size as before: no resize comes
    qtbot.waitExposed(view)
    assert view.row_count() == 3
    marker = view.exam_marker_pos(document.entry_ids()[-1])
    assert marker is not None
    assert 0 < view.mapFromScene(marker).x() < view.viewport().width()


def test_zooming_ends_refitting_on_resize(qtbot: QtBot, catalog: Catalog) -> None:
    view, _document = open_view(qtbot, catalog, seven_month_plan())
    view.fit_to_plan()
    assert view.follows_fit
    view.zoom_in()
    zoomed = view.pixels_per_day
    view.resize(700, 400)
    assert not view.follows_fit and view.pixels_per_day == zoomed


@pytest.mark.parametrize("width", [460, 640, 1000])
def test_fit_plan_leaves_no_year_or_today_label_cut_off(
    qtbot: QtBot, catalog: Catalog, width: int
) -> None:
    view, _document = open_view(qtbot, catalog, seven_month_plan(), size=(width, 400))
    view.fit_to_plan()
    labels = view.visible_axis_labels()
    assert "Today" in [text for text, _rect in labels]
    viewport = view.viewport().rect()
    for text, rect in labels:
        assert viewport.contains(rect), (text, rect, viewport)


def test_the_focused_entry_wears_a_ring_and_only_while_the_view_has_focus(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    view, document = open_view(qtbot, catalog, realistic_plan)
    view.setFocus()
    assert view.has_focus_ring()  # nothing selected yet: the view's edge shows the focus
    qtbot.keyClick(view, Qt.Key.Key_Down)
    first = document.entry_ids()[0]
    assert document.selected_entry_id == first
    assert view.has_focus_ring(first) and not view.has_focus_ring()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    second = document.entry_ids()[1]
    assert view.has_focus_ring(second) and not view.has_focus_ring(first)

    view.clearFocus()
    assert not view.has_focus_ring(second)
    assert view.selected_entry_shown() == second  # still selected, just not focused
