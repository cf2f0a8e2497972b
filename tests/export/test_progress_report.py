"""Issue 12 on paper: the report's Progress section (pace, readiness, the burn-up chart, the
study days) and the finish against the baseline in its header, read back from the PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.progress import study_days
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.pdf_writer import print_plan_to_pdf
from studyplanner.export.report.chart import lighter
from studyplanner.export.report.progress import heat_colour, heat_level
from studyplanner.style import Colour, colour, tier_qcolor
from tests.export.plans import analysed, small_plan
from tests.export.progress_plans import TODAY, under_way_plan
from tests.export.reading import (
    assert_in_order,
    fill_colours,
    pdf_pages,
    phrase_at,
    printed,
    run_cli,
    show_json,
    words_at,
)


def render(plan: StudyPlan, catalog: Catalog, path: Path, today: date = TODAY) -> list[str]:
    schedule = schedule_plan(plan, catalog, today=today)
    print_plan_to_pdf(analysed(schedule, catalog, today), path)
    return pdf_pages(path)


def progress_section(pages: list[str]) -> str:
    text = " ".join(pages)
    start = text.index("Progress LOGGED")
    return text[start : text.index("Certifications and renewals", start)]


def test_the_progress_section_says_what_show_json_says(
    catalog: Catalog,
    save: Callable[[StudyPlan], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = under_way_plan(catalog)
    plan_path = save(plan)
    shown = show_json(plan_path, capsys, today=TODAY.isoformat())
    out = tmp_path / "plan.pdf"

    assert run_cli("print", str(plan_path), "-o", str(out), today=TODAY.isoformat()) == 0

    section = progress_section(pdf_pages(out))
    days = study_days(plan)
    logged = sum(days.values())
    remaining = sum(row["remaining_hours"] for row in shown["entries"])
    assert shown["behind_hours"] > 40  # three short evenings a week against 8 h
    assert_in_order(
        section,
        [
            f"LOGGED {logged:g} h on {len(days)} study days · {remaining:g} h still to study, "
            "as of 30 Nov 2026",
            f"PACE {shown['behind_hours']:g} h behind the baseline of 7 Sep 2026 (about 5 weeks "
            "at your pace)",
            "READINESS DVA-C02: not ready: last two practice scores 71 % and 78 % (target 80 %)",
            "Today",
            f"{logged:g} h logged",
            "hours logged planned now baseline plan today",
            "STUDY DAYS",
            f"{len(days)} study days since {printed(min(days).isoformat())}, {logged:g} h in all; "
            f"last studied {printed(max(days).isoformat())}",
            "none up to 1 h up to 2 h up to 3 h more",
        ],
    )


def test_the_header_says_how_far_the_finish_moved_from_the_baseline(
    catalog: Catalog,
    save: Callable[[StudyPlan], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = under_way_plan(catalog)
    shown = show_json(save(plan), capsys, today=TODAY.isoformat())
    baseline = shown["baseline"]
    weeks = round(baseline["finish_shift_days"] / 7)
    assert baseline["finish_shift_days"] >= 14 and weeks > 1  # the slow weeks moved the finish

    first = render(plan, catalog, tmp_path / "plan.pdf")[0]

    assert (
        f"BASELINE Finish {weeks} weeks later than planned on {printed(baseline['finish'])} "
        "(baseline set 7 Sep 2026)"
    ) in first
    assert_in_order(
        first, ["FINISH", printed(shown["finish_date"]), f"{weeks} weeks later than planned"]
    )


def test_without_a_baseline_or_a_log_the_section_says_so(catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan()
    for entry in plan.entries:
        entry.sessions = []
    pages = render(plan, catalog, tmp_path / "plan.pdf", today=date(2026, 11, 2))

    first, text = pages[0], " ".join(pages)
    assert "BASELINE" not in first and "date of the last exam" in first
    assert "No study logged yet: log study time in the app (Log Study Time) or with" in text
    assert "baseline plan" not in text and "STUDY DAYS" not in text
    assert "hours logged planned now today" in text


def test_the_today_mark_of_the_chart_sits_over_today(catalog: Catalog, tmp_path: Path) -> None:
    """'Today' is centred over 30 Nov: between the chart's 'Nov' and 'Dec' labels, nearer Dec."""
    out = tmp_path / "plan.pdf"
    pages = render(under_way_plan(catalog), catalog, out)
    page = next(n for n, text in enumerate(pages) if "Progress LOGGED" in text)
    words = words_at(out, page)
    today_x, today_top = phrase_at(words, "Today")
    chart_months = [(w, x) for w, x, top in words if w in ("Nov", "Dec") and top > today_top]
    nov = next(x for w, x in chart_months if w == "Nov")
    dec = next(x for w, x in chart_months if w == "Dec")
    assert nov < today_x < dec


def test_study_days_are_shaded_by_the_hours_studied(catalog: Catalog, tmp_path: Path) -> None:
    assert [heat_level(h) for h in (0, 0.5, 1, 1.5, 2, 3, 3.5, 12)] == [0, 1, 1, 2, 2, 3, 4, 4]
    out = tmp_path / "plan.pdf"
    pages = render(under_way_plan(catalog), catalog, out)
    page = next(n for n, text in enumerate(pages) if "Progress LOGGED" in text)

    used = fill_colours(out, page)
    # the log's 1.5 h evenings and 3 h Saturdays, the empty days, and the log's own green
    assert {heat_colour(2).name().upper(), heat_colour(3).name().upper()} <= used
    assert {colour(Colour.PANEL), colour(Colour.PASSED_RIBBON)} <= used


def test_the_bar_under_way_is_full_up_to_today_and_lighter_after(
    catalog: Catalog, tmp_path: Path
) -> None:
    associate = tier_qcolor(Tier.ASSOCIATE)
    rest = lighter(associate).name().upper()
    out = tmp_path / "plan.pdf"
    render(under_way_plan(catalog), catalog, out)
    assert {associate.name().upper(), rest} <= fill_colours(out, 0)

    before = tmp_path / "before.pdf"  # printed the day before any study: no bar under way
    render(under_way_plan(catalog), catalog, before, today=date(2026, 9, 7))
    assert rest not in fill_colours(before, 0)


def test_the_logged_label_is_never_crossed_by_the_plans_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 0 h the label sat on the axis, under today's point, where the planned line rises
    from: struck through (issue 21). Drawn without the label, no line passes where it goes."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from studyplanner.export.report.progress import PLANNED, BurnUpChart
    from studyplanner.export.report.sheet import Sheet, ink
    from studyplanner.export.report.text import TextStyle

    today = date(2027, 2, 22)
    image = QImage(900, 700, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    sheet = Sheet(image, 860)
    logged = [(date(2026, 12, 7), 0.0), (today, 0.0)]
    planned = [(today, 0.0), (date(2027, 6, 1), 150.0), (date(2028, 1, 28), 386.0)]
    placed: list[tuple[float, float, float]] = []
    draw = TextStyle.draw

    def record(
        self: TextStyle, painter: QPainter, x: float, top: float, text: str, **kw: object
    ) -> None:
        if text == "0 h logged":
            placed.append((x, top, self.width(text)))
            return
        draw(self, painter, x, top, text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(TextStyle, "draw", record)
    block = BurnUpChart(sheet, [], planned, logged, today).block()
    painter = QPainter(image)
    block.paint(painter, 20.0)
    painter.end()
    [(x, top, width)] = placed
    line_colour = ink(PLANNED)
    crossed = [
        (px, py)
        for px in range(int(x), int(x + width))
        for py in range(int(top), int(top + sheet.chart.line))
        if QColor(image.pixel(px, py)).name() == line_colour.name()
    ]
    assert crossed == []
