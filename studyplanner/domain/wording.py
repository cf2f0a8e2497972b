"""How dates, hours, fees, statuses and counts are written for people: the same on screen, on
paper and in the CLI.

Everything here is independent of the machine's locale settings: month names come from our
own tables, never from ``strftime`` (whose ``%b``/``%B`` follow ``LC_TIME``), and numbers are
grouped with Python's own ``,`` format, which ignores ``LC_NUMERIC``. Dates read '14 Mar 2027':
unambiguous on both sides of the Atlantic. Words (month names, units, statuses) go through
:mod:`studyplanner.i18n`, so they are in the language of the catalog in use.

The order of a date's parts and the number separators are translatable messages too, each
with a context saying what it is ("date pattern: day month year" -> '{day}. {month} {year}'
in German, '{year}年{month_number}月{day}日' in Japanese; "number format: decimal
separator" -> ','). So a new language needs its catalog only, never code or a table here,
and every date the app shows, prints or writes into a calendar comes out of these few
functions. A pattern may use any of ``{day}``, ``{month}`` (the short month's name),
``{month_name}``, ``{month_number}``, ``{year}`` and ``{weekday}`` (see :data:`DATE_FIELDS`;
``tools/check_translations.py`` refuses any other).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from studyplanner.i18n import N_, NP_, _, ngettext, pgettext
from studyplanner.labels import TranslatedLabels

MONTHS = (
    NP_("short month", "Jan"),
    NP_("short month", "Feb"),
    NP_("short month", "Mar"),
    NP_("short month", "Apr"),
    NP_("short month", "May"),
    NP_("short month", "Jun"),
    NP_("short month", "Jul"),
    NP_("short month", "Aug"),
    NP_("short month", "Sep"),
    NP_("short month", "Oct"),
    NP_("short month", "Nov"),
    NP_("short month", "Dec"),
)
"""Short month names in the source English; shown through ``pgettext("short month", ...)``
(see :func:`short_month`): the short 'May' may differ from the full one ('mai.', 'maio')."""
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


DATE_FIELDS = ("day", "month", "month_name", "month_number", "year", "weekday")
"""What a date pattern (a message in a "date pattern: ..." context) may use, in any order."""


def _dated(pattern: str, day: date) -> str:
    """``pattern`` (already translated) filled in with ``day``'s parts; the source English
    pattern where a translation names a part that does not exist (a damaged catalog must not
    stop a window from showing)."""
    if pattern == "{day} {month} {year}":  # most dates, and a long plan writes hundreds
        return f"{day.day} {short_month(day)} {day.year}"
    parts = {
        "day": day.day,
        "month": short_month(day),
        "month_name": _(MONTH_NAMES[day.month - 1]),
        "month_number": day.month,
        "year": day.year,
        "weekday": short_weekday(day),
    }
    try:
        return pattern.format(**parts)
    except (KeyError, IndexError, ValueError):
        return f"{parts['day']} {parts['month']} {parts['year']}"


def format_day(day: date | None) -> str:
    """'14 Mar 2027' ('14. März 2027', '2027年3月14日', '14 de mar. de 2027'), or a dash for a
    date that is not known."""
    if day is None:
        return "—"
    return _dated(pgettext("date pattern: day month year", "{day} {month} {year}"), day)


def format_month(day: date) -> str:
    """'Apr 2024' ('2024年4月'), for dates only known to the month."""
    return _dated(pgettext("date pattern: month year", "{month} {year}"), day)


def format_month_name(day: date) -> str:
    """'December 2026' ('Dezember 2026'), for a month heading with room to spare."""
    return _dated(pgettext("date pattern: month name year", "{month_name} {year}"), day)


def short_month(day: date) -> str:
    """'Dec' ('Dez.', '12月'), for a crowded time axis."""
    return pgettext("short month", MONTHS[day.month - 1])


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
    return pgettext("date pattern: date and time", "{date}, {time}").format(
        date=format_day(moment.date()), time=f"{moment.hour:02d}:{moment.minute:02d}"
    )


def format_number(value: float) -> str:
    """'1,234.5', '12', '0.3': grouped thousands, at most one decimal ('1.234,5' and '7,5'
    where the language writes them so)."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0
    return _separated(f"{rounded:,.1f}".removesuffix(".0"))


def _separated(number: str) -> str:
    """``number`` as Python writes it ('1,234.5') with the language's separators."""
    decimal = pgettext("number format: decimal separator", ".")
    thousands = pgettext("number format: thousands separator", ",")
    if (decimal, thousands) == (".", ","):
        return number
    return number.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


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
    number = _separated(f"{amount:,.2f}".removesuffix(".00"))
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


# Patterns, compiled when a typed day is first read (re keeps them): not at every start.
_ISO_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_WRITTEN_DAY = r"(\d{1,2})[\s.]+([^\W\d_]+)\.?,?\s+(\d{4})"


def parse_day(text: str) -> date | None:
    """The day in ``text`` as a person types it: the way :func:`format_day` writes it in the
    language in use ('10 Jan 2024', '10. Jan. 2024', '2024年1月10日', any case, the month short
    or in full), the English way, or ISO ('2024-01-10'); None for anything else, or a day that
    does not exist (30 Feb)."""
    text = text.strip()
    iso = re.fullmatch(_ISO_DAY, text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        found = _written_day(text)
        if found is None:
            return None
        year, month, day = found
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _written_day(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) read the way the language in use writes a day, else the English
    way ('10 Jan 2024', '10. Jan 2024')."""
    pattern = _pattern_regex(pgettext("date pattern: day month year", "{day} {month} {year}"))
    written = pattern.fullmatch(text) if pattern is not None else None
    if written is not None:
        parts = written.groupdict()
        number = parts.get("month_number")
        name = parts.get("month") or parts.get("month_name")
        month = int(number) if number else _month_number(name) if name else None
        if month is not None and parts.get("day") and parts.get("year"):
            return int(parts["year"]), month, int(parts["day"])
    english = re.fullmatch(_WRITTEN_DAY, text)
    month = _month_number(english[2]) if english else None
    if english is None or month is None:
        return None
    return int(english[3]), month, int(english[1])


_FIELD_PATTERNS = {
    "day": r"(?P<day>\d{1,2})",
    "month": r"(?P<month>[^\W\d_]+\.?)",
    "month_name": r"(?P<month_name>[^\W\d_]+\.?)",
    "month_number": r"(?P<month_number>\d{1,2})",
    "year": r"(?P<year>\d{4})",
    "weekday": r"(?:[^\W\d_]+\.?,?)",
}


@functools.cache
def _pattern_regex(pattern: str) -> re.Pattern[str] | None:
    """A regular expression reading what ``pattern`` writes (spaces and dots optional, case
    ignored), or None for a pattern naming a part twice or one that does not exist."""
    out, used = [], set()
    for piece in re.split(r"(\{\w+\})", pattern):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name is None:
            literal = re.escape(piece.strip())
            out.append(r"\s*" + literal.replace(r"\.", r"\.?") + r"\s*" if literal else r"\s*")
        elif name in _FIELD_PATTERNS and name not in used:
            used.add(name)
            out.append(_FIELD_PATTERNS[name])
        else:
            return None
    return re.compile("".join(out), re.IGNORECASE)


def _month_number(name: str) -> int | None:
    """1 to 12 for a month's name, short or full, in English or the language shown (with or
    without its abbreviation's dot)."""
    wanted = name.casefold().rstrip(".")
    for number, (short, full) in enumerate(zip(MONTHS, MONTH_NAMES, strict=True), 1):
        names = {short, full, pgettext("short month", short), _(full)}
        if wanted in {n.casefold().rstrip(".") for n in names} or (
            len(wanted) >= 3 and full.casefold().startswith(wanted)
        ):
            return number
    return None


def format_amounts(amounts: Iterable[tuple[float, str]]) -> str:
    """Sums in several currencies, never added together: '$450 + 350 EUR'; '$0' for none."""
    parts = [format_fee(amount, currency) for amount, currency in amounts]
    return " + ".join(parts) or format_fee(0)
