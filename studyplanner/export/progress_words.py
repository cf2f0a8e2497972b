"""Where progress was worded before it moved into the domain's wording layer
(:mod:`studyplanner.domain.wording_progress`); kept so that callers move over one by one."""

from studyplanner.domain.wording_progress import (
    ON_PACE_HOURS,
    entry_pace_text,
    pace_text,
    percent,
    readiness_text,
    shift_amount,
    shift_text,
    study_span,
)

__all__ = [
    "ON_PACE_HOURS",
    "entry_pace_text",
    "pace_text",
    "percent",
    "readiness_text",
    "shift_amount",
    "shift_text",
    "study_span",
]
