"""Exam domains in the catalog: every exam a learner can still book says what it is made of,
in the exam guide's order and weights, and a domain list that cannot be right is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.catalog import Catalog, CatalogError, load_catalog, parse_catalog
from tests.domain.plans import catalog_document


def active(catalog: Catalog) -> list[str]:
    return [c.id for c in catalog if not c.is_retired]


def test_twelve_exams_can_be_booked(catalog: Catalog) -> None:
    assert len(active(catalog)) == 12


def test_every_bookable_exam_lists_its_domains_adding_up_to_100(catalog: Catalog) -> None:
    for cert_id in active(catalog):
        cert = catalog.get(cert_id)
        assert len(cert.domains) >= 4, cert.code
        assert sum(d.weight for d in cert.domains) == 100, cert.code
        assert [d.number for d in cert.domains] == list(range(1, len(cert.domains) + 1))
        # Where and when the figures were read, so a learner can judge them.
        assert "aws-certification/latest/" in cert.domains_source or ".pdf" in (
            cert.domains_source
        ), cert.code
        assert cert.domains_as_of is not None, cert.code


def test_solutions_architect_associate_reads_as_its_guide(catalog: Catalog) -> None:
    domains = catalog.get("solutions-architect-associate").domains
    assert [(d.number, d.name, d.weight) for d in domains] == [
        (1, "Design Secure Architectures", 30),
        (2, "Design Resilient Architectures", 26),
        (3, "Design High-Performing Architectures", 24),
        (4, "Design Cost-Optimized Architectures", 20),
    ]


def test_no_bundled_weights_are_assumed(catalog: Catalog) -> None:
    # Every active exam's weights were found in a source; an assumed list must say so.
    assert [c.code for c in catalog if c.domains_assumed] == []


def test_a_catalog_without_domains_still_loads() -> None:
    document = catalog_document()
    for cert in document["certifications"]:
        for key in ("domains", "domains_source", "domains_as_of"):
            cert.pop(key, None)
    catalog = parse_catalog(json.dumps(document), Path("old.json"))
    assert all(c.domains == [] for c in catalog)


# --- domain lists that cannot be right -------------------------------------------------------


def with_domains(tmp_path: Path, domains: list[dict[str, Any]], **extra: Any) -> Path:
    document = catalog_document()
    cert = next(c for c in document["certifications"] if c["id"] == "developer-associate")
    cert["domains"] = domains
    cert.update(extra)
    path = tmp_path / "certifications.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def domain(number: int, name: str, weight: int) -> dict[str, Any]:
    return {"number": number, "name": name, "weight": weight}


def refusal(path: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    message = str(caught.value)
    # Which file, which certification and which field, as for any broken catalog.
    assert str(path) in message and "developer-associate" in message
    return message


def test_weights_that_do_not_add_up_to_100_are_refused(tmp_path: Path) -> None:
    path = with_domains(
        tmp_path,
        [domain(1, "Development", 32), domain(2, "Security", 26), domain(3, "Deployment", 41)],
    )
    message = refusal(path)
    assert "'domains'" in message
    assert "domain weights must add up to 100 %, not 99 %" in message


def test_a_duplicate_domain_number_is_refused(tmp_path: Path) -> None:
    path = with_domains(
        tmp_path,
        [domain(1, "Development", 50), domain(1, "Security", 30), domain(3, "Deployment", 20)],
    )
    message = refusal(path)
    assert "domains must be numbered 1 to 3 in exam-guide order, each once" in message
    assert "(they are numbered 1, 1, 3)" in message


def test_domains_out_of_guide_order_are_refused(tmp_path: Path) -> None:
    path = with_domains(tmp_path, [domain(2, "Security", 40), domain(1, "Development", 60)])
    assert "numbered 1 to 2 in exam-guide order" in refusal(path)


@pytest.mark.parametrize("name", ["", "   "])
def test_a_domain_without_a_name_is_refused(tmp_path: Path, name: str) -> None:
    path = with_domains(tmp_path, [domain(1, name, 60), domain(2, "Security", 40)])
    assert "'domains.0.name'" in refusal(path)


def test_the_same_domain_twice_is_refused(tmp_path: Path) -> None:
    path = with_domains(tmp_path, [domain(1, "Security", 60), domain(2, "security", 40)])
    assert "two domains have the same name" in refusal(path)


@pytest.mark.parametrize("weight", [0, -5, 101])
def test_a_weight_outside_a_percentage_is_refused(tmp_path: Path, weight: int) -> None:
    path = with_domains(tmp_path, [domain(1, "Development", weight), domain(2, "Security", 40)])
    assert "'domains.0.weight'" in refusal(path)


def test_domains_without_their_source_are_refused(tmp_path: Path) -> None:
    path = with_domains(
        tmp_path,
        [domain(1, "Development", 60), domain(2, "Security", 40)],
        domains_source="",
    )
    assert "need 'domains_source' and 'domains_as_of'" in refusal(path)
