"""How progress is said: the same words in `show` and on the printed page."""

from __future__ import annotations

from datetime import date

import pytest

from studyplanner.domain.plan import PlanEntry, PracticeScore
from studyplanner.domain.progress import Pace, PaceReference, PlanPace
from studyplanner.domain.wording_progress import (
    entry_pace_text,
    pace_text,
    readiness_text,
    shift_amount,
    study_span,
)


@pytest.mark.parametrize(
    ("hours", "weekly", "expected"),
    [
        (1, 8, "about a day"),
        (2, 8, "about 2 days"),
        (4, 8, "about half a week"),
        (8, 8, "about a week"),
        (11.9, 8, "about a week"),
        (12, 8, "about 2 weeks"),
        (41, 8, "about 5 weeks"),
        (80, 8, "about 2 months"),
        (3, 0, "with no study hours in the week"),
    ],
)
def test_hours_are_said_as_time_at_the_learners_pace(
    hours: float, weekly: float, expected: str
) -> None:
    assert study_span(hours, weekly) == expected


def test_pace_says_behind_ahead_or_on_pace_against_the_plan_the_learner_made() -> None:
    def against(reference: PaceReference, *shares: Pace) -> PlanPace:
        return PlanPace(reference, date(2026, 6, 1), shares)

    behind = against(PaceReference.BASELINE, Pace("a" * 32, 12, 8), Pace("b" * 32, 4, 0))
    assert pace_text(behind, 8) == (
        "8 h behind the baseline of 1 Jun 2026 (about a week at your pace)"
    )
    ahead = against(PaceReference.PLAN_START, Pace("a" * 32, 12, 20))
    assert pace_text(ahead, 8) == (
        "8 h ahead of the plan from its start on 1 Jun 2026 (about a week at your pace)"
    )
    level = against(PaceReference.PLAN_START, Pace("a" * 32, 12, 11.75))
    assert pace_text(level, 8) == (
        "on pace with the plan from its start on 1 Jun 2026 (11.8 h logged, 12 h planned by today)"
    )
    assert entry_pace_text(Pace("a" * 32, 12, 8), 8) == (
        "4 h behind (about half a week at your pace)"
    )
    assert entry_pace_text(Pace("a" * 32, 12, 12.25), 8) == (
        "On pace: 12.2 h logged, 12 h planned by today"
    )


def test_shift_amounts_round_to_what_people_say() -> None:
    assert [shift_amount(d) for d in (13, 14, 17, 62, 63)] == [
        "13 days",
        "2 weeks",
        "2 weeks",
        "9 weeks",
        "2 months",
    ]


def test_readiness_names_the_scores_it_is_judged_on() -> None:
    entry = PlanEntry(certification_id="developer-associate")
    assert readiness_text(entry, 80) == "no practice scores yet"
    entry.scores = [PracticeScore(on=date(2026, 11, 20), percent=85)]
    assert readiness_text(entry, 80) == (
        "not ready: one practice score, 85 % (two at 80 % or more make it ready)"
    )
    entry.scores = [
        PracticeScore(on=date(2026, 11, 28), percent=88),
        PracticeScore(on=date(2026, 11, 10), percent=60),
        PracticeScore(on=date(2026, 11, 20), percent=82.5),
    ]
    assert readiness_text(entry, 80) == (
        "ready: last two practice scores 82.5 % and 88 % (target 80 %)"
    )
