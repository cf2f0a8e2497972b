"""File › Print, Export as PDF and Export to Calendar: dialogs around ``studyplanner.export``.

The report itself is drawn by ``export.report.render_report`` from the plan's analysis, so the
preview, the printer, the PDF and ``studyplanner print`` all produce the same document.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from studyplanner.domain.wording import count_text
from studyplanner.export.ics import write_ics
from studyplanner.export.pdf_writer import print_plan_to_pdf
from studyplanner.export.report import render_report, setup_printer
from studyplanner.i18n import _
from studyplanner.ui.document.plan_document import PlanDocument


def suggested_file(document: PlanDocument, suffix: str) -> Path:
    """The plan's name as a file name in the Documents folder: 'Road to DevOps Pro.pdf'."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = re.sub(r"[^\w\- ]+", "", document.current_plan.name).strip() or "plan"
    return Path(folder or Path.home()) / f"{stem}{suffix}"


def default_paper() -> str:
    """Letter where people measure in inches (US), A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def show_print_preview(parent: QWidget, document: PlanDocument) -> None:
    """The native print preview; its print button goes to the platform's printer dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer, paper=default_paper())
    printer.setDocName(document.current_plan.name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Print “{name}”").format(name=document.current_plan.name))

    def paint(target: QPrinter) -> None:
        analysis = document.analysis
        if analysis.schedule is not None:
            render_report(analysis, target)

    dialog.paintRequested.connect(paint)
    dialog.resize(1000, 800)
    try:
        dialog.exec()
    finally:
        # the preview holds every rendered page: free it now, not when the window closes
        dialog.deleteLater()


def export_pdf(parent: QWidget, document: PlanDocument, target: Path) -> bool:
    """Write the report to ``target`` (chosen and confirmed by the caller); False if it
    could not be written (the person is told why)."""
    analysis = document.analysis
    if analysis.schedule is None:
        return False
    try:
        pages = print_plan_to_pdf(analysis, target, paper=default_paper())
    except OSError as exc:
        problem = _("Could not write {file}:\n{reason}").format(file=target, reason=exc)
        QMessageBox.warning(parent, _("Export as PDF"), problem)
        return False
    _status(
        parent,
        _("Exported {count} to {file}").format(count=count_text(pages, "page"), file=target),
    )
    return True


def ask_study_blocks(parent: QWidget) -> bool:
    """Whether the calendar gets the study periods too, not just the exams."""
    answer = QMessageBox.question(
        parent,
        _("Export to calendar"),
        _(
            "Add the study periods as calendar events too?\n\n"
            "Each exam is always added as an all-day event."
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def export_calendar(
    parent: QWidget, document: PlanDocument, target: Path, *, study_blocks: bool
) -> bool:
    """Write the plan's exams (and study periods) to ``target`` as iCalendar."""
    analysis = document.analysis
    if analysis.schedule is None:
        return False
    try:
        count = write_ics(analysis, target, study_blocks=study_blocks)
    except OSError as exc:
        problem = _("Could not write {file}:\n{reason}").format(file=target, reason=exc)
        QMessageBox.warning(parent, _("Export to calendar"), problem)
        return False
    _status(
        parent,
        _("Exported {count} to {file}").format(
            count=count_text(count, "calendar event"), file=target
        ),
    )
    return True


def _status(parent: QWidget, message: str) -> None:
    window = parent.window()
    status_bar = getattr(window, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(message, 6000)
