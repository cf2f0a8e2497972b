"""Issue 11 on the command line: `show --json` lists each certification's expiry and renewal
and the plan's three fee figures; `show` prints them as sentences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.cli import main
from studyplanner.domain.budget import plan_budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    EntryStatus,
    HeldCertification,
    PlanEntry,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.wording import format_day
from studyplanner.storage.plan_files import save_plan
from tests.export.plans import renewal_plan

TODAY = "2026-09-07"
"""The renewal plan's first day (from later days on, its exams are re-planned from then)."""
SAA, DVA = "a" * 32, "b" * 32


def show(
    capsys: pytest.CaptureFixture[str], plan: StudyPlan, tmp_path: Path, today: str = TODAY
) -> str:
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    code = main(["--today", today, "show", str(path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def show_json(
    capsys: pytest.CaptureFixture[str], plan: StudyPlan, tmp_path: Path, today: str = TODAY
) -> Any:
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    assert main(["--today", today, "show", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


def brief(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The expiry rows without their renewal options (checked on their own)."""
    return [{k: v for k, v in row.items() if k != "renewal_options"} for row in rows]


def test_an_associate_exam_before_the_expiry_renews_the_held_cloud_practitioner(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shown = show_json(capsys, renewal_plan(associate_on=date(2027, 1, 6)), tmp_path)

    dva_exam = date.fromisoformat(
        next(e["exam_date"] for e in shown["entries"] if e["entry_id"] == DVA)
    )
    assert dva_exam.year == 2027
    # Both Associate exams renew it while it is still valid; the expiry comes from the later.
    nothing = {"renewed_by": None, "renewed_by_code": None, "renewed_on": None}
    assert brief(shown["expiries"]) == [
        {
            "entry": None,
            "code": "CLF-C02",
            "earned": "2024-01-10",
            "expires": dva_exam.replace(year=2030).isoformat(),
            "renewed_by": DVA,
            "renewed_by_code": "DVA-C02",
            "renewed_on": dva_exam.isoformat(),
            "renewal_assumed": False,
        },
        {
            "entry": SAA,
            "code": "SAA-C03",
            "earned": "2027-01-06",
            "expires": "2030-01-06",
            **nothing,
            "renewal_assumed": None,
        },
        {
            "entry": DVA,
            "code": "DVA-C02",
            "earned": dva_exam.isoformat(),
            "expires": dva_exam.replace(year=2030).isoformat(),
            **nothing,
            "renewal_assumed": None,
        },
    ]
    # Cloud Practitioner's cheapest renewal is the free Cloud Quest game, no exam.
    options = shown["expiries"][0]["renewal_options"]
    assert options[0] == {
        "kind": "training",
        "code": None,
        "name": "AWS Cloud Quest: Recertify Cloud Practitioner",
        "cost_usd": 0,
        "hours": 8,
        "extends_years": 3,
        "assumed": False,
    }
    assert [o["cost_usd"] for o in options[:3]] == [0, 100, 150]
    # Solutions Architect – Associate: its own exam ($150) before the Professional ($300),
    # then the one-year maintain option, price unpublished, assumed.
    assert [
        (o["code"], o["cost_usd"], o["assumed"]) for o in shown["expiries"][1]["renewal_options"]
    ] == [
        ("SAA-C03", 150, False),
        ("SAP-C02", 300, False),
        (None, None, True),
    ]


def test_an_associate_exam_after_the_expiry_comes_too_late_to_renew_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Seen from more than 180 days before the expiry, so the warning is about the plan.
    shown = show_json(
        capsys, renewal_plan(associate_on=date(2027, 2, 1)), tmp_path, today="2026-06-01"
    )

    (held,) = brief(shown["expiries"][:1])
    assert held == {
        "entry": None,
        "code": "CLF-C02",
        "earned": "2024-01-10",
        "expires": "2027-01-10",
        "renewed_by": None,
        "renewed_by_code": None,
        "renewed_on": None,
        "renewal_assumed": None,
    }
    codes = {w["code"] for w in shown["warnings"]}
    assert "expires-during-plan" in codes


def test_budget_gives_list_price_voucher_price_and_worst_case_as_integers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    """The issue's example: Developer, then Solutions Architect, then DevOps Professional."""
    plan = StudyPlan(
        name="Three exams",
        start_date=date(2026, 11, 2),
        availability=WeeklyAvailability.spread(10),
        entries=[
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )
    shown = show_json(capsys, plan, tmp_path)

    worst = plan_budget(schedule_plan(plan, catalog)).worst_case_usd
    dollars = {"list_usd": 600, "with_vouchers_usd": 375, "worst_case_usd": worst}
    assert shown["budget"] == {
        **dollars,
        "list": [{"amount": 600, "currency": "USD"}],
        "with_vouchers": [{"amount": 375, "currency": "USD"}],
        "worst_case": [{"amount": worst, "currency": "USD"}],
    }
    assert all(type(shown["budget"][key]) is int for key in dollars)
    assert worst > 375
    assert [e["paid_usd"] for e in shown["entries"]] == [150, 75, 150]
    assert shown["entries"][1]["voucher_from"] == shown["entries"][0]["entry_id"]


def test_an_exam_paid_by_someone_else_costs_the_plan_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = renewal_plan()
    plan.entries[1] = plan.entries[1].model_copy(update={"paid_by_other": True})
    shown = show_json(capsys, plan, tmp_path)

    dva = next(e for e in shown["entries"] if e["entry_id"] == DVA)
    assert (dva["paid_usd"], dva["paid_by_other"], dva["voucher_from"]) == (0, True, None)
    assert shown["budget"]["with_vouchers_usd"] == 150


def test_a_passed_exam_is_held_from_its_pass_and_costs_nothing_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = renewal_plan()
    plan.held = []
    plan.entries.insert(
        0,
        PlanEntry(
            id="c" * 32,
            certification_id="cloud-practitioner",
            status=EntryStatus.PASSED,
            passed_on=date(2025, 3, 3),
        ),
    )
    shown = show_json(capsys, plan, tmp_path)

    dva_exam = shown["entries"][2]["exam_date"]
    assert brief(shown["expiries"])[0] == {
        "entry": "c" * 32,
        "code": "CLF-C02",
        "earned": "2025-03-03",
        "expires": "2030" + dva_exam[4:],
        "renewed_by": DVA,
        "renewed_by_code": "DVA-C02",
        "renewed_on": dva_exam,
        "renewal_assumed": False,
    }
    assert shown["entries"][0]["paid_usd"] == 0
    assert shown["budget"]["list_usd"] == 300


def test_show_prints_expiries_and_fees_as_sentences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    plan = renewal_plan()
    out = show(capsys, plan, tmp_path)

    schedule = schedule_plan(plan, catalog)
    budget = plan_budget(schedule)
    dva = format_day(schedule.entries[1].exam_date)
    lines = out.splitlines()
    assert (
        "  Valid: CLF-C02 earned 10 Jan 2024, renewed by SAA-C03 on 6 Jan 2027 and DVA-C02 on "
        f"{dva}, expires {dva[:-4]}2030"
    ) in lines
    assert "  Valid: SAA-C03 if passed on 6 Jan 2027, expires 6 Jan 2030" in lines
    assert (
        f"  Fees: ${budget.list_usd:,} list · ${budget.with_vouchers_usd:,} with vouchers · "
        f"${budget.worst_case_usd:,} worst case"
    ) in lines
    total = next(n for n, line in enumerate(lines) if line.startswith("  Total "))
    assert lines[total + 1].startswith("  Valid: CLF-C02")  # right under the totals


def test_show_says_expired_for_an_expiry_before_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = show(capsys, renewal_plan(associate_on=date(2027, 2, 1)), tmp_path, "2027-03-01")

    assert "  Valid: CLF-C02 earned 10 Jan 2024, expired 10 Jan 2027" in out.splitlines()


def test_an_assumed_renewal_says_so_in_show_show_json_and_the_calendar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Developer – Associate held, DevOps Engineer – Professional planned: that DOP renews DVA
    rests on a first-hand report, not on AWS text, so every surface says 'assumed'."""
    plan = StudyPlan(
        name="Pro",
        start_date=date(2026, 9, 7),
        availability=WeeklyAvailability.spread(10),
        entries=[
            PlanEntry(
                id="d" * 32,
                certification_id="devops-engineer-professional",
                hours_override=20,
            )
        ],
    )
    plan.held = [
        HeldCertification(certification_id="developer-associate", earned_on=date(2025, 1, 6))
    ]
    shown = show_json(capsys, plan, tmp_path)
    held = shown["expiries"][0]
    assert (held["renewed_by"], held["renewed_by_code"], held["renewal_assumed"]) == (
        "d" * 32,
        "DOP-C02",
        True,
    )
    (note,) = [w for w in shown["warnings"] if w["code"] == "renewed-by"]
    assert note["message"].startswith("assumed: DOP-C02 renews Developer – Associate on ")

    out = show(capsys, plan, tmp_path)
    assert "  Valid: DVA-C02 earned 6 Jan 2025, renewed by assumed: DOP-C02 on " in out

    ics = tmp_path / "plan.ics"
    assert main(["--today", TODAY, "export-ics", str(tmp_path / "plan.json"), "-o", str(ics)]) == 0
    capsys.readouterr()
    text = ics.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "assumed: Renewed by DOP-C02 on " in text
