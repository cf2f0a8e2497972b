"""Long words and wide glyphs fit (issue 26): in German and Japanese (each shipped language,
with its real catalog once it ships, else a pseudo-translation made from the template) at
1440x900, no label, button or tab of the main window, its panels and its dialogs is shown
smaller than it asks to be (its size hint): nothing clipped or elided."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from studyplanner import i18n
from studyplanner.domain.plan import Role
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.plan_files import save_plan
from studyplanner.ui.dialogs.log_dialog import LogStudyDialog
from studyplanner.ui.dialogs.other_fields_dialog import OtherFieldsDialog
from studyplanner.ui.dialogs.profile_dialog import NewPlanFromProfileDialog
from studyplanner.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from studyplanner.ui.window.main_window import MainWindow
from tests.pseudo import ROOT, catalog_dir
from tests.ui.conftest import sunday_evening_plan
from tests.ui.fake_prompts import FakePrompts


def _languages() -> list[tuple[str, str | None]]:
    """Each shipped language (its real catalog where one exists, else a pseudo one), and the
    pseudo German (long words) and Japanese (wide glyphs) whatever ships."""
    chosen: list[tuple[str, str | None]] = []
    for language in sorted(i18n.LANGUAGES):
        if language == i18n.SOURCE_LANGUAGE:
            continue
        po = ROOT / "studyplanner" / "locale" / language / "LC_MESSAGES" / "studyplanner.po"
        chosen.append((language, None if po.exists() else "wide" if language == "ja" else "long"))
    for pseudo in (("de", "long"), ("ja", "wide")):
        if pseudo not in chosen:
            chosen.append(pseudo)
    return chosen


@pytest.fixture(params=_languages(), ids=lambda p: f"{p[0]}-{p[1] or 'real'}")
def language(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    code, kind = request.param
    assert i18n.install(code, catalog_dir(code, tmp_path / "locale", kind)) == code
    yield code
    i18n.install(i18n.SOURCE_LANGUAGE)


def clipped(root: QWidget) -> list[str]:
    """Every visible label, button and tab of ``root`` shown smaller than its text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap() and widget.hasHeightForWidth():
                if widget.heightForWidth(widget.width()) > widget.height() + 1:
                    found.append(f"wrapped label {widget.text()[:50]!r} cut at the bottom")
            elif not widget.wordWrap() and widget.sizeHint().width() > widget.width() + 1:
                found.append(
                    f"label {widget.text()[:50]!r}: {widget.width()} of "
                    f"{widget.sizeHint().width()} px"
                )
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 1:
                found.append(
                    f"button {widget.text()[:50]!r}: {widget.width()} of "
                    f"{widget.sizeHint().width()} px"
                )
        elif isinstance(widget, QTabBar):
            metrics = widget.fontMetrics()
            for index in range(widget.count()):
                text = widget.tabText(index).replace("&&", "&")
                rect = widget.tabRect(index)
                if rect.width() < metrics.horizontalAdvance(text) or not widget.rect().contains(
                    rect
                ):
                    found.append(f"tab {text!r}: {rect.width()} px")
    return found


def open_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    plan = tmp_path / "plan.json"
    save_plan(sunday_evening_plan(), plan)
    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), today=lambda: date(2026, 12, 7))
    qtbot.addWidget(window)
    window.open_initial(plan)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    return window


def test_the_window_and_its_panels_fit_their_words(
    language: str, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(qtbot, tmp_path)
    window.ladder.select_certification("developer-associate")
    problems = [f"window: {p}" for p in clipped(window)]
    for dock in window.findChildren(type(window.entry_dock)):
        dock.raise_()
        qtbot.wait(20)
        problems += [f"{dock.windowTitle()}: {p}" for p in clipped(dock)]
    assert problems == [], language


def test_the_dialogs_fit_their_words(language: str, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path)
    document = window.document
    dialogs: list[QDialog] = [
        NewPlanFromProfileDialog(window, window.catalog, date(2026, 12, 7)),
        LogStudyDialog(document, document.entry_ids()[0], window),
        ShortcutsDialog(window),
        OtherFieldsDialog(Role.DEVELOPER, {}, window),
    ]
    problems = []
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{dialog.windowTitle()}: {p}" for p in clipped(dialog)]
        dialog.close()
    assert problems == [], language


def test_a_clipped_label_button_or_tab_is_found(qtbot: QtBot) -> None:
    """The check itself: a label, a button and a tab squeezed below their text are named."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    box = QVBoxLayout(root)
    label, button, tabs = QLabel("Zertifizierungsprüfung"), QPushButton("Hinzufügen"), QTabBar()
    tabs.addTab("Einstellungen")
    for widget in (label, button, tabs):
        widget.setMinimumWidth(1)
        widget.setMaximumWidth(30)
        box.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)

    found = clipped(root)
    assert [p.split(" ")[0] for p in found] == ["label", "button", "tab"]


@pytest.mark.parametrize(
    ("language", "shown"),
    [("de", "7. Dez. 2026"), ("ja", "2026年12月7日"), ("pt_BR", "7 de dez. de 2026")],
)
def test_a_date_field_shows_and_reads_the_languages_dates(
    language: str, shown: str, qtbot: QtBot, tmp_path: Path
) -> None:
    """Date fields write a day as the rest of the app does in that language, and read it back
    (test catalogs holding the date patterns, whatever the real ones say)."""
    from PySide6.QtCore import QDate

    from studyplanner.ui.widgets.form_fields import bounded_date_edit
    from tests.domain.test_wording_languages import CATALOGS
    from tests.test_i18n import speaking

    with speaking(language, CATALOGS[language], tmp_path / "locale"):
        field = bounded_date_edit()
        qtbot.addWidget(field)
        field.setDate(QDate(2026, 12, 7))
        assert field.lineEdit().text() == shown

        field.lineEdit().setText(shown.replace("7", "9", 1))
        field.interpretText()
        assert field.date() == QDate(2026, 12, 9)
