"""Exam events carry reminders (issue 21), and no reminder is ever left before the export
day: it is dropped instead."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Event

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.ics import exam_uid, plan_calendar
from tests.export.plans import analysed

START = date(2026, 12, 7)


def plan_with(*entries: PlanEntry) -> StudyPlan:
    return StudyPlan(
        name="Reminders",
        start_date=START,
        availability=WeeklyAvailability.spread(10),
        entries=list(entries),
    )


def exam_event(plan: StudyPlan, catalog: Catalog, today: date) -> Event:
    """The exam's event in the calendar exported on ``today`` (the plan as made on START)."""
    schedule = schedule_plan(plan, catalog, START)
    calendar = plan_calendar(analysed(schedule, catalog, today))
    uid = exam_uid(plan.entries[0].id)
    return next(e for e in calendar.walk("VEVENT") if str(e["uid"]) == uid)


def triggers(event: Event) -> list[timedelta]:
    return [alarm.decoded("trigger") for alarm in event.walk("VALARM")]


def test_an_exam_to_sit_reminds_a_week_and_a_day_before(catalog: Catalog) -> None:
    plan = plan_with(
        PlanEntry(certification_id="developer-associate", pinned_exam_date=date(2027, 3, 1))
    )
    event = exam_event(plan, catalog, START)
    assert event.decoded("dtstart") == date(2027, 3, 1)
    assert triggers(event) == [timedelta(days=-7), timedelta(days=-1)]
    descriptions = [str(alarm["description"]) for alarm in event.walk("VALARM")]
    assert descriptions == [
        "AWS exam DVA-C02 Developer – Associate in 7 days, on 1 Mar 2027",
        "AWS exam DVA-C02 Developer – Associate in 1 day, on 1 Mar 2027",
    ]
    assert b"BEGIN:VALARM" in event.to_ical()


def test_a_reminder_before_the_export_day_is_dropped(catalog: Catalog) -> None:
    plan = plan_with(
        PlanEntry(certification_id="developer-associate", pinned_exam_date=date(2027, 3, 1))
    )
    event = exam_event(plan, catalog, date(2027, 2, 25))  # four days before the exam
    assert event.decoded("dtstart") == date(2027, 3, 1)
    assert triggers(event) == [timedelta(days=-1)]
    event = exam_event(plan, catalog, date(2027, 3, 1))  # on the day itself
    assert triggers(event) == []


def test_a_passed_exam_has_no_reminder(catalog: Catalog) -> None:
    passed = PlanEntry(
        certification_id="developer-associate",
        status=EntryStatus.PASSED,
        passed_on=date(2027, 1, 20),
    )
    event = exam_event(plan_with(passed), catalog, date(2027, 1, 10))
    assert triggers(event) == []


def test_an_expiry_reminder_before_the_export_day_is_dropped(catalog: Catalog) -> None:
    plan = plan_with(
        PlanEntry(certification_id="developer-associate", pinned_exam_date=date(2027, 3, 1))
    )
    today = date(2029, 12, 20)  # 70 days before the certification expires on 1 Mar 2030
    schedule = schedule_plan(plan, catalog, START)
    calendar = plan_calendar(analysed(schedule, catalog, today))
    expiry = next(
        e for e in calendar.walk("VEVENT") if str(e["uid"]).endswith("-expiry@studyplanner.local")
    )
    assert expiry.decoded("dtstart") == date(2030, 3, 1)
    assert triggers(expiry) == [timedelta(days=-30)]
