"""Plan locks: while one StudyPlanner has a plan, another (process or window) only reads it;
the lock goes with the process that held it, however that process ends."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from studyplanner.storage.locks import PlanLock, lock_path
from tests.conftest import REPO_ROOT

HOLDER = """
import sys
from pathlib import Path
from studyplanner.storage.locks import PlanLock

lock = PlanLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.readline()
lock.release()
"""


class Holder:
    """Another StudyPlanner process trying to take the plan's lock and keeping it if it can."""

    def __init__(self, plan: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(plan)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
        )
        assert self.process.stdout is not None
        self.answer = self.process.stdout.readline().strip()

    def let_go(self) -> None:
        """Release and exit normally."""
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.wait(timeout=30) == 0

    def kill(self) -> None:
        """SIGKILL: no release, no cleanup, the lock file stays behind."""
        self.process.kill()
        self.process.wait(timeout=30)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    started: list[Holder] = []
    yield started
    for holder in started:
        holder.close()


def start_holder(holders: list[Holder], plan: Path) -> Holder:
    holder = Holder(plan)
    holders.append(holder)
    return holder


def test_a_plan_held_by_another_process_is_refused_until_it_lets_go(
    tmp_path: Path, holders: list[Holder]
) -> None:
    plan = tmp_path / "plan.json"
    other = start_holder(holders, plan)
    assert other.answer == "held"
    mine = PlanLock(plan)
    assert mine.held_elsewhere()
    assert not mine.acquire() and not mine.held
    other.let_go()
    assert not mine.held_elsewhere()
    assert mine.acquire() and mine.held


def test_another_process_is_refused_while_this_one_holds_the_plan(
    tmp_path: Path, holders: list[Holder]
) -> None:
    plan = tmp_path / "plan.json"
    mine = PlanLock(plan)
    assert mine.acquire()
    assert start_holder(holders, plan).answer == "refused"
    mine.release()
    assert start_holder(holders, plan).answer == "held"


def test_a_killed_holder_frees_the_plan(tmp_path: Path, holders: list[Holder]) -> None:
    plan = tmp_path / "plan.json"
    other = start_holder(holders, plan)
    assert other.answer == "held"
    other.kill()
    assert lock_path(plan).exists()  # left behind, and no obstacle
    mine = PlanLock(plan)
    assert not mine.held_elsewhere()
    assert mine.acquire()


def dead_pid() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(finished.stdout)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(
            lambda: json.dumps({"pid": dead_pid(), "host": socket.gethostname()}), id="dead"
        ),
        pytest.param(lambda: json.dumps({"pid": 1, "host": socket.gethostname()}), id="live-pid"),
        pytest.param(lambda: json.dumps({"pid": 1234, "host": "someone-elses-laptop"}), id="host"),
        pytest.param(lambda: "\x00garbage", id="garbage"),
    ],
)
def test_a_leftover_lock_file_does_not_block(tmp_path: Path, content: Callable[[], str]) -> None:
    """Whatever an older StudyPlanner or a crash left in the lock file, only a live lock counts."""
    plan = tmp_path / "plan.json"
    lock_path(plan).write_text(content())
    lock = PlanLock(plan)
    assert not lock.held_elsewhere()
    assert lock.acquire()
    lock.release()
    assert not lock_path(plan).exists()


def test_a_second_window_in_the_same_process_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    first, second = PlanLock(plan), PlanLock(plan)
    assert first.acquire()
    assert first.acquire()  # taking it again is harmless
    assert not first.held_elsewhere()
    assert second.held_elsewhere()
    assert not second.acquire()
    second.release()  # releasing a lock one does not hold changes nothing
    assert second.held_elsewhere()
    first.release()
    assert not lock_path(plan).exists()
    assert second.acquire()
    assert first.held_elsewhere() and not first.acquire()


def test_asking_whether_it_is_held_leaves_no_lock_behind(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    assert not PlanLock(plan).held_elsewhere()
    assert not lock_path(plan).exists()
    assert PlanLock(plan).acquire()


RACER = """
import os
import sys
from pathlib import Path
from studyplanner.storage.locks import PlanLock

plan, inside, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
taken = 0
for _ in range(rounds):
    lock = PlanLock(plan)
    if lock.acquire():
        assert lock.held
        # creating this file fails if another racer holds the lock at the same time
        os.close(os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        os.unlink(inside)
        lock.release()
        taken += 1
print(taken, flush=True)
"""


def test_processes_racing_for_a_plan_never_hold_it_together(tmp_path: Path) -> None:
    """Releasing removes the lock file; a racer that opened the old file just before must
    not end up holding it alongside one that created the new file."""
    plan, inside = tmp_path / "plan.json", tmp_path / "inside"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(plan), str(inside), "1500"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
        )
        for _ in range(4)
    ]
    try:
        for racer in racers:
            assert racer.stdout is not None
            assert racer.stdout.readline() == "ready\n"
        for racer in racers:  # all start together
            assert racer.stdin is not None
            racer.stdin.write("go\n")
            racer.stdin.flush()
        results = [racer.communicate(timeout=120) for racer in racers]
    finally:
        for racer in racers:
            if racer.poll() is None:
                racer.kill()
                racer.communicate()
    for racer, (out, err) in zip(racers, results, strict=True):
        assert racer.returncode == 0, err
        assert int(out) > 0
    assert not inside.exists()


def test_where_no_lock_can_be_made_the_plan_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A read-only folder or file system: best effort, as before, and the log says why."""
    plan = tmp_path / "plan.json"
    real_open = os.open

    def read_only_file_system(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if Path(path) == lock_path(plan) and flags & os.O_CREAT:
            raise OSError(30, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only_file_system)
    lock = PlanLock(plan)
    with caplog.at_level(logging.WARNING, logger="studyplanner.storage.locks"):
        assert lock.acquire()
    assert not lock.held
    assert not lock.held_elsewhere()
    assert any("Read-only file system" in r.getMessage() for r in caplog.records)


def test_lock_file_is_not_listed_as_a_plan(tmp_path: Path, data_dir: Path) -> None:
    from studyplanner.storage import paths
    from studyplanner.storage.plan_files import list_plans

    plan = paths.plans_dir() / "plan.json"
    plan.parent.mkdir(parents=True)
    plan.write_text("{}")
    lock = PlanLock(plan)
    assert lock.acquire()
    assert list_plans() == [plan]
    lock.release()
