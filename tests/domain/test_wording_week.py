"""A week of study in words: the day labels, what each item's hours are for, and the lines
`studyplanner week` prints."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.week import Week, WeekExam, WeekItem, WeekItemKind
from studyplanner.domain.wording_week import week_day_label, week_item_what, week_lines

MONDAY = date(2026, 6, 1)
ID = "a" * 32


def item(day: date, domain: int | None, kind: WeekItemKind, hours: float = 2) -> WeekItem:
    name = {1: "Cloud Concepts", 2: "Security and Compliance"}.get(domain or 0)
    return WeekItem(day, ID, "CLF-C02", domain, name, hours, kind)


def test_what_the_hours_are_for() -> None:
    assert week_item_what(item(MONDAY, 1, WeekItemKind.STUDY)) == "Domain 1, Cloud Concepts"
    assert week_item_what(item(MONDAY, 2, WeekItemKind.REVIEW)) == (
        "review: Domain 2, Security and Compliance"
    )
    assert week_item_what(item(MONDAY, None, WeekItemKind.LOGGED)) == "the whole exam (logged)"
    assert week_day_label(MONDAY) == "Mon 1 Jun 2026"


def test_the_week_line_by_line() -> None:
    wednesday, thursday = date(2026, 6, 3), date(2026, 6, 4)
    week = Week(
        MONDAY,
        (
            item(MONDAY, None, WeekItemKind.LOGGED, 1.5),
            item(wednesday, 2, WeekItemKind.REVIEW, 0.5),
        ),
        (WeekExam(thursday, ID, "CLF-C02"),),
    )
    assert week_lines(week) == [
        "Week of 1 Jun 2026 (Monday to 7 Jun 2026)",
        "  Mon 1 Jun 2026   CLF-C02    1.5 h  the whole exam (logged)",
        "  Tue 2 Jun 2026   —",
        "  Wed 3 Jun 2026   CLF-C02    0.5 h  review: Domain 2, Security and Compliance",
        "  Thu 4 Jun 2026   exam CLF-C02",
        "  Fri 5 Jun 2026   —",
        "  Sat 6 Jun 2026   —",
        "  Sun 7 Jun 2026   —",
        "  Total 2 h",
    ]
