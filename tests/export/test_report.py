"""The printed report, read back from the PDF the way a reader (or a search) sees it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtPrintSupport import QPrinter

from studyplanner.domain.budget import plan_budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import MAX_TEXT, LearnerProfile, PlanEntry, StudyPlan
from studyplanner.domain.roles import Role
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.suggest import suggest_plan
from studyplanner.export.pdf_writer import print_plan_to_pdf
from studyplanner.export.report import REPORT_MARGINS_MM, render_report, setup_printer
from studyplanner.style import TIER_COLORS, Colour, colour, is_dark_palette
from tests.export.plans import HOSTILE_NAME, HOSTILE_NOTE, analysed, sixty_plan, small_plan
from tests.export.reading import (
    assert_in_order,
    fill_colours,
    pdf_pages,
    phrase_at,
    printed,
    run_cli,
    show_json,
    table_row,
    word_boxes,
    words_at,
)

TODAY = date(2026, 11, 2)
"""The day advice is given on: the test plans' start (tests never read the clock)."""

MM = 72 / 25.4
PAPERS = {("a4", False): (595, 842), ("letter", False): (612, 792)}
PAPERS[("a4", True)] = PAPERS[("a4", False)][::-1]
PAPERS[("letter", True)] = PAPERS[("letter", False)][::-1]


def render(plan: StudyPlan, catalog: Catalog, path: Path, **options: object) -> int:
    schedule = schedule_plan(plan, catalog)
    return print_plan_to_pdf(analysed(schedule, catalog, TODAY), path, **options)  # type: ignore[arg-type]


def test_every_entry_is_printed_in_plan_order_as_show_json_reports_it(
    save: Callable[[StudyPlan], Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_path = save(small_plan())
    shown = show_json(plan_path, capsys)
    out = tmp_path / "plan.pdf"

    assert run_cli("print", str(plan_path), "-o", str(out)) == 0

    text = " ".join(pdf_pages(out))
    rows = [table_row(n, row) for n, row in enumerate(shown["entries"], 1)]
    assert_in_order(text, rows)
    assert "Passed" in rows[0] and "Studying" in rows[2]


def test_header_totals_and_warnings_are_printed(
    save: Callable[[StudyPlan], Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_path = save(small_plan())
    shown = show_json(plan_path, capsys)
    out = tmp_path / "plan.pdf"
    run_cli("print", str(plan_path), "-o", str(out))

    first = pdf_pages(out)[0]
    text = " ".join(pdf_pages(out))
    assert first.startswith("AWS CERTIFICATION STUDY PLAN")
    assert "Dana's path to Solutions Architect Professional" in first
    assert f"Printed {printed(TODAY.isoformat())}" in first  # the command line's --today
    assert "Software developer · 2 years of AWS experience · heading for Architecture" in first
    assert "focus: serverless, SAP" in first
    assert "10.5 h a week (Mon 1 · Tue 1 · Wed 1 · Thu 1 · Fri 0.5 · Sat 3 · Sun 3)" in first
    assert "no study 21 Dec 2026 – 3 Jan 2027 (Holidays)" in first
    paid = shown["budget"]["with_vouchers_usd"]
    assert paid == sum(row["paid_usd"] for row in shown["entries"]) < 1_200
    total = f"Total: 6 exams {shown['total_hours']:,g} {printed(shown['finish_date'])} ${paid:,}"
    assert total in text
    assert shown["warnings"], "the pinned date in the small plan is unreachable"
    for warning in shown["warnings"]:
        assert warning["message"] in text
    assert_in_order(text, ["Notes", "CLF-C02 Cloud Practitioner", "Passed first try."])


def test_user_text_is_printed_literally_and_loads_nothing(catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan().model_copy(update={"name": HOSTILE_NAME})
    out = tmp_path / "hostile.pdf"
    render(plan, catalog, out)

    text = " ".join(pdf_pages(out))
    assert HOSTILE_NOTE in text
    assert HOSTILE_NAME in text
    reader = PdfReader(out)
    assert all(len(page.images) == 0 for page in reader.pages)
    assert reader.metadata is not None and reader.metadata.title == HOSTILE_NAME


@pytest.mark.parametrize(("paper", "landscape"), sorted(PAPERS))
def test_sixty_entries_paginate_with_page_numbers_and_no_row_lost(
    catalog: Catalog,
    tmp_path: Path,
    paper: str,
    landscape: bool,
) -> None:
    plan = sixty_plan(catalog)
    schedule = schedule_plan(plan, catalog)
    costs = {cost.entry_id: cost for cost in plan_budget(schedule).entries}
    out = tmp_path / "sixty.pdf"

    # printed on the clock's day, as before the analysis (on 2 Nov 2026 the chart's last month
    # label overflows the margin by 0.7 pt: export/report/chart.py, reported in issue 22)
    printed = analysed(schedule, catalog, date.today())
    pages = print_plan_to_pdf(printed, out, paper=paper, landscape=landscape)

    texts = pdf_pages(out)
    assert len(texts) == pages > 2
    for number, text in enumerate(texts, 1):
        assert text.endswith(f"Page {number} of {pages}")
    rows = [
        table_row(
            n,
            {
                "code": item.certification.code,
                "name": item.certification.name,
                "tier": item.certification.tier.value,
                "hours": item.hours,
                "study_start": item.study_start and item.study_start.isoformat(),
                "exam_date": item.exam_date and item.exam_date.isoformat(),
                "fee_usd": item.certification.exam.fee_usd,
                "paid_usd": costs[item.entry.id].paid_usd,
                "voucher_from": costs[item.entry.id].voucher_from,
                "voucher_from_held": costs[item.entry.id].voucher_from_held,
                "paid_by_other": costs[item.entry.id].paid_by_other,
                "status": item.entry.status.value,
            },
        )
        for n, item in enumerate(schedule.entries, 1)
    ]
    assert_in_order(" ".join(texts), rows)
    for text in texts:  # a page that carries table rows starts them under the column header
        if any(row in text for row in rows):
            assert "# EXAM CERTIFICATION TIER HOURS STUDY START EXAM DATE FEE STATUS" in text
    for row in rows:  # and no row is split across two pages
        assert any(row in text for text in texts), row
    width, height = PAPERS[(paper, landscape)]
    left, top, right, bottom = (m * MM for m in REPORT_MARGINS_MM)
    for page_width, page_height, boxes in word_boxes(out):
        assert (round(page_width), round(page_height)) == (width, height)
        for x0, y0, x1, y1 in boxes:  # every word inside the printable area: nothing clipped
            assert left - 1 <= x0 and x1 <= width - right + 1, (x0, x1)
            assert top - 1 <= y0 and y1 <= height - bottom + 1, (y0, y1)


def test_a_note_longer_than_a_page_flows_on_without_losing_a_word(
    catalog: Catalog, tmp_path: Path
) -> None:
    words = [f"w{n:04d}" for n in range(MAX_TEXT // 6)]
    note = " ".join(words)[:MAX_TEXT]
    plan = small_plan()
    plan.entries[1] = plan.entries[1].model_copy(update={"notes": note})
    out = tmp_path / "long-note.pdf"

    pages = render(plan, catalog, out)

    texts = pdf_pages(out)
    kept = note.rsplit(" ", 1)[0].split(" ")
    assert_in_order(" ".join(texts), kept)
    assert pages >= 3
    assert any("Notes (continued)" in t and "SAA-C03 Solutions Architect" in t for t in texts[1:])


def test_timeline_is_drawn_as_vectors_in_tier_colours(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    render(small_plan(), catalog, out)

    page = PdfReader(out).pages[0]
    assert len(page.images) == 0
    text = " ".join(page.extract_text().split())
    assert_in_order(text, ["Timeline", "2026", "2027", "2028", "Nov", "Dec", "Jan"])
    assert_in_order(text, ["1 CLF-C02 2 SAA-C03 3 DVA-C02 4 SAP-C02 5 SCS-C03 6 DOP-C02"])
    assert set(TIER_COLORS.values()) <= fill_colours(out)


def test_the_chart_draws_blackout_periods_like_the_screen(catalog: Catalog, tmp_path: Path) -> None:
    """Issue 13: the screen's timeline hatches a blackout period and names it under the axis;
    the printed chart now does too, in the house's light colours, with a legend entry."""
    with_blackout = tmp_path / "holidays.pdf"
    render(small_plan(), catalog, with_blackout)
    plan = small_plan()
    plan.availability = plan.availability.model_copy(update={"blackouts": []})
    without = tmp_path / "none.pdf"
    render(plan, catalog, without)

    words = words_at(with_blackout)
    chart_top = phrase_at(words, "Timeline")[1]
    table_top = phrase_at(words, "Exams in order")[1]
    in_chart = [(w, x, y) for w, x, y in words if chart_top < y < table_top]
    (holidays,) = [x for w, x, _ in in_chart if w == "Holidays"]
    december = next(x for w, x, _ in in_chart if w == "Dec")  # Dec 2026 on the axis
    february = next(x for w, x, _ in in_chart if w == "Feb")  # Feb 2027
    assert december < holidays < february  # the band starts on 21 Dec
    assert "no study" in " ".join(w for w, _, _ in in_chart)  # the legend names the hatching

    band_fill = colour(Colour.FAINT)
    assert band_fill in fill_colours(with_blackout)
    assert band_fill not in fill_colours(without)
    assert "Holidays" not in " ".join(pdf_pages(without))


def test_printing_from_a_dark_window_still_gives_a_paper_coloured_report(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Paper is white: the report always takes the light column of the house colours, and its
    warning marks are the same amber as the timeline's badges."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    dark = QPalette(before)
    for role, name in (
        (QPalette.ColorRole.Base, Colour.SURFACE),
        (QPalette.ColorRole.Text, Colour.TEXT),
    ):
        dark.setColor(role, QColor(colour(name, dark=True)))
    assert is_dark_palette(dark)
    out = tmp_path / "plan.pdf"
    app.setPalette(dark)
    try:
        render(small_plan(), catalog, out)
    finally:
        app.setPalette(before)

    fills = set().union(*(fill_colours(out, page) for page in range(len(pdf_pages(out)))))
    light = {colour(name) for name in (Colour.TEXT, Colour.MUTED_TEXT, Colour.WARNING_FILL)}
    assert light <= fills
    assert colour(Colour.TEXT, dark=True) not in fills
    assert colour(Colour.MUTED_TEXT, dark=True) not in fills


def test_counts_of_one_are_singular(catalog: Catalog, tmp_path: Path) -> None:
    plan = StudyPlan(
        name="One exam",
        start_date=date(2027, 1, 4),
        profile=LearnerProfile(role=Role.NETWORKING, experience_years=1, field_years=1),
        entries=[PlanEntry(certification_id="cloud-practitioner")],
    )
    out = tmp_path / "one.pdf"
    render(plan, catalog, out)

    text = " ".join(pdf_pages(out))
    assert "1 year of AWS experience · 1 year of networking" in text
    assert "Total: 1 exam " in text


def test_a_plan_without_exams_still_prints(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    pages = render(StudyPlan(name="Empty", start_date=date(2027, 1, 4)), catalog, out)

    assert pages == 1
    text = pdf_pages(out)[0]
    assert "This plan has no exams yet." in text
    assert "No warnings for this plan." in text


def test_render_report_serves_a_prepared_printer_and_its_page_range(
    catalog: Catalog, tmp_path: Path
) -> None:
    """The app's print preview and print dialog hand over their own QPrinter."""
    schedule = schedule_plan(sixty_plan(catalog), catalog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    setup_printer(printer, paper="letter", landscape=True)
    printer.setFromTo(2, 3)

    total = render_report(analysed(schedule, catalog, date(2026, 11, 29)), printer)
    del printer

    texts = pdf_pages(tmp_path / "range.pdf")
    assert total > 3
    assert [t[-len(f"Page 2 of {total}") :] for t in texts] == [
        f"Page 2 of {total}",
        f"Page 3 of {total}",
    ]


def test_unknown_paper_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown paper 'a5'"):
        render(small_plan(), catalog, tmp_path / "a5.pdf", paper="a5")
    assert not (tmp_path / "a5.pdf").exists()


def test_a_failed_print_leaves_the_existing_file_alone(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"%PDF- the earlier export")

    def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr("studyplanner.export.pdf_writer.render_report", broken)
    with pytest.raises(OSError, match="disk full"):
        render(small_plan(), catalog, out)
    assert out.read_bytes() == b"%PDF- the earlier export"


def test_entries_keep_their_names_when_the_plan_repeats_them(
    catalog: Catalog, tmp_path: Path
) -> None:
    plan = small_plan()
    plan.entries.append(PlanEntry(certification_id="solutions-architect-associate"))
    out = tmp_path / "repeat.pdf"
    render(plan, catalog, out)

    text = " ".join(pdf_pages(out))
    assert text.count("SAA-C03 Solutions Architect – Associate Associate") == 2
    assert "#7 · SAA-C03 Solutions Architect – Associate is in the plan more than once" in text


def test_the_report_prints_experience_warnings_the_profile_and_the_plans_notes(
    catalog: Catalog, tmp_path: Path
) -> None:
    """A suggestion's remarks live in the plan's notes and reach the fridge copy."""
    profile = LearnerProfile(role=Role.NETWORKING, experience_years=0, field_years=3)
    suggestion = suggest_plan(catalog, profile, 15, date(2026, 12, 1))
    plan = suggestion.plan.model_copy(
        update={
            "entries": [
                *suggestion.plan.entries,
                PlanEntry(certification_id="advanced-networking-specialty"),
            ]
        }
    )
    out = tmp_path / "novice.pdf"
    render(plan, catalog, out)
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "0 years of AWS experience · 3 years of networking" in text
    assert "ANS-C01 Advanced Networking – Specialty on" in text
    assert "before you have the 2 years on AWS and 5 years of networking work it" in text
    remark = next(r for r in suggestion.remarks if "Advanced Networking" in r)
    assert_in_order(text, ["Notes", remark.split(",")[0]])
