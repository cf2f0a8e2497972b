"""App settings survive restarts, and a damaged settings file never stops the app."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from studyplanner.storage import paths
from studyplanner.storage.settings import MAX_RECENT, AppSettings, load_settings, save_settings


def test_round_trip_in_the_data_dir(data_dir: Path) -> None:
    settings = AppSettings()
    settings.remember(Path("/plans/a.json"))
    settings.remember(Path("/plans/b.json"))
    settings.show_retired = True
    save_settings(settings)
    assert paths.settings_path().parent == data_dir
    loaded = load_settings()
    assert loaded.last_plan == "/plans/b.json"
    assert loaded.recent_plans == ["/plans/b.json", "/plans/a.json"]
    assert loaded.show_retired


def test_recent_list_is_bounded_and_deduplicated() -> None:
    settings = AppSettings()
    for i in range(MAX_RECENT + 5):
        settings.remember(Path(f"/plans/{i}.json"))
    settings.remember(Path("/plans/3.json"))
    assert len(settings.recent_plans) == MAX_RECENT
    assert settings.recent_plans[0] == "/plans/3.json"
    assert settings.recent_plans.count("/plans/3.json") == 1
    settings.forget(Path("/plans/3.json"))
    assert "/plans/3.json" not in settings.recent_plans and settings.last_plan is None


def test_damaged_settings_give_defaults_and_say_so_in_the_log(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text('{"recent_plans": 5', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="studyplanner.storage.settings"):
        assert load_settings() == AppSettings()
    (record,) = caplog.records
    assert str(paths.settings_path()) in record.getMessage()


def test_a_first_start_without_settings_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="studyplanner.storage"):
        assert load_settings() == AppSettings()
    assert caplog.records == []


def test_settings_that_cannot_be_saved_are_logged_not_raised(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("a file where the data folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="studyplanner.storage.settings"):
        save_settings(AppSettings())
    assert any("Settings not saved" in r.getMessage() for r in caplog.records)


def test_settings_saved_unchanged_leave_the_file_as_it_was(data_dir: Path) -> None:
    """A start that reopens the last plan saves the settings it read: the file is left as it
    is (no new file, no sync to disk), and a real change is still saved."""
    settings = AppSettings()
    settings.remember(Path("/plans/a.json"))
    save_settings(settings)
    saved = paths.settings_path().stat()
    save_settings(load_settings())
    again = paths.settings_path().stat()
    assert (again.st_ino, again.st_mtime_ns) == (saved.st_ino, saved.st_mtime_ns)
    changed = load_settings()
    changed.show_retired = True
    save_settings(changed)
    assert paths.settings_path().stat().st_ino != saved.st_ino
    assert load_settings().show_retired


def test_a_damaged_settings_file_is_replaced_when_saved(data_dir: Path) -> None:
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text('{"recent_plans": 5', encoding="utf-8")
    save_settings(AppSettings(show_retired=True))
    assert load_settings().show_retired
