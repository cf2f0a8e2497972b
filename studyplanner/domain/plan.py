"""A person's study plan: who they are, when they can study, and which exams in which order."""

from __future__ import annotations

import math
import uuid
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from studyplanner.domain.defaults import empty_list
from studyplanner.domain.roles import Direction, ExperienceField, Role
from studyplanner.domain.wording import format_hours
from studyplanner.domain.wording_languages import EXAM_LANGUAGE_NAMES
from studyplanner.i18n import N_, _

PLAN_SCHEMA_VERSION = 9
MAX_TEXT = 10_000
MAX_NAME = 200
MAX_ENTRIES = 500
"""Exams one plan holds."""
MAX_SESSIONS = 2000
"""Study sessions one entry keeps (five years of daily study)."""
MAX_SCORES = 500
MAX_PLAN_SESSIONS = 5000
MAX_PLAN_SCORES = 2000
"""Sessions and scores the whole plan keeps, so the largest plan the model allows still fits
the plan file limit (``storage.plan_files.MAX_PLAN_BYTES``) and opens again."""
MAX_DAY_HOURS = 24.0
"""A day's study sessions, over all exams, add up to at most this (checked when one is
logged or changed; a migrated lump sum of hours is not a day's study, see ``StudySession``)."""
MAX_SESSION_NOTE = 500
"""A session's note is a line or two ("chapter 4, VPC labs"), not a document."""
MAX_SOURCE = 200
DEFAULT_READINESS_TARGET = 80.0

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
"""Weekday names in the source English, Monday first; shown through ``_()``."""


EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
PlanDate = Annotated[date, Field(ge=EARLIEST_DATE, le=LATEST_DATE)]
"""Dates a plan can hold: far beyond any exam, and safely inside what calendars can show."""


class EntryStatus(StrEnum):
    PLANNED = "planned"
    STUDYING = "studying"
    PASSED = "passed"


class _Model(BaseModel):
    # Validators are built when first used: reading a plan builds one for all of it, and a
    # session or a score needs one of its own only when the user logs one.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


MAX_DOMAIN_NUMBER = 20
"""The highest domain number an exam guide can have (the catalog's own limit). The plan
keeps any number in 1..20; whether the exam has it is the analysis's to say, since the
catalog is not part of the plan (``domain.domains``)."""
DomainNumber = Annotated[int, Field(ge=1, le=MAX_DOMAIN_NUMBER)]
"""A content domain's number in its exam guide, from 1 (SAA-C03's Domain 2 is "Design
Resilient Architectures")."""


class DomainRating(StrEnum):
    """How well the learner thinks they know one domain of an exam, before any practice
    score says so: it moves that domain's share of the hours still to study."""

    NEW = "new"
    SOME = "some"
    STRONG = "strong"


class DomainVerdict(StrEnum):
    """AWS's score-report wording for a domain, for a result given without a percent."""

    MEETS = "meets"
    NEEDS_IMPROVEMENT = "needs-improvement"


DomainPercent = Annotated[float, Field(ge=0, le=100, strict=True)]
"""Strict: a JSON ``true`` is not a result of 1 %."""
DomainResult = DomainPercent | DomainVerdict
"""One domain's practice result: a percent (0-100) or AWS's score-report wording."""


class LearnerProfile(_Model):
    """The seed guide's key variables, minus time (which lives in the availability)."""

    role: Role = Role.DEVELOPER
    experience_years: float = Field(default=1.0, ge=0, le=50)
    field_years: float | None = Field(
        default=None,
        ge=0,
        le=50,
        description="Years in the role's field (security, networking, ...), on AWS or not; "
        "unknown when None, and then taken to be the years on AWS",
    )
    other_field_years: dict[ExperienceField, Annotated[float, Field(ge=0, le=50)]] = Field(
        default_factory=dict,
        max_length=len(ExperienceField),
        description="Years in fields of work other than the role's (networking for a "
        "developer, say), where the learner gave them; a field not given counts as 0 years",
    )
    direction: Direction | None = None
    focus_areas: list[Annotated[str, Field(max_length=60)]] = Field(
        default_factory=empty_list,
        max_length=30,
        description="The organisation's stack, e.g. 'SAP'",
    )
    exam_language: str | None = Field(
        default=None,
        description="The language the learner will sit exams in ('ja', 'pt-BR'); None follows "
        "the app's language",
    )

    @field_validator("exam_language")
    @classmethod
    def _known_exam_language(cls, code: str | None) -> str | None:
        if code is not None and code not in EXAM_LANGUAGE_NAMES:
            raise ValueError(
                _("unknown exam language '{code}'; use one of {codes}").format(
                    code=code, codes=", ".join(EXAM_LANGUAGE_NAMES)
                )
            )
        return code


class Blackout(_Model):
    """A period with no study at all (holiday, busy season), inclusive at both ends."""

    start: PlanDate
    end: PlanDate
    label: str = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(_("a blackout period must end on or after its start"))
        return self

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


HoursPerDay = Annotated[float, Field(ge=0, le=24)]


class WeeklyAvailability(_Model):
    """Study hours on each weekday (Monday first) and the periods with none."""

    hours_per_weekday: list[HoursPerDay] = Field(
        default_factory=lambda: [1.0, 1.0, 1.0, 1.0, 1.0, 1.5, 1.5], min_length=7, max_length=7
    )
    blackouts: list[Blackout] = Field(default_factory=empty_list, max_length=500)

    @property
    def weekly_hours(self) -> float:
        return sum(self.hours_per_weekday)

    def hours_on(self, day: date) -> float:
        if any(b.covers(day) for b in self.blackouts):
            return 0.0
        return self.hours_per_weekday[day.weekday()]

    @classmethod
    def spread(cls, weekly_hours: float, blackouts: list[Blackout] | None = None) -> Self:
        """Spread a weekly total the way people tend to study: weekdays light, weekends heavier.

        A weekday gets about a ninth of the total (so a weekend day gets about twice as much),
        rounded to a half hour; the two weekend days share the rest, so the days always add up
        to ``weekly_hours`` exactly (8 h a week: 1 h on weekdays, 1.5 h on Saturday and Sunday).
        """
        weekday = round(weekly_hours / 9 * 2) / 2
        if 5 * weekday > weekly_hours:
            weekday = math.floor(weekly_hours / 5 * 2) / 2
        if (weekly_hours - 5 * weekday) / 2 < weekday:
            weekday = max(0.0, weekday - 0.5)
        weekend = (weekly_hours - 5 * weekday) / 2
        days = [weekday] * 5 + [weekend] * 2
        if weekend > 24:
            days = [weekly_hours / 7] * 7
        return cls(hours_per_weekday=days, blackouts=blackouts or [])


def new_entry_id() -> str:
    return uuid.uuid4().hex


def clean_plan_name(text: str) -> str:
    """A typed or pasted plan name as it will be kept: one line, no outer spaces.

    Raises ``ValueError`` with a sentence for the user when nothing is left or it is too long.
    """
    name = " ".join(text.split())
    if not name:
        raise ValueError(_("A plan needs a name."))
    if len(name) > MAX_NAME:
        raise ValueError(
            _("A plan name can be at most {count} characters long.").format(count=MAX_NAME)
        )
    return name


LOGGED_BEFORE_SESSIONS = "Hours logged before sessions were kept"
"""The note of the one session a format-4 plan's "hours logged" number becomes."""
MAX_LUMP_HOURS = 5000.0
"""The most a format-4 plan could log for one exam, and so the largest lump sum."""


class StudySession(_Model):
    """One sitting of study as it happened: the plan's history, which re-planning never moves.

    A session holds at most a day's 24 hours, except the lump sum an older plan's single
    "hours logged" number became (noted ``LOGGED_BEFORE_SESSIONS``): those hours were studied
    on days nobody recorded, so they are kept whole, as one session, rather than invented
    into days (issue 20: splitting them broke the session caps and rounded 5e-324 h up to 24).
    """

    on: PlanDate
    hours: float = Field(gt=0, le=MAX_LUMP_HOURS)
    note: str = Field(default="", max_length=MAX_SESSION_NOTE)
    domain: Annotated[int, Field(strict=True, ge=1, le=MAX_DOMAIN_NUMBER)] | None = Field(
        default=None,
        description="The exam domain studied, by its number in the exam guide; None when "
        "the session is not about one domain (its hours are spread over all by weight)",
    )

    @model_validator(mode="after")
    def _one_day_at_most(self) -> Self:
        if self.hours > MAX_DAY_HOURS and not self.is_lump_sum:
            raise ValueError(
                _("a study session holds at most {hours} hours").format(hours=f"{MAX_DAY_HOURS:g}")
            )
        return self

    @property
    def is_lump_sum(self) -> bool:
        """The hours an older plan had logged before sessions were kept."""
        return self.note == LOGGED_BEFORE_SESSIONS


class PracticeScore(_Model):
    """A practice exam result, what readiness for the real exam is judged on."""

    on: PlanDate
    percent: float = Field(ge=0, le=100)
    source: str = Field(
        default="", max_length=MAX_SOURCE, description="e.g. 'official practice set'"
    )
    domains: dict[DomainNumber, DomainResult] = Field(
        default_factory=dict,
        max_length=MAX_DOMAIN_NUMBER,
        description="Results by exam domain number, as a percent or as AWS's score report "
        "words them ('meets', 'needs-improvement'); domains not given have no result",
    )


def sessions_in_date_order(sessions: list[StudySession]) -> list[StudySession]:
    """Sessions by date; those of one day stay in the order they were logged."""
    return sorted(sessions, key=lambda session: session.on)


MAX_OWN_FEE = 100_000.0
"""The most an exam fee the learner sets can be, in any currency (a yen fee is 5 figures)."""


class OwnFee(_Model):
    """What the learner pays for an exam in their own money: local currency and tax differ from
    the catalog's USD list price (350 EUR, tax included, for a $300 exam). It lives in the plan,
    so a catalog update never changes it; the budget uses it in place of the list price."""

    amount: float = Field(gt=0, le=MAX_OWN_FEE, description="The fee, at most 2 decimals")
    currency: str = Field(
        pattern=r"^[A-Z]{3}$", description="ISO 4217 code in capitals: 'EUR', 'GBP', 'USD'"
    )

    @field_validator("amount")
    @classmethod
    def _whole_cents(cls, amount: float) -> float:
        if abs(round(amount, 2) - amount) > 1e-9:
            raise ValueError(_("a fee has at most 2 decimals"))
        return round(amount, 2)

    @property
    def cents(self) -> int:
        return round(self.amount * 100)


class PlanEntry(_Model):
    """One certification in the plan, with the learner's own numbers for it."""

    id: str = Field(default_factory=new_entry_id, pattern=r"^[0-9a-f]{32}$")
    certification_id: str = Field(min_length=1, max_length=64)
    hours_override: float | None = Field(default=None, gt=0, le=5000)
    pinned_exam_date: PlanDate | None = None
    status: EntryStatus = EntryStatus.PLANNED
    passed_on: PlanDate | None = None
    sessions: list[StudySession] = Field(default_factory=empty_list, max_length=MAX_SESSIONS)
    scores: list[PracticeScore] = Field(default_factory=empty_list, max_length=MAX_SCORES)
    notes: str = Field(default="", max_length=MAX_TEXT)
    paid_by_other: bool = Field(
        default=False,
        description="Someone else pays the exam (employer or event voucher): it costs the plan "
        "nothing, and a pass still earns a 50 % voucher",
    )
    deadline: PlanDate | None = Field(
        default=None,
        description="The date the certification is needed by (employer, exam retirement, "
        "expiry of a certification it renews)",
    )
    own_fee: OwnFee | None = Field(
        default=None,
        description="The learner's own fee for the exam (local currency, tax included), used "
        "by the budget in place of the catalog's USD list price; None uses the list price",
    )
    domain_ratings: dict[DomainNumber, DomainRating] = Field(
        default_factory=dict,
        max_length=MAX_DOMAIN_NUMBER,
        description="The learner's own rating of exam domains by number (new, some, strong); "
        "a domain not rated counts as 'some'",
    )

    @model_validator(mode="after")
    def _passed_has_date(self) -> Self:
        if self.passed_on is not None and self.status is not EntryStatus.PASSED:
            raise ValueError(_("'passed_on' is only for entries with status 'passed'"))
        return self

    @property
    def hours_logged(self) -> float:
        """Hours studied so far: the sum of the study log."""
        return sum(session.hours for session in self.sessions)

    @property
    def first_session_on(self) -> date | None:
        """The day study for this exam began, as the log tells it (None before any session)."""
        return min((session.on for session in self.sessions), default=None)

    def hours_logged_until(self, day: date) -> float:
        """Hours studied on or before ``day`` (what pace compares with the plan)."""
        return sum(session.hours for session in self.sessions if session.on <= day)

    def log_session(self, session: StudySession) -> None:
        """Add ``session`` to the study log, kept in date order; a planned exam becomes one
        being studied. The one rule for logging, the window's and ``studyplanner log``'s
        (issue 21: the command line left the exam 'planned')."""
        self.sessions = sessions_in_date_order([*self.sessions, session])
        if self.status is EntryStatus.PLANNED:
            self.status = EntryStatus.STUDYING


class HeldCertification(_Model):
    """A certification the learner already has, earned outside the plan; it is not scheduled,
    but it expires, can be renewed by the plan's exams and counts as known ground."""

    certification_id: str = Field(min_length=1, max_length=64)
    earned_on: PlanDate


EntryId = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
BaselineHours = Annotated[float, Field(ge=0, le=1_000_000)]


class Baseline(_Model):
    """The plan's dates as they were when the learner committed to them (at creation, or on
    *Set Baseline*), kept so that slips show: ghost bars, "finish 3 weeks later than planned"."""

    taken_on: PlanDate
    exam_dates: dict[EntryId, PlanDate] = Field(default_factory=dict, max_length=500)
    """Entry id -> exam date then; entries added since have none."""
    finish: PlanDate | None = None
    study_from: dict[EntryId, PlanDate] = Field(default_factory=dict, max_length=500)
    """Entry id -> the day its remaining study was to begin (ghost bars, the burn-up)."""
    remaining_hours: dict[EntryId, BaselineHours] = Field(default_factory=dict, max_length=500)
    """Entry id -> the hours still to study then, so the burn-up keeps the scope it had."""
    logged_hours: BaselineHours = 0.0
    """Hours the study log held then (where the baseline's burn-up line starts)."""

    def renamed(self, new_ids: dict[str, str]) -> Baseline:
        """The same baseline for entries that now have other ids (a duplicated plan); entries
        missing from ``new_ids`` are left out."""
        return self.model_copy(
            update={
                name: {new_ids[key]: value for key, value in values.items() if key in new_ids}
                for name, values in (
                    ("exam_dates", self.exam_dates),
                    ("study_from", self.study_from),
                    ("remaining_hours", self.remaining_hours),
                )
            }
        )


MAX_OWNER_NAME = 100
"""A person's name as a team roll-up shows it: a line, not a paragraph."""
MAX_TEAM_NAME = 100


def _one_clean_line(text: str, what: str, most: int) -> str:
    """``text`` as one line without outer spaces; refused (``ValueError``) when it is empty,
    too long or holds a control character (a tab or a newline would break the team's CSV
    and every table that lists people)."""
    if any(not character.isprintable() for character in text):
        raise ValueError(_("{what} cannot hold control characters").format(what=what))
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError(_("{what} cannot be empty").format(what=what))
    if len(cleaned) > most:
        raise ValueError(
            _("{what} can be at most {count} characters long").format(what=what, count=most)
        )
    return cleaned


class Owner(_Model):
    """Whose plan this is, as a team's roll-up names them (issue 25). A plan without one is
    shown by its file name."""

    name: str = Field(max_length=4 * MAX_OWNER_NAME)
    team: str | None = Field(default=None, max_length=4 * MAX_TEAM_NAME)

    @field_validator("name")
    @classmethod
    def _clean_name(cls, name: str) -> str:
        return _one_clean_line(name, _("an owner's name"), MAX_OWNER_NAME)

    @field_validator("team")
    @classmethod
    def _clean_team(cls, team: str | None) -> str | None:
        if team is None:
            return None
        return _one_clean_line(team, _("a team's name"), MAX_TEAM_NAME)


class StudyPlan(_Model):
    """The whole plan as it is saved to disk.

    ``start_date`` has no default: "today" is the caller's to say (the app's clock, the
    command line's ``--today``, a test's fixed day), never read behind its back.
    """

    schema_version: int = PLAN_SCHEMA_VERSION
    name: str = Field(default="My certification plan", min_length=1, max_length=MAX_NAME)
    start_date: PlanDate
    profile: LearnerProfile = Field(default_factory=LearnerProfile)
    availability: WeeklyAvailability = Field(default_factory=WeeklyAvailability)
    entries: list[PlanEntry] = Field(default_factory=empty_list, max_length=MAX_ENTRIES)
    notes: str = Field(default="", max_length=MAX_TEXT)
    held: list[HeldCertification] = Field(default_factory=empty_list, max_length=100)
    voucher_valid_months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="Assumption: months a 50 % voucher earned by a pass stays usable; "
        "None assumes no limit (no published limit was found)",
    )
    readiness_target: float = Field(
        default=DEFAULT_READINESS_TARGET,
        ge=50,
        le=100,
        description="Practice score (percent) the last two attempts must reach to be ready",
    )
    baseline: Baseline | None = None
    owner: Owner | None = Field(
        default=None,
        description="Whose plan this is, for a team's roll-up; None: shown by its file name",
    )

    @model_validator(mode="after")
    def _log_fits_the_file(self) -> Self:
        if sum(len(e.sessions) for e in self.entries) > MAX_PLAN_SESSIONS:
            raise ValueError(
                _("a plan keeps at most {count} study sessions").format(count=MAX_PLAN_SESSIONS)
            )
        if sum(len(e.scores) for e in self.entries) > MAX_PLAN_SCORES:
            raise ValueError(
                _("a plan keeps at most {count} practice scores").format(count=MAX_PLAN_SCORES)
            )
        return self

    def hours_on_day(self, day: date, *, leaving_out: StudySession | None = None) -> float:
        """Hours the study log holds for ``day`` over all exams (without the session
        ``leaving_out``, one being edited), lump sums from before the log left out."""
        return sum(
            session.hours
            for item in self.entries
            for session in item.sessions
            if session.on == day and session is not leaving_out and not session.is_lump_sum
        )

    def room_on_day(self, day: date, *, leaving_out: StudySession | None = None) -> float:
        """Hours that can still be logged on ``day`` (``MAX_DAY_HOURS`` minus what it has)."""
        return max(0.0, MAX_DAY_HOURS - self.hours_on_day(day, leaving_out=leaving_out))

    def why_no_session(
        self, entry_id: str, day: date, hours: float, *, replacing: StudySession | None = None
    ) -> str | None:
        """Why a session of ``hours`` on ``day`` cannot be logged for the entry (or take the
        place of ``replacing``): a full study log, or a day that would pass 24 hours. None
        when it can. Checked before an edit, so the user's typing is never lost to a limit."""
        if replacing is None:
            if len(self.entry(entry_id).sessions) >= MAX_SESSIONS:
                return _(
                    "this exam's study log is full: an exam keeps at most {count} study sessions"
                ).format(count=f"{MAX_SESSIONS:,}")
            if sum(len(e.sessions) for e in self.entries) >= MAX_PLAN_SESSIONS:
                return _(
                    "the plan's study log is full: a plan keeps at most {count} study sessions"
                ).format(count=f"{MAX_PLAN_SESSIONS:,}")
        room = self.room_on_day(day, leaving_out=replacing)
        if hours > room:
            return _(
                "{day} already has {logged} of study logged; a day holds at most {most} "
                "(room for {room})"
            ).format(
                day=day.isoformat(),
                logged=format_hours(MAX_DAY_HOURS - room),
                most=format_hours(MAX_DAY_HOURS),
                room=format_hours(room),
            )
        return None

    def entry(self, entry_id: str) -> PlanEntry:
        for item in self.entries:
            if item.id == entry_id:
                return item
        raise KeyError(entry_id)

    def index_of(self, entry_id: str) -> int:
        for i, item in enumerate(self.entries):
            if item.id == entry_id:
                return i
        raise KeyError(entry_id)

    def duplicate(self) -> StudyPlan:
        """A copy to save as a new plan: '(copy)' after the name, and new entry ids, because
        calendar events are keyed on them and the copy is a different plan."""
        copy = self.model_copy(deep=True)
        copy.name = _("{name} (copy)").format(name=self.name)[:MAX_NAME]
        fresh = [new_entry_id() for _entry in copy.entries]
        renamed: dict[str, str] = {}
        for item, new_id in zip(copy.entries, fresh, strict=True):
            renamed.setdefault(item.id, new_id)
        copy.entries = [
            e.model_copy(update={"id": new_id})
            for e, new_id in zip(copy.entries, fresh, strict=True)
        ]
        if copy.baseline is not None:
            copy.baseline = copy.baseline.renamed(renamed)
        return copy

    def status_by_certification(self) -> dict[str, EntryStatus]:
        """Each planned certification's furthest status (passed > studying > planned), for a
        certification that appears more than once (a retake, say)."""
        rank = {EntryStatus.PLANNED: 0, EntryStatus.STUDYING: 1, EntryStatus.PASSED: 2}
        result: dict[str, EntryStatus] = {}
        for item in self.entries:
            known = result.get(item.certification_id)
            if known is None or rank.get(item.status, 0) > rank.get(known, 0):
                result[item.certification_id] = item.status
        return result

    @property
    def end_of_horizon(self) -> date:
        """The latest date the scheduler will look at before calling a plan unreachable."""
        return self.start_date + timedelta(days=365 * 60)
