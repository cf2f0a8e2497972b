"""The language the learner will sit exams in: the app's own, or one AWS offers its exams in."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from studyplanner.domain.wording_languages import (
    EXAM_LANGUAGE_NAMES,
    exam_language_for_app,
    language_name,
)
from studyplanner.i18n import N_, _, language

EXAM_LANGUAGE_TIP = N_(
    "The language you will take your exams in. AWS offers each exam in its own set of "
    "languages; the plan notes an exam not offered in yours."
)


class ExamLanguageBox(QComboBox):
    """'Same as the app (English)' first, which follows the app's language (stored as None),
    then every language AWS offers exams in, by name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow = language_name(exam_language_for_app(language()))
        self.addItem(_("Same as the app ({language})").format(language=follow), "")
        for code in EXAM_LANGUAGE_NAMES:
            self.addItem(language_name(code), code)
        self.setToolTip(_(EXAM_LANGUAGE_TIP))
        self.setAccessibleName(_("Exam language"))

    def code(self) -> str | None:
        """The chosen language's code, or None for the app's language."""
        return str(self.currentData()) or None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(index, 0))
