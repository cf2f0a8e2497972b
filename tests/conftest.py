"""Test-wide safety: headless Qt, English words whatever the machine's language, and no test
may touch the real user data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from studyplanner import i18n
from studyplanner.domain.catalog import Catalog
from studyplanner.storage import paths
from studyplanner.storage.catalog_source import bundled_catalog

REPO_ROOT = Path(__file__).resolve().parent.parent
TEST_LANGUAGE = "STUDYPLANNER_TEST_LANGUAGE"


def _real_home_forbidden() -> Path:
    raise AssertionError("a test tried to use the real user data directory")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data directory; reaching for the default one fails the test."""
    folder = tmp_path / "data"
    monkeypatch.setattr(paths, "default_data_dir", _real_home_forbidden)
    monkeypatch.setenv(paths.ENV_VAR, str(folder))
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """POSIX-only tests (fifos, signals, xdotool) are skipped on Windows, and only those."""
    if os.name == "posix":
        return
    for item in items:
        if item.get_closest_marker("posix") or item.get_closest_marker("xvfb"):
            item.add_marker(pytest.mark.skip(reason="needs a POSIX system"))


@pytest.fixture(autouse=True)
def english(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in the source English, and so do the CLI and app processes it starts,
    whatever language the machine (or CI's German locale) asks for and whichever catalogs are
    compiled: the tests assert English text. ``LANGUAGE`` decides the words only, so the C
    library's German dates and numbers (LC_TIME, LC_NUMERIC) still reach the code, where the
    app's own wording must ignore them. A test that wants a language sets it itself
    (``i18n.install``, ``LANGUAGE``, ``--lang``); English is put back after it.

    Tests marked ``any_language`` hold in every language: with STUDYPLANNER_TEST_LANGUAGE=ja
    (``.ci/run``) they run with the app speaking Japanese."""
    language = i18n.SOURCE_LANGUAGE
    if request.node.get_closest_marker("any_language") is not None:
        language = os.environ.get(TEST_LANGUAGE, language)
    monkeypatch.setenv("LANGUAGE", language)
    i18n.install(language)
    yield
    i18n.install(i18n.SOURCE_LANGUAGE)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The catalog the app ships, loaded once for the whole run."""
    return bundled_catalog()
