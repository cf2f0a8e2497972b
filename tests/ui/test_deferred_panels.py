"""The tabs behind *Certification* are built when first brought to the front (issue 14), and
then show the plan exactly as if they had been there from the start."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.test_main_window import open_window


def test_the_tabs_behind_are_not_built_before_they_are_shown(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    assert window.details.isVisible()
    assert not window.entry_host.built
    assert not window.settings_host.built
    assert not window.progress_host.built


def test_a_tab_built_late_shows_the_plan_as_edited_before(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    plan = window.document.plan
    plan.name = "Renamed before the tab was shown"
    window.document.replace_plan("Rename", plan)
    cert_id = window.document.insert_certification("developer-associate")
    window.document.select(cert_id)

    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: window.settings_host.built, timeout=1000)
    assert window.plan_settings.name.text() == "Renamed before the tab was shown"
    qtbot.waitUntil(window.plan_settings.name.isVisible, timeout=1000)

    window.entry_dock.raise_()
    qtbot.waitUntil(lambda: window.entry_host.built, timeout=1000)
    assert "DVA-C02" in window.entry_panel.title.text()


def test_asking_for_a_panel_builds_it_once(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    first = window.progress
    assert window.progress_host.built
    assert window.progress is first
