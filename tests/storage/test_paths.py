"""Where files live: --data-dir and STUDYPLANNER_DATA_DIR are honoured, the real home never."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyplanner.storage import paths


def test_the_environment_variable_sets_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"
    assert paths.plans_dir() == tmp_path / "from-env" / "plans"
    assert paths.backups_dir() == tmp_path / "from-env" / "backups"
    assert paths.user_catalog_path() == tmp_path / "from-env" / "catalog.json"
    assert paths.settings_path().parent == tmp_path / "from-env"


def test_the_data_dir_option_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    paths.set_data_dir(tmp_path / "from-option")
    assert paths.data_dir() == tmp_path / "from-option"
    paths.set_data_dir(None)
    assert paths.data_dir() == tmp_path / "from-env"


def test_relative_and_home_paths_are_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths.set_data_dir(Path("relative"))
    assert paths.data_dir() == tmp_path / "relative"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    paths.set_data_dir(Path("~/plans-here"))
    assert paths.data_dir() == tmp_path / "home" / "plans-here"


def test_the_guard_fails_a_test_that_reaches_for_the_real_home(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With no override at all, data_dir() falls back to the platform default, which the
    test suite's conftest replaces with a tripwire."""
    monkeypatch.delenv(paths.ENV_VAR)
    paths.set_data_dir(None)
    with pytest.raises(AssertionError, match="real user data directory"):
        paths.data_dir()


def test_an_empty_environment_variable_is_no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_VAR, "")
    with pytest.raises(AssertionError):
        paths.data_dir()
