"""How dates, hours, fees, statuses and counts are written for people: the same on screen, on
paper and in the CLI.

Everything here is independent of the machine's locale settings: month names come from our
own tables, never from ``strftime`` (whose ``%b``/``%B`` follow ``LC_TIME``), and numbers are
grouped with Python's own ``,`` format, which ignores ``LC_NUMERIC``. Dates read '14 Mar 2027':
unambiguous on both sides of the Atlantic. Words (month names, units, statuses) go through
:mod:`studyplanner.i18n`, so they are English until a catalog for the user's language ships.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from studyplanner.i18n import N_, _, ngettext
from studyplanner.labels import TranslatedLabels

MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
"""Short month names in the source English; shown through ``_()`` (see :func:`short_month`)."""
MONTH_NAMES = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)

WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
"""Short weekday names, Monday first as the plan's hours are; shown through ``_()`` (see
:func:`short_weekday`), never the C library's weekday names, which follow the machine's
settings."""

STATUS_LABELS: TranslatedLabels[str] = TranslatedLabels(
    {
        "planned": N_("Planned"),
        "studying": N_("Studying"),
        "passed": N_("Passed"),
    }
)
"""How a plan entry's status is named in lists, menus and the printed table (translated when
read). Keyed by the status's value, which an ``EntryStatus`` is (a ``StrEnum``), so that this
module needs nothing from the plan's model: the model words its own limits with it."""

_CURRENCY_SIGNS = {"USD": "$"}


def format_day(day: date | None) -> str:
    """'14 Mar 2027', or a dash for a date that is not known."""
    if day is None:
        return "—"
    return f"{day.day} {short_month(day)} {day.year}"


def format_month(day: date) -> str:
    """'Apr 2024', for dates only known to the month."""
    return f"{short_month(day)} {day.year}"


def format_month_name(day: date) -> str:
    """'December 2026', for a month heading with room to spare."""
    return f"{_(MONTH_NAMES[day.month - 1])} {day.year}"


def short_month(day: date) -> str:
    """'Dec', for a crowded time axis."""
    return _(MONTHS[day.month - 1])


def short_weekday(day: date | int) -> str:
    """'Mon' for a Monday (a date, or its index with Monday 0), in the user's language."""
    index = day if isinstance(day, int) else day.weekday()
    return _(WEEKDAYS_SHORT[index])


def format_span(start: date, end: date) -> str:
    """'24 Dec 2026 – 31 Dec 2026', or '24 Dec 2026' when the span is one day."""
    if start == end:
        return format_day(start)
    return f"{format_day(start)} – {format_day(end)}"


def format_moment(moment: datetime) -> str:
    """'29 Nov 2026, 14:05', for when a backup was taken or a plan deleted (local wall time)."""
    return f"{format_day(moment.date())}, {moment.hour:02d}:{moment.minute:02d}"


def format_number(value: float) -> str:
    """'1,234.5', '12', '0.3': grouped thousands, at most one decimal."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0
    return f"{rounded:,.1f}".removesuffix(".0")


def format_hours(hours: float) -> str:
    """'101 h', '12.5 h', '1,250 h': at most one decimal."""
    return f"{format_number(hours)} h"


def format_hours_range(low: float, high: float) -> str:
    """'80–120 h': an estimate's range, the unit once."""
    return f"{format_number(low)}–{format_hours(high)}"


def format_weekly_hours(hours: float) -> str:
    """'10 h a week', for a plan's weekly availability."""
    return _("{hours} a week").format(hours=format_hours(hours))


def format_fee(amount: float, currency: str = "USD") -> str:
    """'$150', '$1,200' (dollars are whole in the catalog); '150 EUR' for a currency without a
    sign of its own."""
    number = f"{amount:,.2f}".removesuffix(".00")
    sign = _CURRENCY_SIGNS.get(currency)
    return f"{sign}{number}" if sign else f"{number} {currency}"


def format_weekday_hours(hours_per_weekday: Sequence[float]) -> str:
    """'Mon 1 · Tue 1 · Wed 1 · Thu 1 · Fri 1 · Sat 1.5 · Sun 1.5': the hours of each day of
    the week, Monday first."""
    return " · ".join(
        f"{short_weekday(index)} {format_number(hours)}"
        for index, hours in enumerate(hours_per_weekday)
    )


def both(earlier: str, later: str) -> str:
    """Two items of a list read out: 'SAA-C03 on 6 Jan 2027 and DVA-C02 on 3 Mar 2028'."""
    return _("{earlier} and {later}").format(earlier=earlier, later=later)


def joined(items: Sequence[str]) -> str:
    """A list read out, each later item joined with 'and': 'A and B and C' ('' for none)."""
    return functools.reduce(both, items) if items else ""


def sentence_start(text: str) -> str:
    """``text`` with its first letter made a capital, for a phrase that begins a line
    ('renewed by …' as 'Renewed by …')."""
    return text[:1].upper() + text[1:]


def plural(count: float, noun: str, with_count: bool = False) -> str:
    """'month' or 'months' for ``count`` (with the number in front if ``with_count``), in the
    user's language. ``noun`` is the English singular; its plural adds an 's'."""
    nouns = f"{noun}s"  # the nouns are collected from this function's callers
    word = ngettext(noun, nouns, count)
    return f"{count:g} {word}" if with_count else word


def count_text(count: float, noun: str, plural_noun: str | None = None) -> str:
    """'1 exam', '3 exams', '2.5 years', '0 entries' in the user's language (pass
    ``plural_noun`` when adding an 's' is wrong).

    The one helper for counted words: ``tools/extract_messages.py`` collects the nouns of its
    calls (and of :func:`plural`'s) for translators, so pass them as literal text.
    """
    word = ngettext(noun, plural_noun or f"{noun}s", count)
    return f"{count:g} {word}"


def assumed_text(text: str, assumed: bool) -> str:
    """``text`` as it may be said: 'assumed: DOP-C02 renews Developer – Associate' when what it
    states is a guess (AWS text read for the catalog does not confirm it), else unchanged."""
    return _("assumed: {text}").format(text=text) if assumed else text


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WRITTEN_DAY = re.compile(r"(\d{1,2})[\s.]+([^\W\d_]+)\.?,?\s+(\d{4})")


def parse_day(text: str) -> date | None:
    """The day in ``text`` as a person types it: the way :func:`format_day` writes it ('10 Jan
    2024', any case, the month short or in full) or ISO ('2024-01-10'); None for anything
    else, or a day that does not exist (30 Feb)."""
    text = text.strip()
    iso = _ISO_DAY.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        written = _WRITTEN_DAY.fullmatch(text)
        month_number = _month_number(written[2]) if written else None
        if written is None or month_number is None:
            return None
        year, month, day = int(written[3]), month_number, int(written[1])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    """1 to 12 for a month's name, short or full, in English or the language shown."""
    wanted = name.casefold()
    for number, (short, full) in enumerate(zip(MONTHS, MONTH_NAMES, strict=True), 1):
        names = {short, full, _(short), _(full)}
        if wanted in {n.casefold() for n in names} or (
            len(wanted) >= 3 and full.casefold().startswith(wanted)
        ):
            return number
    return None


def format_amounts(amounts: Iterable[tuple[float, str]]) -> str:
    """Sums in several currencies, never added together: '$450 + 350 EUR'; '$0' for none."""
    parts = [format_fee(amount, currency) for amount, currency in amounts]
    return " + ".join(parts) or format_fee(0)
