"""Calendar export, parsed back with icalendar as a calendar application would read it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import lifecycle
from studyplanner.domain.plan import PlanEntry, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.ics import write_ics
from studyplanner.storage import paths
from tests.export.plans import analysed, small_plan
from tests.export.reading import TODAY, run_cli, show_json


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

    assert run_cli("export-ics", str(plan_path), "-o", str(out)) == 0

    assert capsys.readouterr().out == f"Wrote {out} ({len(events(out))} events)\n"
    found = exams(out)
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
    write_ics(analysed(schedule, catalog), out)

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

    write_ics(analysed(schedule_plan(plan, catalog), catalog), first, study_blocks=True)
    plan.entries[1] = plan.entries[1].model_copy(update={"hours_override": 300})
    write_ics(analysed(schedule_plan(plan, catalog), catalog), second, study_blocks=True)

    uids = [str(e["uid"]) for e in events(first)]
    assert uids == [str(e["uid"]) for e in events(second)]
    assert len(set(uids)) == len(uids)
    moved = next(e for e in exams(second) if str(e["uid"]).startswith(plan.entries[2].id))
    before = next(e for e in exams(first) if str(e["uid"]).startswith(plan.entries[2].id))
    assert moved.decoded("dtstart") > before.decoded("dtstart")
    assert int(moved["sequence"]) >= int(before["sequence"])


def test_study_blocks_add_a_block_per_domain_and_a_review_per_entry_still_to_study(
    catalog: Catalog, tmp_path: Path
) -> None:
    schedule = schedule_plan(small_plan(), catalog)
    plain, with_blocks = tmp_path / "plain.ics", tmp_path / "blocks.ics"

    count_plain = write_ics(analysed(schedule, catalog), plain)
    count_blocks = write_ics(analysed(schedule, catalog), with_blocks, study_blocks=True)

    expiring = len(lifecycle(schedule, catalog))  # one expiry a certification, with or without
    assert count_plain == len(events(plain)) == 6 + expiring
    studying = [e for e in events(with_blocks) if "-study" in str(e["uid"])]
    assert count_blocks == len(events(with_blocks)) == 6 + expiring + len(studying)
    for item in schedule.entries[1:]:  # passed: no study
        assert item.study_start is not None and item.study_end is not None
        domains = catalog.get(item.entry.certification_id).domains
        own = [e for e in studying if str(e["uid"]).startswith(item.entry.id)]
        assert len(own) == len(domains) + 1  # every domain has hours to study, then the review
        review = own[-1]
        assert str(review["uid"]) == f"{item.entry.id}-study@studyplanner.local"
        assert str(review["summary"]).startswith(f"Review for AWS {item.certification.code}")
        assert review.decoded("dtend") == item.study_end + timedelta(days=1)
        assert own[0].decoded("dtstart") == item.planned_from  # where its hours left begin
        named = {str(e["uid"]): str(e["summary"]) for e in own[:-1]}
        assert named == {
            f"{item.entry.id}-study-d{d.number}@studyplanner.local": (
                f"Study for AWS {item.certification.code}: Domain {d.number}, {d.name}"
            )
            for d in domains
        }
        assert all(str(e["transp"]) == "TRANSPARENT" for e in own)


def test_the_file_is_a_valid_calendar_with_the_plan_name(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    write_ics(analysed(schedule_plan(small_plan(), catalog), catalog), out)

    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]).startswith("-//StudyPlanner//")
    assert str(calendar["x-wr-calname"]) == "Dana's path to Solutions Architect Professional"
    assert b"\r\n" in out.read_bytes()
    for event in calendar.walk("VEVENT"):
        assert "dtstamp" in event


# Finding 5 of issue 10: what a plan file holds must never add a line to the calendar file.
INJECTED_NAME = (
    "Dana\x07's\x00 plan\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\nBEGIN:VEVENT\n"
    "SUMMARY:Injected\nEND:VEVENT\rEND:VCALENDAR\x1b[31m\u2028done, really; ok"
)
# The name as a calendar reads it back: line breaks kept, controls iCalendar forbids dropped.
INJECTED_NAME_READ_BACK = (
    "Dana's plan\nEND:VCALENDAR\nBEGIN:VCALENDAR\nBEGIN:VEVENT\n"
    "SUMMARY:Injected\nEND:VEVENT\nEND:VCALENDAR[31m\ndone, really; ok"
)


def _unescape_text(value: str) -> str:
    """An iCalendar TEXT value as an application shows it (RFC 5545, 3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _injected_plan_file(save: Callable[[StudyPlan], Path]) -> Path:
    plan = small_plan()
    plan = plan.model_copy(
        update={
            "name": INJECTED_NAME,
            "notes": "line one\r\nBEGIN:VEVENT\x0b\x1f\x7f\x85 end",
            "entries": [
                e.model_copy(update={"notes": "END:VCALENDAR\n\x00BEGIN:VEVENT"})
                for e in plan.entries
            ],
        }
    )
    return save(plan)


def _assert_one_calendar_with_the_name(out: Path, event_count: int) -> None:
    data = out.read_bytes()
    calendars = Calendar.from_ical(data, multiple=True)
    assert len(calendars) == 1
    (calendar,) = calendars
    found = calendar.walk("VEVENT")
    assert len(found) == event_count
    assert not any("Injected" in str(e["summary"]) for e in found)
    assert _unescape_text(str(calendar["x-wr-calname"])) == INJECTED_NAME_READ_BACK
    for event in found:
        assert str(event["description"]).endswith(f"Plan: {INJECTED_NAME_READ_BACK}")
    # Every physical line ends in CRLF and holds no other control character but a tab.
    assert data.endswith(b"\r\n")
    for line in data[:-2].split(b"\r\n"):
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), line
    assert data.count(b"\r\nBEGIN:VCALENDAR") == 0 and data.startswith(b"BEGIN:VCALENDAR\r\n")


def test_finding_5_line_breaks_in_the_plan_name_cannot_inject_a_calendar(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = _injected_plan_file(save)
    shown = show_json(plan_path, capsys)
    assert shown["name"] == INJECTED_NAME
    out = tmp_path / "plan.ics"

    code = run_cli("export-ics", str(plan_path), "-o", str(out))

    _out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    _assert_one_calendar_with_the_name(out, len(shown["entries"]) + len(shown["expiries"]))


def test_finding_5_holds_under_python_optimize_where_asserts_are_gone(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = _injected_plan_file(save)
    shown = show_json(plan_path, capsys)
    out = tmp_path / "plan.ics"

    done = subprocess.run(
        [
            sys.executable,
            "-O",
            "-m",
            "studyplanner",
            "--today",
            TODAY,
            "export-ics",
            str(plan_path),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, paths.ENV_VAR: str(tmp_path / "data"), "PYTHONOPTIMIZE": "1"},
        timeout=120,
        check=False,
    )

    assert (done.returncode, done.stderr) == (0, "")
    _assert_one_calendar_with_the_name(out, len(shown["entries"]) + len(shown["expiries"]))
