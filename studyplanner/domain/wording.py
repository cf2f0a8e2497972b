"""How dates and hours are written for people, the same on screen, on paper and in the CLI.

Dates read '14 Mar 2027': unambiguous on both sides of the Atlantic and independent of the
machine's locale (``%b`` would follow it).
"""

from __future__ import annotations

from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: date | None) -> str:
    if day is None:
        return "—"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_month(day: date) -> str:
    """'Apr 2024', for dates only known to the month."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def format_hours(hours: float) -> str:
    """'101 h', '12.5 h': at most one decimal."""
    return f"{round(hours, 1):g} h"


def plural(count: float, noun: str, with_count: bool = False) -> str:
    """'month' or 'months' for ``count`` (with the number in front if ``with_count``)."""
    word = noun if count == 1 else f"{noun}s"
    return f"{count:g} {word}" if with_count else word
