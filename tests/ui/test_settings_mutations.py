"""One changed byte of a real ``settings.json`` never stops the app (issue 20, finding 1).

Every byte of the saved window layout is changed in turn and put back on one window in this
process; a seeded sample of random single-byte mutations of the whole file starts the real app
as a process each. The sample is kept small for the suite's time (a start takes about half a
second); ``make hostile`` starts the app with 500 of them."""

from __future__ import annotations

import json
import random
from pathlib import Path

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from studyplanner.storage import paths
from studyplanner.storage.settings import load_settings
from studyplanner.ui.window.frame import fit_to_screen
from studyplanner.ui.window.state import restore_window
from tests.ui.settings_mutations import (
    every_byte_changed,
    mutate_one_byte,
    real_settings,
    starts_with,
)
from tests.ui.test_main_window import open_window
from tests.ui.test_window_layout import on_screen

PROCESS_SAMPLE = 12


def test_every_byte_of_the_layout_changed_still_gives_a_window_on_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(qtbot)
    window.close()
    data = paths.settings_path().read_bytes()
    start = data.index(b'"window_layout"')
    end = data.rindex(b"}")
    cases = every_byte_changed(data, start, end)
    assert len(cases) > 500
    for _where, mutated in cases:
        paths.settings_path().write_bytes(mutated)
        settings = load_settings()
        fit_to_screen(window, QSize(1440, 900))  # as the window starts, before the restore
        restore_window(window, settings)  # raises or crashes on a layout it cannot use
        assert on_screen(window)
    json.loads(data)  # the original was valid, so each case changed a real layout


def test_the_app_starts_after_random_single_byte_mutations_of_its_settings(
    tmp_path: Path,
) -> None:
    original = real_settings(tmp_path / "first")
    rng = random.Random(20)
    for number in range(PROCESS_SAMPLE):
        where, mutated = mutate_one_byte(original, rng)
        folder = tmp_path / f"case-{number}"
        folder.mkdir()
        problem = starts_with(folder, mutated)
        assert problem is None, f"byte {where}: {problem}"
