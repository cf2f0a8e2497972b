"""File › Print, Export as PDF and Export to Calendar from the window: the same report and
calendar as the command line, written where the user chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.ui import printing
from studyplanner.ui.plan_document import PlanDocument


@pytest.fixture
def document(catalog: Catalog, realistic_plan: StudyPlan) -> PlanDocument:
    doc = PlanDocument(catalog)
    doc.set_plan(realistic_plan, None)
    return doc


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def answer(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # pypdf separates words with tabs


def test_export_pdf_writes_the_report(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fridge"  # the dialog adds .pdf when the user leaves it out
    choose_file(monkeypatch, target)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    printing.export_pdf_dialog(parent, document)
    text = pdf_text(tmp_path / "fridge.pdf")
    assert "Road to DevOps Pro" in text
    for code in ("DVA-C02", "SAA-C03", "DOP-C02"):
        assert code in text


def test_print_preview_paints_the_same_report(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "preview.pdf"

    def exec_as_pdf(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_as_pdf)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    printing.show_print_preview(parent, document)
    text = pdf_text(target)
    assert "Road to DevOps Pro" in text and "DOP-C02" in text


def test_export_calendar_with_study_blocks(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "exams.ics"
    choose_file(monkeypatch, target)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    printing.export_calendar_dialog(parent, document)
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    # three exams, three study blocks, and the day each certification earned would expire
    assert len(events) == 9
    schedule = document.schedule
    assert schedule is not None
    exam_days = {item.exam_date for item in schedule.entries}
    starts = {event.decoded("DTSTART") for event in events}
    assert exam_days <= starts
