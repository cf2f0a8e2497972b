"""The window speaks the user's language once a catalog for it ships: menus, panels, the
status line and the names of undo steps, with the plan's own codes put in their place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner import i18n
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui.window.main_window import MainWindow
from tests.test_i18n import speaking
from tests.ui.fake_prompts import FakePrompts

GERMAN: dict[str, str | list[str]] = {
    "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
    "&File": "&Datei",
    "&Edit": "&Bearbeiten",
    "Exam in plan": "Prüfung im Plan",
    "Add {code}": "{code} hinzufügen",
    "&Undo {step}": "&Rückgängig: {step}",
    "Added {code} {name} to the plan": "{code} {name} zum Plan hinzugefügt",
}


@pytest.fixture
def german(tmp_path: Path) -> Iterator[None]:
    with speaking("de", GERMAN, tmp_path / "locale"):
        yield


def open_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.mark.usefixtures("german")
def test_menus_panels_and_messages_are_in_the_users_language(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    assert menu_titles(window)[:2] == ["&Datei", "&Bearbeiten"]
    assert window.entry_dock.windowTitle() == "Prüfung im Plan"

    window.ladder.setFocus()
    window.ladder.select_certification("developer-associate")
    qtbot.keyClick(window.ladder, Qt.Key.Key_Return)

    name = window.catalog.get("developer-associate").name
    assert window.statusBar().currentMessage() == f"DVA-C02 {name} zum Plan hinzugefügt"
    assert window.undo_action.text() == "&Rückgängig: DVA-C02 hinzufügen"


def test_without_a_catalog_the_window_speaks_english(qtbot: QtBot) -> None:
    i18n.install("en")
    window = open_window(qtbot)
    assert menu_titles(window)[:2] == ["&File", "&Edit"]
    assert window.entry_dock.windowTitle() == "Exam in plan"
