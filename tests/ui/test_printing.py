"""File › Print, Export as PDF and Export to Calendar from the window: the same report and
calendar as the command line, written where the user chose."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.storage.settings import AppSettings
from studyplanner.ui.dialogs import printing
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.window.output_commands import OutputCommands
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def document(catalog: Catalog, realistic_plan: StudyPlan) -> PlanDocument:
    doc = PlanDocument(catalog)
    doc.set_plan(realistic_plan, None)
    return doc


def output_commands(qtbot: QtBot, document: PlanDocument, prompts: FakePrompts) -> OutputCommands:
    parent = QWidget()
    qtbot.addWidget(parent)
    return OutputCommands(document, prompts, AppSettings(), parent)


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # pypdf separates words with tabs


def test_export_pdf_writes_the_report(qtbot: QtBot, document: PlanDocument, tmp_path: Path) -> None:
    # the name typed without .pdf: the file gets it
    prompts = FakePrompts(save_path=tmp_path / "fridge")
    assert output_commands(qtbot, document, prompts).export_pdf()
    text = pdf_text(tmp_path / "fridge.pdf")
    assert "Road to DevOps Pro" in text
    for code in ("DVA-C02", "SAA-C03", "DOP-C02"):
        assert code in text


def test_export_pdf_never_replaces_a_file_silently(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path
) -> None:
    existing = tmp_path / "fridge.pdf"
    existing.write_bytes(b"the report from last month")
    prompts = FakePrompts(save_path=tmp_path / "fridge", confirm=False)
    commands = output_commands(qtbot, document, prompts)
    assert not commands.export_pdf()
    assert prompts.texts("confirm") == [
        f"Export as PDF: fridge.pdf already exists in {tmp_path}. Replace it? [Replace]"
    ]
    assert existing.read_bytes() == b"the report from last month"

    prompts.answer_confirm = True
    assert commands.export_pdf()
    assert "Road to DevOps Pro" in pdf_text(existing)


def test_each_kind_of_file_remembers_its_own_folder(
    qtbot: QtBot, document: PlanDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "ask_study_blocks", lambda _parent: False)
    reports, calendars = tmp_path / "reports", tmp_path / "calendars"
    reports.mkdir()
    calendars.mkdir()
    prompts = FakePrompts(save_path=reports / "june.pdf")
    commands = output_commands(qtbot, document, prompts)
    assert commands.export_pdf()
    prompts.answer_save = calendars / "june.ics"
    assert commands.export_calendar()
    prompts.answer_save = None
    commands.export_pdf()
    commands.export_calendar()
    offered = [Path(a.text) for a in prompts.asked if a.kind == "save_path"]
    # first time: the Documents folder; then where that kind of file went last
    assert [p.parent for p in offered[2:]] == [reports, calendars]
    assert [p.name for p in offered[2:]] == ["Road to DevOps Pro.pdf", "Road to DevOps Pro.ics"]


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
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    prompts = FakePrompts(save_path=target)
    assert output_commands(qtbot, document, prompts).export_calendar()
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    schedule = document.schedule
    assert schedule is not None
    # three exams, the day each certification earned would expire, and each exam's study: a
    # block per exam domain, then the review
    blocks = sum(len(item.certification.domains) + 1 for item in schedule.entries)
    assert len(events) == 3 + 3 + blocks and blocks >= 3 * 5
    exam_days = {item.exam_date for item in schedule.entries}
    starts = {event.decoded("DTSTART") for event in events}
    assert exam_days <= starts
