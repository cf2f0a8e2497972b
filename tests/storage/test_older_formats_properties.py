"""Every plan valid in an older format opens in the new one, with the hours it had logged kept
exactly (issue 20): generated plans of formats 1 to 4, at their limits included."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    EARLIEST_DATE,
    LATEST_DATE,
    LOGGED_BEFORE_SESSIONS,
    MAX_PLAN_SESSIONS,
    MAX_SESSIONS,
)
from studyplanner.storage.catalog_source import bundled_catalog
from studyplanner.storage.plan_files import parse_plan

CATALOG: Catalog = bundled_catalog()
IDS = sorted(c.id for c in CATALOG.certifications)
OLDER = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

hours_logged = (
    st.floats(min_value=0, max_value=5000, allow_nan=False, allow_infinity=False)
    | st.sampled_from([0, 5e-324, 1e-300, 0.1, 23.999999999999996, 24, 24.000000000000004, 5000])
    | st.integers(min_value=0, max_value=5000)
)
days = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)


@st.composite
def older_plans(draw: st.DrawFn) -> tuple[dict[str, Any], date]:
    """An older-format plan document (format 1 to 4) and the day it is opened on."""
    version = draw(st.integers(min_value=1, max_value=4))
    start = draw(days)
    entries = []
    for number in range(draw(st.integers(min_value=0, max_value=12))):
        entry: dict[str, Any] = {"certification_id": draw(st.sampled_from(IDS))}
        if version >= 2 or draw(st.booleans()):
            entry["id"] = f"{number:032x}"
        logged = draw(hours_logged)
        if logged or draw(st.booleans()):
            entry["hours_logged"] = logged
        entries.append(entry)
    document: dict[str, Any] = {
        "schema_version": version,
        "name": "Older plan",
        "start_date": start.isoformat(),
        "entries": entries,
    }
    if version == 1:
        weekly = draw(st.floats(min_value=0, max_value=168, allow_nan=False))
        document["availability"] = {"weekly_hours": weekly, "blackouts": []}
    return document, draw(days)


def check_opens_with_hours_kept(document: dict[str, Any], today: date) -> None:
    data = json.dumps(document).encode("utf-8")
    plan, migrated = parse_plan(data, Path("older.json"), CATALOG, today=today)
    assert migrated
    logged = [e.get("hours_logged", 0) for e in document["entries"]]
    # exactly, not approximately: never invented, rounded up or dropped
    assert [e.hours_logged for e in plan.entries] == [float(h) for h in logged]
    for entry, hours in zip(plan.entries, logged, strict=True):
        assert len(entry.sessions) == (1 if hours else 0)
        for session in entry.sessions:
            assert session.note == LOGGED_BEFORE_SESSIONS and session.is_lump_sum
            assert session.on <= max(today, EARLIEST_DATE)
            assert session.on <= date.fromisoformat(document["start_date"])
    assert sum(len(e.sessions) for e in plan.entries) <= MAX_PLAN_SESSIONS
    assert all(len(e.sessions) <= MAX_SESSIONS for e in plan.entries)


def at_the_limits(exams: int, hours: float) -> tuple[dict[str, Any], date]:
    return (
        {
            "schema_version": 4,
            "name": "At the limits",
            "start_date": "2026-01-05",
            "entries": [
                {"id": f"{n:032x}", "certification_id": IDS[n % len(IDS)], "hours_logged": hours}
                for n in range(exams)
            ],
        },
        date(2026, 12, 7),
    )


@OLDER
@given(older_plans())
@example(at_the_limits(24, 5000))
@example(at_the_limits(500, 240.5))
@example(at_the_limits(500, 5000))
@example(at_the_limits(3, 5e-324))
def test_every_older_plan_opens_with_its_hours_kept_exactly(
    case: tuple[dict[str, Any], date],
) -> None:
    check_opens_with_hours_kept(*case)


def test_a_tiny_hours_logged_is_not_rounded_up_to_a_day() -> None:
    # issue 20: 5e-324 h became 24 h (ceil(5e-324 / 24) - 1 == -1 days of 24 h)
    document, today = at_the_limits(1, 5e-324)
    plan, _ = parse_plan(json.dumps(document).encode(), Path("p.json"), CATALOG, today=today)
    assert plan.entries[0].hours_logged == 5e-324


def test_hours_logged_of_a_plan_that_starts_later_are_dated_today() -> None:
    document, _ = at_the_limits(1, 30)
    today = date(2025, 12, 1)  # the plan starts on 5 Jan 2026
    plan, _ = parse_plan(json.dumps(document).encode(), Path("p.json"), CATALOG, today=today)
    assert [(s.on, s.hours) for s in plan.entries[0].sessions] == [(today, 30)]
    # without a today (a backup's name, say) the start date is the only date there is
    plan, _ = parse_plan(json.dumps(document).encode(), Path("p.json"), CATALOG)
    assert plan.entries[0].sessions[0].on == date(2026, 1, 5)


def test_the_largest_older_plans_open_and_save_within_the_limits(tmp_path: Path) -> None:
    from studyplanner.storage.plan_files import load_plan, save_plan

    for exams, hours in ((24, 5000), (500, 240.5)):
        document, today = at_the_limits(exams, hours)
        path = tmp_path / f"{exams}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        plan = load_plan(path, CATALOG, today=today)
        save_plan(plan, path, first_save_in_session=True)
        again = load_plan(path, CATALOG, today=today)
        assert sum(e.hours_logged for e in again.entries) == exams * hours
        assert again.entries[0].sessions[0].on <= today - timedelta(days=0)
