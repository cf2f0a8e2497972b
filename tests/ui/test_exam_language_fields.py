"""The learner's exam language: chosen by name in the plan settings (one undo command each,
by mouse or keyboard) and in the new-plan dialog, whose preview notes a suggested exam that
is not offered in it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.domain.advice import AdviceCode
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.roles import Direction, Role
from studyplanner.ui.dialogs.profile_dialog import NewPlanFromProfileDialog
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.plan_settings import PlanSettingsPanel
from studyplanner.ui.widgets.exam_language_box import ExamLanguageBox
from tests.ui.test_plan_settings import choose, three_exam_plan


def settings(qtbot: QtBot, catalog: Catalog) -> tuple[PlanSettingsPanel, PlanDocument]:
    document = PlanDocument(catalog)
    document.set_plan(three_exam_plan(), None)
    panel = PlanSettingsPanel(document)
    qtbot.addWidget(panel)
    panel.resize(380, 760)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    return panel, document


def language_notes(document: PlanDocument) -> list[str]:
    return [a.message for a in document.advice if a.code is AdviceCode.EXAM_LANGUAGE]


def test_the_box_follows_the_app_first_then_names_every_language() -> None:
    box = ExamLanguageBox()
    assert box.itemText(0) == "Same as the app (English)"
    assert box.code() is None
    assert [box.itemText(i) for i in (1, 2, 6)] == ["English", "Japanese", "Portuguese (Brazil)"]
    box.set_code("zh-Hant")
    assert (box.currentText(), box.code()) == ("Traditional Chinese", "zh-Hant")
    box.set_code(None)
    assert box.currentIndex() == 0


def test_choosing_a_language_is_one_undoable_edit_that_brings_the_note(
    qtbot: QtBot, catalog: Catalog
) -> None:
    panel, document = settings(qtbot, catalog)
    assert language_notes(document) == []  # English, the app's language, has every exam

    choose(panel.exam_language, "Portuguese (Brazil)")
    assert document.plan.profile.exam_language == "pt-BR"
    assert document.undo_stack.undoText() == "Change exam language"
    assert document.undo_stack.count() == 1
    # DVA-C02 and SAA-C03 are offered in Brazilian Portuguese; DOP-C02 is not (assumed).
    [note] = language_notes(document)
    assert note.startswith(
        "assumed: DOP-C02 is offered in English, Japanese, Korean and Simplified Chinese, "
        "not in Portuguese (Brazil)"
    )

    choose(panel.role, Role.OPERATIONS.label)  # another profile edit keeps the language
    assert document.plan.profile.exam_language == "pt-BR"

    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.profile.exam_language is None
    assert panel.exam_language.currentIndex() == 0
    assert language_notes(document) == []


def test_the_keyboard_chooses_a_language_too(qtbot: QtBot, catalog: Catalog) -> None:
    panel, document = settings(qtbot, catalog)
    panel.exam_language.setFocus()
    qtbot.keyClick(panel.exam_language, Qt.Key.Key_Down)  # the first language: English
    qtbot.keyClick(panel.exam_language, Qt.Key.Key_Down)  # then Japanese
    assert document.plan.profile.exam_language == "ja"
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.plan.profile.exam_language == "en"


def test_the_new_plan_dialog_keeps_the_language_and_previews_the_note(
    qtbot: QtBot, catalog: Catalog
) -> None:
    dialog = NewPlanFromProfileDialog(None, catalog, date(2026, 11, 29))
    qtbot.addWidget(dialog)
    choose(dialog.role, Role.DEVELOPER.label)
    choose(dialog.direction, Direction.DEVOPS.label)
    assert "not in" not in dialog.preview.toPlainText()

    choose(dialog.exam_language, "Portuguese (Brazil)")
    plan = dialog.suggestion().plan
    assert plan.profile.exam_language == "pt-BR"
    preview = " ".join(dialog.preview.toPlainText().split())
    assert (
        "Assumed: DOP-C02 is offered in English, Japanese, Korean and Simplified Chinese, "
        "not in Portuguese (Brazil)"
    ) in preview
    assert "SAA-C03 is offered" not in preview  # offered in Brazilian Portuguese
