"""The certification details: what AWS recommends before an exam, and how much experience,
read from the catalog's data, in a theme's own inks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.style import Colour, colour
from studyplanner.ui.panels.certification_details import CertificationDetails


def make_details(qtbot: QtBot, catalog: Catalog, cert_id: str) -> CertificationDetails:
    details = CertificationDetails(catalog)
    qtbot.addWidget(details)
    details.resize(380, 640)
    details.show_certification(cert_id)
    return details


def test_prior_certifications_are_recommended_not_required(qtbot: QtBot, catalog: Catalog) -> None:
    details = make_details(qtbot, catalog, "advanced-networking-specialty")

    text = details.text()
    assert "Recommended before (optional)" in text
    assert "Before this" not in text
    assert "Solutions Architect – Associate" in text


def experience_lines(details: CertificationDetails) -> list[str]:
    """The lines of the Experience row, up to the next row's label."""
    lines = details.text().splitlines()
    start = lines.index("Experience") + 1
    end = lines.index("Recommended before (optional)")
    return lines[start:end]


def test_experience_shows_years_on_aws_and_in_the_field(qtbot: QtBot, catalog: Catalog) -> None:
    for cert_id, figures in (
        ("advanced-networking-specialty", ["2 years on AWS", "5 years of networking"]),
        ("cloudops-engineer-associate", ["1 year on AWS", "1 year of operations"]),
        ("developer-associate", ["1 year on AWS"]),
        ("cloud-practitioner", []),  # no "0 years on AWS"
    ):
        details = make_details(qtbot, catalog, cert_id)
        guide = catalog.get(cert_id).recommended_experience
        # The figures first, then the exam guide's own words.
        assert experience_lines(details) == [*figures, guide], cert_id


def test_dark_palette_uses_its_own_text_colour(qtbot: QtBot, catalog: Catalog) -> None:
    details = make_details(qtbot, catalog, "developer-associate")
    assert colour(Colour.TEXT).lower() in details.html().lower()

    dark = QPalette(details.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1E1E1E"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#E8E8E8"))
    details.setPalette(dark)

    html = details.html().lower()
    assert "#e8e8e8" in html
    assert colour(Colour.TEXT).lower() not in html


def test_the_details_list_every_way_to_renew_with_its_cost_and_time(catalog: Catalog) -> None:
    from studyplanner.domain.lifecycle import renewal_paths
    from studyplanner.ui.panels.certification_details import renewal_line

    lines = [renewal_line(p) for p in renewal_paths(catalog.get("cloud-practitioner"), catalog)]
    assert lines[:3] == [
        "AWS Cloud Quest: Recertify Cloud Practitioner (free, no exam) · about 8 h (estimate)",
        "CLF-C02 · $100 · about 30 h",
        "DVA-C02 · $150 · about 110 h",
    ]
    assert lines[-1] == (
        "assumed: Maintain for 1 more year (AWS Skill Builder) (price not published)"
    )
    dva = [renewal_line(p) for p in renewal_paths(catalog.get("developer-associate"), catalog)]
    assert "assumed: DOP-C02 · $300 · about 200 h" in dva
