"""A certification's validity is said once, in the wording layer: each sentence checked here
against text worked out by hand, for the surfaces that show it (ladder, timeline, panels,
report, calendar, command line)."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.budget import Budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import Renewal, Validity
from studyplanner.domain.plan import HeldCertification
from studyplanner.domain.wording import (
    format_hours_range,
    format_span,
    format_weekday_hours,
    joined,
    sentence_start,
    short_weekday,
)
from studyplanner.domain.wording_budget import budget_line, fee_totals
from studyplanner.domain.wording_validity import (
    expires_cell,
    expiry_lines,
    expiry_text,
    held_since,
    held_status,
    held_text,
    holding_text,
    renewal_on,
    renewed_by,
    renewed_until,
    renews_until,
    valid_until,
    validity_line,
    validity_lines,
)

CLF = "cloud-practitioner"
SAA = "solutions-architect-associate"
DVA = "developer-associate"

BY_SAA = Renewal(date(2027, 1, 6), "e1", SAA, date(2030, 1, 6))
BY_DVA_ASSUMED = Renewal(date(2029, 3, 3), "e2", DVA, date(2032, 3, 3), assumed=True)


def held_clf(*renewals: Renewal) -> Validity:
    """Cloud Practitioner held since 10 Jan 2024 (three years: to 10 Jan 2027)."""
    return Validity(
        certification_id=CLF,
        entry_id=None,
        earned_on=date(2024, 1, 10),
        first_expiry=date(2027, 1, 10),
        renewals=renewals,
        expires_on=renewals[-1].expires_on if renewals else date(2027, 1, 10),
        renewable_by=(CLF,),
        held=True,
    )


PLANNED_SAA = Validity(
    certification_id=SAA,
    entry_id="e1",
    earned_on=date(2027, 1, 6),
    first_expiry=date(2030, 1, 6),
    renewals=(),
    expires_on=date(2030, 1, 6),
    renewable_by=(SAA,),
    held=False,
)
BEFORE = date(2026, 12, 7)
AFTER = date(2027, 2, 1)


def test_the_small_words() -> None:
    assert short_weekday(0) == "Mon"
    assert short_weekday(date(2026, 12, 13)) == "Sun"  # a Sunday
    assert format_span(date(2026, 12, 24), date(2026, 12, 31)) == "24 Dec 2026 – 31 Dec 2026"
    assert format_span(date(2026, 12, 24), date(2026, 12, 24)) == "24 Dec 2026"
    assert format_weekday_hours([1, 1, 1, 1, 1, 1.5, 1.5]) == (
        "Mon 1 · Tue 1 · Wed 1 · Thu 1 · Fri 1 · Sat 1.5 · Sun 1.5"
    )
    assert joined(["A", "B", "C"]) == "A and B and C"
    assert joined([]) == ""
    assert sentence_start("renewed by X") == "Renewed by X"
    assert format_hours_range(80, 120) == "80–120 h"
    assert format_hours_range(12.5, 1250) == "12.5–1,250 h"


def test_fee_totals() -> None:
    budget = Budget(list_usd=600, with_vouchers_usd=375, worst_case_usd=975, entries=())
    assert fee_totals(budget) == ("$600", "$375", "$975")
    assert fee_totals(None) == ("—", "—", "—")
    assert budget_line(budget) == "$600 list · $375 with vouchers · $975 worst case"


def test_renewal_phrases(catalog: Catalog) -> None:
    assert renewal_on(BY_SAA, catalog) == "SAA-C03 on 6 Jan 2027"
    assert renewal_on(BY_DVA_ASSUMED, catalog) == "assumed: DVA-C02 on 3 Mar 2029"
    assert renewed_by(BY_SAA, catalog) == "renewed by SAA-C03 on 6 Jan 2027"
    assert renewed_by(BY_SAA, catalog, line=True) == "Renewed by SAA-C03 on 6 Jan 2027"
    # a guess says so before anything else, capital or not
    assert renewed_by(BY_DVA_ASSUMED, catalog, line=True) == (
        "assumed: Renewed by DVA-C02 on 3 Mar 2029"
    )
    assert renewed_until(BY_SAA, catalog) == (
        "renewed by SAA-C03 on 6 Jan 2027, valid until 6 Jan 2030"
    )
    assert renews_until(BY_SAA, catalog, "CLF-C02") == (
        "SAA-C03 on 6 Jan 2027 renews CLF-C02: valid until 6 Jan 2030"
    )


def test_valid_until_and_its_lines(catalog: Catalog) -> None:
    renewed = held_clf(BY_SAA, BY_DVA_ASSUMED)
    assert valid_until(None, catalog) == ""
    assert valid_until(renewed, catalog) == (
        "Valid until 10 Jan 2027; renewed by SAA-C03 on 6 Jan 2027, valid until 6 Jan 2030; "
        "assumed: renewed by DVA-C02 on 3 Mar 2029, valid until 3 Mar 2032"
    )
    assert validity_lines(renewed, catalog, BEFORE) == [
        "Valid until 10 Jan 2027",
        "Renewed by SAA-C03 on 6 Jan 2027, valid until 6 Jan 2030",
        "assumed: Renewed by DVA-C02 on 3 Mar 2029, valid until 3 Mar 2032",
    ]
    assert validity_lines(held_clf(), catalog, AFTER) == [
        "Valid until 10 Jan 2027",
        "Expired on 10 Jan 2027",
    ]


def test_expiry(catalog: Catalog) -> None:
    assert expiry_text(held_clf(), catalog, BEFORE) == "CLF-C02 expires on 10 Jan 2027"
    assert expiry_text(held_clf(), catalog, AFTER) == "CLF-C02 expired on 10 Jan 2027"
    assert expires_cell(held_clf(), BEFORE) == "10 Jan 2027"
    assert expires_cell(held_clf(), AFTER) == "10 Jan 2027 (expired)"


def test_how_a_holding_is_introduced(catalog: Catalog) -> None:
    assert held_since(held_clf()) == "Held since 10 Jan 2024"
    assert held_since(PLANNED_SAA) == "Earned 6 Jan 2027"
    assert (
        held_status(held_clf(), catalog, BEFORE) == "held since 10 Jan 2024 · expires 10 Jan 2027"
    )
    assert held_status(held_clf(), catalog, AFTER) == "held since 10 Jan 2024 · expired 10 Jan 2027"
    assert held_status(held_clf(BY_SAA), catalog, BEFORE) == (
        "held since 10 Jan 2024 · renewed by SAA-C03 on 6 Jan 2027"
    )


def test_held_text_in_the_settings_list(catalog: Catalog) -> None:
    held = HeldCertification(certification_id=CLF, earned_on=date(2024, 1, 10))
    assert held_text(held, catalog, None) == "CLF-C02 Cloud Practitioner\nearned 10 Jan 2024"
    assert held_text(held, catalog, held_clf(BY_SAA)) == (
        "CLF-C02 Cloud Practitioner\nearned 10 Jan 2024 · renewed by SAA-C03 on 6 Jan 2027"
        " · expires 6 Jan 2030"
    )
    unknown = HeldCertification.model_construct(
        certification_id="gone", earned_on=date(2024, 1, 10)
    )
    assert held_text(unknown, catalog, None) == "gone\nearned 10 Jan 2024"


def test_holding_text_on_the_ladder() -> None:
    earned, until = date(2024, 1, 10), date(2027, 1, 10)
    assert holding_text(earned, until, until, (), expired=False) == (
        "Held since 10 Jan 2024 · valid until 10 Jan 2027"
    )
    assert holding_text(earned, until, until, (), expired=True) == (
        "Earned 10 Jan 2024 · expired 10 Jan 2027"
    )
    renewals = (("SAA-C03", date(2027, 1, 6), False), ("DVA-C02", date(2029, 3, 3), True))
    assert holding_text(earned, until, date(2032, 3, 3), renewals, expired=False) == (
        "Held since 10 Jan 2024 · valid until 10 Jan 2027<br>SAA-C03 on 6 Jan 2027 renews it"
        "<br>assumed: DVA-C02 on 3 Mar 2029 renews it: valid until 3 Mar 2032"
    )


def test_validity_line_of_the_command_line(catalog: Catalog) -> None:
    assert validity_line(held_clf(BY_SAA, BY_DVA_ASSUMED), catalog, BEFORE) == (
        "CLF-C02 earned 10 Jan 2024, renewed by SAA-C03 on 6 Jan 2027 and assumed: DVA-C02 on "
        "3 Mar 2029, expires 3 Mar 2032"
    )
    assert validity_line(PLANNED_SAA, catalog, BEFORE) == (
        "SAA-C03 if passed on 6 Jan 2027, expires 6 Jan 2030"
    )
    assert validity_line(held_clf(), catalog, AFTER) == (
        "CLF-C02 earned 10 Jan 2024, expired 10 Jan 2027"
    )


def test_expiry_lines_of_the_calendar(catalog: Catalog) -> None:
    assert expiry_lines(held_clf(BY_SAA), catalog) == [
        "AWS Certified Cloud Practitioner (CLF-C02) expires on 6 Jan 2030.",
        "Earned 10 Jan 2024",
        "Renewed by SAA-C03 on 6 Jan 2027",
    ]
    assert expiry_lines(PLANNED_SAA, catalog)[1] == "Earned on 6 Jan 2027 if the exam is passed"
