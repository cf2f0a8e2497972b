"""Print, print preview and PDF of the team report from the team view: the same document as
``studyplanner team --pdf`` (``export.team_report``), on the paper the plan report uses."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMainWindow, QWidget

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.wording import count_text
from studyplanner.export.report import setup_printer
from studyplanner.export.team_report import print_team_to_pdf, render_team_report
from studyplanner.i18n import _
from studyplanner.storage.settings import AppSettings
from studyplanner.ui.dialogs.printing import default_paper
from studyplanner.ui.document.file_choice import choose_save_target
from studyplanner.ui.document.prompts import PDF_FILES, Prompts
from studyplanner.ui.team.reading import TeamRead


def report_name(read: TeamRead) -> str:
    return read.roll_up.name or read.folder.folder.name or _("Team report")


def suggested_file(read: TeamRead) -> Path:
    """The team's name as a file name in the Documents folder: 'Platform team.pdf'."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = re.sub(r"[^\w\- ]+", "", report_name(read)).strip() or "team"
    return Path(folder or Path.home()) / f"{stem}{PDF_FILES.suffix}"


def show_team_preview(parent: QWidget, read: TeamRead, catalog: Catalog) -> None:
    """The native print preview of the team report; its print button goes to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer, paper=default_paper())
    printer.setDocName(report_name(read))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Print “{name}”").format(name=report_name(read)))

    def paint(target: QPrinter) -> None:
        render_team_report(read.roll_up, read.folder.skipped, catalog, target)

    dialog.paintRequested.connect(paint)
    dialog.resize(1000, 800)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # the preview holds every rendered page


def export_team_pdf(
    parent: QMainWindow, read: TeamRead, catalog: Catalog, prompts: Prompts, settings: AppSettings
) -> bool:
    """Ask where, then write the team report there; False when cancelled or not written (the
    person is told why)."""
    title = _("Export as PDF")
    target = choose_save_target(prompts, settings, title, suggested_file(read), PDF_FILES)
    if target is None:
        return False
    try:
        pages = print_team_to_pdf(
            read.roll_up, read.folder.skipped, catalog, target, paper=default_paper()
        )
    except OSError as exc:
        prompts.warn(title, _("Could not write {file}:\n{reason}").format(file=target, reason=exc))
        return False
    parent.statusBar().showMessage(
        _("Exported {count} to {file}").format(count=count_text(pages, "page"), file=target), 6000
    )
    return True
