"""How a plan's dates are said: an exam's study stretch and exam day, and the periods without
study. Written once here for the exam panel, the settings panel, the timeline and the report.

Qt-free like the rest of the domain's wording layer (see :mod:`studyplanner.domain.wording`).
"""

from __future__ import annotations

from datetime import date

from studyplanner.domain.plan import Blackout, EntryStatus
from studyplanner.domain.wording import format_day, format_span
from studyplanner.i18n import _


def schedule_text(
    status: EntryStatus,
    study_start: date | None,
    study_end: date | None,
    exam_date: date | None,
    pinned_unreachable: bool,
    pinned_past: date | None = None,
) -> str:
    """The computed dates of one entry as one line: 'Study 1 Dec 2026 – 27 Feb 2027, exam …'.

    ``pinned_past`` is a pinned date before today: said as such, since "cannot be reached"
    would send the person looking for too few hours."""
    if status is EntryStatus.PASSED:
        return (
            _("Passed on {date}").format(date=format_day(exam_date)) if exam_date else _("Passed")
        )
    if exam_date is None:
        return _("No dates yet")
    if study_start is None or study_end is None:
        text = _("Nothing left to study, exam {exam}").format(exam=format_day(exam_date))
    else:
        text = _("Study {start} – {end}, exam {exam}").format(
            start=format_day(study_start), end=format_day(study_end), exam=format_day(exam_date)
        )
    if pinned_past is not None:
        text = _("{dates} (the pinned date, {pinned}, is in the past)").format(
            dates=text, pinned=format_day(pinned_past)
        )
    elif pinned_unreachable:
        text = _("{dates} (the pinned date cannot be reached)").format(dates=text)
    return text


def study_line(start: date, end: date) -> str:
    """'Study 1 Dec 2026 – 27 Feb 2027', a line of its own (the exam day follows on the next)."""
    return _("Study {start} – {end}").format(start=format_day(start), end=format_day(end))


def blackout_entry(blackout: Blackout) -> str:
    """'24 Dec 2026 – 31 Dec 2026  Holidays', as the list of periods shows it."""
    span = format_span(blackout.start, blackout.end)
    return _("{span}  {label}").format(span=span, label=blackout.label) if blackout.label else span


def blackout_note(start: date, end: date, label: str) -> str:
    """'24 Dec 2026 – 31 Dec 2026 (Holidays)', inside a sentence that lists the periods."""
    span = format_span(start, end)
    return f"{span} ({label})" if label else span


def blackout_tip(blackout: Blackout) -> str:
    """'Holidays: 24 Dec 2026 – 31 Dec 2026' ('No study: …' for a period without a name), for
    the period's band on the timeline."""
    return _("{label}: {span}").format(
        label=blackout.label or _("No study"), span=format_span(blackout.start, blackout.end)
    )
