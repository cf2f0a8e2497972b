"""`studyplanner team` on a folder of 300 plans against the same on 3 plans (issue 25).

Goal (issue 25): ``team FOLDER --json`` on 300 plans costs at most 8 x the same on 3 plans,
measured in one run. Each command runs as a new process, the way a manager starts it; the runs
alternate (3, 300, 3, 300, ...) so a busy moment of the machine hits both alike, and each
figure is the median of the runs (``BENCH_RUNS``, default 9).

The plans are what a team's folder holds: starter plans from ``suggest`` for each role (three
to six exams, a baseline), a quarter of them with a few weeks of study logged and practice
scores, some with certifications held; the 3-plan folder holds the first three of them. Then,
in this process, where one plan's time goes (reading and parsing, ``analyse``, the roll-up's
own work), so a slower run says what to look at. Run with ``make bench``; numbers are printed,
never asserted.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.bench_start import RUNS, Command, measure
from benchmarks.timing import median_seconds

TODAY = date(2026, 12, 7)
GOAL = 8.0
SIZES = (3, 300)


def write_team(folder: Path, count: int) -> None:
    """``count`` plan files of a team, in two sub-folders, and a team.json with targets."""
    from studyplanner.domain.plan import (
        HeldCertification,
        LearnerProfile,
        Owner,
        PracticeScore,
        StudySession,
    )
    from studyplanner.domain.roles import Role
    from studyplanner.domain.suggest import suggest_plan
    from studyplanner.storage.catalog_source import bundled_catalog
    from studyplanner.storage.plan_files import plan_to_json

    catalog = bundled_catalog()
    roles = list(Role)
    folder.mkdir(parents=True)
    for index in range(count):
        role = roles[index % len(roles)]
        profile = LearnerProfile(role=role, experience_years=1 + index % 4)
        start = TODAY - timedelta(days=7 * (index % 10))
        plan = suggest_plan(catalog, profile, 6 + index % 5, start).plan
        plan.owner = Owner(name=f"Member {index:03d}", team=f"Team {index % 7}")
        if index % 4 == 0 and plan.entries:
            first = plan.entries[0]
            first.sessions = [
                StudySession(on=start + timedelta(days=day), hours=1.5)
                for day in range(0, (TODAY - start).days, 2)
            ]
            first.scores = [
                PracticeScore(on=TODAY - timedelta(days=9), percent=72),
                PracticeScore(on=TODAY - timedelta(days=2), percent=81),
            ]
        if index % 3 == 0:
            plan.held = [
                HeldCertification(
                    certification_id="cloud-practitioner", earned_on=date(2024, 1 + index % 12, 1)
                )
            ]
        sub = folder / ("east" if index % 2 else "west")
        sub.mkdir(exist_ok=True)
        (sub / f"member-{index:03d}.json").write_text(plan_to_json(plan), encoding="utf-8")
    (folder / "team.json").write_text(
        '{"name": "Bench", "targets": ['
        '{"by": "2027-12-31", "count": 40, "tier": "associate"}, '
        '{"by": "2028-06-30", "count": 10, "tier": "professional"}, '
        '{"by": "2027-06-30", "count": 5, "certification": "security-specialty"}]}',
        encoding="utf-8",
    )


def where_the_time_goes(folder: Path) -> list[str]:
    """Per plan, in this process: reading the folder, analysing each plan, the rest."""
    from studyplanner.domain.analysis import analyse
    from studyplanner.domain.team import roll_up
    from studyplanner.storage.catalog_source import bundled_catalog
    from studyplanner.storage.team_folder import read_team_folder

    catalog = bundled_catalog()
    read = read_team_folder(folder, catalog, TODAY)
    count = len(read.members)
    reading = median_seconds(lambda: read_team_folder(folder, catalog, TODAY), repeat=3)
    analysing = median_seconds(
        lambda: [analyse(m.plan, catalog, TODAY) for m in read.members], repeat=3
    )
    whole = median_seconds(lambda: roll_up(read.members, catalog, TODAY, read.settings), repeat=3)
    return [
        f"  per plan: reading and parsing {reading / count * 1000:6.2f} ms, "
        f"analyse {analysing / count * 1000:6.2f} ms, "
        f"the roll-up's own work {(whole - analysing) / count * 1000:6.2f} ms",
    ]


def main() -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as temp:
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        commands: dict[str, Command] = {}
        for size in SIZES:
            folder = Path(temp) / f"team-{size}"
            write_team(folder, size)
            args = ["--today", TODAY.isoformat(), "team", str(folder), "--json"]
            commands[f"team FOLDER --json, {size} plans"] = (
                [python, "-m", "studyplanner", *args],
                env,
                None,
            )
        started = time.perf_counter()
        results = measure(commands)
        small, large = (results[name].median_ms("total") for name in commands)
        ratio = large / small
        verdict = "ok" if ratio <= GOAL else "OVER"
        print(f"team roll-up, median of {RUNS} runs ({time.perf_counter() - started:.0f} s):")
        for name in commands:
            print(f"  {name:<36} {results[name].median_ms('total'):7.0f} ms")
        print(f"  300 plans / 3 plans {ratio:27.2f} x   (goal <= {GOAL:g} x)  {verdict}")
        for line in where_the_time_goes(Path(temp) / f"team-{SIZES[-1]}"):
            print(line)


if __name__ == "__main__":
    main()
