"""*View › Language* (issue 26): the shipped languages by their own names and System default,
the choice remembered for the next start (and said so); Qt's own words (qtbase) follow the
language installed, for each shipped one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner import i18n
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.settings import load_settings
from studyplanner.ui.app import install_translations
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    return window


def test_the_menu_lists_each_shipped_language_by_its_own_name(window: MainWindow) -> None:
    names = [action.text() for action in window.language_menu.actions() if action.text()]
    assert names == ["System default", "Deutsch", "English", "Português (Brasil)", "日本語"]
    assert window.language_menu.choices["system"].isChecked()


def test_a_choice_is_remembered_for_the_next_start_and_said_so(window: MainWindow) -> None:
    window.language_menu.choices["ja"].trigger()

    assert load_settings().language == "ja"
    assert window.language_menu.choices["ja"].isChecked()
    assert window.statusBar().currentMessage() == (
        "StudyPlanner will speak 日本語 from its next start."
    )
    assert i18n.language() is None  # this run keeps its language: every window is built in it

    window.language_menu.choices["system"].trigger()
    assert load_settings().language == "system"


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install_translations(qapp, "en")


@pytest.mark.parametrize(
    ("language", "cancel"), [("de", "Abbrechen"), ("ja", "キャンセル"), ("pt_BR", "Cancelar")]
)
def test_qts_own_buttons_follow_the_language(
    language: str, cancel: str, english_afterwards: QApplication
) -> None:
    assert install_translations(english_afterwards, language) == language
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel

    assert install_translations(english_afterwards, "en") == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_an_unknown_language_installs_the_systems(english_afterwards: QApplication) -> None:
    assert install_translations(english_afterwards, "xx") == "en"  # LANGUAGE=en in the tests
