"""File › Print, Export as PDF and Export to Calendar: dialogs around ``studyplanner.export``.

The report itself is drawn by ``export.report.render_report`` from the plan's schedule, so the
preview, the printer, the PDF and ``studyplanner print`` all produce the same document.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from studyplanner.domain.wording import count_text
from studyplanner.export.ics import write_ics
from studyplanner.export.pdf_writer import print_plan_to_pdf
from studyplanner.export.report import render_report, setup_printer
from studyplanner.ui.plan_document import PlanDocument


def _suggested_file(document: PlanDocument, suffix: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = re.sub(r"[^\w\- ]+", "", document.plan.name).strip() or "plan"
    return str(Path(folder or Path.home()) / f"{stem}{suffix}")


def default_paper() -> str:
    """Letter where people measure in inches (US), A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def show_print_preview(parent: QWidget, document: PlanDocument) -> None:
    """The native print preview; its print button goes to the platform's printer dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer, paper=default_paper())
    printer.setDocName(document.plan.name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print “{document.plan.name}”")

    def paint(target: QPrinter) -> None:
        schedule = document.schedule
        if schedule is not None:
            render_report(schedule, document.advice, target)

    dialog.paintRequested.connect(paint)
    dialog.resize(1000, 800)
    try:
        dialog.exec()
    finally:
        # the preview holds every rendered page: free it now, not when the window closes
        dialog.deleteLater()


def export_pdf_dialog(parent: QWidget, document: PlanDocument) -> None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export as PDF", _suggested_file(document, ".pdf"), "PDF documents (*.pdf)"
    )
    if not name:
        return
    target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    schedule = document.schedule
    if schedule is None:
        return
    try:
        pages = print_plan_to_pdf(schedule, document.advice, target, paper=default_paper())
    except OSError as exc:
        QMessageBox.warning(parent, "Export as PDF", f"Could not write {target}:\n{exc}")
        return
    _status(parent, f"Exported {count_text(pages, 'page')} to {target}")


def export_calendar_dialog(parent: QWidget, document: PlanDocument) -> None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Export to calendar",
        _suggested_file(document, ".ics"),
        "iCalendar files (*.ics)",
    )
    if not name:
        return
    target = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
    schedule = document.schedule
    if schedule is None:
        return
    blocks = (
        QMessageBox.question(
            parent,
            "Export to calendar",
            "Add the study periods as calendar events too?\n\n"
            "Each exam is always added as an all-day event.",
        )
        == QMessageBox.StandardButton.Yes
    )
    try:
        count = write_ics(schedule, target, study_blocks=blocks)
    except OSError as exc:
        QMessageBox.warning(parent, "Export to calendar", f"Could not write {target}:\n{exc}")
        return
    _status(parent, f"Exported {count_text(count, 'calendar event')} to {target}")


def _status(parent: QWidget, message: str) -> None:
    window = parent.window()
    status_bar = getattr(window, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(message, 6000)
