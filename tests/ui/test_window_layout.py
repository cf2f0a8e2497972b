"""Settings can never stop the app (issue 20): the window's layout is kept in a structure of
our own and checked before use. Qt's ``restoreState`` is never given saved bytes (one changed
byte made it crash on every start); a layout that names other panels, another version or a
place off every screen falls back to the default layout, or onto a screen, with one log line."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.settings import load_settings
from studyplanner.ui.window.dock_focus import behind_a_tab
from studyplanner.ui.window.main_window import MainWindow
from studyplanner.ui.window.state import on_a_screen
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_main_window import open_window


def saved_layout(qtbot: QtBot) -> dict[str, Any]:
    """The layout a real window keeps at quit (settings dock in front, warnings closed)."""
    window = open_window(qtbot)
    window.resize(760, 700)
    window.warnings_dock.close()
    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: not behind_a_tab(window.settings_dock, window), timeout=1000)
    window.close()
    layout = json.loads(paths.settings_path().read_text("utf-8"))["window_layout"]
    assert isinstance(layout, dict)
    return layout


def start_with(qtbot: QtBot, layout: object) -> MainWindow:
    data = json.loads(paths.settings_path().read_text("utf-8"))
    data["window_layout"] = layout
    paths.settings_path().write_text(json.dumps(data), "utf-8")
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def on_screen(window: MainWindow) -> bool:
    """Nearly all of the window on one screen (the frame may push it a few pixels)."""
    rect = window.geometry()
    for screen in QApplication.screens():
        seen = screen.availableGeometry().intersected(rect)
        if seen.width() * seen.height() >= 0.95 * rect.width() * rect.height():
            return True
    return False


def is_default_layout(window: MainWindow) -> bool:
    return (
        not behind_a_tab(window.details_dock, window)
        and behind_a_tab(window.settings_dock, window)
        and window.warnings_dock.isVisible()
    )


def test_the_saved_layout_is_our_own_structure_not_qt_bytes(qtbot: QtBot) -> None:
    layout = saved_layout(qtbot)
    assert layout["version"] == 1
    assert {d["name"] for d in layout["docks"]} == {
        "dock-details",
        "dock-entry",
        "dock-settings",
        "dock-progress",
        "dock-warnings",
    }
    assert "window_state" not in json.loads(paths.settings_path().read_text("utf-8"))


BROKEN: list[tuple[str, Any]] = [
    ("version", 2),
    ("version", "1"),
    ("width", -5),
    ("x", 10**12),
    ("maximized", "yes"),
    ("docks", "dock-details"),
    ("docks", []),
    ("extra", 1),
]


@pytest.mark.parametrize(("field", "value"), BROKEN)
def test_a_damaged_layout_field_gives_the_default_layout_and_one_line(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, field: str, value: object
) -> None:
    layout = saved_layout(qtbot)
    layout[field] = value
    with caplog.at_level(logging.INFO, logger="studyplanner.ui.window.state"):
        window = start_with(qtbot, layout)
    assert is_default_layout(window)
    lines = [r for r in caplog.records if r.name == "studyplanner.ui.window.state"]
    assert len(lines) == 1
    assert "default layout" in lines[0].getMessage()


DOCK_BROKEN: list[tuple[str, Any]] = [
    ("name", "dock-elsewhere"),
    ("name", ""),
    ("area", "middle"),
    ("group", -1),
    ("front", 1),
    ("visible", None),
    ("floating", "no"),
    ("height", 10**9),
]


@pytest.mark.parametrize(("field", "value"), DOCK_BROKEN)
def test_a_damaged_panel_entry_gives_the_default_layout(
    qtbot: QtBot, field: str, value: object
) -> None:
    layout = saved_layout(qtbot)
    layout["docks"][0][field] = value
    assert is_default_layout(start_with(qtbot, layout))


def test_a_panel_named_twice_is_refused(qtbot: QtBot) -> None:
    layout = saved_layout(qtbot)
    layout["docks"][1]["name"] = layout["docks"][0]["name"]
    assert is_default_layout(start_with(qtbot, layout))


def test_a_tab_group_across_two_areas_is_refused(qtbot: QtBot) -> None:
    layout = saved_layout(qtbot)
    layout["docks"][0]["area"] = "left"
    assert is_default_layout(start_with(qtbot, layout))


@pytest.mark.parametrize(("x", "y"), [(8192, 0), (-8192, 40), (0, 8192), (798, 798)])
def test_a_window_placed_off_every_screen_comes_back_onto_one(qtbot: QtBot, x: int, y: int) -> None:
    layout = saved_layout(qtbot)
    layout.update(x=x, y=y)
    window = start_with(qtbot, layout)
    assert on_screen(window)
    assert not behind_a_tab(window.settings_dock, window)  # the rest of the layout is kept


def test_a_window_larger_than_the_screen_is_shrunk_to_it(qtbot: QtBot) -> None:
    layout = saved_layout(qtbot)
    layout.update(width=50_000, height=50_000)
    assert on_screen(start_with(qtbot, layout))


def test_a_floating_panel_off_every_screen_comes_back_onto_one(qtbot: QtBot) -> None:
    layout = saved_layout(qtbot)
    progress = next(d for d in layout["docks"] if d["name"] == "dock-progress")
    progress.update(floating=True, group=7, x=9000, y=9000, width=300, height=200)
    window = start_with(qtbot, layout)
    assert window.progress_dock.isFloating()
    room = QApplication.primaryScreen().availableGeometry()
    assert room.contains(window.progress_dock.geometry())


def test_on_a_screen_keeps_a_place_that_fits() -> None:
    room = QApplication.primaryScreen().availableGeometry()
    inside = QRect(room.x() + 10, room.y() + 10, 200, 100)
    assert on_a_screen(inside) == inside


def test_an_older_qt_state_in_the_settings_is_never_given_to_qt(qtbot: QtBot) -> None:
    # issue 20: one changed byte of Qt's saveState made restoreState crash on every start
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(
        json.dumps({"window_state": "AAAA/wAAAAH9AAAAAQAAAAEAAAGk////", "window_geometry": "x"}),
        "utf-8",
    )
    assert load_settings().window_layout is None
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    assert is_default_layout_before_show(window)


def is_default_layout_before_show(window: MainWindow) -> bool:
    return window.warnings_dock.isVisibleTo(window) and not window.details_dock.isFloating()


def test_a_closed_panel_comes_back_in_its_tab_group(qtbot: QtBot) -> None:
    # Qt does not name the tab siblings of a hidden panel; the layout keeps them all the same
    window = open_window(qtbot)
    window.progress_dock.close()
    window.close()
    layout = json.loads(paths.settings_path().read_text("utf-8"))["window_layout"]
    groups = {d["name"]: d["group"] for d in layout["docks"]}
    assert groups["dock-progress"] == groups["dock-details"] != groups["dock-warnings"]

    again = start_with(qtbot, layout)
    assert not again.progress_dock.isVisible()
    again.progress_dock.show()
    assert again.details_dock in again.tabifiedDockWidgets(again.progress_dock)


def test_a_window_closed_as_it_started_opens_again_with_the_same_panels(qtbot: QtBot) -> None:
    # the panel group's size comes from its saved panels: one never brought to the front
    # (Exam in plan, behind Certification) must not give the group Qt's placeholder size
    window = open_window(qtbot)
    width = window.details_dock.width()
    tabs = window.tabifiedDockWidgets(window.details_dock)
    front = [d.objectName() for d in window.docks if d.isVisible() and not behind_a_tab(d, window)]
    window.close()
    layout = json.loads(paths.settings_path().read_text("utf-8"))["window_layout"]

    again = start_with(qtbot, layout)
    again.resize(window.size())
    qtbot.waitUntil(lambda: abs(again.details_dock.width() - width) <= 2, timeout=2000)
    assert [d.objectName() for d in again.tabifiedDockWidgets(again.details_dock)] == [
        d.objectName() for d in tabs
    ]
    assert [
        d.objectName() for d in again.docks if d.isVisible() and not behind_a_tab(d, again)
    ] == front
