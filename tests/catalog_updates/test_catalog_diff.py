"""The diff of two catalogs and what it does to a plan, worked out by hand: one exam retired,
one fee changed, one new exam version."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.catalog_diff import (
    ChangeKind,
    ImpactKind,
    describe_change,
    diff_catalogs,
    plan_impacts,
)
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import catalog_document, entry, plan

TODAY = date(2026, 12, 7)


def _cert(document: dict[str, Any], cert_id: str) -> dict[str, Any]:
    return next(c for c in document["certifications"] if c["id"] == cert_id)


@pytest.fixture
def catalogs() -> tuple[Catalog, Catalog]:
    old = catalog_document()
    new = catalog_document()
    new["catalog_version"] = "2026.12.20"
    dop = _cert(new, "devops-engineer-professional")
    dop["lifecycle"] = {
        "status": "retiring",
        "since": None,
        "ends_on": "2027-06-30",
        "replaced_by": "solutions-architect-professional",
    }
    _cert(new, "solutions-architect-associate")["exam"]["fee_usd"] = 165
    dva = _cert(new, "developer-associate")
    dva["code"], dva["previous_codes"] = "DVA-C03", [*dva["previous_codes"], "DVA-C02"]
    dva["lifecycle"]["since"] = "2027-03-01"
    return Catalog.model_validate(old), Catalog.model_validate(new)


def test_the_changes_are_exactly_those_made_grouped_by_kind(
    catalogs: tuple[Catalog, Catalog],
) -> None:
    old, new = catalogs
    changes = [(c.kind, c.id, c.code, c.field, c.old, c.new) for c in diff_catalogs(old, new)]
    retired = changes[0]
    assert retired[:4] == (
        ChangeKind.RETIRED,
        "devops-engineer-professional",
        "DOP-C02",
        "lifecycle",
    )
    assert changes[1:] == [
        (ChangeKind.NEW_VERSION, "developer-associate", "DVA-C03", "code", "DVA-C02", "DVA-C03"),
        (
            ChangeKind.EXAM_FACTS,
            "solutions-architect-associate",
            "SAA-C03",
            "exam.fee_usd",
            150,
            165,
        ),
    ]
    lines = [describe_change(c, new) for c in diff_catalogs(old, new)]
    assert lines == [
        "DOP-C02: retiring, last day 30 Jun 2027; replaced by SAP-C02",
        "DVA-C02 becomes DVA-C03 from 1 Mar 2027",
        "SAA-C03: fee $150 → $165",
    ]


def test_an_added_and_a_dropped_certification_are_their_own_groups() -> None:
    old = catalog_document()
    new = catalog_document()
    added = dict(_cert(new, "data-engineer-associate"), id="platform-associate", code="PLA-C01")
    new["certifications"].append(added)
    new["certifications"] = [c for c in new["certifications"] if c["id"] != "database-specialty"]
    changes = diff_catalogs(Catalog.model_validate(old), Catalog.model_validate(new))
    assert [(c.kind, c.id) for c in changes] == [
        (ChangeKind.ADDED, "platform-associate"),
        (ChangeKind.REMOVED, "database-specialty"),
    ]


def test_the_same_catalog_changes_nothing(catalogs: tuple[Catalog, Catalog]) -> None:
    old, _new = catalogs
    assert diff_catalogs(old, old) == []


def test_what_the_update_does_to_a_plan(catalogs: tuple[Catalog, Catalog]) -> None:
    old, new = catalogs
    mine = plan(
        entry("developer-associate", pinned=date(2027, 4, 1)),
        entry("solutions-architect-associate", pinned=date(2027, 6, 1)),
        entry("devops-engineer-professional", pinned=date(2027, 9, 1)),
        start=TODAY,
    )
    schedule = schedule_plan(mine, old, today=TODAY)

    impacts = plan_impacts("Mine", schedule, old, new, TODAY)

    assert [(i.certification_id, i.kind, i.message, i.replacement) for i in impacts] == [
        (
            "developer-associate",
            ImpactKind.NEW_VERSION_BEFORE_EXAM,
            "your exam on 1 Apr 2027 will be DVA-C03",
            None,
        ),
        (
            "solutions-architect-associate",
            ImpactKind.FEE,
            "SAA-C03: the budget's fee goes from $150 to $165",
            None,
        ),
        (
            "devops-engineer-professional",
            ImpactKind.RETIRED_BEFORE_EXAM,
            "DOP-C02 retires before your exam on 1 Sep 2027; plan SAP-C02 instead",
            "solutions-architect-professional",
        ),
    ]


def test_an_exam_before_the_new_version_starts_keeps_its_code(
    catalogs: tuple[Catalog, Catalog],
) -> None:
    old, new = catalogs
    mine = plan(entry("developer-associate", pinned=date(2027, 2, 1)), start=TODAY)
    impacts = plan_impacts("Mine", schedule_plan(mine, old, today=TODAY), old, new, TODAY)
    assert [i.message for i in impacts] == [
        "your exam on 1 Feb 2027 is still DVA-C02; DVA-C03 starts on 1 Mar 2027"
    ]


def test_a_plan_the_update_does_not_touch_has_no_impacts(
    catalogs: tuple[Catalog, Catalog],
) -> None:
    old, new = catalogs
    mine = plan(entry("cloud-practitioner", pinned=date(2027, 2, 1)), start=TODAY)
    assert plan_impacts("Mine", schedule_plan(mine, old, today=TODAY), old, new, TODAY) == []
