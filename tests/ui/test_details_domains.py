"""The certification details name an exam's domains and their weights, as the exam guide
gives them, and say where they were read; a retired exam without domains shows no row."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.wording import format_day
from studyplanner.ui.panels.certification_details import CertificationDetails


def details_text(qtbot: QtBot, catalog: Catalog, cert_id: str) -> str:
    details = CertificationDetails(catalog)
    qtbot.addWidget(details)
    details.resize(380, 640)
    details.show_certification(cert_id)
    return details.text()


def test_the_domains_row_lists_them_in_guide_order(qtbot: QtBot, catalog: Catalog) -> None:
    text = details_text(qtbot, catalog, "solutions-architect-associate")
    lines = text.splitlines()
    start = lines.index("Domains") + 1
    # One a line.
    assert lines[start : start + 4] == [
        "1. Design Secure Architectures 30 %",
        "2. Design Resilient Architectures 26 %",
        "3. Design High-Performing Architectures 24 %",
        "4. Design Cost-Optimized Architectures 20 %",
    ]
    # Where and when the weights were read, like every other catalog fact.
    cert = catalog.get("solutions-architect-associate")
    assert cert.domains_as_of is not None
    assert f"Domains: {cert.domains_source} (as of {format_day(cert.domains_as_of)})" in text


def test_an_exam_without_domains_shows_no_domains_row(qtbot: QtBot, catalog: Catalog) -> None:
    assert catalog.get("database-specialty").domains == []
    assert "Domains" not in details_text(qtbot, catalog, "database-specialty").splitlines()
