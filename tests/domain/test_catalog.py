"""The bundled catalog: complete per the seed guide, and a broken catalog is reported precisely."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.catalog import (
    Catalog,
    CatalogError,
    LifecycleStatus,
    Tier,
    load_catalog,
    parse_catalog,
)
from tests.domain.plans import catalog_document

# Every certification the seed guide names, with the tier it gives it.
SEED_CERTIFICATIONS = [
    ("Cloud Practitioner", Tier.FOUNDATIONAL),
    ("AI Practitioner", Tier.FOUNDATIONAL),
    ("Solutions Architect – Associate", Tier.ASSOCIATE),
    ("Developer – Associate", Tier.ASSOCIATE),
    ("SysOps Administrator – Associate", Tier.ASSOCIATE),
    ("Solutions Architect – Professional", Tier.PROFESSIONAL),
    ("DevOps Engineer – Professional", Tier.PROFESSIONAL),
    ("Advanced Networking – Specialty", Tier.SPECIALTY),
    ("Security – Specialty", Tier.SPECIALTY),
    ("Machine Learning – Specialty", Tier.SPECIALTY),
    ("Database – Specialty", Tier.SPECIALTY),
    ("Data Analytics – Specialty", Tier.SPECIALTY),
    ("SAP on AWS – Specialty", Tier.SPECIALTY),
]

# The current lineup the issue adds on top of the seed guide.
CURRENT_LINEUP = [
    ("Data Engineer – Associate", Tier.ASSOCIATE),
    ("Machine Learning Engineer – Associate", Tier.ASSOCIATE),
    ("CloudOps Engineer – Associate", Tier.ASSOCIATE),
    ("Generative AI Developer – Professional", Tier.PROFESSIONAL),
]

RETIRED_CODES = ["SOA-C02", "MLS-C01", "DBS-C01", "DAS-C01", "PAS-C01"]


def by_name(catalog: Catalog) -> dict[str, Any]:
    return {c.name: c for c in catalog}


@pytest.mark.parametrize(("name", "tier"), SEED_CERTIFICATIONS + CURRENT_LINEUP)
def test_every_named_certification_is_there_with_its_tier(
    catalog: Catalog, name: str, tier: Tier
) -> None:
    certs = by_name(catalog)
    assert name in certs, f"{name} is missing from the catalog"
    assert certs[name].tier is tier


@pytest.mark.parametrize("code", RETIRED_CODES)
def test_retired_exams_are_marked_retired_with_a_date(catalog: Catalog, code: str) -> None:
    cert = next(c for c in catalog if c.code == code)
    assert cert.lifecycle.status is LifecycleStatus.RETIRED
    assert cert.is_retired
    assert cert.lifecycle.ends_on is not None


def test_only_the_retired_exams_are_retired(catalog: Catalog) -> None:
    assert sorted(c.code for c in catalog if c.is_retired) == sorted(RETIRED_CODES)


def test_current_exam_versions_and_successors(catalog: Catalog) -> None:
    assert catalog.get("security-specialty").code == "SCS-C03"
    sysops = catalog.get("sysops-administrator-associate")
    assert sysops.lifecycle.replaced_by == "cloudops-engineer-associate"
    assert catalog.get("data-analytics-specialty").lifecycle.replaced_by == (
        "data-engineer-associate"
    )


def test_every_certification_has_the_facts_the_app_shows(catalog: Catalog) -> None:
    for cert in catalog:
        assert cert.validity_years == 3, cert.id
        assert cert.hours.low <= cert.hours.typical <= cert.hours.high, cert.id
        assert cert.exam.minutes > 0 and cert.exam.questions > 0, cert.id
        assert 100 <= cert.exam.passing_score <= 1000, cert.id
        assert cert.source and cert.as_of <= date(2030, 1, 1), cert.id
        assert cert.key_services, cert.id


def test_ids_are_slugs_not_exam_codes(catalog: Catalog) -> None:
    for cert in catalog:
        assert cert.id == cert.id.lower()
        assert cert.code.lower() not in cert.id


def test_by_tier_can_hide_retired(catalog: Catalog) -> None:
    specialties = catalog.by_tier(Tier.SPECIALTY)
    active = catalog.by_tier(Tier.SPECIALTY, include_retired=False)
    assert {c.code for c in specialties} - {c.code for c in active} == {
        "MLS-C01",
        "DBS-C01",
        "DAS-C01",
        "PAS-C01",
    }
    assert all(not c.is_retired for c in active)


def test_lookup_by_id(catalog: Catalog) -> None:
    assert "developer-associate" in catalog
    assert "DVA-C02" not in catalog
    assert catalog.get("developer-associate").code == "DVA-C02"
    with pytest.raises(KeyError):
        catalog.get("no-such-exam")


def test_retired_on_its_end_date_and_retiring_still_bookable_on_its_last_day() -> None:
    document = catalog_document()
    cert = document["certifications"][0]
    cert["lifecycle"] = {"status": "retiring", "ends_on": "2026-06-30"}
    retiring = parse_catalog(json.dumps(document), Path("c.json")).certifications[0]
    assert not retiring.retired_by(date(2026, 6, 30))
    assert retiring.retired_by(date(2026, 7, 1))

    cert["lifecycle"] = {"status": "retired", "ends_on": "2026-06-30"}
    retired = parse_catalog(json.dumps(document), Path("c.json")).certifications[0]
    assert not retired.retired_by(date(2026, 6, 29))
    assert retired.retired_by(date(2026, 6, 30))


# --- broken catalogs -----------------------------------------------------------------------


def write_catalog(folder: Path, document: Any) -> Path:
    path = folder / "certifications.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def cert_index(document: dict[str, Any], cert_id: str) -> int:
    return next(i for i, c in enumerate(document["certifications"]) if c["id"] == cert_id)


@pytest.mark.parametrize(
    ("field", "value", "field_name"),
    [
        ("hours", {"low": 80, "typical": "lots", "high": 160}, "hours.typical"),
        ("hours", {"low": 200, "typical": 110, "high": 160}, "hours"),
        ("tier", "expert", "tier"),
        ("code", "dva-c02", "code"),
        (
            "exam",
            {
                "minutes": 130,
                "questions": 65,
                "question_types": ["x"],
                "fee_usd": -5,
                "passing_score": 720,
            },
            "exam.fee_usd",
        ),
        ("lifecycle", {"status": "retired"}, "lifecycle"),
        ("as_of", "last spring", "as_of"),
        ("surprise", 1, "surprise"),
    ],
)
def test_a_broken_field_names_file_certification_and_field(
    tmp_path: Path, field: str, value: Any, field_name: str
) -> None:
    document = catalog_document()
    document["certifications"][cert_index(document, "developer-associate")][field] = value
    path = write_catalog(tmp_path, document)

    with pytest.raises(CatalogError) as caught:
        load_catalog(path)

    message = str(caught.value)
    assert str(path) in message
    assert "developer-associate" in message
    assert repr(field_name) in message
    assert caught.value.path == path


def test_a_missing_field_is_named(tmp_path: Path) -> None:
    document = catalog_document()
    del document["certifications"][cert_index(document, "security-specialty")]["name"]
    with pytest.raises(CatalogError, match=r"security-specialty.*'name'"):
        load_catalog(write_catalog(tmp_path, document))


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    document = catalog_document()
    twin = dict(document["certifications"][cert_index(document, "developer-associate")])
    twin["code"] = "DVA-C03"
    document["certifications"].append(twin)
    with pytest.raises(CatalogError, match="duplicate certification id 'developer-associate'"):
        load_catalog(write_catalog(tmp_path, document))


@pytest.mark.parametrize("field", ["recommended_prior", "next_steps"])
def test_a_dangling_reference_is_refused(tmp_path: Path, field: str) -> None:
    document = catalog_document()
    document["certifications"][cert_index(document, "developer-associate")][field] = [
        "quantum-associate"
    ]
    with pytest.raises(CatalogError, match=r"'developer-associate'.*'quantum-associate'"):
        load_catalog(write_catalog(tmp_path, document))


def test_a_dangling_successor_is_refused(tmp_path: Path) -> None:
    document = catalog_document()
    index = cert_index(document, "sysops-administrator-associate")
    document["certifications"][index]["lifecycle"]["replaced_by"] = "sysops-v9"
    with pytest.raises(CatalogError, match="'sysops-v9'"):
        load_catalog(write_catalog(tmp_path, document))


def test_a_catalog_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    document = catalog_document()
    document["schema_version"] = 99
    with pytest.raises(CatalogError, match="newer"):
        load_catalog(write_catalog(tmp_path, document))


@pytest.mark.parametrize(
    "content",
    [b'{"schema_version": 1, "certifications": [', b"\xff\xfe not text", b"[]", b""],
    ids=["truncated", "not-utf8", "a-list", "empty"],
)
def test_unreadable_catalog_files_name_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "certifications.json"
    path.write_bytes(content)
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(path) in str(caught.value)


def test_a_missing_catalog_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot be read"):
        load_catalog(tmp_path / "nowhere.json")


def test_the_audit_corrections_are_in_the_bundled_catalog(catalog: Catalog) -> None:
    """catalog-audit-2026-11: each figure below carries its source in the entry."""
    for cert_id in ("security-specialty", "generative-ai-developer-professional"):
        types = catalog.get(cert_id).exam.question_types
        assert {"ordering", "matching"} <= set(types), cert_id
    aip = catalog.get("generative-ai-developer-professional")
    assert aip.lifecycle.since == date(2026, 4, 14)
    assert "2026-04-14" in aip.source
    mls = catalog.get("machine-learning-specialty")
    assert mls.lifecycle.ends_on == date(2026, 4, 1)  # last test day 2026-03-31, as SOA-C02
    assert mls.lifecycle.replaced_by == "machine-learning-engineer-associate"
    dea = catalog.get("data-engineer-associate")
    assert "2–3 years of data engineering" in dea.recommended_experience
    assert "1–2 years hands-on with AWS" in dea.recommended_experience
    assert "3–5 years" in catalog.get("security-specialty").recommended_experience
    assert (
        "5+ years of networking"
        in catalog.get("advanced-networking-specialty").recommended_experience
    )
    soa = catalog.get("cloudops-engineer-associate")
    assert (soa.exam.minutes, soa.exam.questions) == (130, 65)
    assert "uncertain" not in soa.source.lower()
    assert (
        "advanced-networking-specialty" in catalog.get("solutions-architect-associate").next_steps
    )


def test_every_certification_says_what_experience_it_recommends(catalog: Catalog) -> None:
    """The figures the advice checks match the text the details pane shows."""
    for cert in catalog:
        assert cert.expected_aws_years is not None, cert.id
        wanted = cert.expected_field_years
        if wanted is not None:
            assert f"{wanted.years:g}" in cert.recommended_experience, cert.id
