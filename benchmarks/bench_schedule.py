"""How fast the scheduler is, as ratios against baselines measured in the same run.

- schedule vs. naive: ``schedule_plan`` against a plain day-by-day loop over the same days
  (the week-skipping fast path should make it several times cheaper).
- recompute vs. JSON round trip: one live recompute (schedule + advice) against parsing the
  plan file, which the app already does without anyone noticing.

Run with ``make bench``. Numbers are printed, never asserted: wall-clock checks do not belong
in tests.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from benchmarks.timing import median_seconds
from studyplanner.domain.analysis import analyse
from studyplanner.domain.plan import Blackout, PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.domain.schedule import schedule_plan
from studyplanner.storage.catalog_source import bundled_catalog
from studyplanner.storage.plan_files import parse_plan, plan_to_json


def main() -> None:
    catalog = bundled_catalog()
    active = [c.id for c in catalog if not c.is_retired]
    blackouts = [
        Blackout(start=date(2027 + y, 12, 20), end=date(2028 + y, 1, 2), label="Holidays")
        for y in range(40)
    ]
    plan = StudyPlan(
        name="Benchmark",
        start_date=date(2027, 1, 4),
        availability=WeeklyAvailability.spread(6, blackouts),
        entries=[PlanEntry(certification_id=active[i % len(active)]) for i in range(60)],
    )
    schedule = schedule_plan(plan, catalog)
    last = schedule.finish_date
    assert last is not None

    def naive() -> float:
        total = 0.0
        day = plan.start_date
        while day <= last:
            total += plan.availability.hours_on(day)
            day += timedelta(days=1)
        return total

    fast = median_seconds(lambda: schedule_plan(plan, catalog))
    slow = median_seconds(naive)
    recompute = median_seconds(lambda: analyse(plan, catalog, plan.start_date))
    text = plan_to_json(plan).encode()
    parse = median_seconds(lambda: parse_plan(text, Path("bench.json"), catalog))
    days = (last - plan.start_date).days
    print(f"60-entry plan over {days} days ({days / 365:.0f} years), 40 blackout periods")
    print(f"schedule_plan / naive day loop:        {fast / slow:6.2f}  (lower is better)")
    print(f"recompute (schedule+advice) / parsing: {recompute / parse:6.2f}")
    print(f"(for context on this machine: one recompute takes {recompute * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
