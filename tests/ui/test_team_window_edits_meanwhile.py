"""The manager's edits of ``team.json`` are never lost to a reading of the folder running at
the same time (the watch saw a member's file change), and never overwrite what another
manager saved on a shared drive since the view read it. Real reader, real worker thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import TeamSettings
from studyplanner.storage.team_folder import TEAM_FILE, read_team_file
from studyplanner.ui.team import reading as reading_module
from tests.team.folder import TARGETS, write_team_folder
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_team_window import open_and_wait, team_window


def test_a_rename_while_the_folder_is_read_again_is_kept_with_its_undo(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_team_folder(tmp_path / "team")
    prompts = FakePrompts(text="New name")
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    reached, gate = threading.Event(), threading.Event()
    real = reading_module.roll_up

    def slow(*args: object, **kwargs: object) -> object:
        reached.set()  # team.json is read by now
        gate.wait(10)  # a big folder's roll-up takes a while
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_module, "roll_up", slow)
    window.reload()  # what the watch does when a member's file changes
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    window.rename_action.trigger()  # the manager renames the team meanwhile
    assert read_team_file(folder, catalog).name == "New name"
    with qtbot.waitSignal(window.shown, timeout=20_000):
        gate.set()
    assert window.title.text() == "New name"
    assert read_team_file(folder, catalog).name == "New name"
    assert window.read is not None
    assert window.read.folder.settings.targets == TeamSettings.model_validate(TARGETS).targets
    assert window.reading is None, "nothing left to read again"
    assert not window.watch.check(), "the file on disk is the one shown"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert read_team_file(folder, catalog).name == "Platform team"
    assert window.title.text() == "Platform team"
    assert prompts.texts("warn") == []


def test_a_team_file_another_manager_saved_is_not_overwritten(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    folder = write_team_folder(tmp_path / "team")
    prompts = FakePrompts(text="My name")
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    window.watch.stop()  # a shared drive that sends no change notice, before the slow poll
    theirs = {"name": "Their name", "targets": []}
    (folder / TEAM_FILE).write_text(json.dumps(theirs), encoding="utf-8")
    with qtbot.waitSignal(window.shown, timeout=20_000):  # the folder is read again
        assert not window.rename_team()
    assert read_team_file(folder, catalog).name == "Their name"
    (warning,) = prompts.texts("warn")
    assert "team.json was changed on disk by someone else" in warning
    assert "not saved" in warning
    assert window.title.text() == "Their name"
    assert window.undo_stack.count() == 0
    assert window.rename_team(), "once read again, the change can be made on what it holds"
    assert read_team_file(folder, catalog) == TeamSettings(name="My name")
