"""Issue 12 in the calendar: the study blocks are what is left to study from today on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.ics import write_ics
from tests.export.plans import analysed, small_plan
from tests.export.reading import run_cli, show_json

MID_DECEMBER = "2026-12-15"
"""Six weeks into the small plan (which starts on 2 Nov 2026 with 20 h logged that day)."""


def by_kind(path: Path) -> tuple[dict[str, Event], dict[str, Event]]:
    """Study blocks and exams, keyed by the plan entry's id."""
    calendar = Calendar.from_ical(path.read_bytes())
    study: dict[str, Event] = {}
    exams: dict[str, Event] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["uid"])
        if uid.endswith("-study@studyplanner.local"):
            study[uid.split("-")[0]] = event
        elif uid.endswith("-exam@studyplanner.local"):
            exams[uid.split("-")[0]] = event
    return study, exams


def test_export_ics_carries_the_study_left_from_today_on(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = save(small_plan())
    shown = show_json(plan_path, capsys, today=MID_DECEMBER)
    out = tmp_path / "plan.ics"

    assert (
        run_cli("export-ics", str(plan_path), "-o", str(out), "--study-blocks", today=MID_DECEMBER)
        == 0
    )

    study, exams = by_kind(out)
    today = date.fromisoformat(MID_DECEMBER)
    started = [e for e in shown["entries"] if e["study_start"] and e["study_start"] < MID_DECEMBER]
    assert [e["code"] for e in started] == ["DVA-C02"]  # its bar begins on its first session
    for row in shown["entries"]:
        if row["status"] == "passed" or row["study_end"] is None:
            assert row["entry_id"] not in study
            continue
        event = study[row["entry_id"]]
        first = max(date.fromisoformat(row["study_start"]), today)
        assert event.decoded("dtstart") == first
        assert event.decoded("dtend") == date.fromisoformat(row["study_end"]) + timedelta(days=1)
    assert study[started[0]["entry_id"]].decoded("dtstart") == today
    assert all(event.decoded("dtstart") >= today for event in study.values())
    assert len(exams) == len(shown["entries"])  # exams stay, past ones (the passed) included


def test_blocks_that_ended_before_today_are_left_out(catalog: Catalog, tmp_path: Path) -> None:
    """The schedule as first planned (from the start date), exported on 1 Apr 2027: blocks
    over by then are gone, the one under way starts that day, later ones are whole."""
    schedule = schedule_plan(small_plan(), catalog)
    today = date(2027, 4, 1)
    out = tmp_path / "plan.ics"

    write_ics(analysed(schedule, catalog, today), out, study_blocks=True)

    study, exams = by_kind(out)
    over = [i for i in schedule.entries if i.study_end is not None and i.study_end < today]
    under_way = [
        i
        for i in schedule.entries
        if i.study_start is not None and i.study_end is not None
        and i.study_start < today <= i.study_end
    ]  # fmt: skip
    later = [i for i in schedule.entries if i.study_start is not None and i.study_start >= today]
    assert over and len(under_way) == 1 and later, "the example needs all three kinds"
    assert not any(i.entry.id in study for i in over)
    (current,) = under_way
    assert current.study_end is not None
    assert study[current.entry.id].decoded("dtstart") == today
    assert study[current.entry.id].decoded("dtend") == current.study_end + timedelta(days=1)
    for item in later:
        assert study[item.entry.id].decoded("dtstart") == item.study_start
    assert set(study) == {i.entry.id for i in [*under_way, *later]}
    assert len(exams) == len(schedule.entries)


def test_a_schedule_replanned_from_today_cuts_its_blocks_there_by_itself(
    catalog: Catalog, tmp_path: Path
) -> None:
    """The app passes the schedule it shows (re-planned from today) and no separate day."""
    today = date(2026, 12, 15)
    schedule = schedule_plan(small_plan(), catalog, today=today)
    out = tmp_path / "plan.ics"

    write_ics(analysed(schedule, catalog), out, study_blocks=True)

    study, _ = by_kind(out)
    assert study and min(event.decoded("dtstart") for event in study.values()) == today
