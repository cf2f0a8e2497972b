"""Plan locks: a second StudyPlanner is kept read-only while the first is alive, and a lock
left behind by a crashed one does not block forever."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from studyplanner.storage.locks import PlanLock, lock_path


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    first = PlanLock(plan)
    assert first.acquire()
    # the same file locked by another live process on this host
    lock_path(plan).write_text(json.dumps({"pid": 1, "host": socket.gethostname()}))
    second = PlanLock(plan)
    assert not second.acquire()
    lock_path(plan).unlink()
    assert second.acquire()
    second.release()
    assert not lock_path(plan).exists()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock_path(plan).write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname()}))
    lock = PlanLock(plan)
    assert lock.acquire()
    assert json.loads(lock_path(plan).read_text())["pid"] == os.getpid()


def test_garbage_lock_file_is_replaced(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    lock_path(plan).write_bytes(b"\x00garbage")
    assert PlanLock(plan).acquire()


def test_lock_of_another_machine_is_respected(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    lock_path(plan).write_text(json.dumps({"pid": 1234, "host": "someone-elses-laptop"}))
    assert not PlanLock(plan).acquire()


def test_lock_file_is_not_listed_as_a_plan(tmp_path: Path, data_dir: Path) -> None:
    from studyplanner.storage import paths
    from studyplanner.storage.plan_files import list_plans

    plan = paths.plans_dir() / "plan.json"
    plan.parent.mkdir(parents=True)
    plan.write_text("{}")
    PlanLock(plan).acquire()
    assert list_plans() == [plan]
