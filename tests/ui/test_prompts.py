"""The real dialogs behind ``Prompts``, where their layout is ours to get right."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.ui.document.prompts import CHOICE_TEXT_WIDTH, choice_dialog

QUESTION = (
    "road.json cannot be opened: the plan file is not valid JSON at line 1, column 31 (the "
    "file looks truncated).\n\nFolder: /home/someone/.local/share/studyplanner/plans\n\n"
    "Open a backup instead? The newest backup is the version before the last save; each older "
    "one is the plan as it was before an earlier save. The damaged file is kept as a backup "
    "when the plan is next saved.\n\nBackups, newest first:"
)


def test_a_long_question_above_choices_wraps(qtbot: QtBot) -> None:
    """Issue 21: the backup chooser was one line 1,260 px wide."""
    parent = QWidget()
    qtbot.add_widget(parent)
    choices = ["Saved today at 14:05 — Road to DevOps Pro, 3 exams, 1.7 KB", "Saved yesterday"]
    dialog = choice_dialog(parent, "Cannot open plan", QUESTION, choices)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    (label,) = dialog.findChildren(QLabel)
    assert label.wordWrap()
    assert label.width() <= CHOICE_TEXT_WIDTH
    assert dialog.width() < 700
    combo = dialog.findChild(QComboBox)
    assert combo is not None and combo.currentText() == choices[0]
    dialog.reject()
