"""The printed chart draws the timeline's one layout (issue 22): the same rows, bars and logged
part as the screen, read back from the PDF's fill colours."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.lifecycle import lifecycle
from studyplanner.domain.plan import (
    EntryStatus,
    PlanEntry,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.pdf_writer import print_plan_to_pdf
from studyplanner.export.report.chart import lighter
from studyplanner.layout.timeline import DaySpan, lay_out_timeline
from studyplanner.style import tier_qcolor
from tests.export.reading import fill_colours

TODAY = date(2027, 3, 10)


def associate_plan(logged: bool) -> StudyPlan:
    """One Associate exam under way on the print date: studied since 1 March (with a log of
    three sessions, or none), its exam still ahead."""
    sessions = [StudySession(on=date(2027, 3, day), hours=2) for day in (1, 3, 5)]
    return StudyPlan(
        name="Under way",
        start_date=date(2027, 3, 1),
        availability=WeeklyAvailability(hours_per_weekday=[2.0] * 7),
        entries=[
            PlanEntry(
                certification_id="developer-associate",
                status=EntryStatus.STUDYING,
                sessions=sessions if logged else [],
            )
        ],
    )


def printed(plan: StudyPlan, catalog: Catalog, path: Path) -> set[str]:
    print_plan_to_pdf(analyse(plan, catalog, TODAY), path)
    return fill_colours(path)


def hex_of(colour: QColor) -> str:
    return colour.name().upper()


def test_a_logged_bar_is_full_colour_up_to_the_log_and_lighter_after(
    catalog: Catalog, tmp_path: Path
) -> None:
    plan = associate_plan(logged=True)
    schedule = schedule_plan(plan, catalog, today=TODAY)
    layout = lay_out_timeline(plan, schedule, lifecycle(schedule, catalog), TODAY)
    (row,) = layout.rows
    # What the screen draws filled: from the first session (1 March) up to today, where the
    # remaining hours are planned from.
    assert row.bar is not None and row.bar.start == layout.day_of(date(2027, 3, 1))
    assert row.logged == DaySpan(row.bar.start, layout.day_of(TODAY))

    fills = printed(plan, catalog, tmp_path / "logged.pdf")
    associate = tier_qcolor(Tier.ASSOCIATE)
    assert {hex_of(associate), hex_of(lighter(associate))} <= fills


def test_a_bar_without_a_log_is_drawn_whole_as_on_the_screen(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Nothing logged means nothing studied: the bar is not split at the print date (the
    screen's rule, which the chart now shares)."""
    plan = associate_plan(logged=False)
    schedule = schedule_plan(plan, catalog, today=TODAY)
    (row,) = lay_out_timeline(plan, schedule, [], TODAY).rows
    assert row.logged is None

    fills = printed(plan, catalog, tmp_path / "unlogged.pdf")
    associate = tier_qcolor(Tier.ASSOCIATE)
    assert hex_of(associate) in fills
    assert hex_of(lighter(associate)) not in fills
