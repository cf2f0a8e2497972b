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
from studyplanner.storage.plan_files import load_plan
from tests.export.plans import analysed, small_plan
from tests.export.reading import run_cli, show_json

MID_DECEMBER = "2026-12-15"
"""Six weeks into the small plan (which starts on 2 Nov 2026 with 20 h logged that day)."""


def by_kind(path: Path) -> tuple[dict[str, tuple[date, date]], dict[str, Event]]:
    """Study spans and exams, keyed by the plan entry's id. An exam's study is its blocks by
    domain and its review block (or one block, for an exam without domains); its span runs
    from the first block's start to the last block's end (exclusive, as DTEND)."""
    calendar = Calendar.from_ical(path.read_bytes())
    study: dict[str, tuple[date, date]] = {}
    exams: dict[str, Event] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["uid"])
        key = uid.split("-")[0]
        if "-study" in uid:
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            known = study.get(key, (start, end))
            study[key] = (min(known[0], start), max(known[1], end))
        elif uid.endswith("-exam@studyplanner.local"):
            exams[key] = event
    return study, exams


def test_export_ics_carries_the_study_left_from_today_on(
    save: Callable[[StudyPlan], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    catalog: Catalog,
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
    schedule = schedule_plan(load_plan(plan_path, catalog), catalog, today=today)
    planned = {row.entry.id: row for row in schedule.entries}
    started = [e for e in shown["entries"] if e["study_start"] and e["study_start"] < MID_DECEMBER]
    assert [e["code"] for e in started] == ["DVA-C02"]  # its bar begins on its first session
    for row in shown["entries"]:
        if row["status"] == "passed" or row["study_end"] is None:
            assert row["entry_id"] not in study
            continue
        span = study[row["entry_id"]]
        # the blocks run where the plan puts the hours left (as the week view shows them)
        planned_from = planned[row["entry_id"]].planned_from
        assert planned_from is not None
        assert span[0] == max(planned_from, today)
        assert span[1] == date.fromisoformat(row["study_end"]) + timedelta(days=1)
    # DVA-C02 was begun in November, but its hours left come after SAA-C03 (before it in the
    # plan): its blocks start then, not today, where a single block used to start
    dva = planned[started[0]["entry_id"]]
    saa = planned[shown["entries"][1]["entry_id"]]
    assert saa.study_end is not None and dva.planned_from is not None
    assert saa.study_end < dva.planned_from == study[started[0]["entry_id"]][0]
    assert all(span[0] >= today for span in study.values())
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
    assert study[current.entry.id][0] == today
    assert study[current.entry.id][1] == current.study_end + timedelta(days=1)
    for item in later:
        assert study[item.entry.id][0] == item.study_start
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
    assert study and min(span[0] for span in study.values()) == today
