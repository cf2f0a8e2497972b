"""Dates and hours are written the same way everywhere, whatever the machine's locale."""

from __future__ import annotations

import locale
from datetime import date

from studyplanner.domain.wording import format_day, format_hours, format_month


def test_dates_are_unambiguous_and_locale_free() -> None:
    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
                break
            except locale.Error:
                continue
        assert format_day(date(2027, 3, 14)) == "14 Mar 2027"
        assert format_day(date(2026, 12, 1)) == "1 Dec 2026"
        assert format_month(date(2024, 4, 29)) == "Apr 2024"
    finally:
        locale.setlocale(locale.LC_TIME, before)


def test_missing_date_is_a_dash() -> None:
    assert format_day(None) == "—"


def test_hours_keep_at_most_one_decimal() -> None:
    assert format_hours(101) == "101 h"
    assert format_hours(12.5) == "12.5 h"
    assert format_hours(2.125) == "2.1 h"
