"""Issue 11 in the calendar: an all-day event on each certification's expiry date, with
reminders 90 and 30 days before, read back with icalendar as a calendar application would."""

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
from tests.export.plans import analysed, renewal_plan
from tests.export.reading import printed, run_cli, show_json

SAA, DVA = "a" * 32, "b" * 32
PLANNED_ON = "2026-09-07"
"""The renewal plan's start: the day the command line is run on."""
HELD_UID = "held-cloud-practitioner-expiry@studyplanner.local"


def expiries(path: Path) -> dict[str, Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(e["uid"]): e
        for e in calendar.walk("VEVENT")
        if isinstance(e, Event) and str(e["summary"]).endswith("expires")
    }


def test_the_calendar_file_marks_each_expiry_of_show_json(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = save(renewal_plan(associate_on=date(2027, 1, 6)))
    shown = show_json(plan_path, capsys, today=PLANNED_ON)
    out = tmp_path / "plan.ics"

    assert run_cli("export-ics", str(plan_path), "-o", str(out), today=PLANNED_ON) == 0

    found = expiries(out)
    expected = {
        (f"{row['entry']}-expiry@studyplanner.local" if row["entry"] else HELD_UID): row
        for row in shown["expiries"]
    }
    assert set(found) == set(expected)
    for uid, row in expected.items():
        event = found[uid]
        day = date.fromisoformat(row["expires"])
        assert event.decoded("dtstart") == day
        assert event.decoded("dtend") == day + timedelta(days=1)
        assert str(event["transp"]) == "TRANSPARENT"
    held = found[HELD_UID]
    dva_exam = next(e["exam_date"] for e in shown["entries"] if e["entry_id"] == DVA)
    assert str(held["summary"]) == "CLF-C02 Cloud Practitioner expires"
    assert held.decoded("dtstart") == date.fromisoformat("2030" + dva_exam[4:])  # renewed
    description = str(held["description"])
    assert "Earned 10 Jan 2024" in description
    assert "Renewed by SAA-C03 on 6 Jan 2027" in description
    assert f"Renewed by DVA-C02 on {printed(dva_exam)}" in description
    assert description.endswith("Plan: Renewing Cloud Practitioner on the way to Associate")
    total = len(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert capsys.readouterr().out == f"Wrote {out} ({total} events)\n"
    assert total == len(shown["entries"]) + len(shown["expiries"])


def test_each_expiry_reminds_90_and_30_days_before(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    write_ics(
        analysed(schedule_plan(renewal_plan(associate_on=date(2027, 2, 1)), catalog), catalog), out
    )

    held = expiries(out)[HELD_UID]
    assert held.decoded("dtstart") == date(2027, 1, 10)  # the Associate exam came too late
    alarms = held.walk("VALARM")
    assert [alarm.decoded("trigger") for alarm in alarms] == [
        timedelta(days=-90),
        timedelta(days=-30),
    ]
    assert [str(alarm["action"]) for alarm in alarms] == ["DISPLAY", "DISPLAY"]
    assert [str(alarm["description"]) for alarm in alarms] == [
        "CLF-C02 Cloud Practitioner expires in 90 days, on 10 Jan 2027",
        "CLF-C02 Cloud Practitioner expires in 30 days, on 10 Jan 2027",
    ]
    assert b"TRIGGER:-P90D" in out.read_bytes() and b"TRIGGER:-P30D" in out.read_bytes()
    assert (
        "Ways to renew it before then, cheapest first: AWS Cloud Quest: Recertify Cloud "
        "Practitioner (free, no exam); CLF-C02; DVA-C02; "
    ) in str(held["description"])
    assert "assumed: Maintain for 1 more year" in str(held["description"])


def test_expiry_uids_are_stable_and_a_re_export_moves_the_expiry(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Renewing in time moves the held certification's expiry event rather than adding one."""
    late, early = tmp_path / "late.ics", tmp_path / "early.ics"
    write_ics(
        analysed(schedule_plan(renewal_plan(associate_on=date(2027, 2, 1)), catalog), catalog), late
    )
    write_ics(
        analysed(schedule_plan(renewal_plan(associate_on=date(2027, 1, 6)), catalog), catalog),
        early,
    )

    before, after = expiries(late), expiries(early)
    renewed = schedule_plan(renewal_plan(associate_on=date(2027, 1, 6)), catalog).entries[1]
    assert renewed.exam_date is not None
    assert (
        set(before)
        == set(after)
        == {
            HELD_UID,
            f"{SAA}-expiry@studyplanner.local",
            f"{DVA}-expiry@studyplanner.local",
        }
    )
    assert before[HELD_UID].decoded("dtstart") == date(2027, 1, 10)
    assert after[HELD_UID].decoded("dtstart") == renewed.exam_date.replace(year=2030)
