"""Issue 20's hostile classes, shared by ``tools/hostile_run.py`` (``make hostile``) and
``tests/test_hostile_app.py``: what a hostile run found in the features after issue 10.

Each class makes a seeded case and checks it; a check returns the problems it found (empty:
the case held). The classes:

- ``settings-field``: one field of a real ``settings.json`` (any field, the layout's own
  fields included) replaced by a hostile JSON value; the settings load and the layout is put
  on a window (in this process): no exception, the window on a screen.
- ``settings-byte``: one byte of a real ``settings.json`` changed (a random byte, or a byte of
  the window layout in turn); the same check. ``--smoke`` as a real process for a sample.
- ``logs-special``: ``logs/`` as a file, a folder, a FIFO, a socket, a link to a device, in
  place of the log or the crash trace; ``--smoke`` as a real process starts within its
  deadline.
- ``window-limits``: an edit at a limit through the window's document and *Log Study Time*
  (a full exam log, a full plan log, a full day, a 501st exam, a held certification earned
  tomorrow): refused with a message, the plan unchanged, no exception.
- ``stdout``: commands with standard output closed, a pipe whose reader has gone, a full
  disk, as real processes: exit 0 or 2, no traceback, a `log` saved exactly once.
- ``older-format``: a plan of format 1 to 4, often at its limits (500 exams, 5,000 h logged,
  5e-324 h): it opens, with every hour logged kept exactly, no session after today.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.cli.hostile import random_value
from tests.ui.settings_mutations import mutate_one_byte, smoke, starts_with

TODAY = date(2026, 12, 7)
COMMAND = Path(sys.executable).with_name("studyplanner")

Problems = list[str]


@dataclass
class Case:
    kind: str
    check: Callable[[], Problems]


# --- settings ------------------------------------------------------------------------------


class SettingsBench:
    """A real settings file (from a real start and quit of the app) and one window on which
    mutated layouts are put back, as ``MainWindow.__init__`` does."""

    def __init__(self, work: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from studyplanner.storage import paths
        from studyplanner.storage.catalog_updates import load_app_catalog
        from studyplanner.ui.window.main_window import MainWindow
        from tests.ui.fake_prompts import FakePrompts

        self.work = work
        self.app = QApplication.instance() or QApplication([])
        first = work / "first"
        first.mkdir(parents=True, exist_ok=True)
        result = smoke(first)
        if result.returncode != 0:
            raise RuntimeError(f"the app did not start: {result.stderr[-2000:]}")
        self.original = (first / "settings.json").read_bytes()
        self.document: dict[str, Any] = json.loads(self.original)
        self.data_dir = work / "in-process"
        self.data_dir.mkdir(exist_ok=True)
        paths.set_data_dir(self.data_dir)
        self.window = MainWindow(load_app_catalog(), prompts=FakePrompts())
        start = self.original.index(b'"window_layout"')
        self.layout_bytes = range(start, self.original.rindex(b"}"))
        self.process_number = 0

    def put_back(self, data: bytes) -> Problems:
        """Load ``data`` as the settings file and restore the window from it."""
        from PySide6.QtCore import QSize

        from studyplanner.storage import paths
        from studyplanner.storage.settings import load_settings
        from studyplanner.ui.window.frame import fit_to_screen
        from studyplanner.ui.window.state import restore_window

        paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
        paths.settings_path().write_bytes(data)
        try:
            settings = load_settings()
            fit_to_screen(self.window, QSize(1440, 900))
            restore_window(self.window, settings)
        except Exception as exc:  # a bug: the app would not start
            return [f"raised {type(exc).__name__}: {exc}"[:300]]
        if not _on_a_screen(self.window.geometry()):
            return [f"window off the screens: {self.window.geometry()}"]
        return []

    def as_process(self, data: bytes) -> Problems:
        self.process_number += 1
        folder = self.work / f"process-{self.process_number}"
        folder.mkdir()
        problem = starts_with(folder, data)
        return [] if problem is None else [problem]


def _on_a_screen(rect: Any) -> bool:
    from PySide6.QtWidgets import QApplication

    for screen in QApplication.screens():
        seen = screen.availableGeometry().intersected(rect)
        if seen.width() * seen.height() >= 0.95 * rect.width() * rect.height():
            return True
    return False


def _fields(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (objects' keys and lists' items, nested)."""
    found: list[tuple[Any, ...]] = []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        found.append((*prefix, key))
        found += _fields(value, (*prefix, key))
    return found


def settings_field_case(bench: SettingsBench, rng: random.Random) -> Case:
    document = json.loads(bench.original)
    where = rng.choice(_fields(document))
    node = document
    for step in where[:-1]:
        node = node[step]
    value = random_value(rng)
    node[where[-1]] = value
    try:
        data = json.dumps(document, default=str).encode("utf-8")
    except (TypeError, ValueError):
        data = bench.original
    if hasattr(value, "text"):  # a raw JSON fragment (huge numbers, deep nesting)
        marker = '"@@raw@@"'
        node[where[-1]] = "@@raw@@"
        data = json.dumps(document).replace(marker, value.text).encode("utf-8")
    return Case("settings-field", lambda: bench.put_back(data))


def settings_byte_case(bench: SettingsBench, rng: random.Random, *, process: bool) -> Case:
    if rng.random() < 0.5:
        where = rng.choice(bench.layout_bytes)
        value = rng.choice([b for b in range(256) if b != bench.original[where]])
        data = bench.original[:where] + bytes([value]) + bench.original[where + 1 :]
    else:
        _where, data = mutate_one_byte(bench.original, rng)
    if process:
        return Case("settings-byte (process)", lambda: bench.as_process(data))
    return Case("settings-byte", lambda: bench.put_back(data))


# --- special files in logs/ --------------------------------------------------------------

LOG_NAMES = ("studyplanner.log", "crash.log")


def _make_special(logs: Path, kind: str, name: str) -> None:
    if kind == "logs-is-a-file":
        logs.write_text("not a folder", encoding="utf-8")
        return
    logs.mkdir(parents=True, exist_ok=True)
    target = logs / name
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(target))
    elif kind == "link-to-dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "link-to-fifo":
        os.mkfifo(logs / f"elsewhere-{name}")
        target.symlink_to(logs / f"elsewhere-{name}")
    elif kind == "dangling-link":
        target.symlink_to(logs / "missing" / "x")


SPECIAL_KINDS = (
    "logs-is-a-file",
    "fifo",
    "folder",
    "socket",
    "link-to-dev-zero",
    "link-to-fifo",
    "dangling-link",
)


def logs_special_case(work: Path, rng: random.Random, number: int) -> Case:
    kind = rng.choice(SPECIAL_KINDS)
    names = rng.choice((LOG_NAMES[:1], LOG_NAMES[1:], LOG_NAMES))

    def check() -> Problems:
        folder = work / f"logs-{number}"
        folder.mkdir()
        for name in names:
            if kind == "logs-is-a-file" and (folder / "logs").exists():
                break
            _make_special(folder / "logs", kind, name)
        try:
            result = smoke(folder)
        except subprocess.TimeoutExpired:
            return [f"{kind} {names}: no first paint within the deadline"]
        if result.returncode != 0 or "first paint after" not in result.stdout:
            return [f"{kind} {names}: exit {result.returncode}: {result.stderr[-300:]!r}"]
        if "Traceback" in result.stderr:
            return [f"{kind} {names}: traceback: {result.stderr[-300:]!r}"]
        if kind == "logs-is-a-file" and "is a file, not a folder" not in result.stderr:
            return [f"logs-is-a-file not named as the cause: {result.stderr[-300:]!r}"]
        return []

    return Case("logs-special (process)", check)


# --- limits through the window -----------------------------------------------------------


class LimitsBench:
    """A window's document on plans at their limits (built once, reused by every case)."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication

        from studyplanner.domain.plan import (
            MAX_ENTRIES,
            MAX_PLAN_SESSIONS,
            MAX_SESSIONS,
            PlanEntry,
            StudyPlan,
            StudySession,
        )
        from studyplanner.storage.catalog_updates import load_app_catalog

        self.app = QApplication.instance() or QApplication([])
        self.catalog = load_app_catalog().catalog

        def log(count: int, last: date) -> list[StudySession]:
            return [StudySession(on=last - timedelta(days=n), hours=0.5) for n in range(count)]

        yesterday = TODAY - timedelta(days=1)
        per = MAX_PLAN_SESSIONS // 5
        self.plans = {
            "full exam log": StudyPlan(
                start_date=TODAY - timedelta(days=3000),
                entries=[
                    PlanEntry(
                        certification_id="developer-associate",
                        sessions=log(MAX_SESSIONS, yesterday),
                    ),
                    PlanEntry(certification_id="solutions-architect-associate"),
                ],
            ),
            "full plan log": StudyPlan(
                start_date=TODAY - timedelta(days=6000),
                entries=[
                    PlanEntry(
                        certification_id="developer-associate",
                        sessions=log(per, yesterday - timedelta(days=per * n)),
                    )
                    for n in range(5)
                ]
                + [PlanEntry(certification_id="solutions-architect-associate")],
            ),
            "full day": StudyPlan(
                start_date=TODAY,
                entries=[
                    PlanEntry(
                        certification_id="developer-associate",
                        sessions=[StudySession(on=TODAY, hours=23.5)],
                    ),
                    PlanEntry(certification_id="solutions-architect-associate"),
                ],
            ),
            "500 exams": StudyPlan(
                start_date=TODAY,
                entries=[
                    PlanEntry(certification_id="cloud-practitioner") for _ in range(MAX_ENTRIES)
                ],
            ),
        }

    def case(self, rng: random.Random) -> Case:
        name = rng.choice(sorted(self.plans))
        action = rng.choice(("log", "dialog", "edit-session", "add-exam", "held", "renewal"))
        hours = rng.choice((0.25, 0.5, 1.0, 2.0, 23.75, 24.0))
        day = TODAY - timedelta(days=rng.choice((0, 0, 1, 400)))
        return Case("window-limits", lambda: self._check(name, action, hours, day))

    def _check(self, name: str, action: str, hours: float, day: date) -> Problems:
        from studyplanner.ui.dialogs.log_dialog import LogStudyDialog
        from studyplanner.ui.document.plan_document import PlanDocument

        plan = self.plans[name]
        document = PlanDocument(self.catalog, today=lambda: TODAY)
        told: list[str] = []
        document.refused.connect(told.append)
        try:
            document.set_plan(plan.model_copy(deep=True), None)
            before = document.plan
            first = document.entry_ids()[0]
            if action == "log":
                done = document.log_session(first, day, hours)
            elif action == "dialog":
                dialog = LogStudyDialog(document, first)
                dialog.hours.setValue(hours)
                dialog.note.setText("typed by the user")
                dialog.accept()
                done = dialog.result() == 1
                if not done and (
                    not dialog.problem.text() or dialog.note.text() != "typed by the user"
                ):
                    return [f"{name}: dialog refused without a message or lost the typing"]
                dialog.deleteLater()
                if done:
                    document.log_session(first, day, hours)
            elif action == "edit-session":
                sessions = document.plan.entry(first).sessions
                done = bool(sessions) and document.update_session(first, 0, hours=24.0)
            elif action == "add-exam":
                done = bool(document.insert_certification("developer-associate"))
            elif action == "held":
                done = document.add_held("cloud-practitioner", TODAY + timedelta(days=1))
                if done:
                    return [f"{name}: a held certification earned tomorrow was accepted"]
            else:
                done = bool(document.add_renewal("cloud-practitioner", TODAY + timedelta(days=300)))
        except Exception as exc:  # what the crash dialog would have shown
            return [f"{name} / {action}: raised {type(exc).__name__}: {str(exc)[:200]}"]
        finally:
            document.deleteLater()
        after = document.plan
        if not done and after != before:
            return [f"{name} / {action}: refused, yet the plan changed"]
        if not done and action in ("log", "add-exam", "held") and not told and name != "full day":
            return [f"{name} / {action}: refused without a message"]
        return []


# --- closed and broken standard output ----------------------------------------------------

STDOUT_COMMANDS = (
    ["--version"],
    ["catalog"],
    ["catalog", "--json"],
    ["schema"],
    ["show", "{plan}"],
    ["show", "{plan}", "--json"],
    ["log", "{plan}", "--exam", "1", "--hours", "1.5"],
    ["score", "{plan}", "--exam", "1", "--percent", "75"],
)
STDOUT_KINDS = ("closed", "reader-gone", "full-disk", "head-c-10")


def stdout_case(work: Path, rng: random.Random, number: int) -> Case:
    args = rng.choice(STDOUT_COMMANDS)
    kind = rng.choice(STDOUT_KINDS if Path("/dev/full").exists() else STDOUT_KINDS[::3])
    return Case("stdout (process)", lambda: _check_stdout(work / f"out-{number}", args, kind))


def _check_stdout(folder: Path, args: list[str], kind: str) -> Problems:
    from studyplanner.storage import paths
    from studyplanner.storage.plan_files import save_plan
    from tests.cli.test_progress_commands import two_exams

    folder.mkdir(parents=True)
    plan = folder / "plan.json"
    save_plan(two_exams(), plan)
    argv = [str(COMMAND), "--today", "2026-12-01", *(a.format(plan=plan) for a in args)]
    env = {**os.environ, paths.ENV_VAR: str(folder / "data")}
    if kind == "head-c-10":
        line = " ".join(f"'{a}'" for a in argv) + " | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}"
        done = subprocess.run(
            line,
            shell=True,
            executable="/bin/bash",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    elif kind == "closed":
        line = " ".join(f"'{a}'" for a in argv) + " >&-"
        done = subprocess.run(
            line, shell=True, env=env, capture_output=True, text=True, timeout=120
        )
    elif kind == "reader-gone":
        reader, writer = os.pipe()
        os.close(reader)
        try:
            done = subprocess.run(
                argv, env=env, stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120
            )
        finally:
            os.close(writer)
    else:
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                argv, env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
            )
    what = f"{' '.join(args)} with stdout {kind}"
    problems: Problems = []
    if done.returncode not in (0, 2) or "Traceback" in done.stderr:
        problems.append(f"{what}: exit {done.returncode}: {done.stderr[-300:]!r}")
    writes = args[0] in ("log", "score")
    if done.returncode == 2 and (writes or kind != "full-disk"):
        problems.append(f"{what}: exit 2 though the work was done: {done.stderr[-300:]!r}")
    if writes:
        saved = json.loads(plan.read_text(encoding="utf-8"))["entries"][0]
        count = len(saved["sessions"] if args[0] == "log" else saved["scores"])
        if count != 1:
            problems.append(f"{what}: saved {count} times")
    return problems


# --- older formats at their limits -------------------------------------------------------


def older_format_case(rng: random.Random) -> Case:
    from studyplanner.storage.catalog_source import bundled_catalog

    catalog = bundled_catalog()
    ids = sorted(c.id for c in catalog.certifications)
    version = rng.randint(1, 4)
    at_limits = rng.random() < 0.3
    exams = rng.choice((24, 100, 500)) if at_limits else rng.randrange(0, 15)
    special = (0, 5e-324, 1e-300, 0.1, 23.999999999999996, 24, 240.5, 4999.99, 5000)
    start = date(1900, 1, 1) + timedelta(days=rng.randrange(0, 109_500))
    today = date(1900, 1, 1) + timedelta(days=rng.randrange(0, 109_500))
    same = rng.choice(special) if at_limits else None
    entries = []
    for n in range(exams):
        hours = same if same is not None else rng.choice((*special, rng.uniform(0, 5000)))
        entry: dict[str, Any] = {"certification_id": rng.choice(ids), "hours_logged": hours}
        if version >= 2 or rng.random() < 0.5:
            entry["id"] = f"{n:032x}"
        entries.append(entry)
    document: dict[str, Any] = {
        "schema_version": version,
        "name": "Older plan",
        "start_date": start.isoformat(),
        "entries": entries,
    }
    if version == 1:
        document["availability"] = {"weekly_hours": rng.uniform(0, 168), "blackouts": []}
    return Case("older-format", lambda: _check_older(document, today, catalog))


def _check_older(document: dict[str, Any], today: date, catalog: Any) -> Problems:
    from studyplanner.domain.plan import MAX_PLAN_SESSIONS
    from studyplanner.storage.plan_files import PlanFileError, parse_plan

    data = json.dumps(document).encode("utf-8")
    try:
        plan, _migrated = parse_plan(data, Path("older.json"), catalog, today=today)
    except PlanFileError as exc:
        return [f"a valid format-{document['schema_version']} plan did not open: {exc}"[:300]]
    problems: Problems = []
    wanted = [float(e["hours_logged"]) for e in document["entries"]]
    if [e.hours_logged for e in plan.entries] != wanted:
        problems.append("hours logged changed by the upgrade")
    start = date.fromisoformat(document["start_date"])
    if any(s.on > max(today, start) or s.on > start for e in plan.entries for s in e.sessions):
        problems.append("a migrated session is dated after the start")
    if any(s.on > today for e in plan.entries for s in e.sessions if start > today):
        problems.append("a migrated session is dated after today")
    if sum(len(e.sessions) for e in plan.entries) > MAX_PLAN_SESSIONS:
        problems.append("the session cap is passed")
    return problems


def temporary_work() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="studyplanner-hostile-app-")
