"""The diff of two catalogs and what it does to a plan, worked out by hand: one exam retired,
one fee changed, one new exam version."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from studyplanner.domain.budget import plan_budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.catalog_diff import (
    ChangeKind,
    ImpactKind,
    describe_change,
    diff_catalogs,
    plan_impacts,
)
from studyplanner.domain.plan import OwnFee
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


def test_an_own_fee_is_kept_when_the_list_price_changes(
    catalogs: tuple[Catalog, Catalog],
) -> None:
    """Item 6: the learner's own fee lives in the plan; an update changes the list price
    beside it, never the fee the budget counts."""
    old, new = catalogs
    saa = entry("solutions-architect-associate", pinned=date(2027, 6, 1))
    saa.own_fee = OwnFee(amount=189.5, currency="EUR")
    mine = plan(saa, start=TODAY)
    impacts = plan_impacts("Mine", schedule_plan(mine, old, today=TODAY), old, new, TODAY)
    assert [(i.kind, i.message) for i in impacts] == [
        (ImpactKind.FEE, "SAA-C03: list price $150 → $165; the budget keeps your fee, 189.50 EUR")
    ]
    after = plan_budget(schedule_plan(mine, new, today=TODAY))
    assert after.list_price.pairs == [(189.5, "EUR")]


def test_a_plan_the_update_does_not_touch_has_no_impacts(
    catalogs: tuple[Catalog, Catalog],
) -> None:
    old, new = catalogs
    mine = plan(entry("cloud-practitioner", pinned=date(2027, 2, 1)), start=TODAY)
    assert plan_impacts("Mine", schedule_plan(mine, old, today=TODAY), old, new, TODAY) == []


def test_exam_domains_changed_are_their_own_group_in_words_for_people() -> None:
    """Worked by hand from the bundled guides: CLF-C02 moves 10 % of domain 3 into a new fifth
    domain; AIF-C01 drops "Responsible AI", so its domain 5 becomes domain 4 and takes its 14 %;
    SAA-C03 moves 2 % from domain 4 to domain 2; DVA-C02 renames domain 3. The guides were read
    again (a new source and day): wording, said readably."""
    old, new = catalog_document(), catalog_document()
    _cert(old, "solutions-architect-associate")["domains_as_of"] = "2026-11-02"
    _cert(old, "solutions-architect-associate")["domains_source"] = "AWS exam guide SAA-C03 v1.0"
    _cert(new, "solutions-architect-associate")["domains_source"] = "AWS exam guide SAA-C03 v1.1"
    clf = _cert(new, "cloud-practitioner")["domains"]
    clf[2]["weight"] = 24
    clf.append({"number": 5, "name": "Sustainability", "weight": 10})
    aif = _cert(new, "ai-practitioner")["domains"]
    assert aif[3]["name"] == "Guidelines for Responsible AI"
    del aif[3]
    aif[3].update(number=4, weight=28)
    saa = _cert(new, "solutions-architect-associate")["domains"]
    saa[1]["weight"], saa[3]["weight"] = 28, 18
    _cert(new, "developer-associate")["domains"][2]["name"] = "Deployment and Delivery"
    before, after = Catalog.model_validate(old), Catalog.model_validate(new)

    changes = diff_catalogs(before, after)
    assert [(c.kind, c.code) for c in changes] == [
        *[(ChangeKind.DOMAINS, "CLF-C02")] * 2,
        *[(ChangeKind.DOMAINS, "AIF-C01")] * 2,
        *[(ChangeKind.DOMAINS, "SAA-C03")] * 2,
        (ChangeKind.DOMAINS, "DVA-C02"),
        *[(ChangeKind.WORDING, "SAA-C03")] * 2,
    ]
    assert [describe_change(c, after) for c in changes] == [
        "CLF-C02: domain 3 Cloud Technology and Services 34 % → 24 %",
        "CLF-C02: domain 5 Sustainability (10 %) added",
        "AIF-C01: domain 5 Security, Compliance, and Governance for AI Solutions, "
        "now domain 4, 14 % → 28 %",
        "AIF-C01: domain 4 Guidelines for Responsible AI (14 %) dropped",
        "SAA-C03: domain 2 Design Resilient Architectures 26 % → 28 %",
        "SAA-C03: domain 4 Design Cost-Optimized Architectures 20 % → 18 %",
        "DVA-C02: domain 3 Deployment renamed Deployment and Delivery",
        "SAA-C03: domains read on 2 Nov 2026 → 7 Dec 2026",
        "SAA-C03: where the domains were read: AWS exam guide SAA-C03 v1.0 → "
        "AWS exam guide SAA-C03 v1.1",
    ]
    assert changes[4].as_json() == {
        "kind": "domains",
        "id": "solutions-architect-associate",
        "code": "SAA-C03",
        "field": "domains",
        "old": {"number": 2, "name": "Design Resilient Architectures", "weight": 26},
        "new": {"number": 2, "name": "Design Resilient Architectures", "weight": 28},
    }
    assert changes[3].new is None and changes[1].old is None
