"""`week`: the study of the week that holds a day (today by default), day by day, as text or
as JSON (`week --json`, for scripts), read from the plan's analysis."""

from __future__ import annotations

import argparse
from typing import Any

from studyplanner.cli.errors import EXIT_OK
from studyplanner.cli.files import load_analysis, print_json
from studyplanner.domain.week import Week, week_of
from studyplanner.domain.wording_week import week_lines

HOURS_DIGITS = 6
"""Decimals kept in JSON hours: enough for any session, none of the floating-point dust a day
split between two domains leaves (0.7000000000000002)."""


def week_as_json(week: Week) -> dict[str, Any]:
    """`week --json`: ``week_start`` (the Monday) and the items, ``{date, code, domain,
    hours}`` plus the domain's name, the entry and the kind ('study', 'review', or 'logged'
    for a day before today); while an exam is studied a day's hours add up to that day's
    availability. ``exams`` are the exams planned in the week."""
    return {
        "week_start": week.start.isoformat(),
        "week_end": week.end.isoformat(),
        "hours": round(week.hours, HOURS_DIGITS),
        "items": [
            {
                "date": item.day.isoformat(),
                "code": item.code,
                "domain": item.domain,
                "domain_name": item.domain_name,
                "hours": round(item.hours, HOURS_DIGITS),
                "kind": item.kind.value,
                "entry_id": item.entry_id,
            }
            for item in week.items
        ],
        "exams": [
            {"date": exam.day.isoformat(), "code": exam.code, "entry_id": exam.entry_id}
            for exam in week.exams
        ],
    }


def cmd_week(args: argparse.Namespace) -> int:
    analysis = load_analysis(args.plan, args.today)
    week = week_of(analysis, args.date or args.today)
    if args.json:
        print_json(week_as_json(week))
        return EXIT_OK
    for line in week_lines(week):
        print(line)
    return EXIT_OK
