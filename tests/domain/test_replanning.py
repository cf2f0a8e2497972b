"""Re-planning from today on hand-worked examples: past days are history, the remaining hours
are laid out from today on, and logged study moves the dates earlier by what it saved.

The test plans give 10 h a week: 1 h Monday to Friday, 2.5 h on Saturday and Sunday.
"""

from __future__ import annotations

from datetime import date, timedelta

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import MONDAY, entry, plan

TODAY = date(2026, 4, 6)
"""A Monday, 13 weeks after the plans' start on Monday 5 January 2026."""


def test_a_plan_started_months_ago_with_nothing_logged_is_planned_from_today(
    catalog: Catalog,
) -> None:
    months_ago = plan(entry("developer-associate", hours=30), entry("cloud-practitioner", hours=5))
    as_first_planned = schedule_plan(months_ago, catalog)
    # From the start, 30 h take three weeks: Mon 5 Jan to Sun 25 Jan, exam on Mon 26 Jan.
    assert as_first_planned.entries[0].exam_date == date(2026, 1, 26)
    assert as_first_planned.today is None

    replanned = schedule_plan(months_ago, catalog, TODAY)
    first, second = replanned.entries
    # The same three weeks, from today: Mon 6 Apr to Sun 26 Apr, exam on Mon 27 Apr.
    assert (first.study_start, first.study_end, first.exam_date) == (
        TODAY,
        date(2026, 4, 26),
        date(2026, 4, 27),
    )
    assert first.planned_from == TODAY
    # The next exam follows it as before: Tue 28 Apr to Fri 1 May give 4 h, Sat 2 May the
    # fifth; exam on Sun 3 May.
    assert (second.study_start, second.exam_date) == (date(2026, 4, 28), date(2026, 5, 3))
    assert replanned.today == TODAY


def test_logging_twenty_hours_moves_the_exams_earlier_by_the_two_weeks_they_take(
    catalog: Catalog,
) -> None:
    nothing = plan(entry("developer-associate", hours=30), entry("cloud-practitioner", hours=5))
    studied = plan(
        entry("developer-associate", hours=30, logged=20, logged_on=date(2026, 2, 2)),
        entry("cloud-practitioner", hours=5),
    )
    before = schedule_plan(nothing, catalog, TODAY)
    after = schedule_plan(studied, catalog, TODAY)
    # 30 - 20 = 10 h are left: one week from today, Mon 6 Apr to Sun 12 Apr (1+1+1+1+1+2.5+2.5
    # = 10), exam on Mon 13 Apr instead of Mon 27 Apr. At 10 h a week the 20 logged hours are
    # exactly two weeks of study, so the exam is 14 days earlier, and so is the next one (which
    # starts on the same weekday, two weeks earlier: Tue 14 Apr to Sat 18 Apr, exam Sun 19 Apr).
    first, second = after.entries
    assert first.remaining_hours == 10
    assert (first.study_end, first.exam_date) == (date(2026, 4, 12), date(2026, 4, 13))
    assert second.exam_date == date(2026, 4, 19)
    for was, now in zip(before.entries, after.entries, strict=True):
        assert was.exam_date is not None and now.exam_date is not None
        assert was.exam_date - now.exam_date == timedelta(days=14)
    # The bar starts where study began (the first session), the rest is planned from today.
    assert first.study_start == date(2026, 2, 2)
    assert first.planned_from == TODAY


def test_without_today_the_plan_is_laid_out_from_its_start_as_before(catalog: Catalog) -> None:
    studied = plan(entry("developer-associate", hours=30, logged=20, logged_on=date(2026, 2, 2)))
    item = schedule_plan(studied, catalog).entries[0]
    # 10 h left from Mon 5 Jan: exam on Mon 12 Jan, the bar from the plan's start.
    assert (item.study_start, item.exam_date) == (MONDAY, date(2026, 1, 12))


def test_today_before_the_start_changes_nothing(catalog: Catalog) -> None:
    future = plan(entry("developer-associate", hours=30, logged=4), entry("cloud-practitioner"))
    from_start = schedule_plan(future, catalog)
    for today in (MONDAY, MONDAY - timedelta(days=1), MONDAY - timedelta(days=400)):
        assert schedule_plan(future, catalog, today).entries == from_start.entries


def test_a_pinned_date_gone_by_is_replaced_by_the_earliest_from_today(catalog: Catalog) -> None:
    booked = plan(entry("cloud-practitioner", hours=10, pinned=date(2026, 2, 20)))
    item = schedule_plan(booked, catalog, TODAY).entries[0]
    # 10 h from today take the week to Sun 12 Apr.
    assert item.exam_date == item.reachable_exam_date == date(2026, 4, 13)
    assert item.pinned_unreachable
    # A pin still ahead, and reachable, is kept as before.
    ahead = plan(entry("cloud-practitioner", hours=10, pinned=date(2026, 6, 1)))
    assert schedule_plan(ahead, catalog, TODAY).entries[0].exam_date == date(2026, 6, 1)


def test_an_exam_with_every_hour_logged_can_be_sat_today(catalog: Catalog) -> None:
    done = plan(
        entry("cloud-practitioner", hours=10, logged=12, status=EntryStatus.STUDYING),
        entry("developer-associate", hours=10),
    )
    first, second = schedule_plan(done, catalog, TODAY).entries
    assert (first.study_start, first.planned_from, first.exam_date) == (None, None, TODAY)
    # The next exam's study starts the day after: Tue 7 Apr to Mon 13 Apr give 10 h.
    assert (second.study_start, second.exam_date) == (date(2026, 4, 7), date(2026, 4, 14))


def test_passed_exams_stay_where_they_were(catalog: Catalog) -> None:
    history = plan(
        entry("cloud-practitioner", status=EntryStatus.PASSED, passed_on=date(2026, 2, 1)),
        entry("developer-associate", hours=10),
    )
    passed, studying = schedule_plan(history, catalog, TODAY).entries
    assert passed.exam_date == date(2026, 2, 1) and passed.planned_from is None
    assert studying.exam_date == date(2026, 4, 13)
