"""Dates and numbers read naturally in each language, from the patterns its catalog holds
(messages in a "date pattern: ..." or "number format: ..." context; see domain/wording.py):
worked by hand for 7 Dec 2026, 7.5 and 1,250.5 hours and a $1,200 fee."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from studyplanner import i18n
from studyplanner.domain.wording import (
    format_day,
    format_fee,
    format_hours,
    format_moment,
    format_month,
    format_month_name,
    format_weekday_hours,
    parse_day,
    short_month,
)
from tests.test_i18n import write_mo

HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
DAY, MONTH, NAME = "{day} {month} {year}", "{month} {year}", "{month_name} {year}"


def patterns(
    day: str, month: str, name: str, moment: str, decimal: str, thousands: str
) -> dict[str, str | list[str]]:
    return {
        "date pattern: day month year\x04" + DAY: day,
        "date pattern: month year\x04" + MONTH: month,
        "date pattern: month name year\x04" + NAME: name,
        "date pattern: date and time\x04{date}, {time}": moment,
        "number format: decimal separator\x04.": decimal,
        "number format: thousands separator\x04,": thousands,
    }


CATALOGS: dict[str, dict[str, str | list[str]]] = {
    "de": {
        "": HEADER,
        **patterns("{day}. {month} {year}", MONTH, NAME, "{date}, {time}", ",", "."),
        "short month\x04Dec": "Dez.",
        "short month\x04May": "Mai",
        "December": "Dezember",
        "Mon": "Mo",
        "Sun": "So",
    },
    "ja": {
        "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n",
        **patterns(
            "{year}年{month_number}月{day}日",
            "{year}年{month_number}月",
            "{year}年{month_number}月",
            "{date} {time}",
            ".",
            ",",
        ),
        "short month\x04Dec": "12月",
        "December": "12月",
        "Mon": "月",
    },
    "pt_BR": {
        "": HEADER,
        **patterns(
            "{day} de {month} de {year}",
            "{month} de {year}",
            "{month_name} de {year}",
            "{date}, {time}",
            ",",
            ".",
        ),
        "short month\x04Dec": "dez.",
        "short month\x04May": "mai.",
        "December": "dezembro",
        "May": "maio",
    },
}


Speak = Callable[[str], None]


@pytest.fixture
def speak(tmp_path: Path) -> Iterator[Speak]:
    def use(language: str) -> None:
        write_mo(CATALOGS[language], tmp_path / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo")
        assert i18n.install(language, tmp_path) == language

    yield use
    i18n.install("en")


SEVENTH = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("language", "day", "month", "heading", "moment"),
    [
        ("de", "7. Dez. 2026", "Dez. 2026", "Dezember 2026", "7. Dez. 2026, 09:05"),
        ("ja", "2026年12月7日", "2026年12月", "2026年12月", "2026年12月7日 09:05"),
        (
            "pt_BR",
            "7 de dez. de 2026",
            "dez. de 2026",
            "dezembro de 2026",
            "7 de dez. de 2026, 09:05",
        ),
    ],
)
def test_a_date_reads_as_the_language_writes_it(
    speak: Speak,
    language: str,
    day: str,
    month: str,
    heading: str,
    moment: str,
) -> None:
    speak(language)

    assert format_day(SEVENTH) == day
    assert format_month(SEVENTH) == month
    assert format_month_name(SEVENTH) == heading
    assert format_moment(datetime(2026, 12, 7, 9, 5)) == moment


def test_english_keeps_its_dates() -> None:
    assert format_day(SEVENTH) == "7 Dec 2026"
    assert format_month(SEVENTH) == "Dec 2026"
    assert format_month_name(SEVENTH) == "December 2026"
    assert format_moment(datetime(2026, 12, 7, 9, 5)) == "7 Dec 2026, 09:05"
    assert format_hours(1250) == "1,250 h"


@pytest.mark.parametrize(
    ("language", "short", "long", "fee"),
    [
        ("de", "7,5 h", "1.250,5 h", "$1.200"),
        ("pt_BR", "7,5 h", "1.250,5 h", "$1.200"),
        ("ja", "7.5 h", "1,250.5 h", "$1,200"),
    ],
)
def test_hours_and_fees_take_the_languages_separators(
    speak: Speak,
    language: str,
    short: str,
    long: str,
    fee: str,
) -> None:
    speak(language)

    assert format_hours(7.5) == short
    assert format_hours(1250.5) == long
    assert format_fee(1200) == fee


def test_the_short_may_and_the_full_may_are_told_apart(speak: Speak) -> None:
    speak("pt_BR")

    assert short_month(date(2027, 5, 1)) == "mai."
    assert format_month_name(date(2027, 5, 1)) == "maio de 2027"


def test_weekday_names_come_from_the_catalog(speak: Speak) -> None:
    speak("de")

    assert format_weekday_hours([1, 0, 0, 0, 0, 0, 2.5]).startswith("Mo 1 · ")
    assert format_weekday_hours([1, 0, 0, 0, 0, 0, 2.5]).endswith("So 2,5")


@pytest.mark.parametrize("language", ["de", "ja", "pt_BR"])
def test_a_day_typed_as_the_language_writes_it_is_read_back(speak: Speak, language: str) -> None:
    speak(language)

    written = format_day(SEVENTH)
    assert parse_day(written) == SEVENTH
    assert parse_day(written.upper()) == SEVENTH
    assert parse_day("7 Dec 2026") == SEVENTH  # English is always understood
    assert parse_day("2026-12-07") == SEVENTH


def test_a_german_day_is_read_without_its_dots(speak: Speak) -> None:
    speak("de")

    assert parse_day("7 Dez 2026") == SEVENTH
    assert parse_day("7.12.2026") is None  # not a way the app writes a day
    assert parse_day("31. Feb. 2026") is None


def test_a_damaged_pattern_falls_back_to_the_plain_order(tmp_path: Path) -> None:
    catalog = {"": HEADER, "date pattern: day month year\x04" + DAY: "{tag} {year}"}
    write_mo(catalog, tmp_path / "de" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo")
    i18n.install("de", tmp_path)
    try:
        assert format_day(SEVENTH) == "7 Dec 2026"
    finally:
        i18n.install("en")
