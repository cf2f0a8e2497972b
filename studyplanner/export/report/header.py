"""The report's first lines: the plan's name, who it is for, when they study, how far the
finish has moved from the baseline, and the totals (hours, exams, finish, and the three fee
figures: list price, with vouchers, worst case)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from studyplanner.domain.budget import Budget
from studyplanner.domain.plan import EntryStatus, StudyPlan
from studyplanner.domain.schedule import Schedule
from studyplanner.domain.wording import (
    count_text,
    format_day,
    format_hours,
    format_number,
    format_weekday_hours,
    format_weekly_hours,
)
from studyplanner.domain.wording_budget import fee_totals
from studyplanner.domain.wording_progress import shift_amount, shift_text
from studyplanner.domain.wording_schedule import blackout_note
from studyplanner.export.report.blocks import Block
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.text import TextStyle, one_line
from studyplanner.i18n import _, ngettext
from studyplanner.style import Colour

MAX_BLACKOUTS_LISTED = 6
"""Monday first, as the plan's hours are; shown through ``_()`` (the wording layer's table)."""


def profile_line(plan: StudyPlan) -> str:
    profile = plan.profile
    experience = count_text(profile.experience_years, "year")
    parts = [profile.role.label, _("{years} of AWS experience").format(years=experience)]
    field = profile.role.field
    if profile.field_years is not None and field is not None:
        years = count_text(profile.field_years, "year")
        parts.append(_("{years} of {field}").format(years=years, field=field.label))
    if profile.direction is not None:
        parts.append(_("heading for {direction}").format(direction=profile.direction.label))
    if profile.focus_areas:
        areas = ", ".join(one_line(a) for a in profile.focus_areas)
        parts.append(_("focus: {areas}").format(areas=areas))
    return " · ".join(parts)


def availability_line(plan: StudyPlan) -> str:
    availability = plan.availability
    days = format_weekday_hours(availability.hours_per_weekday)
    text = f"{format_weekly_hours(availability.weekly_hours)} ({days})"
    blackouts = sorted(availability.blackouts, key=lambda b: b.start)
    if blackouts:
        shown = []
        for b in blackouts[:MAX_BLACKOUTS_LISTED]:
            shown.append(blackout_note(b.start, b.end, one_line(b.label).strip()))
        more = len(blackouts) - MAX_BLACKOUTS_LISTED
        if more > 0:
            shown.append(ngettext("and {count} more", "and {count} more", more).format(count=more))
        text = _("{week}; no study {periods}").format(week=text, periods=", ".join(shown))
    return text


def dates_line(schedule: Schedule) -> str:
    finish = schedule.finish_date
    start = format_day(schedule.plan.start_date)
    if finish is None:
        return _("Starts {start}").format(start=start)
    return _("Starts {start} · last exam {finish}").format(start=start, finish=format_day(finish))


def baseline_line(schedule: Schedule, shift: int | None) -> str | None:
    """'Finish 3 weeks later than planned on 7 Dec 2026 (baseline set 2 Nov 2026)', or None
    for a plan without a baseline (or one whose finish cannot be compared). ``shift`` is the
    analysis's ``finish_shift_days``."""
    baseline = schedule.plan.baseline
    if baseline is None or baseline.finish is None or shift is None:
        return None
    text = shift_text(shift, baseline.finish)
    return _("{shift} (baseline set {day})").format(
        shift=f"{text[0].upper()}{text[1:]}", day=format_day(baseline.taken_on)
    )


def finish_note(schedule: Schedule, shift: int | None) -> str:
    """Under the finish date: how far it moved from the baseline (``shift`` days), in a few
    words."""
    if schedule.plan.baseline is None or shift is None:
        return _("date of the last exam")
    if shift == 0:
        return _("as planned")
    if shift > 0:
        return _("{amount} later than planned").format(amount=shift_amount(shift))
    return _("{amount} earlier than planned").format(amount=shift_amount(shift))


def header_blocks(
    sheet: Sheet, schedule: Schedule, budget: Budget, printed_on: date, shift: int | None
) -> list[Block]:
    """The title, the plan's facts and its totals; ``shift`` is how far the finish moved
    from the baseline (the analysis's ``finish_shift_days``)."""
    plan = schedule.plan
    blocks: list[Block] = []
    eyebrow = _("AWS CERTIFICATION STUDY PLAN")
    printed = _("Printed {day}").format(day=format_day(printed_on))

    def paint_eyebrow(painter: QPainter, top: float) -> None:
        sheet.eyebrow.draw(painter, 0, top, eyebrow)
        sheet.muted.draw(painter, sheet.width, top, printed, right=True)

    blocks.append(Block(max(sheet.eyebrow.line, sheet.muted.line), paint_eyebrow))
    title_lines = sheet.title.wrap(plan.name, sheet.width, sheet.device)

    def paint_title(painter: QPainter, top: float) -> None:
        for n, line in enumerate(title_lines):
            sheet.title.draw(painter, 0, top + n * sheet.title.line, line)

    blocks.append(Block(len(title_lines) * sheet.title.line, paint_title, sheet.pt(4)))

    facts = [
        (_("LEARNER"), profile_line(plan)),
        (_("AVAILABILITY"), availability_line(plan)),
        (_("DATES"), dates_line(schedule)),
    ]
    shifted = baseline_line(schedule, shift)
    if shifted is not None:
        facts.append((_("BASELINE"), shifted))
    label_width = max(sheet.label.width(key) for key, _value in facts) + sheet.pt(12)
    for n, (key, value) in enumerate(facts):
        blocks.append(_fact(sheet, key, value, label_width, sheet.pt(10) if n == 0 else 0.0))
    blocks.append(_summary(sheet, schedule, budget, shift))
    return blocks


def _fact(sheet: Sheet, key: str, value: str, label_width: float, space: float) -> Block:
    lines = sheet.body.wrap(value, sheet.width - label_width, sheet.device)

    def paint(painter: QPainter, top: float) -> None:
        offset = sheet.body.baseline(top) - sheet.label.baseline(top)
        sheet.label.draw(painter, 0, top + offset, key)
        for n, line in enumerate(lines):
            sheet.body.draw(painter, label_width, top + n * sheet.body.line, line)

    return Block(len(lines) * sheet.body.line, paint, space)


def fee_notes(schedule: Schedule, budget: Budget) -> tuple[str, str, str]:
    """What each fee figure counts, in a few words under it."""
    to_sit = sum(1 for i in schedule.entries if i.entry.status is not EntryStatus.PASSED)
    vouchers = sum(
        1
        for cost in budget.entries
        if cost.voucher_from is not None or cost.voucher_from_held is not None
    )
    sponsored = sum(1 for cost in budget.entries if cost.paid_by_other)
    if vouchers:
        used = _("{vouchers} used").format(vouchers=count_text(vouchers, "voucher"))
    else:
        used = _("no voucher to use")
    if sponsored:
        used = ngettext(
            "{vouchers} · {count} sponsored", "{vouchers} · {count} sponsored", sponsored
        ).format(vouchers=used, count=sponsored)
    to_sit_note = _("{exams} still to sit").format(exams=count_text(to_sit, "exam"))
    return to_sit_note, used, _("each exam failed once")


def _summary(sheet: Sheet, schedule: Schedule, budget: Budget, shift: int | None) -> Block:
    """The totals in a panel: three cells a row on a narrow page, all six in one on a wide one."""
    passed = sum(1 for i in schedule.entries if i.entry.status is EntryStatus.PASSED)
    left = schedule.remaining_hours
    list_note, vouchers_note, worst_note = fee_notes(schedule, budget)
    listed, with_vouchers, worst = fee_totals(budget)
    cells = [
        (
            _("STUDY HOURS"),
            format_number(schedule.total_hours),
            _("{hours} still to study").format(hours=format_hours(left)),
        ),
        (
            _("EXAMS"),
            str(len(schedule.entries)),
            ngettext("{count} passed", "{count} passed", passed).format(count=passed)
            if passed
            else _("none passed yet"),
        ),
        (_("FINISH"), format_day(schedule.finish_date), finish_note(schedule, shift)),
        (_("LIST PRICE"), listed, list_note),
        (_("WITH VOUCHERS"), with_vouchers, vouchers_note),
        (_("WORST CASE"), worst, worst_note),
    ]
    pad = sheet.pt(10)

    def fits(per_row: int, stat: TextStyle) -> bool:
        room = sheet.width / per_row - pad * 2.4
        return all(
            max(sheet.label.width(key), stat.width(value), sheet.muted.width(note)) <= room
            for key, value, note in cells
        )

    # One row when the figures fit at a size still read as figures (a wide page saves the
    # height of a row); else two rows of three, shrinking the figures only if they must.
    for per_row, smallest in ((len(cells), 12.0), (3, 9.0)):
        stat = sheet.stat
        while not fits(per_row, stat) and stat.font.pointSizeF() > smallest:
            stat = sheet.style(
                stat.font.pointSizeF() - 0.5, QFont.Weight.DemiBold, leading=1.2, numbers=True
            )
        if fits(per_row, stat):
            break
    rows = [cells[n : n + per_row] for n in range(0, len(cells), per_row)]
    row_height = pad * 2 + sheet.label.line + stat.line + sheet.muted.line
    height = row_height * len(rows)

    def paint(painter: QPainter, top: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink(Colour.PANEL))
        painter.drawRoundedRect(QRectF(0, top, sheet.width, height), sheet.pt(4), sheet.pt(4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        cell = sheet.width / per_row
        for r, row in enumerate(rows):
            row_top = top + r * row_height
            if r:
                painter.setPen(sheet.pen(ink(Colour.RULE), 0.5))
                painter.drawLine(QLineF(pad, row_top, sheet.width - pad, row_top))
            for n, (key, value, note) in enumerate(row):
                x = n * cell + pad * 1.4
                y = row_top + pad
                sheet.label.draw(painter, x, y, key)
                stat.draw(painter, x, y + sheet.label.line, value)
                sheet.muted.draw(painter, x, y + sheet.label.line + stat.line, note)
                if n:
                    painter.setPen(sheet.pen(ink(Colour.RULE), 0.5))
                    painter.drawLine(
                        QLineF(n * cell, row_top + pad, n * cell, row_top + row_height - pad)
                    )

    return Block(height, paint, sheet.pt(14))
