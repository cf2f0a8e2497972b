"""The app's PDF writer: the report as a PDF file, for `studyplanner print` and *Export as PDF*.

Qt needs a QGuiApplication for fonts and painting; on a machine without a display the
command forces the offscreen platform so it runs over SSH, in CI and in cron jobs alike.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from studyplanner import __version__
from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.export.report import render_report, setup_printer
from studyplanner.storage.atomic import atomic_write_bytes

_app: QGuiApplication | None = None  # kept alive for the rest of the process


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new headless one when there is none yet."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("printing needs a QGuiApplication, not a bare QCoreApplication")
        return existing
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["studyplanner"])
    return _app


def print_plan_to_pdf(
    analysis: PlanAnalysis,
    output_path: Path,
    *,
    paper: str = "a4",
    landscape: bool = False,
) -> int:
    """Write the report of ``analysis`` as a PDF at ``output_path`` and return its page
    count; the report is dated the analysis's today.

    The PDF is rendered into a temporary folder and then moved into place atomically, so an
    existing file is never left half-written.
    """
    ensure_gui_application()
    output_path = Path(output_path)
    with tempfile.TemporaryDirectory(prefix="studyplanner-print-") as folder:
        draft = Path(folder) / "report.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(draft))
        printer.setDocName(analysis.plan.name)
        printer.setCreator(f"StudyPlanner {__version__}")
        printer.setPdfVersion(QPrinter.PdfVersion.PdfVersion_1_6)
        setup_printer(printer, paper=paper, landscape=landscape)
        pages = render_report(analysis, printer)
        del printer  # closes the file before it is read back
        atomic_write_bytes(output_path, draft.read_bytes())
    return pages
