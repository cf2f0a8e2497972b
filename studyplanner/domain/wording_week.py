"""How a week of study is said in words (`studyplanner week`, the window's week view):
'Domain 2, Design Resilient Architectures', 'review: Domain 3, ...', 'exam SAA-C03'.

Part of the domain's wording layer (see :mod:`studyplanner.domain.wording`): Qt-free.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from studyplanner.domain.week import Week, WeekItem, WeekItemKind
from studyplanner.domain.wording import format_day, format_hours, short_weekday
from studyplanner.domain.wording_domains import domain_label
from studyplanner.i18n import _


def week_heading(week: Week) -> str:
    """'Week of 1 Jun 2026 (Monday to 7 Jun 2026)'."""
    return _("Week of {start} (Monday to {end})").format(
        start=format_day(week.start), end=format_day(week.end)
    )


def week_day_label(day: date) -> str:
    """'Mon 1 Jun 2026'."""
    return f"{short_weekday(day)} {format_day(day)}"


def week_item_what(item: WeekItem) -> str:
    """What the hours are for: 'Domain 2, Design Resilient Architectures', 'review: Domain 3,
    ...', 'the whole exam', each with '(logged)' for a past day."""
    if item.domain is not None and item.domain_name is not None:
        what = domain_label(item.domain, item.domain_name)
    else:
        what = _("the whole exam")
    if item.kind is WeekItemKind.REVIEW:
        return _("review: {what}").format(what=what)
    if item.kind is WeekItemKind.LOGGED:
        return _("{what} (logged)").format(what=what)
    return what


DAY_COLUMN = 16
"""The day column's least width, in terminal columns ('Wed 30 Sep 2026' and room)."""


def terminal_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a wide character (漢字, ｶ) takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _padded(text: str, width: int) -> str:
    return text + " " * max(width - terminal_width(text), 0)


def week_lines(week: Week) -> list[str]:
    """The week for a terminal: a heading, then each day with its exams and hours ('—' for
    a day without study), then the week's total. The day column is as wide as the week's
    longest day ('qui 10 de dez. de 2026' is longer than 'Thu 10 Dec 2026', and '12月10日'
    is wider than it is long), so the columns line up in every language."""
    lines = [week_heading(week)]
    labels = {day: week_day_label(day) for day in week.days}
    width = max([DAY_COLUMN, *(terminal_width(label) for label in labels.values())])
    for day in week.days:
        label = _padded(labels[day], width)
        said = False
        for exam in week.exams:
            if exam.day == day:
                lines.append(f"  {label} " + _("exam {code}").format(code=exam.code))
                label, said = " " * width, True
        for item in week.items_on(day):
            hours = format_hours(item.hours)
            lines.append(f"  {label} {item.code:8} {hours:>7}  {week_item_what(item)}")
            label, said = " " * width, True
        if not said:
            lines.append(f"  {label} —")
    lines.append("  " + _("Total {hours}").format(hours=format_hours(week.hours)))
    return lines
