"""What a hostile run against the storage layer broke (issue 10), one test per finding.

Each test is named for the finding it covers: saves past the limit and bounded reads (1),
read-only commands that wrote (1), a full disk (2), hostile settings and catalogs (3, 6),
newer formats (7), outputs into storage paths (8) and encodings (9). Whatever could hang
(a FIFO) or eat the machine's memory (``/dev/zero``) runs in a child process with a timeout.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    MAX_DOMAIN_NUMBER,
    MAX_PLAN_SCORES,
    MAX_PLAN_SESSIONS,
    MAX_SESSION_NOTE,
    MAX_SOURCE,
    PLAN_SCHEMA_VERSION,
    Baseline,
    Blackout,
    DomainRating,
    DomainVerdict,
    EntryStatus,
    HeldCertification,
    LearnerProfile,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.storage import paths, plan_files
from studyplanner.storage.atomic import atomic_write_bytes, remove_stale_temp_files
from studyplanner.storage.plan_files import (
    MAX_PLAN_BYTES,
    PlanFileError,
    backup_folder,
    latest_good_backup,
    list_backups,
    list_trash,
    load_plan,
    migrate,
    plan_to_json,
    save_plan,
)
from studyplanner.storage.reading import (
    FileTooLargeError,
    NotARegularFileError,
    read_regular_file,
)
from studyplanner.storage.settings import AppSettings, load_settings, save_settings
from tests.storage.conftest import full_plan

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # seconds for a child process; a hang shows up as TimeoutExpired
OPENED = datetime(2026, 3, 14, 9, 0)


def child_env() -> dict[str, str]:
    return {**os.environ, paths.ENV_VAR: str(paths.data_dir())}


def _limit_memory() -> None:
    """In the child: 4 GB of address space, so reading ``/dev/zero`` fails instead of
    taking the machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``studyplanner ARGS`` in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "studyplanner", *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=_limit_memory,
    )


def python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a child process with the test's data directory, logging to stderr."""
    prelude = "import logging, sys\nlogging.basicConfig(stream=sys.stderr, level=logging.INFO)\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=_limit_memory,
    )


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def plan_path(name: str = "career.json") -> Path:
    return paths.plans_dir() / name


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


# --- 1. saves past the limit --------------------------------------------------------------


def format_1_near_the_old_limit(catalog: Catalog) -> bytes:
    """A format-1 plan of 5.2 MB written compactly: under the old 5 MB limit, above it once
    upgraded and saved (as the hostile run found)."""
    ids = [c.id for c in catalog]
    label = "b" * 200
    document = {
        "schema_version": 1,
        "name": "Big old plan",
        "start_date": "2025-09-01",
        "availability": {
            "weekly_hours": 8,
            "blackouts": [{"start": "2030-01-01", "end": "2030-01-02", "label": label}] * 500,
        },
        "entries": [
            {"certification_id": ids[i % len(ids)], "notes": "x" * 9990, "hours_logged": 1.5}
            for i in range(500)
        ],
    }
    return json.dumps(document, separators=(",", ":")).encode("utf-8")


def test_saves_past_the_limit_an_upgraded_format_1_plan_opens_again(catalog: Catalog) -> None:
    old = format_1_near_the_old_limit(catalog)
    path = write(plan_path(), old)

    plan = load_plan(path, catalog)
    save_plan(plan, path, first_save_in_session=True)

    assert len(old) <= 5 * 2**20 < path.stat().st_size  # what the old limit refused
    assert load_plan(path, catalog) == plan
    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old


def largest_plan() -> StudyPlan:
    """Every list at its longest and every text at its longest, in the character that takes
    the most room on disk (a control character, written as a six-byte escape)."""
    wide = "\x01"
    day = date(2030, 1, 1)
    hours = 23.999999999999996
    sessions_each = MAX_PLAN_SESSIONS // 500
    scores_each = MAX_PLAN_SCORES // 500
    every_domain = range(1, MAX_DOMAIN_NUMBER + 1)
    entries = [
        PlanEntry(
            id=f"{i:032x}",
            certification_id="cloud-practitioner",
            hours_override=4999.999999999999,
            pinned_exam_date=day,
            status=EntryStatus.PASSED,
            passed_on=day,
            sessions=[StudySession(on=day, hours=hours, note=wide * MAX_SESSION_NOTE, domain=20)]
            * sessions_each,
            scores=[
                PracticeScore(
                    on=day,
                    percent=99.99999999999999,
                    source=wide * MAX_SOURCE,
                    domains=dict.fromkeys(every_domain, DomainVerdict.NEEDS_IMPROVEMENT),
                )
            ]
            * scores_each,
            domain_ratings=dict.fromkeys(every_domain, DomainRating.STRONG),
            notes=wide * 10_000,
            deadline=day,
        )
        for i in range(500)
    ]
    ids = [e.id for e in entries]
    return StudyPlan(
        name=wide * 200,
        start_date=day,
        notes=wide * 10_000,
        profile=LearnerProfile(
            experience_years=49.99999999999999,
            field_years=49.99999999999999,
            focus_areas=[wide * 60] * 30,
        ),
        availability=WeeklyAvailability(
            hours_per_weekday=[2.2250738585072014e-308] * 7,
            blackouts=[Blackout(start=day, end=day, label=wide * 200)] * 500,
        ),
        entries=entries,
        held=[HeldCertification(certification_id="cloud-practitioner", earned_on=day)] * 100,
        voucher_valid_months=120,
        readiness_target=99.99999999999999,
        baseline=Baseline(
            taken_on=day,
            exam_dates=dict.fromkeys(ids, day),
            finish=day,
            study_from=dict.fromkeys(ids, day),
            remaining_hours=dict.fromkeys(ids, 999_999.9999999999),
            logged_hours=999_999.9999999999,
        ),
    )


def test_saves_past_the_limit_the_largest_plan_the_model_allows_saves_and_opens(
    catalog: Catalog,
) -> None:
    plan = largest_plan()
    path = plan_path()
    save_plan(plan, path)
    assert path.stat().st_size <= MAX_PLAN_BYTES * 0.8, "the limit keeps a margin"
    assert load_plan(path, catalog) == plan


def test_saves_past_the_limit_a_plan_too_large_to_open_again_is_not_saved(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog
) -> None:
    path = plan_path()
    save_plan(full_plan("Small"), path)
    before = path.read_bytes()
    monkeypatch.setattr(plan_files, "MAX_PLAN_BYTES", len(plan_to_json(full_plan("Small"))) + 10)
    with pytest.raises(PlanFileError, match="was not saved: the plan would take") as caught:
        save_plan(full_plan("Small, with a much longer name than before"), path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert list_backups(path) == []


# --- 1. bounded reads of regular files only -----------------------------------------------


@pytest.fixture
def listening_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "socket.json"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    yield path
    server.close()


@pytest.mark.posix
def test_bounded_reads_refuse_what_is_not_a_regular_file(
    tmp_path: Path, listening_socket: Path
) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    cases = {
        folder: "a folder",
        fifo(tmp_path / "pipe.json"): "a pipe (FIFO)",
        Path("/dev/zero"): "a device",
        listening_socket: "a socket",
    }
    for path, kind in cases.items():
        with pytest.raises(NotARegularFileError, match="not a regular file") as caught:
            read_regular_file(path, 1000)
        assert caught.value.kind == kind
        assert caught.value.filename == str(path)


def test_bounded_reads_stop_at_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.json", b"x" * 1001)
    assert read_regular_file(path, 1001) == b"x" * 1001
    with pytest.raises(FileTooLargeError) as caught:
        read_regular_file(path, 1000)
    assert (caught.value.size, caught.value.limit) == (1001, 1000)
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "missing.json", 1000)


@pytest.mark.posix
def test_bounded_reads_show_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "plan.json")
    shown = cli("show", str(pipe))
    assert shown.returncode == 2
    assert shown.stderr.count("\n") == 1 and "pipe (FIFO), not a plan file" in shown.stderr


@pytest.mark.posix
def test_bounded_reads_show_refuses_dev_zero() -> None:
    shown = cli("show", "/dev/zero")
    assert shown.returncode == 2, shown.stderr[-500:]
    assert shown.stderr == "studyplanner: /dev/zero: is a device, not a plan file\n"


@pytest.mark.posix
def test_bounded_reads_suggest_onto_a_fifo_neither_hangs_nor_replaces_it(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "plan.json")
    made = cli(
        "suggest", "--role", "manager", "--experience-years", "0", "--hours-per-week", "3",
        "-o", str(pipe),
    )  # fmt: skip
    assert made.returncode == 2
    assert made.stderr.count("\n") == 1 and str(pipe) in made.stderr
    assert pipe.is_fifo()
    saved = python(
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from studyplanner.domain.plan import StudyPlan\n"
        "from studyplanner.storage.plan_files import PlanFileError, save_plan\n"
        "try:\n"
        f"    save_plan(StudyPlan(start_date=date(2026, 1, 5)), Path({str(pipe)!r}))\n"
        "except PlanFileError as exc:\n"
        "    print(exc.message)\n"
    )
    assert saved.stdout == "is a pipe (FIFO), not a plan file; nothing was written there\n"
    assert pipe.is_fifo()


@pytest.mark.posix
def test_bounded_reads_backups_and_deleted_plans_that_are_fifos_are_skipped(
    catalog: Catalog,
) -> None:
    path = plan_path()
    save_plan(full_plan("v1"), path)
    save_plan(full_plan("v2"), path, first_save_in_session=True)
    fifo(backup_folder(path) / f"career.{OPENED + timedelta(days=400):%Y%m%dT%H%M%S%f}.json")
    fifo(paths.trash_dir() / f"gone.{OPENED:%Y%m%dT%H%M%S%f}.json")
    found = python(
        "from studyplanner.storage.catalog_source import bundled_catalog\n"
        "from studyplanner.storage import paths, plan_files as p\n"
        "catalog = bundled_catalog()\n"
        "backup = p.latest_good_backup(paths.plans_dir() / 'career.json', catalog)\n"
        "print(backup[1].name, len(p.list_trash(catalog)))\n"
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout == "v1 0\n"


# --- 1. read-only commands never write ----------------------------------------------------

VERSION_1: dict[str, Any] = {
    "schema_version": 1,
    "name": "Old plan",
    "start_date": "2025-09-01",
    "availability": {"weekly_hours": 8, "blackouts": []},
    "entries": [{"certification_id": "cloud-practitioner", "notes": "first"}],
}


@pytest.mark.posix
def test_read_only_commands_never_write_a_format_1_file(tmp_path: Path) -> None:
    path = write(tmp_path / "old.json", json.dumps(VERSION_1).encode())
    old = path.read_bytes()
    runs = [
        cli("show", str(path)),
        cli("show", str(path), "--json"),
        cli("export-ics", str(path), "-o", str(tmp_path / "exams.ics")),
        cli("print", str(path), "-o", str(tmp_path / "plan.pdf")),
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert path.read_bytes() == old
    assert set(os.listdir(tmp_path)) - {"data"} == {"exams.ics", "old.json", "plan.pdf"}
    assert not paths.backups_dir().exists()


def test_read_only_commands_the_upgrade_is_written_on_the_next_save(catalog: Catalog) -> None:
    path = write(plan_path(), json.dumps(VERSION_1).encode())
    old = path.read_bytes()
    plan = load_plan(path, catalog)
    assert path.read_bytes() == old and list_backups(path) == []

    save_plan(plan, path, first_save_in_session=True)

    assert json.loads(path.read_bytes())["schema_version"] == PLAN_SCHEMA_VERSION
    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old
    assert load_plan(path, catalog) == plan  # the same entry ids: upgraded once


# --- 2. disk full -------------------------------------------------------------------------


def saved_versions(path: Path, count: int) -> None:
    for version in range(1, count + 1):
        save_plan(
            full_plan(f"v{version}"),
            path,
            first_save_in_session=True,
            now=OPENED + timedelta(minutes=version),
        )


def names(path: Path) -> list[str]:
    return [json.loads(b.path.read_bytes())["name"] for b in list_backups(path)]


def test_disk_full_failed_backups_leave_no_empty_or_partial_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = plan_path()
    saved_versions(path, 11)  # ten real backups, v1 to v10

    def half_then_full(source: Any, target: Any, length: int = 0) -> None:
        target.write(source.read(100))  # the copy gets under way, then the disk is full
        target.flush()
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("shutil.copyfileobj", half_then_full)
        for attempt in range(6):  # six autosaves on a full disk
            with pytest.raises(PlanFileError, match="could not be backed up"):
                save_plan(
                    full_plan(f"lost {attempt}"),
                    path,
                    first_save_in_session=True,
                    now=OPENED + timedelta(minutes=30 + attempt),
                )
    folder = backup_folder(path)
    assert all(f.stat().st_size > 0 for f in folder.iterdir())
    assert temp_files(paths.data_dir()) == []
    assert names(path) == [f"v{v}" for v in range(10, 0, -1)]

    save_plan(
        full_plan("space again"), path, first_save_in_session=True, now=OPENED + timedelta(hours=1)
    )
    assert names(path) == [f"v{v}" for v in range(11, 1, -1)]


def test_disk_full_junk_backups_never_prune_real_versions() -> None:
    path = plan_path()
    saved_versions(path, 11)
    folder = backup_folder(path)
    junk = []
    for second in range(11):  # eleven zero-byte "backups" from an older StudyPlanner
        when = OPENED + timedelta(minutes=20, seconds=second)
        junk.append(write(folder / f"career.{when:%Y%m%dT%H%M%S%f}.json", b""))
    save_plan(full_plan("v12"), path, first_save_in_session=True, now=OPENED + timedelta(hours=1))
    assert names(path) == [f"v{v}" for v in range(11, 1, -1)]
    assert not any(j.exists() for j in junk)


KILLED_SAVER = """
import os, sys, time
from pathlib import Path
from studyplanner.storage.plan_files import save_plan
from tests.storage.conftest import full_plan

real_fsync = os.fsync
first = []

def stuck(fd):
    if not first:  # the plan's temporary file, written and not yet renamed
        first.append(fd)
        print("writing", flush=True)
        sys.stdin.readline()  # the test says when to go on (or kills us first)
    real_fsync(fd)

os.fsync = stuck
save_plan(full_plan("From the child"), Path(sys.argv[1]))
print("saved", flush=True)
"""


def stuck_saver(path: Path) -> subprocess.Popen[str]:
    """A child process halfway through saving ``path``: its temporary file is written, not
    yet renamed."""
    saver = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=REPO,
    )
    assert saver.stdout is not None
    assert saver.stdout.readline() == "writing\n"
    return saver


def saved_with_a_fresh_backup(path: Path) -> None:
    """A plan backed up just now, so that the next saves only write the plan."""
    save_plan(full_plan("Older"), path)
    save_plan(full_plan("Before"), path, first_save_in_session=True)


@pytest.mark.posix
def test_disk_full_a_killed_save_leaves_no_temp_file_after_the_next_save(
    catalog: Catalog,
) -> None:
    path = plan_path()
    saved_with_a_fresh_backup(path)
    for _ in range(3):
        saver = stuck_saver(path)
        saver.send_signal(signal.SIGKILL)
        saver.communicate(timeout=TIMEOUT)
    assert len(temp_files(path.parent)) == 3  # what three killed saves left

    save_plan(full_plan("After"), path)

    assert temp_files(paths.data_dir()) == []
    assert load_plan(path, catalog).name == "After"


def test_disk_full_clean_up_never_disturbs_a_save_in_progress(catalog: Catalog) -> None:
    path = plan_path()
    saved_with_a_fresh_backup(path)
    saver = stuck_saver(path)
    try:
        assert remove_stale_temp_files(path.parent) == 0
        save_plan(full_plan("Meanwhile"), path)  # cleans up after itself, not the child
        assert len(temp_files(path.parent)) == 1
    finally:
        out, _ = saver.communicate("go on\n", timeout=TIMEOUT)
    assert saver.returncode == 0 and out == "saved\n"
    assert load_plan(path, catalog).name == "From the child"
    assert temp_files(paths.data_dir()) == []


# --- 3. hostile settings ------------------------------------------------------------------

HOSTILE_CONTENT = {
    "nested-100000-deep": b'{"recent_plans": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "a-5000-digit-number": b'{"schema_version": ' + b"7" * 5000 + b"}",
    "not-utf8": b'{"last_plan": "caf\xe9"}',
}


def hostile(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "too-large":
        with path.open("wb") as handle:
            handle.truncate(2**30)
    else:
        path.write_bytes(HOSTILE_CONTENT[kind])


HOSTILE_KINDS = [*HOSTILE_CONTENT, "fifo", "dev-zero", "folder", "too-large"]


@pytest.mark.posix
@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_hostile_settings_start_with_defaults_and_one_log_line(kind: str) -> None:
    hostile(paths.settings_path(), kind)
    loaded = python(
        "from studyplanner.storage.settings import AppSettings, load_settings\n"
        "print(load_settings() == AppSettings())\n"
    )
    assert (loaded.returncode, loaded.stdout) == (0, "True\n"), loaded.stderr[-500:]
    (line,) = loaded.stderr.splitlines()
    assert "starting with defaults" in line and str(paths.settings_path()) in line


@pytest.mark.posix
@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_hostile_catalog_falls_back_to_the_bundled_one(kind: str) -> None:
    hostile(paths.user_catalog_path(), kind)
    loaded = python(
        "from studyplanner.storage.catalog_updates import load_app_catalog\n"
        "loaded = load_app_catalog()\n"
        "print(loaded.origin, len(loaded.catalog))\n"
        "print(loaded.problem)\n"
    )
    assert loaded.returncode == 0, loaded.stderr[-500:]
    origin, problem = loaded.stdout.splitlines()
    assert origin == "bundled 17"
    assert problem.startswith("Your updated catalog was not used: ")
    assert str(paths.user_catalog_path()) in problem


@pytest.mark.posix
def test_hostile_catalog_through_the_command_line_is_a_warning(tmp_path: Path) -> None:
    hostile(paths.user_catalog_path(), "nested-100000-deep")
    listed = cli("catalog")
    assert listed.returncode == 0, listed.stderr[-500:]
    assert "CLF-C02" in listed.stdout


# --- 7. newer formats ---------------------------------------------------------------------


def damaged_newer_file(path: Path) -> bytes:
    """A file from a newer StudyPlanner, cut short, whose version comes after 4 KB."""
    content = (
        b'{"name": "From the future", "notes": "' + b"n" * 5000 + b'", '
        b'"schema_version": ' + str(PLAN_SCHEMA_VERSION + 1).encode() + b', "entries": [1, 2'
    )
    write(path, content)
    return content


def test_newer_formats_a_damaged_newer_file_is_never_overwritten(catalog: Catalog) -> None:
    path = plan_path()
    content = damaged_newer_file(path)
    with pytest.raises(PlanFileError) as opened:
        load_plan(path, catalog)
    assert opened.value.newer, "the window must not offer to recover (and overwrite) it"
    with pytest.raises(PlanFileError, match="newer StudyPlanner") as saved:
        save_plan(full_plan(), path, first_save_in_session=True)
    assert saved.value.newer
    assert path.read_bytes() == content
    assert list_backups(path) == []


@pytest.mark.posix
def test_newer_formats_suggest_does_not_overwrite_a_damaged_newer_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    content = damaged_newer_file(path)
    made = cli(
        "suggest", "--role", "manager", "--experience-years", "0", "--hours-per-week", "3",
        "-o", str(path),
    )  # fmt: skip
    assert made.returncode == 2
    assert "newer StudyPlanner" in made.stderr
    assert path.read_bytes() == content


def test_newer_formats_a_newer_file_beyond_the_read_limit_is_never_overwritten() -> None:
    path = plan_path()
    padding = b" " * (MAX_PLAN_BYTES + 10)
    content = b'{"notes": "x"' + padding + b', "schema_version": 99}'
    write(path, content)
    with pytest.raises(PlanFileError, match="newer StudyPlanner"):
        save_plan(full_plan(), path)
    assert path.stat().st_size == len(content)


def test_newer_formats_a_damaged_older_file_is_backed_up_then_replaced(
    catalog: Catalog,
) -> None:
    """How recovery works: the damaged file of this format is kept as a backup."""
    path = plan_path()
    damaged = plan_to_json(full_plan("Damaged")).encode()[:500] + b"\x00\x00"
    write(path, damaged)
    with pytest.raises(PlanFileError) as opened:
        load_plan(path, catalog)
    assert not opened.value.newer
    save_plan(full_plan("Recovered"), path, first_save_in_session=True)
    assert load_plan(path, catalog).name == "Recovered"
    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == damaged


# --- 8. outputs into storage paths --------------------------------------------------------


@pytest.mark.posix
@pytest.mark.parametrize("linked", ["backups", "backups/career"])
def test_outputs_a_linked_backup_folder_never_prunes_outside_the_data_dir(
    tmp_path: Path, linked: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = plan_path()
    outside = tmp_path / "my documents"
    theirs = outside / "career" if linked == "backups" else outside
    theirs.mkdir(parents=True)
    files = []
    for day in range(15):  # the user's own files, named like backups of this plan
        when = datetime(2020, 1, 1) + timedelta(days=day)
        files.append(write(theirs / f"career.{when:%Y%m%dT%H%M%S%f}.json", b"their file"))
    leftover_looking = write(theirs / ".career.json.abc.tmp", b"theirs too")
    link = paths.data_dir() / linked
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside if linked == "backups" else theirs, target_is_directory=True)

    with caplog.at_level(logging.WARNING, logger="studyplanner.storage.plan_files"):
        saved_versions(path, 12)

    assert all(f.read_bytes() == b"their file" for f in files)
    assert leftover_looking.exists()
    assert any("not pruned" in r.getMessage() for r in caplog.records)


@pytest.mark.posix
def test_outputs_a_save_never_replaces_a_device(tmp_path: Path) -> None:
    link = tmp_path / "out.pdf"
    link.symlink_to("/dev/null")
    with pytest.raises(NotARegularFileError, match="is a device, not a regular file"):
        atomic_write_bytes(link, b"%PDF-")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    with pytest.raises(PlanFileError, match="is a device, not a plan file"):
        save_plan(full_plan(), link)
    assert temp_files(tmp_path) == []


# --- 9. encodings -------------------------------------------------------------------------


@pytest.fixture
def latin1_folder(tmp_path: Path) -> Path:
    """A folder whose name is not valid UTF-8 (b'caf\\xe9'), made by bytes as Linux allows."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(raw)
    return Path(os.fsdecode(raw))


def test_encodings_saving_over_a_plan_in_a_non_utf8_folder_works(
    latin1_folder: Path, catalog: Catalog
) -> None:
    path = latin1_folder / "plan.json"
    save_plan(full_plan("v1"), path)
    save_plan(full_plan("v2"), path, first_save_in_session=True)
    assert load_plan(path, catalog).name == "v2"
    found = latest_good_backup(path, catalog)
    assert found is not None and found[1].name == "v1"


def test_encodings_settings_remember_a_non_utf8_path(latin1_folder: Path) -> None:
    path = latin1_folder / "plan.json"
    settings = AppSettings()
    settings.remember(Path("/plans/plain.json"))
    settings.remember(path)
    save_settings(settings)

    loaded = load_settings()

    assert loaded == settings
    assert loaded.last_plan is not None and Path(loaded.last_plan) == path
    assert os.fsencode(loaded.last_plan).endswith(b"/caf\xe9/plan.json")
    assert [Path(p) for p in loaded.recent_plans] == [path, Path("/plans/plain.json")]
    json.loads(paths.settings_path().read_bytes())  # still plain UTF-8 JSON


# --- checks that do not trust assert (tests/test_no_assert.py checks the whole package) ----


@pytest.mark.parametrize("version", ["1", None, 1.0, True, 0, 99])
def test_no_assert_migrate_refuses_an_unknown_version(version: object) -> None:
    with pytest.raises(ValueError, match="schema_version"):
        migrate({"schema_version": version})


def test_bounded_reads_a_deleted_plan_that_is_too_large_is_not_listed(catalog: Catalog) -> None:
    big = write(paths.trash_dir() / f"big.{OPENED:%Y%m%dT%H%M%S%f}.json", b"")
    with big.open("r+b") as handle:
        handle.truncate(MAX_PLAN_BYTES + 1)
    assert list_trash(catalog) == []


NEWER = str(PLAN_SCHEMA_VERSION + 1).encode()
WHERE_A_NEWER_VERSION_HIDES = {
    "in-a-json-list": b'[{"schema_version": ' + NEWER + b"}]",
    "beside-a-version-that-is-text": b'{"schema_version": "x", "y": {"schema_version": '
    + NEWER
    + b"}}",
    "in-a-file-that-is-not-utf8": b'\xff{"schema_version": ' + NEWER + b", ",
    "in-a-file-nested-too-deeply": b'{"schema_version": ' + NEWER + b', "a": ' + b"[" * 100_000,
    "with-more-digits-than-python-converts": b'{"schema_version": ' + b"9" * 5000 + b", ",
}


@pytest.mark.parametrize(
    "content", WHERE_A_NEWER_VERSION_HIDES.values(), ids=WHERE_A_NEWER_VERSION_HIDES.keys()
)
def test_newer_formats_a_version_anywhere_in_the_file_keeps_it(content: bytes) -> None:
    path = write(plan_path(), content)
    with pytest.raises(PlanFileError, match="newer StudyPlanner") as caught:
        save_plan(full_plan(), path, first_save_in_session=True)
    assert caught.value.newer
    assert path.read_bytes() == content


def test_newer_formats_the_top_level_version_of_a_json_document_decides(
    catalog: Catalog,
) -> None:
    """A damaged older plan (an unknown field) that quotes a newer version inside is still
    the older format's: backed up, then replaced, as recovery does."""
    content = b'{"schema_version": 2, "pasted": {"schema_version": 99}}'
    path = write(plan_path(), content)
    save_plan(full_plan("Recovered"), path, first_save_in_session=True)
    assert load_plan(path, catalog).name == "Recovered"
    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == content
