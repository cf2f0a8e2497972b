"""Issue 20's hostile classes as ``make hostile`` runs them (tests/hostile_app.py), on a
small seeded sample so the suite stays quick: ``make hostile`` runs 2,000 cases and starts
the app on 500 mutated settings files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests import hostile_app

SAMPLE = 12


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> hostile_app.SettingsBench:
    return hostile_app.SettingsBench(tmp_path_factory.mktemp("settings"))


def test_mutated_settings_fields_and_bytes_hold(bench: hostile_app.SettingsBench) -> None:
    rng = random.Random(1)
    for _ in range(SAMPLE * 4):
        case = hostile_app.settings_field_case(bench, rng)
        assert case.check() == []
        case = hostile_app.settings_byte_case(bench, rng, process=False)
        assert case.check() == []


def test_mutated_settings_start_the_app(bench: hostile_app.SettingsBench) -> None:
    rng = random.Random(2)
    for _ in range(3):
        assert hostile_app.settings_byte_case(bench, rng, process=True).check() == []


@pytest.mark.parametrize("kind", hostile_app.SPECIAL_KINDS)
def test_special_files_in_logs_do_not_stop_the_start(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in hostile_app.LOG_NAMES:
        if kind == "logs-is-a-file" and (folder / "logs").exists():
            break
        hostile_app._make_special(folder / "logs", kind, name)
    result = hostile_app.smoke(folder)
    assert result.returncode == 0, result.stderr
    assert "first paint after" in result.stdout
    assert "Traceback" not in result.stderr


def test_limits_through_the_window_are_refusals() -> None:
    limits = hostile_app.LimitsBench()
    rng = random.Random(3)
    for _ in range(SAMPLE * 3):
        assert limits.case(rng).check() == []


@pytest.mark.parametrize("args", hostile_app.STDOUT_COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("kind", hostile_app.STDOUT_KINDS)
def test_closed_and_broken_stdout(tmp_path: Path, args: list[str], kind: str) -> None:
    assert hostile_app._check_stdout(tmp_path / "out", args, kind) == []


def test_older_formats_at_their_limits_open() -> None:
    rng = random.Random(4)
    for _ in range(SAMPLE * 5):
        assert hostile_app.older_format_case(rng).check() == []
