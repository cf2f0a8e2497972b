"""Calendar export, parsed back with icalendar as a calendar application would read it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from studyplanner import cli
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import PlanEntry, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.ics import write_ics
from tests.export.plans import small_plan
from tests.export.reading import show_json


def events(path: Path) -> list[Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    found: list[Event] = calendar.walk("VEVENT")
    return found


def exams(path: Path) -> list[Event]:
    return [e for e in events(path) if str(e["summary"]).startswith("AWS exam")]


def test_one_all_day_event_per_exam_on_the_exam_date(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = save(small_plan())
    shown = show_json(plan_path, capsys)
    out = tmp_path / "plan.ics"

    assert cli.main(["export-ics", str(plan_path), "-o", str(out)]) == 0

    found = events(out)
    assert capsys.readouterr().out == f"Wrote {out} ({len(found)} events)\n"
    assert len(found) == len(shown["entries"])
    for event, row in zip(found, shown["entries"], strict=True):
        day = date.fromisoformat(row["exam_date"])
        assert event.decoded("dtstart") == day
        assert event.decoded("dtend") == day + timedelta(days=1)
        assert row["code"] in str(event["summary"]) and row["name"] in str(event["summary"])


def test_exam_summary_and_description_say_what_the_exam_is(
    catalog: Catalog, tmp_path: Path
) -> None:
    schedule = schedule_plan(small_plan(), catalog)
    out = tmp_path / "plan.ics"
    write_ics(schedule, out)

    by_uid = {str(e["uid"]): e for e in exams(out)}
    developer = schedule.entries[2]
    event = by_uid[f"{developer.entry.id}-exam@studyplanner.local"]
    assert str(event["summary"]) == "AWS exam: DVA-C02 Developer – Associate"
    description = str(event["description"])
    for expected in (
        "Developer – Associate",
        "DVA-C02",
        "$150",
        "130 minutes",
        "Dana's path to Solutions Architect Professional",
    ):
        assert expected in description
    passed = by_uid[f"{schedule.entries[0].entry.id}-exam@studyplanner.local"]
    assert str(passed["summary"]) == "AWS exam passed: CLF-C02 Cloud Practitioner"
    assert passed.decoded("dtstart") == date(2026, 9, 14)


def test_uids_are_stable_across_exports_and_distinct_per_entry(
    catalog: Catalog, tmp_path: Path
) -> None:
    plan = small_plan()
    plan.entries.append(PlanEntry(certification_id="solutions-architect-associate"))
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"

    write_ics(schedule_plan(plan, catalog), first, study_blocks=True)
    plan.entries[1] = plan.entries[1].model_copy(update={"hours_override": 300})
    write_ics(schedule_plan(plan, catalog), second, study_blocks=True)

    uids = [str(e["uid"]) for e in events(first)]
    assert uids == [str(e["uid"]) for e in events(second)]
    assert len(set(uids)) == len(uids)
    moved = next(e for e in exams(second) if str(e["uid"]).startswith(plan.entries[2].id))
    before = next(e for e in exams(first) if str(e["uid"]).startswith(plan.entries[2].id))
    assert moved.decoded("dtstart") > before.decoded("dtstart")
    assert int(moved["sequence"]) >= int(before["sequence"])


def test_study_blocks_add_one_span_per_entry_still_to_study(
    catalog: Catalog, tmp_path: Path
) -> None:
    schedule = schedule_plan(small_plan(), catalog)
    plain, with_blocks = tmp_path / "plain.ics", tmp_path / "blocks.ics"

    count_plain = write_ics(schedule, plain)
    count_blocks = write_ics(schedule, with_blocks, study_blocks=True)

    studying = [e for e in events(with_blocks) if str(e["summary"]).startswith("Study for")]
    assert count_plain == len(events(plain)) == 6
    assert count_blocks == len(events(with_blocks)) == 6 + 5  # the passed exam needs no study
    for event, item in zip(studying, schedule.entries[1:], strict=True):
        assert item.study_start is not None and item.study_end is not None
        assert event.decoded("dtstart") == item.study_start
        assert event.decoded("dtend") == item.study_end + timedelta(days=1)
        assert str(event["uid"]) == f"{item.entry.id}-study@studyplanner.local"
        assert str(event["transp"]) == "TRANSPARENT"


def test_the_file_is_a_valid_calendar_with_the_plan_name(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    write_ics(schedule_plan(small_plan(), catalog), out)

    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]).startswith("-//StudyPlanner//")
    assert str(calendar["x-wr-calname"]) == "Dana's path to Solutions Architect Professional"
    assert b"\r\n" in out.read_bytes()
    for event in calendar.walk("VEVENT"):
        assert "dtstamp" in event
