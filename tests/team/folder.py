"""The team folder the team tests share: five plan files (one damaged, one from a newer
StudyPlanner) and three targets, with every number worked out by hand in the tests.

Today is Monday 7 Dec 2026. Everyone studies 10 h a week, 2 h each weekday.

- Ana (owner "Ana Silva", team Platform; ``platform/ana.json``): holds CLF-C02 since 15 Jan 2025
  (to 15 Jan 2028). Plans SAA-C03 (40 h) with the exam on 1 Mar 2027, starting today: nothing
  planned before today, so on pace; the exam is months away, so readiness does not count yet.
  Her own fee for it is 140 EUR. The SAA-C03 pass renews her CLF-C02 to 1 Mar 2030.
- Ben (owner "Ben Okafor"; ``ben.json``): started 2 Nov 2026 and logged nothing. Plans SAA-C03
  (60 h, exam 15 Feb 2027) then SCS-C03 (50 h, exam 1 Jun 2027). Laid out from his start, SAA's
  60 h began on 2 Nov: the five weeks to yesterday put 50 h before today, so SAA-C03 is 5 weeks
  behind; SCS-C03's study lies after SAA's, so none of it was due yet.
- cy (no owner: named by the file; ``cy.json``): holds DVA-C02 since 1 Feb 2024 (to 1 Feb 2027)
  and renews it with the DVA-C02 exam on 15 Dec 2026 (8 days away), 10 h, the company paying;
  practice scores 70 % then 85 %: not ready (the last two must reach 80 %).
- ``old/broken.json``: cut off mid-file (damaged). ``future.json``: plan format 99 (newer).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from studyplanner.domain.plan import (
    HeldCertification,
    Owner,
    OwnFee,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.storage.plan_files import plan_to_json

TODAY = date(2026, 12, 7)
TEN_A_WEEK = WeeklyAvailability(hours_per_weekday=[2, 2, 2, 2, 2, 0, 0])

TARGETS = {
    "name": "Platform team",
    "targets": [
        {"by": "2027-06-30", "count": 2, "tier": "associate"},
        {"by": "2027-12-31", "count": 1, "certification": "security-specialty"},
        {"by": "2027-12-31", "count": 3, "tier": "foundational"},
    ],
}


def held(cert_id: str, earned_on: date) -> HeldCertification:
    return HeldCertification(certification_id=cert_id, earned_on=earned_on)


def ana() -> StudyPlan:
    return StudyPlan(
        name="Ana's path",
        start_date=TODAY,
        owner=Owner(name="Ana Silva", team="Platform"),
        availability=TEN_A_WEEK,
        held=[held("cloud-practitioner", date(2025, 1, 15))],
        entries=[
            PlanEntry(
                certification_id="solutions-architect-associate",
                hours_override=40,
                pinned_exam_date=date(2027, 3, 1),
                own_fee=OwnFee(amount=140, currency="EUR"),
            )
        ],
    )


def ben() -> StudyPlan:
    return StudyPlan(
        name="Ben's plan",
        start_date=date(2026, 11, 2),
        owner=Owner(name="Ben Okafor"),
        availability=TEN_A_WEEK,
        entries=[
            PlanEntry(
                certification_id="solutions-architect-associate",
                hours_override=60,
                pinned_exam_date=date(2027, 2, 15),
            ),
            PlanEntry(
                certification_id="security-specialty",
                hours_override=50,
                pinned_exam_date=date(2027, 6, 1),
            ),
        ],
    )


def cy() -> StudyPlan:
    return StudyPlan(
        name="Recertification",
        start_date=TODAY,
        availability=TEN_A_WEEK,
        held=[held("developer-associate", date(2024, 2, 1))],
        entries=[
            PlanEntry(
                certification_id="developer-associate",
                hours_override=10,
                pinned_exam_date=date(2026, 12, 15),
                paid_by_other=True,
                scores=[
                    PracticeScore(on=date(2026, 11, 20), percent=70),
                    PracticeScore(on=date(2026, 12, 1), percent=85),
                ],
            )
        ],
    )


def write_team_folder(folder: Path, *, targets: bool = True) -> Path:
    """The five files (and ``team.json`` when ``targets``) in ``folder``."""
    (folder / "platform").mkdir(parents=True)
    (folder / "old").mkdir()
    (folder / "platform" / "ana.json").write_text(plan_to_json(ana()), encoding="utf-8")
    (folder / "ben.json").write_text(plan_to_json(ben()), encoding="utf-8")
    (folder / "cy.json").write_text(plan_to_json(cy()), encoding="utf-8")
    whole = plan_to_json(ben())
    (folder / "old" / "broken.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    newer = json.loads(plan_to_json(ben()))
    newer["schema_version"] = 99
    (folder / "future.json").write_text(json.dumps(newer), encoding="utf-8")
    if targets:
        (folder / "team.json").write_text(json.dumps(TARGETS, indent=2), encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` (hidden ones too): its bytes and modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
