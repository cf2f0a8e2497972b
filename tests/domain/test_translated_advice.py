"""The domain's sentences (advice, suggestion reasons, scheduling problems) speak the user's
language once a catalog for it exists, counted words included; English stays the source.

The test plans start on Monday 5 January 2026 and give 10 h a week.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from studyplanner.domain.advice import Advice, AdviceCode
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import LearnerProfile, WeeklyAvailability, clean_plan_name
from studyplanner.domain.roles import Role
from studyplanner.domain.schedule import ScheduleError, schedule_plan
from studyplanner.domain.suggest import suggest_plan
from tests.domain.plans import MONDAY, advice_of, entry, plan
from tests.test_i18n import speaking

NOT_READY_ONE = (
    "{label} is in {count} day ({date}), and no practice exam score is logged yet; "
    "take a practice exam, or move the exam"
)
NOT_READY_MANY = (
    "{label} is in {count} days ({date}), and no practice exam score is logged yet; "
    "take a practice exam, or move the exam"
)
DEVELOPER_START = (
    "You build software: Developer – Associate covers the services you call from code "
    "(Lambda, API Gateway, DynamoDB, S3, CI/CD), the natural entry point."
)
# Three plural forms, as Polish has them: 1 / 2-4 / 5 and up, so an English "s" cannot pass.
POLISH_LIKE: dict[str, str | list[str]] = {
    "": "Content-Type: text/plain; charset=UTF-8\n"
    "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);\n",
    "{label}: the exam date {date} has passed; mark it passed, plan a retake if it was "
    "failed, or move it": "{label}: termin {date} minął",
    f"{NOT_READY_ONE}\0{NOT_READY_MANY}": [
        "{label} za {count} dzień ({date})",
        "{label} za {count} dni (mało) ({date})",
        "{label} za {count} dni ({date})",
    ],
    DEVELOPER_START: "Piszesz oprogramowanie: zacznij od Developer – Associate.",
    "Developer path": "Ścieżka programisty",
    "weekly availability is zero hours: add study hours to some weekdays": "brak godzin nauki",
    "A plan needs a name.": "Plan potrzebuje nazwy.",
}


@pytest.fixture
def translated(tmp_path: Path) -> Iterator[None]:
    with speaking("pl", POLISH_LIKE, tmp_path):
        yield


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def messages(found: list[Advice], code: AdviceCode) -> list[str]:
    return [a.message for a in found if a.code is code]


@pytest.mark.usefixtures("translated")
def test_advice_is_written_in_the_catalogs_language(catalog: Catalog) -> None:
    booked = plan(entry("cloud-practitioner", hours=10, pinned=day(20)), years=6)
    found = advice_of(schedule_plan(booked, catalog, day(30)), catalog, day(30))
    assert messages(found, AdviceCode.EXAM_DATE_PASSED) == [
        "CLF-C02 Cloud Practitioner: termin 25 Jan 2026 minął"
    ]


@pytest.mark.usefixtures("translated")
@pytest.mark.parametrize(
    ("days_left", "expected"),
    [
        (1, "za 1 dzień"),
        (3, "za 3 dni (mało)"),
        (14, "za 14 dni ("),
    ],
)
def test_counted_days_take_the_languages_plural_form(
    catalog: Catalog, days_left: int, expected: str
) -> None:
    close = plan(entry("cloud-practitioner", hours=10, logged=10, pinned=day(24)), years=6)
    today = day(24 - days_left)
    found = advice_of(schedule_plan(close, catalog, today), catalog, today)
    (message,) = messages(found, AdviceCode.NOT_READY)
    assert expected in message


@pytest.mark.usefixtures("translated")
def test_suggestion_reasons_and_plan_name_are_translated(catalog: Catalog) -> None:
    suggestion = suggest_plan(catalog, LearnerProfile(role=Role.DEVELOPER), 10, MONDAY)
    reasons = {pick.certification_id: pick.reason for pick in suggestion.reasons}
    assert reasons["developer-associate"] == POLISH_LIKE[DEVELOPER_START]
    assert suggestion.plan.name == "Ścieżka programisty"
    # The reason kept in the entry's notes is the one shown.
    assert suggestion.plan.entries[0].notes == reasons[suggestion.plan.entries[0].certification_id]


@pytest.mark.usefixtures("translated")
def test_problems_the_user_is_shown_are_translated(catalog: Catalog) -> None:
    idle = plan(entry("cloud-practitioner"))
    idle.availability = WeeklyAvailability(hours_per_weekday=[0.0] * 7)
    with pytest.raises(ScheduleError, match=r"^brak godzin nauki$"):
        schedule_plan(idle, catalog)
    with pytest.raises(ValueError, match=r"^Plan potrzebuje nazwy\.$"):
        clean_plan_name("   ")


def test_without_a_catalog_the_advice_is_the_source_english(catalog: Catalog) -> None:
    close = plan(entry("cloud-practitioner", hours=10, logged=10, pinned=day(24)), years=6)
    found = advice_of(schedule_plan(close, catalog, day(23)), catalog, day(23))
    (message,) = messages(found, AdviceCode.NOT_READY)
    assert "is in 1 day (29 Jan 2026), and no practice exam score is logged yet" in message
