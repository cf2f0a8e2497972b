"""``--today`` reaches the window (issue 21): the plan is seen from that day, and the status
bar says so."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studyplanner import cli
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui import app
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.fake_prompts import FakePrompts


@pytest.mark.parametrize(
    ("args", "pinned"), [(["--today", "2026-11-29"], date(2026, 11, 29)), ([], None)]
)
def test_the_app_is_given_the_today_option(
    monkeypatch: pytest.MonkeyPatch, args: list[str], pinned: date | None
) -> None:
    seen: dict[str, Any] = {}

    def fake_run_app(plan: object, **options: Any) -> int:
        seen.update(options)
        return 0

    monkeypatch.setattr(app, "run_app", fake_run_app)
    assert cli.main(args) == 0
    assert seen["today"] == pinned


def test_the_window_is_seen_from_the_pinned_day_and_says_so(qtbot: QtBot) -> None:
    day = date(2026, 11, 29)
    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), today=lambda: day)
    qtbot.addWidget(window)
    window.open_initial(None)
    window.show_pinned_today(day)
    window.show()
    assert window.document.today() == day
    assert window.pinned_today.text() == "Today: 29 Nov 2026 (--today)"
    assert window.pinned_today.isVisible()
