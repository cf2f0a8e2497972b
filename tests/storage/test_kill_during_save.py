"""A StudyPlanner killed in the middle of saving leaves the old plan or the new one, complete.

A child process saves two large versions of a plan in turn, as fast as it can, through the
real ``save_plan``; the test kills it with SIGKILL at a random moment within a save (the
child announces each save; the delay is drawn from the time one save takes here) and checks
the file after every kill.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import PlanEntry, StudyPlan
from studyplanner.storage import paths
from studyplanner.storage.plan_files import (
    latest_good_backup,
    load_plan,
    plan_to_json,
    save_plan,
)

KILLS = 8

SAVER = """
import sys
from datetime import date
from pathlib import Path
from studyplanner.domain.plan import StudyPlan
from studyplanner.storage.plan_files import save_plan

target = Path(sys.argv[1])
versions = [StudyPlan.model_validate_json(Path(p).read_text("utf-8")) for p in sys.argv[2:4]]
count = 0
while True:
    if count >= 1:
        print("saving", flush=True)
    save_plan(versions[count % 2], target)
    count += 1
"""


def big_plan(name: str, letter: str, catalog: Catalog) -> StudyPlan:
    """About 2 MB of plan, so that a save takes long enough to be interrupted."""
    ids = [c.id for c in catalog]
    entries = [
        PlanEntry(certification_id=ids[i % len(ids)], notes=f"{letter}{i} " + letter * 5000)
        for i in range(400)
    ]
    return StudyPlan(name=name, start_date=date(2026, 1, 5), entries=entries)


def test_a_process_killed_while_saving_leaves_a_complete_file(
    tmp_path: Path, catalog: Catalog
) -> None:
    versions = [big_plan("Version A", "a", catalog), big_plan("Version B", "b", catalog)]
    sources = []
    for index, version in enumerate(versions):
        source = tmp_path / f"version-{index}.json"
        source.write_text(plan_to_json(version), encoding="utf-8")
        sources.append(str(source))
    target = paths.plans_dir() / "big.json"
    started = time.perf_counter()
    save_plan(versions[0], target)
    save_plan(versions[1], target)
    one_save = (time.perf_counter() - started) / 2  # only to aim the kills, never asserted
    env = {**os.environ, paths.ENV_VAR: str(paths.data_dir())}
    chance = random.Random()
    delays: list[float] = []

    for _ in range(KILLS):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), *sources],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert saver.stdout is not None
        assert saver.stdout.readline() == b"saving\n", "the saver did not start"
        delays.append(chance.uniform(0, 1.5 * one_save))
        time.sleep(delays[-1])
        saver.kill()  # SIGKILL: no cleanup, no atexit, no flush
        saver.wait(timeout=30)
        saver.stdout.close()

        loaded = load_plan(target, catalog)
        assert loaded in versions, f"a partial or mixed file after kills at {delays}"

    good = latest_good_backup(target, catalog)
    assert good is not None and good[1] in versions
