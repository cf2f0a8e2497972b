"""Help › Update Catalog…, Revert to Previous Catalog and Use the Bundled Catalog, by
keyboard: the review before anything changes, Apply, and the window reopened on the new
catalog with the same plan; the About box and the details name the catalog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import (
    UpdateReview,
    check_update,
    load_app_catalog,
    review_update,
)
from studyplanner.storage.plan_files import load_plan, save_plan
from studyplanner.ui.dialogs.catalog_update import CatalogUpdateDialog
from studyplanner.ui.window import main_window
from studyplanner.ui.window.main_window import MainWindow
from tests.domain.plans import entry, plan
from tests.ui.fake_prompts import FakePrompts

EXAMPLE = Path(__file__).parent.parent / "data" / "catalog-update-example.json"
TODAY = date(2026, 12, 7)


@pytest.fixture
def plan_path() -> Path:
    path = paths.plans_dir() / "developer.json"
    mine = plan(entry("developer-associate", pinned=date(2027, 4, 1)), start=TODAY)
    save_plan(mine.model_copy(update={"name": "Developer path"}), path)
    return path


def open_window(qtbot: QtBot, plan_path: Path, prompts: FakePrompts) -> MainWindow:
    window = MainWindow(load_app_catalog(), prompts=prompts, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.open_initial(plan_path)
    window.show()
    return window


def help_items(window: MainWindow) -> list[str]:
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    return [a.text() for a in help_menu.actions() if not a.isSeparator()]


def test_the_help_menu_offers_the_catalog_actions(
    qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, plan_path, FakePrompts())
    assert help_items(window)[-4:] == [
        "&Update Catalog…",
        "Revert to &Previous Catalog",
        "Use the &Bundled Catalog",
        "&About StudyPlanner",
    ]
    about: list[str] = []
    monkeypatch.setattr(
        "studyplanner.ui.window.main_window.show_about",
        lambda _parent, catalog="": about.append(catalog),
    )
    window.about_action.trigger()
    assert about == ["Catalog 2026.12.07, published 7 Dec 2026 (bundled with StudyPlanner)."]
    window.details.show_certification("developer-associate")
    assert about[0] in window.details.text()


def test_update_review_apply_revert_and_reset(
    qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = FakePrompts(open_path=EXAMPLE)
    window = open_window(qtbot, plan_path, prompts)
    plan_before = plan_path.read_bytes()
    reviewed: list[UpdateReview] = []

    def apply(_parent: object, review: UpdateReview) -> bool:
        reviewed.append(review)
        assert not paths.user_catalog_path().exists(), "nothing changes before Apply"
        return True

    monkeypatch.setattr(CatalogUpdateDialog, "ask", apply)
    window.catalog_commands.update_action.trigger()

    (asked,) = [a for a in prompts.asked if a.kind == "open_path"]
    assert asked.choices == ["Catalog files (*.json)"], "an update is a catalog, not a plan"
    (review,) = reviewed
    (affected,) = review.plans
    assert affected.path == plan_path
    assert [i.message for i in affected.impacts] == ["your exam on 1 Apr 2027 will be DVA-C03"]
    again = main_window._reopened[-1]
    qtbot.addWidget(again)
    assert not window.isVisible() and again.isVisible()
    assert again.session.path == plan_path
    assert again.catalog.get("developer-associate").code == "DVA-C03"
    assert again.catalog.catalog_version == "2026.12.07.1"
    assert plan_path.read_bytes() == plan_before, "the plan is not rewritten"

    again.catalog_commands.reset_action.trigger()
    bundled = main_window._reopened[-1]
    qtbot.addWidget(bundled)
    assert bundled.catalog.catalog_version == "2026.12.07"

    bundled.catalog_commands.revert_action.trigger()  # undoes the reset
    reverted = main_window._reopened[-1]
    qtbot.addWidget(reverted)
    assert reverted.catalog.catalog_version == "2026.12.07.1"
    assert load_plan(plan_path, reverted.catalog).name == "Developer path"


def test_a_bad_update_is_refused_in_one_line_and_nothing_changes(
    qtbot: QtBot, plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "update.json"
    bad.write_text(EXAMPLE.read_text("utf-8").replace("2026.12.07.1", "2026.12.07"), "utf-8")
    prompts = FakePrompts(open_path=bad)
    window = open_window(qtbot, plan_path, prompts)
    monkeypatch.setattr(CatalogUpdateDialog, "ask", lambda *_a: pytest.fail("no review"))
    window.catalog_commands.update_action.trigger()
    (warning,) = prompts.texts("warn")
    assert warning.startswith("Catalog not updated: ")
    assert "is not newer than the one in use" in warning and "\n" not in warning
    assert not paths.user_catalog_path().exists()
    assert window.isVisible()


def test_the_review_dialog_shows_the_groups_and_the_plans(qtbot: QtBot, plan_path: Path) -> None:
    active = load_app_catalog().catalog
    update, _data = check_update(EXAMPLE, active, today=TODAY)
    review = review_update(active, update, today=TODAY)
    dialog = CatalogUpdateDialog(None, review)
    qtbot.addWidget(dialog)
    text = dialog.text()
    for line in (
        "Catalog 2026.12.07 → 2026.12.07.1",
        "Exams added",
        "PEA-C01 Platform Engineer – Associate: new",
        "New exam versions",
        "DVA-C02 becomes DVA-C03 from 15 Feb 2027",
        "Exam facts changed",
        "SAP-C02: fee $300 → $330",
        "Exam domains changed",
        "SAA-C03: domain 2 Design Resilient Architectures 26 % → 28 %",
        "Developer path",
        "your exam on 1 Apr 2027 will be DVA-C03",
    ):
        assert line in text
    assert "Wording only" not in text, "the example changes only what it means to"
    assert dialog.apply_button.text() == "&Apply"
    QApplication.processEvents()


def test_the_window_opens_a_plan_naming_a_certification_the_catalog_lacks(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planned under an update that added PEA-C01, then reverted by keyboard: the plan is
    shown with the entry as unknown, its id named, and nothing is lost."""
    path = paths.plans_dir() / "platform.json"
    prompts = FakePrompts(open_path=EXAMPLE)
    monkeypatch.setattr(CatalogUpdateDialog, "ask", lambda *_a: True)
    save_plan(plan(entry("developer-associate"), start=TODAY), path)
    window = open_window(qtbot, path, prompts)
    window.catalog_commands.update_action.trigger()
    updated = main_window._reopened[-1]
    qtbot.addWidget(updated)
    updated.add_certification("platform-engineer-associate")
    assert updated.session.flush()
    before = path.read_bytes()

    updated.catalog_commands.revert_action.trigger()

    reverted = main_window._reopened[-1]
    qtbot.addWidget(reverted)
    assert reverted.session.path == path
    ids = [e.certification_id for e in reverted.document.plan.entries]
    assert ids == ["developer-associate", "platform-engineer-associate"]
    assert reverted.catalog.is_unknown("platform-engineer-associate")
    shown = reverted.catalog.get("platform-engineer-associate")
    assert shown.name == "Unknown certification (platform-engineer-associate)"
    assert reverted.session.flush()
    assert path.read_bytes() == before, "nothing is lost or rewritten"


def test_a_catalog_over_a_year_old_is_noted_in_the_details_and_the_about_box(
    qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), today=lambda: date(2028, 1, 10))
    qtbot.addWidget(window)
    window.open_initial(plan_path)
    window.details.show_certification("developer-associate")
    assert "It is more than 12 months old" in window.details.text()
    assert "Help › Update Catalog…" in window.details.text()
    about: list[str] = []
    monkeypatch.setattr(
        "studyplanner.ui.window.main_window.show_about",
        lambda _parent, catalog="": about.append(catalog),
    )
    window.about_action.trigger()
    assert "more than 12 months old" in about[0]
