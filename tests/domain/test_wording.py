"""Dates, hours, fees, statuses and counts are written the same way everywhere, whatever the
machine's locale."""

from __future__ import annotations

import locale
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from studyplanner.domain import wording
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.wording import (
    STATUS_LABELS,
    count_text,
    format_day,
    format_fee,
    format_hours,
    format_moment,
    format_month,
    format_month_name,
    format_number,
    format_weekly_hours,
    parse_day,
    plural,
    short_month,
)

ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@pytest.fixture
def foreign_locale() -> Iterator[str | None]:
    """Switch the process to a non-English locale when one is installed (CI generates de_DE);
    the tests below also hold without one, because they check our own tables month by month."""
    categories = (
        locale.LC_CTYPE,
        locale.LC_COLLATE,
        locale.LC_TIME,
        locale.LC_NUMERIC,
        locale.LC_MONETARY,
        locale.LC_MESSAGES,
    )
    # Every category LC_ALL sets is put back: the system's error texts (strerror) follow
    # LC_MESSAGES, and a German one left behind reached later tests' messages.
    saved = {cat: locale.setlocale(cat) for cat in categories}
    chosen = None
    for name in ("de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8"):
        try:
            locale.setlocale(locale.LC_ALL, name)
        except locale.Error:
            continue
        chosen = name
        break
    try:
        yield chosen
    finally:
        for cat, value in saved.items():
            locale.setlocale(cat, value)


def test_dates_are_unambiguous_and_locale_free(foreign_locale: str | None) -> None:
    assert format_day(date(2027, 3, 14)) == "14 Mar 2027"
    assert format_day(date(2026, 12, 1)) == "1 Dec 2026"
    assert format_month(date(2024, 4, 29)) == "Apr 2024"


def test_every_month_is_named_in_english_under_any_locale(foreign_locale: str | None) -> None:
    for number, name in enumerate(ENGLISH_MONTHS, start=1):
        day = date(2026, number, 28)
        assert format_month_name(day) == f"{name} 2026"
        assert short_month(day) == name[:3]
        assert format_month(day) == f"{name[:3]} 2026"
        assert format_day(day) == f"28 {name[:3]} 2026"


def test_month_names_do_not_come_from_strftime(
    monkeypatch: pytest.MonkeyPatch, foreign_locale: str | None
) -> None:
    """What ``strftime`` would say is what the locale says; we must not ask it."""

    class NoStrftimeDate(date):
        def strftime(self, fmt: str) -> str:
            raise AssertionError(f"strftime({fmt!r}) follows the locale")

        def __format__(self, fmt: str) -> str:
            if fmt:
                raise AssertionError(f"format({fmt!r}) follows the locale")
            return super().__format__(fmt)

    day = NoStrftimeDate(2026, 12, 3)
    assert format_month_name(day) == "December 2026"
    assert short_month(day) == "Dec"
    assert format_month(day) == "Dec 2026"
    assert format_day(day) == "3 Dec 2026"


def test_under_german_locale_strftime_would_differ_but_we_do_not(
    foreign_locale: str | None,
) -> None:
    """When a German locale is installed this shows the bug the tables avoid."""
    december = date(2026, 12, 1)
    if foreign_locale is not None and foreign_locale.startswith("de"):
        assert f"{december:%B}" == "Dezember"
    assert format_month_name(december) == "December 2026"


def test_missing_date_is_a_dash() -> None:
    assert format_day(None) == "—"


def test_moment_reads_day_then_time() -> None:
    assert format_moment(datetime(2026, 11, 29, 14, 5, 59)) == "29 Nov 2026, 14:05"
    assert format_moment(datetime(2027, 1, 2, 7, 0)) == "2 Jan 2027, 07:00"


def test_hours_keep_at_most_one_decimal() -> None:
    assert format_hours(101) == "101 h"
    assert format_hours(12.5) == "12.5 h"
    assert format_hours(2.125) == "2.1 h"
    assert format_hours(12.0) == "12 h"


def test_large_numbers_group_thousands_whatever_the_locale(foreign_locale: str | None) -> None:
    assert format_hours(1250) == "1,250 h"
    assert format_number(12345.67) == "12,345.7"
    assert format_number(0.04) == "0"
    assert format_number(-0.04) == "0"


def test_weekly_hours() -> None:
    assert format_weekly_hours(10) == "10 h a week"
    assert format_weekly_hours(7.5) == "7.5 h a week"


def test_fees_are_whole_dollars_with_thousands_grouped(foreign_locale: str | None) -> None:
    assert format_fee(150) == "$150"
    assert format_fee(1200) == "$1,200"
    assert format_fee(0) == "$0"
    assert format_fee(99.5) == "$99.50"
    assert format_fee(150, "EUR") == "150 EUR"


def test_every_status_has_a_label() -> None:
    assert set(STATUS_LABELS) == set(EntryStatus)
    assert STATUS_LABELS[EntryStatus.PLANNED] == "Planned"
    assert STATUS_LABELS[EntryStatus.STUDYING] == "Studying"
    assert STATUS_LABELS[EntryStatus.PASSED] == "Passed"


def test_plurals() -> None:
    assert plural(1, "month") == "month"
    assert plural(2, "month") == "months"
    assert plural(0, "exam", with_count=True) == "0 exams"
    assert count_text(1, "exam") == "1 exam"
    assert count_text(3, "exam") == "3 exams"
    assert count_text(2.5, "year") == "2.5 years"
    assert count_text(2, "entry", "entries") == "2 entries"
    assert count_text(1, "entry", "entries") == "1 entry"


def test_the_module_never_reads_the_locale() -> None:
    """A cheap guard against a future ``%b`` sneaking back in."""
    source = Path(wording.__file__).read_text(encoding="utf-8")
    code = source.split('"""', 2)[2]  # past the module docstring, which names the culprits
    for culprit in ("strftime", "%b", "%B", "locale"):
        assert culprit not in code


@pytest.mark.parametrize(
    "text",
    [
        "10 Jan 2024",
        "10 jan 2024",
        " 10 JAN 2024 ",
        "10 January 2024",
        "10 Jan. 2024",
        "2024-01-10",
    ],
)
def test_parse_day_reads_the_shown_format_and_iso(text: str) -> None:
    assert parse_day(text) == date(2024, 1, 10)


@pytest.mark.parametrize(
    "text", ["", "10 Jan", "10 Jan 202", "2024-01-1", "30 Feb 2024", "10 Foo 2024", "2024-13-01"]
)
def test_parse_day_refuses_what_is_not_a_whole_date(text: str) -> None:
    assert parse_day(text) is None


def test_parse_day_reads_what_format_day_writes() -> None:
    for day in (date(2024, 1, 10), date(2027, 3, 14), date(2026, 12, 7), date(2028, 2, 29)):
        assert parse_day(format_day(day)) == day


@pytest.mark.parametrize("broken", ["{day} {day} {year}", "{day} {month} {yr}"])
def test_a_date_pattern_a_translator_got_wrong_still_reads_dates_the_english_way(
    monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    # A pattern naming a part twice, or one no date has, cannot be read back: typed dates
    # are then read the English way (and as ISO) instead of failing every date field.
    def pattern(context: str, message: str) -> str:
        return broken if context == "date pattern: day month year" else message

    monkeypatch.setattr(wording, "pgettext", pattern)
    assert wording.parse_day("10 Jan 2024") == date(2024, 1, 10)
    assert wording.parse_day("2024-01-10") == date(2024, 1, 10)
    assert wording.parse_day("Jan 10 2024") is None
