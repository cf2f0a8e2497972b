"""A catalog update that changes an exam's languages is shown in a group of its own, in the
languages' names: which were added, which dropped, and whether the list is assumed."""

from __future__ import annotations

from typing import Any

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.catalog_diff import ChangeKind, describe_change, diff_catalogs
from tests.domain.plans import catalog_document


def _cert(document: dict[str, Any], cert_id: str) -> dict[str, Any]:
    return next(c for c in document["certifications"] if c["id"] == cert_id)


def _diff(**fields: Any) -> tuple[list[str], list[ChangeKind], Catalog]:
    old, new = catalog_document(), catalog_document()
    _cert(new, "security-specialty").update(fields)
    before, after = Catalog.model_validate(old), Catalog.model_validate(new)
    changes = diff_catalogs(before, after)
    return [describe_change(c, after) for c in changes], [c.kind for c in changes], after


def test_languages_added_and_dropped_are_named() -> None:
    lines, kinds, _ = _diff(exam_languages=["en", "ja", "zh-Hans", "pt-BR", "es-419"])
    assert kinds == [ChangeKind.LANGUAGES]
    assert lines == [
        "SCS-C03: now also in Portuguese (Brazil) and Spanish (Latin America); no longer in Korean"
    ]
    assert ChangeKind.LANGUAGES.heading == "Exam languages changed"


def test_a_list_now_read_on_awss_page_and_its_date() -> None:
    lines, kinds, _ = _diff(
        exam_languages_assumed=False,
        exam_languages_as_of="2027-01-04",
        exam_languages_source="AWS's SCS-C03 page",
    )
    assert kinds == [ChangeKind.LANGUAGES] * 3
    assert lines[0] == "SCS-C03: languages read on 8 Dec 2026 → 4 Jan 2027"
    assert lines[1] == "SCS-C03: languages now read on AWS's own page"
    assert lines[2].startswith("SCS-C03: where the languages were read: ")
    assert lines[2].endswith("→ AWS's SCS-C03 page")


def test_the_same_languages_in_another_order() -> None:
    lines, _, _ = _diff(exam_languages=["ja", "en", "ko", "zh-Hans"])
    assert lines == ["SCS-C03: the same languages, listed in another order"]


def test_a_list_that_becomes_assumed() -> None:
    old, new = catalog_document(), catalog_document()
    _cert(old, "security-specialty")["exam_languages_assumed"] = False
    after = Catalog.model_validate(new)
    [change] = diff_catalogs(Catalog.model_validate(old), after)
    assert describe_change(change, after) == (
        "SCS-C03: languages now assumed, not read on AWS's own page"
    )
