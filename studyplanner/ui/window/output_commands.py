"""File › Print, Export as PDF and Export to Calendar, reached by menu, shortcut and toolbar.

The printing module (and QtPrintSupport) is imported on first use: most sessions never print,
and the window should not pay for it at start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studyplanner import APP_NAME
from studyplanner.i18n import _
from studyplanner.storage.settings import AppSettings
from studyplanner.ui.document.file_choice import choose_save_target
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.document.prompts import CALENDAR_FILES, PDF_FILES, Prompts


class OutputCommands(QObject):
    """The three commands; files are chosen through ``choose_save_target`` (suffix added
    before any "Replace?", the folder remembered per kind of file)."""

    def __init__(
        self, document: PlanDocument, prompts: Prompts, settings: AppSettings, window: QWidget
    ) -> None:
        super().__init__(window)
        self._document = document
        self._prompts = prompts
        self._settings = settings
        self._window = window
        self.print = QAction(_("&Print…"), window)
        self.print.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.pdf = QAction(_("Export as P&DF…"), window)
        self.pdf.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.calendar = QAction(_("Export to &Calendar…"), window)
        self.print.triggered.connect(self.print_plan)
        self.pdf.triggered.connect(self.export_pdf)
        self.calendar.triggered.connect(self.export_calendar)

    @property
    def actions(self) -> list[QAction]:
        return [self.print, self.pdf, self.calendar]

    def print_plan(self) -> None:
        if self._schedulable():
            from studyplanner.ui.dialogs.printing import show_print_preview

            show_print_preview(self._window, self._document)

    def export_pdf(self) -> bool:
        if not self._schedulable():
            return False
        from studyplanner.ui.dialogs import printing

        title = _("Export as PDF")
        suggested = printing.suggested_file(self._document, PDF_FILES.suffix)
        target = choose_save_target(self._prompts, self._settings, title, suggested, PDF_FILES)
        return target is not None and printing.export_pdf(self._window, self._document, target)

    def export_calendar(self) -> bool:
        if not self._schedulable():
            return False
        from studyplanner.ui.dialogs import printing

        title = _("Export to calendar")
        suggested = printing.suggested_file(self._document, CALENDAR_FILES.suffix)
        kind = CALENDAR_FILES
        target = choose_save_target(self._prompts, self._settings, title, suggested, kind)
        if target is None:
            return False
        blocks = printing.ask_study_blocks(self._window)
        return printing.export_calendar(self._window, self._document, target, study_blocks=blocks)

    def _schedulable(self) -> bool:
        """Printing needs dates: say why there are none instead of printing an empty plan."""
        if self._document.schedule is None:
            message = self._document.schedule_error or _("The plan cannot be scheduled.")
            self._prompts.warn(APP_NAME, message)
            return False
        return True
