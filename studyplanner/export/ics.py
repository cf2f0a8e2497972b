"""The plan's exams as an iCalendar file, for Google Calendar, Outlook, Apple Calendar.

Each event's UID comes from the plan entry's id, so importing a re-exported file updates the
events instead of adding copies. Passed exams are included (on the day they were passed, when
recorded) so that an exam imported while planned is updated rather than left at a stale date;
passed entries have no study block. Study blocks are what is left to study: a block that ended
before today is left out, and one that began earlier starts today (the days already studied are
in the plan's log, not on the calendar). An exam whose guide lists domains gets a block per
domain, named after it, over the days the week view studies it (weakest first), then a review
block of every domain up to the exam; the review keeps the UID the exam's one study block had
before domains, so re-importing turns that block into the review instead of leaving a stale
copy. Each held or planned certification also gets an all-day event on the day it expires
(after the renewals in the plan), with reminders 90 and 30 days before, when there is still
time to book a renewing exam. An exam still to sit has reminders
7 days and 1 day before. A reminder that would fall before the export day is left out: a
calendar would show it at once, or never.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event, vText

from studyplanner import __version__
from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.domains import DomainSplit
from studyplanner.domain.lifecycle import Validity, path_text, renewal_paths
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.domain.week import WeekItem, WeekItemKind, entry_days
from studyplanner.domain.wording import count_text, format_day, format_hours
from studyplanner.domain.wording_domains import domain_label
from studyplanner.domain.wording_validity import expiry_lines
from studyplanner.i18n import _
from studyplanner.storage.atomic import atomic_write_bytes

UID_DOMAIN = "studyplanner.local"
EXPIRY_REMINDER_DAYS = (90, 30)
"""Reminders before a certification expires: time to study for and book a renewing exam."""
EXAM_REMINDER_DAYS = (7, 1)
"""Reminders before an exam still to sit: a week to check the booking, and the day before."""
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)

# iCalendar TEXT may not hold control characters other than tab (RFC 5545, 3.3.11); line
# breaks are written escaped, as "\\n". C1 controls and lone surrogates cannot be written either.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def calendar_text(text: str) -> str:
    """``text`` as an iCalendar TEXT value can carry it: every kind of line break becomes
    ``\\n`` (which icalendar escapes), other control characters are dropped and lone
    surrogates become U+FFFD, so what a plan file holds can never add a line to the file."""
    text = _LINE_BREAK.sub("\n", text)
    text = _FORBIDDEN.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def exam_uid(entry_id: str) -> str:
    return f"{entry_id}-exam@{UID_DOMAIN}"


def study_uid(entry_id: str) -> str:
    return f"{entry_id}-study@{UID_DOMAIN}"


def domain_study_uid(entry_id: str, number: int) -> str:
    """A domain's study block, keyed on the domain, so a re-export moves it in place."""
    return f"{entry_id}-study-d{number}@{UID_DOMAIN}"


def expiry_uid(validity: Validity) -> str:
    """Keyed on the entry that earns the certification, or for one already held on the
    certification itself (a plan holds each at most once: the latest date earned counts), so
    a re-export moves the expiry instead of adding a second one."""
    key = validity.entry_id or f"held-{validity.certification_id}"
    return f"{key}-expiry@{UID_DOMAIN}"


def _sequence(now: datetime) -> int:
    """A revision number that grows with every export, so calendars that compare SEQUENCE
    (Outlook, Apple) accept a re-export as an update to the events they already have."""
    return max(0, int((now - _SEQUENCE_EPOCH).total_seconds() // 60))


def _title(item: ScheduledEntry) -> str:
    return f"{item.certification.code} {item.certification.name}"


def _plan_line(plan_name: str) -> str:
    return _("Plan: {plan}").format(plan=plan_name)


def _categories(kind: str) -> list[str]:
    """The event's categories: all of the app's events share the first, so a calendar can
    show or hide them together."""
    return [_("AWS certification"), kind]


def _all_day_event(uid: str, summary: str, first: date, last: date, now: datetime) -> Event:
    """An all-day event from ``first`` to ``last`` inclusive, stamped so that a re-import
    updates the earlier copy (same UID, higher SEQUENCE)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("last-modified", now)
    event.add("sequence", _sequence(now))
    event.add("summary", calendar_text(summary))
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    return event


def _add_reminders(
    event: Event, day: date, before: tuple[int, ...], today: date, text: str
) -> None:
    """Reminders ``before`` days ahead of an event on ``day``, each saying ``text`` (with
    ``{days}`` for how long until then); those that would fall before ``today`` are left out."""
    for days in before:
        if day - timedelta(days=days) < today:
            continue
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-days))
        alarm.add("description", calendar_text(text.format(days=count_text(days, "day"))))
        event.add_component(alarm)


def _exam_event(
    item: ScheduledEntry, day: date, plan_name: str, now: datetime, today: date
) -> Event:
    cert = item.certification
    passed = item.entry.status is EntryStatus.PASSED
    summary = (_("AWS exam passed: {title}") if passed else _("AWS exam: {title}")).format(
        title=_title(item)
    )
    event = _all_day_event(exam_uid(item.entry.id), summary, day, day, now)
    event.add(
        "description",
        calendar_text(
            "\n".join(
                [
                    _("Certification: AWS Certified {name}").format(name=cert.name),
                    _("Exam code: {code}").format(code=cert.code),
                    _("Tier: {tier}").format(tier=cert.tier.label),
                    _("Exam fee: {fee} (USD)").format(fee=f"${cert.exam.fee_usd:,}"),
                    _("Duration: {minutes} minutes, {questions} questions").format(
                        minutes=cert.exam.minutes, questions=cert.exam.questions
                    ),
                    _plan_line(plan_name),
                ]
            )
        ),
    )
    event.add("categories", _categories(cert.tier.label))
    event.add("transp", "TRANSPARENT" if passed else "OPAQUE")
    if not passed:
        reminder = _("AWS exam {title} in {{days}}, on {day}").format(
            title=_title(item), day=format_day(day)
        )
        _add_reminders(event, day, EXAM_REMINDER_DAYS, today, reminder)
    return event


def _study_event(
    item: ScheduledEntry, start: date, end: date, plan_name: str, now: datetime
) -> Event:
    summary = _("Study for AWS {title}").format(title=_title(item))
    event = _all_day_event(study_uid(item.entry.id), summary, start, end, now)
    hours = _("{hours} hours of study before the exam.").format(hours=f"{item.remaining_hours:g}")
    event.add("description", calendar_text(f"{hours}\n{_plan_line(plan_name)}"))
    event.add("categories", _categories(_("Study")))
    event.add("transp", "TRANSPARENT")  # a months-long block must not mark every day busy
    return event


def _domain_events(
    item: ScheduledEntry,
    split: DomainSplit,
    days: tuple[WeekItem, ...],
    plan_name: str,
    now: datetime,
) -> list[Event]:
    """The exam's study left, a block per domain (weakest first) and the review block, each
    from its first study day to its last."""
    names = {share.number: share for share in split.shares}
    events = []
    studied = [day for day in days if day.kind is WeekItemKind.STUDY and day.domain is not None]
    for number in dict.fromkeys(day.domain for day in studied):
        share = names.get(number) if number is not None else None
        if number is None or share is None:
            continue
        own = [day for day in studied if day.domain == number]
        label = domain_label(number, share.name)
        summary = _("Study for AWS {code}: {domain}").format(
            code=item.certification.code, domain=label
        )
        event = _all_day_event(
            domain_study_uid(item.entry.id, number), summary, own[0].day, own[-1].day, now
        )
        hours = _("{hours} of study on {domain} ({weight} % of the exam), for {title}.").format(
            hours=format_hours(sum(day.hours for day in own)),
            domain=label,
            weight=share.weight,
            title=_title(item),
        )
        event.add("description", calendar_text(f"{hours}\n{_plan_line(plan_name)}"))
        event.add("categories", _categories(_("Study")))
        event.add("transp", "TRANSPARENT")
        events.append(event)
    review = [day for day in days if day.kind is WeekItemKind.REVIEW]
    if review:
        summary = _("Review for AWS {title}: every domain").format(title=_title(item))
        first, last = review[0].day, review[-1].day
        event = _all_day_event(study_uid(item.entry.id), summary, first, last, now)
        order = "; ".join(
            domain_label(number, names[number].name)
            for number in dict.fromkeys(day.domain for day in review)
            if number is not None and number in names
        )
        text = _("{hours} going over every domain before the exam, weakest first: {order}.").format(
            hours=format_hours(sum(day.hours for day in review)), order=order
        )
        event.add("description", calendar_text(f"{text}\n{_plan_line(plan_name)}"))
        event.add("categories", _categories(_("Study")))
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def study_events(
    analysis: PlanAnalysis, item: ScheduledEntry, plan_name: str, now: datetime
) -> list[Event]:
    """The exam's study blocks still ahead on the analysis's today: by domain when its guide
    lists domains, else one block over its study window."""
    block = remaining_block(item, analysis.today)
    if block is None:
        return []
    split = analysis.domains_of(item.entry.id)
    if split is not None and split.shares:
        days = entry_days(analysis, item.entry.id)
        if days:
            return _domain_events(item, split, days, plan_name, now)
    return [_study_event(item, *block, plan_name, now)]


def _expiry_event(
    validity: Validity, catalog: Catalog, plan_name: str, now: datetime, today: date
) -> Event:
    cert = catalog.get(validity.certification_id)
    title = f"{cert.code} {cert.name}"
    day = validity.expires_on
    summary = _("{title} expires").format(title=title)
    event = _all_day_event(expiry_uid(validity), summary, day, day, now)
    lines = expiry_lines(validity, catalog)
    paths = renewal_paths(cert, catalog)
    if paths:
        lines.append(
            _("Ways to renew it before then, cheapest first: {paths}").format(
                paths="; ".join(path_text(path) for path in paths)
            )
        )
    lines.append(_plan_line(plan_name))
    event.add("description", calendar_text("\n".join(lines)))
    event.add("categories", _categories(_("Expiry")))
    event.add("transp", "TRANSPARENT")
    reminder = _("{title} expires in {{days}}, on {day}").format(title=title, day=format_day(day))
    _add_reminders(event, day, EXPIRY_REMINDER_DAYS, today, reminder)
    return event


def remaining_block(item: ScheduledEntry, today: date | None) -> tuple[date, date] | None:
    """The part of an entry's study window still ahead on ``today`` (first and last day), or
    None when nothing is left to study: passed, no window, or a window that ended before today.
    Without a ``today`` the whole window is ahead."""
    if item.entry.status is EntryStatus.PASSED:
        return None
    if item.study_start is None or item.study_end is None:
        return None
    if today is None:
        return item.study_start, item.study_end
    if item.study_end < today:
        return None
    return max(item.study_start, today), item.study_end


def plan_calendar(
    analysis: PlanAnalysis, *, study_blocks: bool = False, now: datetime | None = None
) -> Calendar:
    """The calendar for ``analysis``: one all-day event per exam with a known date, one on
    each certification's expiry date, and with ``study_blocks`` one all-day span per study
    window still ahead on the analysis's today."""
    schedule = analysis.schedule
    if schedule is None:  # the window and the command line say why before they get here
        raise ValueError(analysis.schedule_error or _("The plan cannot be scheduled."))
    now = now or datetime.now(UTC).replace(microsecond=0)
    catalog = analysis.catalog
    today = analysis.today
    plan_name = calendar_text(schedule.plan.name)
    calendar = Calendar()
    calendar.add("prodid", f"-//StudyPlanner//StudyPlanner {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property is not escaped unless it is given as text (icalendar would otherwise
    # refuse a line break with an assert, or write it raw under python -O).
    calendar.add("x-wr-calname", vText(plan_name))
    reminders_from = today  # no reminder before the export day
    for item in schedule.entries:
        for study in study_events(analysis, item, plan_name, now) if study_blocks else ():
            calendar.add_component(study)
        if item.exam_date is not None:
            exam = _exam_event(item, item.exam_date, plan_name, now, reminders_from)
            calendar.add_component(exam)
    for validity in analysis.validities:
        calendar.add_component(_expiry_event(validity, catalog, plan_name, now, reminders_from))
    return calendar


def write_ics(analysis: PlanAnalysis, output_path: Path, *, study_blocks: bool = False) -> int:
    """Write the plan's calendar to ``output_path`` atomically; return the number of events.
    Study blocks start on the analysis's today."""
    calendar = plan_calendar(analysis, study_blocks=study_blocks)
    atomic_write_bytes(Path(output_path), calendar.to_ical())
    return len(calendar.walk("VEVENT"))
