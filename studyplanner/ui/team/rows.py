"""The team view's tables as rows of text, worked out from the roll-up without Qt: the targets
(status, counts, who counts and what closes the gap), the people, the quarterly budget and the
files not read. The sentences come from ``domain.wording_team``, the ones the printed report and
``studyplanner team`` use, so the screen and the paper never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.progress import Readiness
from studyplanner.domain.team import (
    Contribution,
    PersonSummary,
    TargetForecast,
    TargetStatus,
    TeamRollUp,
)
from studyplanner.domain.wording import format_day
from studyplanner.domain.wording_team import (
    STATUS_WORDS,
    closing_text,
    held_text,
    pace_text,
    quarter_cells,
    risk_text,
    target_text,
)
from studyplanner.i18n import N_, _
from studyplanner.labels import TranslatedLabels
from studyplanner.storage.team_folder import SkippedFile
from studyplanner.style import Colour

AT_RISK = (Colour.WARNING_FILL, Colour.WARNING_INK)
MISSED = (Colour.ERROR_FILL, Colour.ERROR_INK)
STATUS_MARKS = {TargetStatus.MET: None, TargetStatus.AT_RISK: AT_RISK, TargetStatus.MISSED: MISSED}
"""A status cell's fill and ink: the same pair in the light and the dark theme reads well."""
NAMED_IN_CELL = 8
"""People a target's row names; the rest are counted ('and 12 more')."""
NAMED_IN_TIP = 40
"""People the row's tooltip names."""
READINESS_WORDS: TranslatedLabels[Readiness] = TranslatedLabels(
    {
        Readiness.READY: N_("ready"),
        Readiness.NOT_READY: N_("not ready"),
        Readiness.UNKNOWN: N_("no practice scores"),
    }
)


@dataclass(frozen=True)
class Row:
    """One table row: its cells, an optional tooltip per cell, and the one cell marked in a
    status's fill and ink (a target at risk or missed, a person's exams at risk)."""

    cells: tuple[str, ...]
    tips: tuple[str, ...] = ()
    marked: int = -1
    mark: tuple[Colour, Colour] | None = None


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


def _code(certification_id: str, catalog: Catalog) -> str:
    return catalog.get(certification_id).code if certification_id in catalog else certification_id


def who_text(contributions: Sequence[Contribution], catalog: Catalog, most: int) -> str:
    """'Ana Silva (SAA-C03), Ben Okafor (SAA-C03, at risk)', at most ``most`` of them named
    ('… and 12 more'); a dash for nobody."""
    parts = []
    for c in contributions[:most]:
        code = _code(c.certification_id, catalog)
        if c.risks:
            parts.append(_("{name} ({code}, at risk)").format(name=c.name, code=code))
        else:
            parts.append(_("{name} ({code})").format(name=c.name, code=code))
    text = ", ".join(parts) or "—"
    if len(contributions) > most:
        text = _("{names} and {count} more").format(names=text, count=len(contributions) - most)
    return text


def target_row(forecast: TargetForecast, catalog: Catalog) -> Row:
    closing = closing_text(forecast, catalog) or "—"
    return Row(
        (
            target_text(forecast.target, catalog),
            STATUS_WORDS[forecast.status],
            str(forecast.planned_count),
            str(forecast.safe_count),
            who_text(forecast.planned, catalog, NAMED_IN_CELL),
            closing,
        ),
        tips=("", "", "", "", who_text(forecast.planned, catalog, NAMED_IN_TIP), closing),
        marked=1,
        mark=STATUS_MARKS[forecast.status],
    )


def targets_table(team: TeamRollUp, catalog: Catalog) -> Table:
    return Table(
        (_("Target"), _("Status"), _("Planned"), _("Safe"), _("Counted"), _("What closes the gap")),
        tuple(target_row(forecast, catalog) for forecast in team.targets),
    )


def person_row(person: PersonSummary, catalog: Catalog) -> Row:
    holds = "; ".join(held_text(held, catalog) for held in person.held)
    plans = []
    readiness = []
    for exam in person.planned:
        text = f"{_code(exam.certification_id, catalog)} {format_day(exam.exam_date)}"
        if exam.risks:
            text = _("{exam} (at risk: {why})").format(
                exam=text, why=risk_text(exam.risks, exam.behind_weeks)
            )
        plans.append(text)
        readiness.append(
            f"{_code(exam.certification_id, catalog)} {READINESS_WORDS[exam.readiness]}"
        )
    pace = pace_text(person) or person.schedule_error or "—"
    cells = (
        person.name,
        person.team or "",
        holds or "—",
        "; ".join(plans) or "—",
        pace,
        "; ".join(readiness) or "—",
    )
    file_tip = _("From {file}").format(file=person.source)
    return Row(
        cells,
        tips=(file_tip, "", cells[2], cells[3], pace, cells[5]),
        marked=3,
        mark=AT_RISK if any(exam.risks for exam in person.planned) else None,
    )


def people_table(team: TeamRollUp, catalog: Catalog) -> Table:
    return Table(
        (_("Person"), _("Team"), _("Holds"), _("Plans"), _("Pace"), _("Readiness")),
        tuple(person_row(person, catalog) for person in team.people),
    )


def budget_table(team: TeamRollUp) -> Table:
    return Table(
        (
            _("Quarter"),
            _("Exams"),
            _("List price"),
            _("With vouchers"),
            _("Paid by the company"),
            _("Renewals"),
            _("Expiries"),
        ),
        tuple(Row(quarter_cells(quarter)) for quarter in team.quarters),
    )


def skipped_table(skipped: Sequence[SkippedFile]) -> Table:
    return Table(
        (_("File"), _("Why it was not read")),
        tuple(
            Row((item.source, item.message), tips=(item.source, item.message)) for item in skipped
        ),
    )
