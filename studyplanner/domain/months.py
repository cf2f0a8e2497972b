"""Calendar months and years, and time axes, shared by the timeline on screen, the printed
chart and the domain's dates (a validity's end, a voucher's, a learner's years of experience).

The calendar arithmetic is ``dateutil.relativedelta``'s (a day the month lacks becomes its last
day: 31 January + 1 month is 28 February); this module is the one place that uses it, so
every surface agrees about where a month starts, how wide it is and when a year is up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

__all__ = [
    "DayScale",
    "Period",
    "add_calendar_months",
    "add_months",
    "add_years",
    "first_of_month",
    "month_periods",
    "month_starts",
    "months_between",
    "next_month",
    "year_periods",
    "year_starts",
]


def first_of_month(day: date) -> date:
    return day.replace(day=1)


# relativedelta takes about 10 µs a step, and every edit asks for the same few thousand steps
# again (a long plan's month axis, its validities, the learner's anniversaries): remembered.
_REMEMBERED = 16384


@lru_cache(maxsize=_REMEMBERED)
def add_months(day: date, count: int) -> date:
    """The first day of the month ``count`` months after ``day``'s month (before, if negative)."""
    return first_of_month(day) + relativedelta(months=count)


@lru_cache(maxsize=_REMEMBERED)
def add_calendar_months(day: date, count: int) -> date:
    """The same day ``count`` months later; a day the month lacks becomes its last day."""
    return day + relativedelta(months=count)


@lru_cache(maxsize=_REMEMBERED)
def add_years(day: date, count: int) -> date:
    """``day`` moved by whole calendar years; 29 February becomes 28 February."""
    return day + relativedelta(years=count)


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s month."""
    return add_months(day, 1)


def months_between(start: date, end: date) -> int:
    """Calendar months from ``start``'s month to ``end``'s month: 1 for 31 Jan → 1 Feb."""
    apart = relativedelta(first_of_month(end), first_of_month(start))
    return apart.years * 12 + apart.months


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month that has a day in ``first``..``last`` (both included)."""
    return [add_months(first, n) for n in range(months_between(first, last) + 1)]


def year_starts(first: date, last: date) -> list[date]:
    """1 January of every year that has a day in ``first``..``last`` (both included)."""
    return [date(year, 1, 1) for year in range(first.year, last.year + 1)]


@dataclass(frozen=True)
class DayScale:
    """Days as horizontal positions: ``origin`` starts at ``left`` and every day is
    ``pixels_per_day`` wide (pixels, points: whatever unit the caller draws in)."""

    origin: date
    pixels_per_day: float
    left: float = 0.0

    def __post_init__(self) -> None:
        if not self.pixels_per_day > 0:
            raise ValueError(f"a day must be wider than 0, not {self.pixels_per_day}")

    @classmethod
    def spanning(cls, start: date, end: date, left: float, right: float) -> DayScale:
        """The scale on which the days from ``start`` up to (not including) ``end`` exactly fill
        ``left``..``right``."""
        days = (end - start).days
        if days <= 0:
            raise ValueError(f"the axis must end after it starts ({start} .. {end})")
        return cls(start, (right - left) / days, left)

    def x(self, day: date) -> float:
        """Where ``day`` begins."""
        return self.left + (day - self.origin).days * self.pixels_per_day

    def day_at(self, x: float) -> date:
        """The day drawn at ``x``."""
        return self.origin + timedelta(days=math.floor((x - self.left) / self.pixels_per_day))


@dataclass(frozen=True)
class Period:
    """A month or a year as drawn on an axis: its calendar days ``start`` up to (not including)
    ``end``, and the strip ``x``..``x + width`` it covers once clipped to the axis."""

    start: date
    end: date
    x: float
    width: float


def _periods(
    scale: DayScale, starts: list[date], first: date, right: float, step: int
) -> list[Period]:
    periods = []
    for start in starts:
        end = add_months(start, step)
        x = scale.x(max(start, first))
        periods.append(Period(start, end, x, min(scale.x(end), right) - x))
    return periods


def month_periods(
    scale: DayScale, first: date, last: date, right: float = math.inf
) -> list[Period]:
    """The months showing ``first``..``last``, clipped to begin no earlier than ``first`` and to
    end no further right than ``right``."""
    return _periods(scale, month_starts(first, last), first, right, 1)


def year_periods(scale: DayScale, first: date, last: date, right: float = math.inf) -> list[Period]:
    """The years showing ``first``..``last``, clipped like :func:`month_periods`."""
    return _periods(scale, year_starts(first, last), first, right, 12)
