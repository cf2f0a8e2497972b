"""The certification details say which languages an exam is offered in, and AWS's extension
for non-native English speakers, each marked 'assumed' while the catalog assumes it and each
with where it was read; a retired exam without languages shows no row."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.wording import format_day
from studyplanner.domain.wording_languages import ESL_SOURCE
from tests.ui.test_details_domains import details_text


def test_the_languages_row_names_them_and_the_esl_extension(qtbot: QtBot, catalog: Catalog) -> None:
    lines = details_text(qtbot, catalog, "security-specialty").splitlines()
    start = lines.index("Languages") + 1
    assert lines[start : start + 2] == [
        "Assumed: English, Japanese, Korean and Simplified Chinese",
        "Assumed: 30 extra minutes in English for a non-native speaker who asks AWS first "
        "(ESL +30)",
    ]


def test_the_languages_and_the_extension_say_where_they_come_from(
    qtbot: QtBot, catalog: Catalog
) -> None:
    cert = catalog.get("security-specialty")
    assert cert.exam_languages_as_of is not None
    text = " ".join(details_text(qtbot, catalog, cert.id).split())
    day = format_day(cert.exam_languages_as_of)
    where = f"Languages: {cert.exam_languages_source} (as of {day})"
    assert " ".join(where.split()) in text
    assert " ".join(f"ESL: {ESL_SOURCE}".split()) in text


def test_a_retired_exam_without_languages_shows_no_row(qtbot: QtBot, catalog: Catalog) -> None:
    assert catalog.get("database-specialty").exam_languages == []
    text = details_text(qtbot, catalog, "database-specialty")
    assert "Languages" not in text.splitlines()
    assert "ESL" not in text
