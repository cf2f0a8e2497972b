"""A plan's dates and an exam's fee are said once, in the wording layer: checked here against
text worked out by hand (the exam panel, the settings panel, the timeline, the report)."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.budget import EntryCost
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import Blackout, EntryStatus, HeldCertification
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.wording_budget import entry_fee_text, fee_cell
from studyplanner.domain.wording_schedule import (
    blackout_entry,
    blackout_note,
    blackout_tip,
    schedule_text,
    study_line,
)
from tests.domain.plans import entry, plan

DVA = "developer-associate"
SAA = "solutions-architect-associate"
CLF = "cloud-practitioner"

DEC_1, FEB_27, MAR_3 = date(2026, 12, 1), date(2027, 2, 27), date(2027, 3, 3)


def test_an_exams_dates_in_one_line() -> None:
    planned = EntryStatus.PLANNED
    assert schedule_text(planned, DEC_1, FEB_27, MAR_3, False) == (
        "Study 1 Dec 2026 – 27 Feb 2027, exam 3 Mar 2027"
    )
    assert schedule_text(planned, None, None, MAR_3, False) == (
        "Nothing left to study, exam 3 Mar 2027"
    )
    assert schedule_text(planned, None, None, None, False) == "No dates yet"
    assert schedule_text(EntryStatus.PASSED, None, None, MAR_3, False) == "Passed on 3 Mar 2027"
    assert schedule_text(EntryStatus.PASSED, None, None, None, False) == "Passed"
    assert schedule_text(planned, DEC_1, FEB_27, MAR_3, True) == (
        "Study 1 Dec 2026 – 27 Feb 2027, exam 3 Mar 2027 (the pinned date cannot be reached)"
    )
    assert schedule_text(planned, DEC_1, FEB_27, MAR_3, True, date(2026, 11, 2)) == (
        "Study 1 Dec 2026 – 27 Feb 2027, exam 3 Mar 2027 (the pinned date, 2 Nov 2026, is in "
        "the past)"
    )
    assert study_line(DEC_1, FEB_27) == "Study 1 Dec 2026 – 27 Feb 2027"


def test_periods_without_study() -> None:
    holidays = Blackout(start=date(2026, 12, 24), end=date(2026, 12, 31), label="Holidays")
    one_day = Blackout(start=date(2027, 1, 4), end=date(2027, 1, 4))
    assert blackout_entry(holidays) == "24 Dec 2026 – 31 Dec 2026  Holidays"
    assert blackout_entry(one_day) == "4 Jan 2027"
    assert blackout_note(holidays.start, holidays.end, "Holidays") == (
        "24 Dec 2026 – 31 Dec 2026 (Holidays)"
    )
    assert blackout_note(one_day.start, one_day.end, "") == "4 Jan 2027"
    assert blackout_tip(holidays) == "Holidays: 24 Dec 2026 – 31 Dec 2026"
    assert blackout_tip(one_day) == "No study: 4 Jan 2027"


def test_what_one_exam_costs_the_plan(catalog: Catalog) -> None:
    dva = entry(DVA)
    saa = entry(SAA)
    study_plan = plan(dva, saa)
    study_plan.held = [HeldCertification(certification_id=CLF, earned_on=date(2024, 1, 10))]
    cert = catalog.get(SAA)  # a $150 exam
    full = EntryCost(saa.id, 150, 150, None, False)
    from_pass = EntryCost(saa.id, 150, 75, dva.id, False)
    from_held = EntryCost(saa.id, 150, 75, None, False, voucher_from_held=CLF)
    sponsored = EntryCost(saa.id, 150, 0, None, True)
    assert entry_fee_text(saa, cert, None, study_plan, catalog) == "$150 list"
    assert entry_fee_text(saa, cert, full, study_plan, catalog) == (
        "$150 list · full price (no voucher from an earlier pass)"
    )
    assert entry_fee_text(saa, cert, from_pass, study_plan, catalog) == (
        "$150 list · $75 with a voucher from DVA-C02"
    )
    assert entry_fee_text(saa, cert, from_held, study_plan, catalog) == (
        "$150 list · $75 with a voucher from CLF-C02 (held)"
    )
    paid = saa.model_copy(update={"paid_by_other": True})
    assert entry_fee_text(paid, cert, sponsored, study_plan, catalog) == (
        "$150 list · paid by someone else"
    )
    passed = saa.model_copy(update={"status": EntryStatus.PASSED, "passed_on": date(2026, 1, 5)})
    assert entry_fee_text(passed, cert, None, study_plan, catalog) == "$150 · already paid"

    item = schedule_plan(study_plan, catalog).for_entry(saa.id)
    assert fee_cell(item, None) == "$150"
    assert fee_cell(item, full) == "$150"
    assert fee_cell(item, from_pass) == "$75 (voucher)"
    assert fee_cell(item, from_held) == "$75 (voucher)"
    assert fee_cell(item, sponsored) == "$0 (sponsored)"
