"""The app always starts, whatever is in the data folder (issue 10, finding 3): a plan it
cannot read, a folder it cannot write, a plan open elsewhere. ``--smoke`` never waits on a
question nobody will answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.locks import PlanLock
from studyplanner.storage.plan_files import save_plan
from studyplanner.ui.document import plan_session
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.conftest import sunday_evening_plan
from tests.ui.fake_prompts import FakePrompts

SMOKE_TIMEOUT_S = 60


def smoke(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``studyplanner --smoke`` as a user's machine runs it, with a deadline: a run that waits
    on a dialog fails the test instead of hanging it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-m", "studyplanner", "--smoke", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
        check=False,
    )


def assert_started(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "first paint after" in result.stdout
    assert "Traceback" not in result.stderr


def remember_last_plan(data_dir: Path, plan: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(json.dumps({"last_plan": str(plan)}), "utf-8")


def open_window(qtbot: QtBot, prompts: FakePrompts) -> MainWindow:
    window = MainWindow(load_app_catalog(), prompts=prompts)
    qtbot.addWidget(window)
    window.open_initial(None)
    return window


def test_smoke_does_not_wait_on_a_damaged_last_plan(tmp_path: Path) -> None:
    data = tmp_path / "data"
    damaged = data / "plans" / "road.json"
    save_plan(sunday_evening_plan(), damaged)
    save_plan(sunday_evening_plan(), damaged)  # a good backup: the app would offer it
    damaged.write_text('{"schema_version": 3, "name": "Ro', encoding="utf-8")
    remember_last_plan(data, damaged)
    assert_started(smoke(data))
    assert damaged.read_text(encoding="utf-8") == '{"schema_version": 3, "name": "Ro'


def test_smoke_does_not_wait_when_the_plan_is_open_elsewhere(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = data / "plans" / "road.json"
    save_plan(sunday_evening_plan(), plan)
    elsewhere = PlanLock(plan)
    assert elsewhere.acquire()
    try:
        assert_started(smoke(data, str(plan)))
    finally:
        elsewhere.release()


def test_a_data_folder_that_is_a_file_still_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("not a folder", encoding="utf-8")
    assert_started(smoke(data))
    assert data.read_text(encoding="utf-8") == "not a folder"


def test_a_data_folder_that_is_a_file_gives_a_plan_in_memory(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_VAR, str(data))
    prompts = FakePrompts()
    window = open_window(qtbot, prompts)
    (message,) = prompts.texts("warn")
    assert "Plans cannot be saved here" in message and "Save As" in message
    assert window.document.path is None and not window.document.read_only
    assert window.document.insert_certification("developer-associate")  # planning still works
    assert window.save_state.text() == "Not saved yet"


def test_a_read_only_plans_folder_gives_a_plan_in_memory(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # root ignores permission bits, so the folder's answer is given here as a read-only
    # mount would give it
    real_access = os.access
    plans = paths.plans_dir()

    def read_only(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == plans and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_session.os, "access", read_only)
    prompts = FakePrompts(save_path=Path(os.fspath(paths.data_dir())) / "elsewhere.json")
    window = open_window(qtbot, prompts)
    assert any("read-only" in text for text in prompts.texts("warn"))
    window.document.insert_certification("developer-associate")
    window.save_as_action.trigger()  # the way out the message names
    assert window.document.path == paths.data_dir() / "elsewhere.json"
    assert window.document.path.exists()


def test_an_unreadable_plans_folder_still_starts(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> list[Path]:
        raise PermissionError(13, "Permission denied", str(paths.plans_dir()))

    monkeypatch.setattr(plan_session, "list_plans", refuse)
    window = open_window(qtbot, FakePrompts())
    assert window.document.plan.entries == []
    assert window.session.recent_plans() == []


@pytest.mark.posix
def test_smoke_starts_when_the_last_plan_is_a_fifo(tmp_path: Path) -> None:
    data = tmp_path / "data"
    fifo = data / "plans" / "road.json"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    remember_last_plan(data, fifo)
    assert_started(smoke(data))


def test_smoke_starts_when_the_last_plan_is_dev_zero(tmp_path: Path) -> None:
    data = tmp_path / "data"
    remember_last_plan(data, Path("/dev/zero"))
    assert_started(smoke(data))


def test_smoke_starts_with_a_deeply_nested_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert_started(smoke(data))


def test_a_damaged_newer_plan_is_never_replaced_by_a_recovery(qtbot: QtBot) -> None:
    path = paths.plans_dir() / "future.json"
    save_plan(sunday_evening_plan(), path)
    save_plan(sunday_evening_plan(), path)  # a good backup exists
    future = '{"notes": "' + "x" * 5000 + '", "schema_version": 99, "name": "From the fut'
    path.write_text(future, encoding="utf-8")
    prompts = FakePrompts(confirm=True, choice=0)  # would accept any recovery offered
    window = MainWindow(load_app_catalog(), prompts=prompts)
    qtbot.addWidget(window)
    window.open_initial(path)
    assert not [a for a in prompts.asked if a.kind in ("confirm", "choose")]
    assert any("newer" in text for text in prompts.texts("warn"))
    window.document.insert_certification("developer-associate")
    assert window.session.flush()
    assert path.read_text(encoding="utf-8") == future


def test_a_plan_in_a_folder_named_in_another_encoding_opens_and_is_remembered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9")))
    folder.mkdir()
    path = folder / "road.json"
    save_plan(sunday_evening_plan(), path)
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(path)
    assert window.document.path == path
    window.document.update_plan("Rename", name="Café plan")
    assert window.session.close()
    again = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(again)
    again.open_initial(None)
    assert again.document.path == path
    assert again.document.plan.name == "Café plan"


def test_a_lock_file_holding_a_huge_pid_does_not_stop_the_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from studyplanner.storage.locks import lock_path

    path = paths.plans_dir() / "road.json"
    save_plan(sunday_evening_plan(), path)
    lock_path(path).write_text(json.dumps({"pid": 10**40, "host": "old-laptop"}), "utf-8")
    assert_started(smoke(paths.data_dir(), str(path)))
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(path)
    assert not window.document.read_only  # a lock nobody holds is no lock
