"""The open plan, its analysis, and the undo stack every edit goes through.

Views never change the plan directly: they call the edit methods here, each of which pushes
one ``QUndoCommand``. Every change (edit, undo, redo, a new day) works the plan's
``analysis`` out once and emits ``changed`` once; opening another plan emits ``opened``
instead. Panes listen and redraw from the analysis (``schedule``, ``advice``, ... read it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from studyplanner.domain import progress
from studyplanner.domain.advice import Advice
from studyplanner.domain.analysis import PlanAnalysis, analyse, plan_baseline
from studyplanner.domain.budget import Budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.lifecycle import add_renewal as plan_with_renewal
from studyplanner.domain.plan import (
    MAX_ENTRIES,
    Baseline,
    DomainResult,
    EntryStatus,
    HeldCertification,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    sessions_in_date_order,
)
from studyplanner.domain.progress import PlanPace, Readiness
from studyplanner.domain.schedule import Schedule
from studyplanner.domain.wording import format_day, format_hours
from studyplanner.i18n import _


class _PlanEdit(QUndoCommand):
    """One edit, stored as the whole plan before and after: undo restores it exactly."""

    def __init__(self, document: PlanDocument, before: StudyPlan, after: StudyPlan, text: str):
        super().__init__(text)
        self._document = document
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._document._install(self._after)  # the document never changes a plan in place

    def undo(self) -> None:
        self._document._install(self._before)


class PlanDocument(QObject):
    changed = Signal()
    """The plan, its schedule or its advice changed (an edit, undo, redo, a new day)."""
    opened = Signal()
    """A different plan was put in place (new, open); not an edit. Sent instead of
    ``changed``, so a pane that redraws on both redraws once."""
    selection_changed = Signal(str)
    """The entry id the user is working on ('' for none)."""
    refused = Signal(str)
    """An edit was not made because it would pass one of the plan's limits (a full study
    log, a 501st exam, a day over 24 hours); the sentence says which (the window shows it)."""

    def __init__(
        self,
        catalog: Catalog,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._clock = today
        """Where the document reads the date (tests pin it); read once per refresh."""
        self.undo_stack = QUndoStack(self)
        # A dying stack clears itself and announces it; by then its listeners may be gone.
        self.destroyed.connect(partial(self.undo_stack.blockSignals, True))
        self.path: Path | None = None
        self.read_only = False
        self._today = today()
        self._plan = StudyPlan(start_date=self._today)
        self._analysis = analyse(self._plan, catalog, self._today)
        self._selected = ""

    # --- reading ----------------------------------------------------------------------

    def today(self) -> date:
        """The day the schedule, the advice and every view are computed for: the clock as it
        was read at the last refresh, so one redraw never mixes two dates."""
        return self._today

    def refresh_today(self) -> bool:
        """Read the clock again (the window does at midnight); when the day has changed, plan
        from the new day and tell the views. True if it changed."""
        day = self._clock()
        if day == self._today:
            return False
        self._recompute(day)
        self.changed.emit()
        return True

    @property
    def plan(self) -> StudyPlan:
        """A copy of the current plan, to change and hand back (``replace_plan``)."""
        return _copy(self._plan)

    @property
    def current_plan(self) -> StudyPlan:
        """The current plan itself, for reading: never change it (edits go through the edit
        methods, which install a new plan). Every pane reads the plan on every edit, so this
        spares a copy of it each time (a 500-exam plan takes milliseconds to copy)."""
        return self._plan

    @property
    def analysis(self) -> PlanAnalysis:
        """Everything derived from the current plan on ``today()``, worked out once per
        change; the accessors below read it."""
        return self._analysis

    @property
    def schedule(self) -> Schedule | None:
        return self._analysis.schedule

    @property
    def schedule_error(self) -> str | None:
        return self._analysis.schedule_error

    @property
    def advice(self) -> list[Advice]:
        return list(self._analysis.advice)

    @property
    def validities(self) -> list[Validity]:
        """When each held, passed and planned certification is valid, with its renewals
        (empty while the plan cannot be scheduled)."""
        return list(self._analysis.validities)

    @property
    def budget(self) -> Budget | None:
        """The plan's exam fees: list price, with vouchers, worst case (None without a
        schedule)."""
        return self._analysis.budget

    @property
    def pace(self) -> PlanPace | None:
        """Hours planned by today against hours logged, for the exam being studied (None when
        nothing is being studied)."""
        return self._analysis.pace

    @property
    def finish_shift_days(self) -> int | None:
        """How many days the finish moved since the baseline (positive: later); None without a
        baseline or a schedule."""
        return self._analysis.finish_shift_days

    def readiness_of(self, entry_id: str) -> Readiness:
        """Whether the entry's last practice scores reach the plan's target."""
        return self._analysis.readiness_of(entry_id)

    def log_target(self) -> str:
        """The entry *Log Study Time* offers first: the selected one unless it is passed, else
        the one being studied, else the first not yet passed ('' when there is none)."""
        unfinished = [e.id for e in self._plan.entries if e.status is not EntryStatus.PASSED]
        if self._selected in unfinished:
            return self._selected
        schedule = self._analysis.schedule
        if schedule is not None:
            for item in schedule.entries:
                if item.entry.id in unfinished and item.study_start is not None:
                    if item.study_start <= self._today:
                        return item.entry.id  # the exam being studied
                    break
        return unfinished[0] if unfinished else ""

    def baseline_for(self, plan: StudyPlan) -> Baseline | None:
        """``plan``'s dates as of today, to keep as its baseline (None for a plan without
        exams, or one that cannot be scheduled)."""
        return plan_baseline(plan, self.catalog, self._today)

    def validity_of(self, entry_id: str) -> Validity | None:
        """The validity an entry's exam earns, or None (not scheduled, or it renews one that is
        already held)."""
        return self._analysis.validity_of(entry_id)

    @property
    def selected_entry_id(self) -> str:
        return self._selected

    def entry_ids(self) -> list[str]:
        return [e.id for e in self._plan.entries]

    def contains_certification(self, cert_id: str) -> bool:
        return any(e.certification_id == cert_id for e in self._plan.entries)

    # --- not edits -----------------------------------------------------------------------

    def set_plan(self, plan: StudyPlan, path: Path | None, *, read_only: bool = False) -> None:
        """Open ``plan``: clears the undo history (opening is not an edit). The analysis is
        worked out once and ``opened`` is the one notification (not ``changed`` as well:
        every pane would otherwise redraw twice, and the timeline lay itself out twice)."""
        self.undo_stack.clear()
        self.path = path
        self.read_only = read_only
        was_selected = self._selected
        self._selected = ""
        self._plan = _copy(plan)
        self._recompute()
        self.undo_stack.setClean()
        self.opened.emit()
        if was_selected:
            self.selection_changed.emit("")

    def select(self, entry_id: str) -> None:
        if entry_id and entry_id not in self.entry_ids():
            entry_id = ""
        if entry_id != self._selected:
            self._selected = entry_id
            self.selection_changed.emit(entry_id)

    # --- edits (each one undo command) ------------------------------------------------

    def _edit(
        self, text: str, change: Callable[[StudyPlan], None], *, top_level: bool = False
    ) -> bool:
        """Push ``change`` as one undo command. ``top_level``: it only sets the plan's own
        fields, so it may change a shallow copy (the validation below makes every part new)."""
        if self.read_only:
            return False
        before = self._plan  # never changed in place: edits install new plans
        after = self._plan.model_copy() if top_level else _copy(self._plan)
        change(after)
        after = StudyPlan.model_validate(after.model_dump())
        if after == before:
            return False
        self.undo_stack.push(_PlanEdit(self, before, after, text))
        return True

    def insert_certification(self, cert_id: str, index: int | None = None) -> str:
        """Add ``cert_id`` at ``index`` (end if None); returns the new entry's id."""
        cert = self.catalog.get(cert_id)
        if len(self._plan.entries) >= MAX_ENTRIES:
            self.refused.emit(
                _(
                    "{code} was not added: a plan holds at most {count} exams. Remove one, or "
                    "start another plan."
                ).format(code=cert.code, count=MAX_ENTRIES)
            )
            return ""
        entry = PlanEntry(certification_id=cert_id)

        def change(plan: StudyPlan) -> None:
            at = len(plan.entries) if index is None else max(0, min(index, len(plan.entries)))
            plan.entries.insert(at, entry)

        if self._edit(_("Add {code}").format(code=cert.code), change):
            self.select(entry.id)
            return entry.id
        return ""

    def move_entry(self, entry_id: str, new_index: int) -> bool:
        """Move an entry so that it ends up at ``new_index`` in the plan."""

        def change(plan: StudyPlan) -> None:
            old = plan.index_of(entry_id)
            item = plan.entries.pop(old)
            plan.entries.insert(max(0, min(new_index, len(plan.entries))), item)

        cert = self.catalog.get(self._plan.entry(entry_id).certification_id)
        return self._edit(_("Move {code}").format(code=cert.code), change)

    def remove_entry(self, entry_id: str) -> bool:
        cert = self.catalog.get(self._plan.entry(entry_id).certification_id)
        index = self._plan.index_of(entry_id)

        def change(plan: StudyPlan) -> None:
            del plan.entries[plan.index_of(entry_id)]

        done = self._edit(_("Remove {code}").format(code=cert.code), change)
        if done:
            ids = self.entry_ids()
            self.select(ids[min(index, len(ids) - 1)] if ids else "")
        return done

    def move_selected(self, step: int) -> bool:
        """Move the selected entry ``step`` places earlier (negative) or later; False at an end."""
        ids = self.entry_ids()
        if self._selected not in ids:
            return False
        target = ids.index(self._selected) + step
        if not 0 <= target < len(ids):
            return False
        return self.move_entry(self._selected, target)

    def remove_selected(self) -> bool:
        """Remove the selected entry; the next one (or the new last one) becomes selected."""
        if self._selected not in self.entry_ids():
            return False
        return self.remove_entry(self._selected)

    def replace_certification(self, entry_id: str, cert_id: str) -> bool:
        """Put ``cert_id`` in the entry's place (a retired exam's successor, say), keeping its
        position, notes and hours studied; the hour override and pinned date belonged to the
        old exam and go."""
        old = self.catalog.get(self._plan.entry(entry_id).certification_id)
        new = self.catalog.get(cert_id)
        return self.update_entry(
            entry_id,
            _("Replace {old} with {new}").format(old=old.code, new=new.code),
            certification_id=cert_id,
            hours_override=None,
            pinned_exam_date=None,
        )

    def update_entry(self, entry_id: str, text: str, **fields: Any) -> bool:
        """Set fields of one entry (validated as a whole), e.g. ``hours_override=90``."""

        def change(plan: StudyPlan) -> None:
            index = plan.index_of(entry_id)
            data = plan.entries[index].model_dump()
            data.update(fields)
            plan.entries[index] = PlanEntry.model_validate(data)

        return self._edit(text, change)

    def replace_plan(self, text: str, plan: StudyPlan) -> bool:
        """Put ``plan`` (an earlier version, say) in place of the whole plan, as one edit."""
        if self.read_only:
            return False
        before = self._plan
        try:
            after = StudyPlan.model_validate(plan.model_dump())
        except ValidationError as exc:  # e.g. a renewal or retake as a 501st exam
            first = exc.errors()[0]
            reason = str(first.get("msg", "")).removeprefix("Value error, ")
            if first.get("loc") == ("entries",):
                reason = _("a plan holds at most {count} exams").format(count=MAX_ENTRIES)
            self.refused.emit(_("{edit}: not done, {reason}.").format(edit=text, reason=reason))
            return False
        if after == before:
            return False
        self.undo_stack.push(_PlanEdit(self, before, after, text))
        return True

    def add_held(self, cert_id: str, earned_on: date) -> bool:
        """Record a certification the learner already holds, earned on ``earned_on``; the list
        stays in the order the certifications were earned."""
        code = self.catalog.get(cert_id).code
        if earned_on > self.today():
            self.refused.emit(
                _(
                    "{code} was not added: a certification you hold was earned on or before "
                    "today ({today}), not on {day}. Plan an exam for it instead."
                ).format(code=code, today=format_day(self.today()), day=format_day(earned_on))
            )
            return False
        held = HeldCertification(certification_id=cert_id, earned_on=earned_on)

        def change(plan: StudyPlan) -> None:
            plan.held = sorted([*plan.held, held], key=lambda item: item.earned_on)

        return self._edit(_("Add held {code}").format(code=code), change)

    def remove_held(self, index: int) -> bool:
        """Forget the held certification at ``index`` of ``plan.held``."""
        if not 0 <= index < len(self._plan.held):
            return False
        cert_id = self._plan.held[index].certification_id
        code = self.catalog.get(cert_id).code if cert_id in self.catalog else cert_id

        def change(plan: StudyPlan) -> None:
            del plan.held[index]

        return self._edit(_("Remove held {code}").format(code=code), change)

    def add_renewal(self, cert_id: str, before: date) -> str:
        """Plan ``cert_id``'s exam so that it falls before ``before`` (it renews a certification
        that expires then), as one edit; returns the new entry's id ('' when nothing changed)."""
        schedule = self._analysis.schedule
        if self.read_only or schedule is None:
            return ""
        plan = plan_with_renewal(self.plan, schedule, cert_id, before)
        known = set(self.entry_ids())
        code = self.catalog.get(cert_id).code
        if not self.replace_plan(
            _("Add {code} before {date}").format(code=code, date=format_day(before)), plan
        ):
            return ""
        new_ids = [entry_id for entry_id in self.entry_ids() if entry_id not in known]
        if new_ids:
            self.select(new_ids[0])
            return new_ids[0]
        return ""

    def _code(self, entry_id: str) -> str:
        return self.catalog.get(self._plan.entry(entry_id).certification_id).code

    def log_session(
        self, entry_id: str, on: date, hours: float, note: str = "", domain: int | None = None
    ) -> bool:
        """Add a study session to the entry (kept in date order); a planned entry becomes
        'studying'. A session the plan cannot take (a full log, a day over 24 hours) is
        refused with ``refused``; ``LogStudyDialog`` asks ``why_no_session`` first."""
        refusal = self._plan.why_no_session(entry_id, on, hours)
        if refusal is not None:
            self.refused.emit(refusal[:1].upper() + refusal[1:] + ".")
            return False
        session = StudySession(on=on, hours=hours, note=note, domain=domain)

        def change(plan: StudyPlan) -> None:
            plan.entries[plan.index_of(entry_id)].log_session(session)

        return self._edit(
            _("Log {hours} on {code}").format(hours=format_hours(hours), code=self._code(entry_id)),
            change,
        )

    def update_session(self, entry_id: str, index: int, **fields: Any) -> bool:
        """Change the session at ``index`` of the entry's sessions (``on``, ``hours``,
        ``note``); raises pydantic's ``ValidationError`` for a value a session cannot hold."""
        entry = self._plan.entry(entry_id)
        if not 0 <= index < len(entry.sessions):
            return False
        old = entry.sessions[index]
        session = StudySession.model_validate({**old.model_dump(), **fields})
        if not session.is_lump_sum:
            refusal = self._plan.why_no_session(entry_id, session.on, session.hours, replacing=old)
            if refusal is not None:
                self.refused.emit(refusal[:1].upper() + refusal[1:] + ".")
                return False

        def change(plan: StudyPlan) -> None:
            target = plan.entries[plan.index_of(entry_id)]
            sessions = list(target.sessions)
            sessions[index] = session
            target.sessions = sessions_in_date_order(sessions)

        return self._edit(
            _("Change study session of {code}").format(code=self._code(entry_id)), change
        )

    def remove_session(self, entry_id: str, index: int) -> bool:
        if not 0 <= index < len(self._plan.entry(entry_id).sessions):
            return False

        def change(plan: StudyPlan) -> None:
            del plan.entries[plan.index_of(entry_id)].sessions[index]

        return self._edit(
            _("Delete study session of {code}").format(code=self._code(entry_id)), change
        )

    def add_score(
        self,
        entry_id: str,
        on: date,
        percent: float,
        source: str = "",
        domains: Mapping[int, DomainResult] | None = None,
    ) -> bool:
        """Record a practice exam score (kept in date order), with results by exam domain
        when given."""
        score = PracticeScore(on=on, percent=percent, source=source, domains=dict(domains or {}))

        def change(plan: StudyPlan) -> None:
            entry = plan.entries[plan.index_of(entry_id)]
            entry.scores = sorted([*entry.scores, score], key=lambda item: item.on)

        return self._edit(
            _("Add practice score for {code}").format(code=self._code(entry_id)), change
        )

    def update_score(self, entry_id: str, index: int, **fields: Any) -> bool:
        """Change the score at ``index`` (``on``, ``percent``, ``source``); raises pydantic's
        ``ValidationError`` for a value a score cannot hold."""
        entry = self._plan.entry(entry_id)
        if not 0 <= index < len(entry.scores):
            return False
        score = PracticeScore.model_validate({**entry.scores[index].model_dump(), **fields})

        def change(plan: StudyPlan) -> None:
            target = plan.entries[plan.index_of(entry_id)]
            scores = list(target.scores)
            scores[index] = score
            target.scores = sorted(scores, key=lambda item: item.on)

        return self._edit(
            _("Change practice score of {code}").format(code=self._code(entry_id)), change
        )

    def remove_score(self, entry_id: str, index: int) -> bool:
        if not 0 <= index < len(self._plan.entry(entry_id).scores):
            return False

        def change(plan: StudyPlan) -> None:
            del plan.entries[plan.index_of(entry_id)].scores[index]

        return self._edit(
            _("Remove practice score of {code}").format(code=self._code(entry_id)), change
        )

    def mark_passed(self, entry_id: str, on: date) -> bool:
        """The exam was passed on ``on``."""
        return self.update_entry(
            entry_id,
            _("Mark {code} as passed").format(code=self._code(entry_id)),
            status=EntryStatus.PASSED,
            passed_on=on,
        )

    def plan_retake(self, entry_id: str, failed_on: date) -> str:
        """The exam was failed on ``failed_on``: record it and plan a new attempt (at least 14
        days later), as one edit; returns the entry to study for it ('' if nothing changed)."""
        if self.read_only:
            return ""
        code = self._code(entry_id)
        known = set(self.entry_ids())
        plan = progress.plan_retake(self.plan, entry_id, failed_on)
        if not self.replace_plan(_("Plan a retake of {code}").format(code=code), plan):
            return ""
        new_ids = [item for item in self.entry_ids() if item not in known]
        target = new_ids[0] if new_ids else entry_id
        self.select(target)
        return target

    def set_baseline(self) -> bool:
        """Keep the current dates as the baseline the progress is measured against."""
        baseline = self.baseline_for(self._plan)
        if baseline is None:
            return False
        return self.update_plan(_("Set baseline"), baseline=baseline)

    def update_plan(self, text: str, **fields: Any) -> bool:
        """Set top-level plan fields (name, start_date, profile, availability)."""

        def change(plan: StudyPlan) -> None:
            for key, value in fields.items():
                setattr(plan, key, value)

        return self._edit(text, change, top_level=True)

    # --- internals ---------------------------------------------------------------------

    def _install(self, plan: StudyPlan) -> None:
        self._plan = plan
        if self._selected and self._selected not in self.entry_ids():
            self._selected = ""
            self.selection_changed.emit("")
        self._recompute()
        self.changed.emit()

    def _recompute(self, day: date | None = None) -> None:
        """Work the analysis out again: once per change, on the clock as read now."""
        self._today = today = self._clock() if day is None else day
        self._analysis = analyse(self._plan, self.catalog, today)


def _copy(plan: StudyPlan) -> StudyPlan:
    """A deep copy of ``plan``, made by pydantic's own dump and validation: four times quicker
    than ``model_copy(deep=True)``, whose deep copy runs in Python (1 ms at 100 exams)."""
    return StudyPlan.model_validate(plan.model_dump())
