"""The catalog's texts that learners read (focus, audience, recommended experience) are data
translated like the app's words: in the template with their field as context, shown in the
user's language in the certification's details; names and codes stay as AWS writes them."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from tests.test_i18n import ROOT, speaking
from tests.ui.test_details_experience import make_details


def test_the_template_holds_each_certifications_texts_in_context(catalog: Catalog) -> None:
    template = (ROOT / "studyplanner" / "locale" / "studyplanner.pot").read_text("utf-8")
    cert = catalog.get("developer-associate")
    assert f'msgctxt "catalog: focus"\nmsgid "{cert.focus}"' in template
    assert f'msgctxt "catalog: audience"\nmsgid "{cert.audience}"' in template
    assert 'msgctxt "catalog: recommended experience"' in template


def test_the_details_show_the_catalogs_texts_translated(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    cert = catalog.get("developer-associate")
    messages: dict[str, str | list[str]] = {
        "": "Content-Type: text/plain; charset=UTF-8\n",
        f"catalog: focus\x04{cert.focus}": "Anwendungen auf AWS bauen",
        f"catalog: audience\x04{cert.audience}": "Entwicklerinnen und Entwickler",
        f"catalog: recommended experience\x04{cert.recommended_experience}": "Ein Jahr Praxis",
    }
    with speaking("de", messages, tmp_path / "locale"):
        text = make_details(qtbot, catalog, "developer-associate").text()

    assert "Anwendungen auf AWS bauen" in text
    assert "Entwicklerinnen und Entwickler" in text
    assert "Ein Jahr Praxis" in text
    assert cert.name in text and cert.code in text
