"""How progress is said in words, the same in `show` and on the printed page: pace ("4 h
behind the baseline of 1 Jun 2026 (about half a week at your pace)"), readiness, and how far
the finish has moved from the baseline ("finish 3 weeks later than planned on 7 Dec 2026").

Part of the domain's wording layer (see :mod:`studyplanner.domain.wording`): Qt-free, so the
command line can use it without loading Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from studyplanner.domain.domains import DomainShare
from studyplanner.domain.plan import PlanEntry
from studyplanner.domain.progress import (
    Pace,
    PaceReference,
    PlanPace,
    Readiness,
    latest_scores,
    readiness,
)
from studyplanner.domain.wording import count_text, format_day, format_hours, format_number
from studyplanner.domain.wording_domains import weak_domains_text
from studyplanner.i18n import _, ngettext

ON_PACE_HOURS = 0.5
"""Behind or ahead by less than this is on pace: a half-hour is noise in a study log."""


def study_span(hours: float, weekly_hours: float) -> str:
    """How long ``hours`` of study take at ``weekly_hours`` a week, roughly: 'about a day',
    'about half a week', 'about 3 weeks', 'about 2 months'."""
    if weekly_hours <= 0:
        return _("with no study hours in the week")
    weeks = hours / weekly_hours
    if weeks < 0.35:
        days = max(1, round(weeks * 7))
        if days == 1:
            return _("about a day")
        return ngettext("about {days} day", "about {days} days", days).format(days=days)
    if weeks < 0.75:
        return _("about half a week")
    if weeks < 1.5:
        return _("about a week")
    if weeks < 9:
        whole = round(weeks)
        return ngettext("about {weeks} week", "about {weeks} weeks", whole).format(weeks=whole)
    return _("about {months}").format(months=count_text(round(weeks * 7 / 30.44), "month"))


def pace_text(pace: PlanPace, weekly_hours: float) -> str:
    """'190 h behind the plan from its start on 1 Jun 2026 (about 6 months at your pace)',
    '... ahead of the baseline of 1 Jun 2026 ...', or on pace: the whole plan against the plan
    the learner made."""
    behind = pace.behind_hours
    day = format_day(pace.reference_date)
    baseline = pace.reference is PaceReference.BASELINE
    if abs(behind) < ON_PACE_HOURS:
        sentence = (
            _("on pace with the baseline of {day} ({logged} logged, {planned} planned by today)")
            if baseline
            else _(
                "on pace with the plan from its start on {day} ({logged} logged, {planned} "
                "planned by today)"
            )
        )
        return sentence.format(
            day=day, logged=format_hours(pace.logged), planned=format_hours(pace.planned_by_today)
        )
    if behind > 0:
        sentence = (
            _("{hours} behind the baseline of {day} ({span} at your pace)")
            if baseline
            else _("{hours} behind the plan from its start on {day} ({span} at your pace)")
        )
    else:
        sentence = (
            _("{hours} ahead of the baseline of {day} ({span} at your pace)")
            if baseline
            else _("{hours} ahead of the plan from its start on {day} ({span} at your pace)")
        )
    span = study_span(abs(behind), weekly_hours)
    return sentence.format(hours=format_hours(abs(behind)), day=day, span=span)


def pace_brief(pace: PlanPace | None) -> str:
    """'12 h behind plan' or '3 h ahead of plan', for a one-line summary of the plan; '' before
    any study is due or while on pace."""
    if pace is None or not pace.started or abs(pace.behind_hours) < ON_PACE_HOURS:
        return ""
    said = _("{hours} behind plan") if pace.behind_hours > 0 else _("{hours} ahead of plan")
    return said.format(hours=format_hours(abs(pace.behind_hours)))


def entry_pace_text(pace: Pace, weekly_hours: float) -> str:
    """One exam's share: '4 h behind (about half a week at your pace)', '3 h ahead (…)', or
    on pace."""
    behind = pace.behind_hours
    if abs(behind) < ON_PACE_HOURS:
        return _("On pace: {logged} logged, {planned} planned by today").format(
            logged=format_hours(pace.logged), planned=format_hours(pace.planned_by_today)
        )
    text = (
        _("{hours} behind ({span} at your pace)")
        if behind > 0
        else _("{hours} ahead ({span} at your pace)")
    )
    span = study_span(abs(behind), weekly_hours)
    return text.format(hours=format_hours(abs(behind)), span=span)


def shift_amount(days: int) -> str:
    """'5 days', '3 weeks', '4 months': a distance between two dates, as people say it."""
    days = abs(days)
    if days < 14:
        return count_text(days, "day")
    if days < 63:
        return count_text(round(days / 7), "week")
    return count_text(round(days / 30.44), "month")


def shift_text(days: int, baseline_finish: date) -> str:
    """'finish 3 weeks later than planned on 7 Dec 2026' (or earlier, or as planned), where
    7 Dec 2026 is the finish the baseline holds."""
    planned = format_day(baseline_finish)
    if days == 0:
        return _("finish as planned on {day}").format(day=planned)
    if days > 0:
        sentence = _("finish {amount} later than planned on {day}")
    else:
        sentence = _("finish {amount} earlier than planned on {day}")
    return sentence.format(amount=shift_amount(days), day=planned)


def percent(value: float) -> str:
    """'78 %', '82.5 %'."""
    return f"{format_number(value)} %"


def readiness_text(entry: PlanEntry, target: float, weak: Sequence[DomainShare] = ()) -> str:
    """'ready: last two practice scores 84 % and 88 % (target 80 %)', 'not ready: ...', or
    'no practice scores yet'. ``weak``, the weak exam domains (``DomainSplit.weak`` from the
    analysis), are named with their latest result: 'not ready: Domain 2, Design Resilient
    Architectures, 55 %; last two practice scores 60 % and 72 % (target 80 %)', or after a
    ready verdict as 'still weak: ...'."""
    state = readiness(entry, target)
    if state is Readiness.UNKNOWN or not entry.scores:
        return _("no practice scores yet")
    last = latest_scores(entry)
    ready = state is Readiness.READY
    if weak and not ready:
        if len(last) == 1:
            details = _("one practice score, {score} (two at {target} or more make it ready)")
            details = details.format(score=percent(last[0].percent), target=percent(target))
        else:
            details = _("last two practice scores {earlier} and {later} (target {target})")
            details = details.format(
                earlier=percent(last[0].percent),
                later=percent(last[1].percent),
                target=percent(target),
            )
        return _("not ready: {weak}; {details}").format(
            weak=weak_domains_text(weak), details=details
        )
    label = _("ready") if ready else _("not ready")
    if len(last) == 1:
        text = _(
            "{state}: one practice score, {score} (two at {target} or more make it ready)"
        ).format(state=label, score=percent(last[0].percent), target=percent(target))
    else:
        earlier, later = last
        text = _("{state}: last two practice scores {earlier} and {later} (target {target})")
        text = text.format(
            state=label,
            earlier=percent(earlier.percent),
            later=percent(later.percent),
            target=percent(target),
        )
    if weak:
        text = _("{readiness}; still weak: {weak}").format(
            readiness=text, weak=weak_domains_text(weak)
        )
    return text
