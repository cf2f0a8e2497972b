"""The languages each exam is offered in: checked in the catalog, chosen in the profile, and
a note when a planned exam is not offered in the learner's language (issue 26, item 5)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from studyplanner import i18n
from studyplanner.domain.advice import Advice, AdviceCode, Severity
from studyplanner.domain.catalog import Catalog, CatalogError, LifecycleStatus, parse_catalog
from studyplanner.domain.plan import EntryStatus, LearnerProfile, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.wording_languages import (
    ESL_EXTRA_MINUTES,
    EXAM_LANGUAGE_NAMES,
    esl_fact_text,
    esl_text,
    exam_language_for_app,
    language_name,
    languages_text,
    not_offered_text,
    offered_in_text,
)
from tests.domain.plans import advice_of, catalog_document, entry
from tests.domain.plans import plan as base_plan

TODAY = date(2026, 1, 5)
SCS = "security-specialty"
SAA = "solutions-architect-associate"
WHERE = Path("catalog.json")


def plan_in(language: str | None, *cert_ids: str, **entry_options: Any) -> StudyPlan:
    """A veteran's plan of ``cert_ids`` whose learner sits exams in ``language``."""
    study_plan = base_plan(*(entry(c, **entry_options) for c in cert_ids), years=6.0)
    profile = study_plan.profile.model_copy(update={"exam_language": language})
    return study_plan.model_copy(update={"profile": profile})


def language_notes(study_plan: StudyPlan, catalog: Catalog) -> list[Advice]:
    found = advice_of(schedule_plan(study_plan, catalog), catalog, TODAY)
    return [a for a in found if a.code is AdviceCode.EXAM_LANGUAGE]


# --- the note ---------------------------------------------------------------------------


def test_a_security_exam_in_portuguese_gets_the_hand_worked_note(catalog: Catalog) -> None:
    # The catalog lists SCS-C03 in en, ja, ko and zh-Hans, taken from secondary sources, so
    # assumed. A learner sitting exams in Brazilian Portuguese is told, as an info note, which
    # languages it has, that theirs is not one, and that in English it can run 30 min longer.
    study_plan = plan_in("pt-BR", SCS)
    [note] = language_notes(study_plan, catalog)
    assert note.severity is Severity.INFO
    assert note.message == (
        "assumed: SCS-C03 is offered in English, Japanese, Korean and Simplified Chinese, "
        "not in Portuguese (Brazil); assumed: taken in English, it can run 30 minutes longer "
        "for a non-native speaker who asks AWS first (ESL +30)"
    )
    assert note.entry_id == study_plan.entries[0].id


def test_an_exam_offered_in_the_learners_language_gets_no_note(catalog: Catalog) -> None:
    assert language_notes(plan_in("ja", SCS), catalog) == []
    assert language_notes(plan_in("pt-BR", SAA), catalog) == []  # SAA-C03 has pt-BR


def test_a_passed_exam_gets_no_note(catalog: Catalog) -> None:
    passed = plan_in("pt-BR", SCS, status=EntryStatus.PASSED, passed_on=date(2025, 6, 1))
    assert language_notes(passed, catalog) == []


def test_no_exam_language_follows_the_apps_language(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    study_plan = plan_in(None, SCS)
    assert language_notes(study_plan, catalog) == []  # the source English
    monkeypatch.setattr(i18n, "_language", "pt_BR")
    [note] = language_notes(study_plan, catalog)
    assert "not in Portuguese (Brazil)" in note.message
    monkeypatch.setattr(i18n, "_language", "ja")
    assert language_notes(study_plan, catalog) == []


def test_the_profiles_language_wins_over_the_apps(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "_language", "pt_BR")
    assert language_notes(plan_in("en", SCS), catalog) == []
    [note] = language_notes(plan_in("de", SCS), catalog)
    assert "not in German" in note.message


def test_an_exam_the_catalog_lists_no_languages_for_gets_no_note(catalog: Catalog) -> None:
    document = catalog_document()
    for cert in document["certifications"]:
        cert.pop("exam_languages", None)
    bare = parse_catalog(json.dumps(document), WHERE)
    assert language_notes(plan_in("ar", SCS), bare) == []


def test_a_list_from_aws_itself_is_not_called_assumed(catalog: Catalog) -> None:
    text = not_offered_text("DOP-C02", ["en", "ja"], "it", assumed=False)
    assert text.startswith("DOP-C02 is offered in English and Japanese, not in Italian; ")
    assert not_offered_text("XYZ-C01", ["ja"], "de", assumed=False) == (
        "XYZ-C01 is offered in Japanese, not in German"
    )  # no English: no word on the English extension


# --- the wording ------------------------------------------------------------------------


def test_languages_are_read_out_by_name() -> None:
    assert languages_text([]) == ""
    assert languages_text(["en"]) == "English"
    assert languages_text(["en", "zh-Hant", "es-419"]) == (
        "English, Traditional Chinese and Spanish (Latin America)"
    )
    assert offered_in_text(["en", "ja"], assumed=True) == "assumed: English and Japanese"
    assert language_name("xx") == "xx"


def test_the_esl_extension_is_thirty_minutes_and_assumed() -> None:
    assert ESL_EXTRA_MINUTES == 30
    assert esl_text() == (
        "assumed: taken in English, it can run 30 minutes longer for a non-native speaker "
        "who asks AWS first (ESL +30)"
    )
    assert esl_fact_text() == (
        "assumed: 30 extra minutes in English for a non-native speaker who asks AWS first (ESL +30)"
    )


@pytest.mark.parametrize(
    ("app", "exam"),
    [(None, "en"), ("en", "en"), ("de", "de"), ("ja", "ja"), ("pt_BR", "pt-BR"), ("fi", "en")],
)
def test_the_apps_language_maps_to_an_exam_language(app: str | None, exam: str) -> None:
    assert exam_language_for_app(app) == exam


# --- the catalog ------------------------------------------------------------------------


def test_every_active_exam_lists_its_languages_with_a_source(catalog: Catalog) -> None:
    for cert in catalog:
        if cert.lifecycle.status is LifecycleStatus.ACTIVE:
            assert "en" in cert.exam_languages, cert.id
            assert cert.exam_languages_source, cert.id
            assert cert.exam_languages_as_of is not None, cert.id


def _with(cert_id: str, **fields: Any) -> str:
    document = catalog_document()
    for cert in document["certifications"]:
        if cert["id"] == cert_id:
            cert.update(fields)
    return json.dumps(document)


def test_an_unknown_language_code_is_refused_with_a_clear_message() -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(_with(SCS, exam_languages=["en", "pt"]), WHERE)
    message = str(caught.value)
    assert "certification 'security-specialty', field 'exam_languages'" in message
    assert "unknown exam language code 'pt'" in message
    assert "pt-BR" in message  # the codes it may use


def test_a_language_twice_is_refused() -> None:
    with pytest.raises(CatalogError, match="listed twice"):
        parse_catalog(_with(SCS, exam_languages=["en", "ja", "en"]), WHERE)


def test_languages_need_a_source_and_a_date() -> None:
    with pytest.raises(CatalogError, match="exam_languages_source"):
        parse_catalog(_with(SCS, exam_languages_source=""), WHERE)
    with pytest.raises(CatalogError, match="exam_languages_as_of"):
        parse_catalog(_with(SCS, exam_languages_as_of=None), WHERE)


# --- the profile ------------------------------------------------------------------------


def test_the_exam_language_round_trips_through_a_saved_plan() -> None:
    study_plan = plan_in("zh-Hant", SCS)
    again = StudyPlan.model_validate_json(study_plan.model_dump_json())
    assert again.profile.exam_language == "zh-Hant"


def test_an_old_profile_without_it_follows_the_app() -> None:
    assert LearnerProfile.model_validate({"role": "developer"}).exam_language is None


def test_an_unknown_exam_language_in_a_profile_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown exam language 'klingon'"):
        LearnerProfile(exam_language="klingon")


def test_every_language_has_a_name() -> None:
    assert all(language_name(code) != code for code in EXAM_LANGUAGE_NAMES)
