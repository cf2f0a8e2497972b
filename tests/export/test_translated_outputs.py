"""The calendar and the printed report speak the user's language once a catalog for it ships,
and the source English again without one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.wording_progress import shift_text, study_span
from studyplanner.export.ics import write_ics
from studyplanner.export.pdf_writer import print_plan_to_pdf
from tests.export.plans import analysed, small_plan
from tests.export.reading import pdf_pages
from tests.test_i18n import speaking

TODAY = date(2026, 11, 2)

GERMAN: dict[str, str | list[str]] = {
    "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
    "AWS exam: {title}": "AWS-Prüfung: {title}",
    "AWS certification": "AWS-Zertifizierung",
    "Plan: {plan}": "Lernplan: {plan}",
    "about {days} day\0about {days} days": ["etwa {days} Tag", "etwa {days} Tage"],
    "week\0weeks": ["Woche", "Wochen"],
    "finish {amount} later than planned on {day}": "Ende {amount} später als am {day} geplant",
    "Exams in order": "Prüfungen der Reihe nach",
    "EXAM DATE": "PRÜFUNGSTAG",
    "Page {number} of {total}": "Seite {number} von {total}",
}


@pytest.fixture
def german(tmp_path: Path) -> Iterator[None]:
    with speaking("de", GERMAN, tmp_path / "locale"):
        yield


def exam_events(path: Path) -> list[Event]:
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return [
        e
        for e in events
        if isinstance(e, Event) and str(e["uid"]).endswith("-exam@studyplanner.local")
    ]


@pytest.mark.usefixtures("german")
def test_the_calendar_is_written_in_the_users_language(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    write_ics(analysed(schedule_plan(small_plan(), catalog, today=TODAY), catalog), out)

    event = next(e for e in exam_events(out) if "SAA-C03" in str(e["summary"]))
    assert str(event["summary"]) == "AWS-Prüfung: SAA-C03 Solutions Architect – Associate"
    assert b"\r\nCATEGORIES:AWS-Zertifizierung,Associate\r\n" in event.to_ical()
    description = str(event["description"])
    assert description.endswith("Lernplan: Dana's path to Solutions Architect Professional")
    assert "Exam code: SAA-C03" in description  # a sentence nobody translated stays English


def test_without_a_catalog_the_calendar_stays_english(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    write_ics(analysed(schedule_plan(small_plan(), catalog, today=TODAY), catalog), out)

    summaries = [str(e["summary"]) for e in exam_events(out)]
    assert "AWS exam: SAA-C03 Solutions Architect – Associate" in summaries


@pytest.mark.usefixtures("german")
def test_progress_words_take_the_catalogs_plural_forms() -> None:
    assert study_span(2, 8) == "etwa 2 Tage"
    assert study_span(1, 8) == "about a day"  # untranslated: the source English
    assert shift_text(21, date(2026, 12, 7)) == "Ende 3 Wochen später als am 7 Dec 2026 geplant"


@pytest.mark.usefixtures("german")
def test_the_printed_report_is_in_the_users_language(catalog: Catalog, tmp_path: Path) -> None:
    schedule = schedule_plan(small_plan(), catalog, today=TODAY)
    out = tmp_path / "plan.pdf"

    pages = print_plan_to_pdf(analysed(schedule, catalog, TODAY), out)

    texts = pdf_pages(out)
    assert len(texts) == pages
    for number, text in enumerate(texts, 1):
        assert text.endswith(f"Seite {number} von {pages}")
    whole = " ".join(texts)
    assert "Prüfungen der Reihe nach" in whole
    assert "PRÜFUNGSTAG" in whole
    assert "Exams in order" not in whole
