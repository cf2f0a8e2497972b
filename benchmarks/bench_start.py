"""Start-up, answers and memory, as ratios against bare Python and a bare Qt window (issue 14).

Every command runs as a new process, the way a user starts it; the runs alternate (A, B, C, A,
B, C, ...) so a busy moment of the machine hits every command alike, and each figure is the
median of the runs. "Start to first paint" is the time from starting the process until its
first-paint line reaches this benchmark through the pipe: the bare window prints it the same way
``--smoke`` does (after the first paint has quit the event loop), so both are measured alike.

Goals (issue 14):
  --smoke (empty data folder, and a 12-exam last plan)   <= 1.6 x the bare window
  --version, --help                                      <= 2 x `python -c pass`
  show PLAN --json (12 exams)                            <= 1 x the bare window's start
  peak memory of --smoke                                 <= 1.5 x the bare window's
Goal (issue 22):
  --smoke first paint                                    <= 1.5 x the floor window

Under Xvfb (started here when it is installed) the windows use the xcb platform, as on a
user's desktop; otherwise offscreen. With a built package (dist/StudyPlanner), its ``--smoke``
is measured too. Run with ``make bench``; numbers are printed, never asserted.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks import qt_types

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "dist" / "StudyPlanner" / "StudyPlanner"
RUNS = int(os.environ.get("BENCH_RUNS", "9"))

BARE_WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, QApplication.quit)
            return False

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1200, 800)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    print("first paint", flush=True)
    """
)


FLOOR_WINDOW = (
    textwrap.dedent(
        """
        from studyplanner import bootstrap

        bootstrap.skip_pydantic_plugin_discovery()  # no pydantic plugin scan, as in the app
        from pydantic import BaseModel
        from PySide6.QtCore import Qt

        class Model(BaseModel):
            value: int = 1

        Model(value=2)
        Qt.AlignmentFlag.AlignLeft
        """
    )
    + BARE_WINDOW
)
"""The bare window plus what any app built on this design card pays before its own code runs:
pydantic with one model, and Qt's ``Qt`` namespace (whose ~100 enums PySide6 creates as
Python enums on first use). StudyPlanner cannot start faster than this."""


@dataclass
class Samples:
    """One command's runs: time to its first line, time to exit, and peak memory."""

    first_line: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    def median_ms(self, which: str = "first_line") -> float:
        return statistics.median(getattr(self, which)) * 1000

    def median_mib(self) -> float:
        return statistics.median(self.peak_kib) / 1024


def run_once(command: Sequence[str], env: dict[str, str], marker: str | None) -> Samples:
    """Start ``command``; time until a stdout line contains ``marker`` (or the exit)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    first_line = None
    output = []
    for raw in process.stdout:
        output.append(raw)
        if first_line is None and (marker is None or marker.encode() in raw):
            first_line = time.perf_counter() - started
    _, status, usage = os.wait4(process.pid, 0)
    total = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({process.returncode}): {stderr.decode()[-500:]}"
        )
    if marker is not None and first_line is None:
        raise SystemExit(f"{' '.join(command)} never printed {marker!r}: {b''.join(output)!r}")
    result = Samples()
    result.first_line.append(first_line if first_line is not None else total)
    result.total.append(total)
    result.peak_kib.append(usage.ru_maxrss)
    return result


Command = tuple[list[str], dict[str, str], str | None]
"""The command line, its environment, and the output line that ends the timing (None: exit)."""


def measure(commands: dict[str, Command]) -> dict[str, Samples]:
    results = {name: Samples() for name in commands}
    for command, env, marker in commands.values():  # warm the disk cache once
        run_once(command, env, marker)
    for _ in range(RUNS):
        for name, (command, env, marker) in commands.items():
            one = run_once(command, env, marker)
            results[name].first_line += one.first_line
            results[name].total += one.total
            results[name].peak_kib += one.peak_kib
    return results


def _x_server() -> AbstractContextManager[str | None]:
    """The packaged app's smoke test's private Xvfb display: one way to start one."""
    spec = importlib.util.spec_from_file_location(
        "smoke_test", ROOT / "packaging" / "smoke_test.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit("packaging/smoke_test.py cannot be loaded")
    smoke_test = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = smoke_test  # its dataclasses look themselves up there
    spec.loader.exec_module(smoke_test)
    server: AbstractContextManager[str | None] = smoke_test.x_server()
    return server


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """An environment whose windows show on an Xvfb screen (xcb), or offscreen without Xvfb."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    # As installed: Python's compiled files are kept (pip writes them; so does the package).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with _x_server() as screen:
        if screen is None:
            env["QT_QPA_PLATFORM"] = "offscreen"
        else:
            env["DISPLAY"] = screen
            env["QT_QPA_PLATFORM"] = "xcb"
        yield env


def twelve_exam_data_dir(folder: Path) -> Path:
    """A data folder whose last plan has twelve exams, as a keen learner's would."""
    from studyplanner.domain.plan import PlanEntry, StudyPlan, WeeklyAvailability
    from studyplanner.storage.catalog_source import bundled_catalog
    from studyplanner.storage.plan_files import save_plan

    catalog = bundled_catalog()
    active = [c.id for c in catalog if not c.is_retired][:12]
    plan = StudyPlan(
        name="Twelve exams",
        start_date=date(2027, 1, 4),
        availability=WeeklyAvailability.spread(8),
        entries=[PlanEntry(certification_id=cid) for cid in active],
    )
    plans = folder / "plans"
    plans.mkdir(parents=True)
    path = plans / "twelve.json"
    save_plan(plan, path)
    (folder / "settings.json").write_text(f'{{"last_plan": "{path}"}}', "utf-8")
    return path


def report(name: str, value: float, base: float, goal: float, unit: str = "ms") -> str:
    ratio = value / base
    verdict = "ok" if ratio <= goal else "OVER"
    return f"  {name:<44} {value:7.0f} {unit}  {ratio:5.2f} x   (goal <= {goal:g} x)  {verdict}"


def main() -> None:
    python = sys.executable
    compileall.compile_dir(ROOT / "studyplanner", quiet=1)
    with tempfile.TemporaryDirectory() as temp, display() as env:
        empty = Path(temp) / "empty"
        full = Path(temp) / "full"
        plan = twelve_exam_data_dir(full)
        quiet = dict(env, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        app = [python, "-m", "studyplanner"]
        commands: dict[str, Command] = {
            "python -c pass": ([python, "-c", "pass"], quiet, None),
            "bare window": ([python, "-c", BARE_WINDOW], quiet, "first paint"),
            "floor window": ([python, "-c", FLOOR_WINDOW], quiet, "first paint"),
            "--version": ([*app, "--version"], quiet, None),
            "--help": ([*app, "--help"], quiet, None),
            "show PLAN --json (12 exams)": (
                [*app, "--data-dir", str(full), "show", str(plan), "--json"],
                quiet,
                None,
            ),
            "--smoke, empty data folder": (
                [*app, "--smoke", "--data-dir", str(empty)],
                quiet,
                "first paint",
            ),
            "--smoke, 12-exam last plan": (
                [*app, "--smoke", "--data-dir", str(full)],
                quiet,
                "first paint",
            ),
        }
        if PACKAGED.exists():
            commands["packaged --smoke, empty data folder"] = (
                [str(PACKAGED), "--smoke", "--data-dir", str(empty)],
                quiet,
                "first paint",
            )
            commands["packaged --smoke, 12-exam last plan"] = (
                [str(PACKAGED), "--smoke", "--data-dir", str(full)],
                quiet,
                "first paint",
            )
        results = measure(commands)
        types = qt_types.report(python, quiet, FLOOR_WINDOW, empty)

    platform = env.get("QT_QPA_PLATFORM")
    print(f"Start-up (platform {platform}; medians of {RUNS} alternating runs)")
    python_ms = results["python -c pass"].median_ms()
    bare = results["bare window"]
    bare_ms = bare.median_ms()
    print(
        f"  python -c pass: {python_ms:.0f} ms; bare window, start to first paint: {bare_ms:.0f} ms"
    )
    for name in ("--version", "--help"):
        print(report(name, results[name].median_ms(), python_ms, 2))
    floor = results["floor window"]
    print(
        f"  floor: bare window + pydantic + Qt namespace: {floor.median_ms():.0f} ms, "
        f"{floor.median_ms() / bare_ms:.2f} x; {floor.median_mib():.0f} MiB, "
        f"{floor.median_mib() / bare.median_mib():.2f} x (no app of this design goes lower)"
    )
    show = "show PLAN --json (12 exams)"
    print(report(show, results[show].median_ms(), bare_ms, 1))
    smokes = [name for name in results if "--smoke" in name]
    for name in smokes:
        print(report(f"{name}: first paint", results[name].median_ms(), bare_ms, 1.6))
    print("Issue 22: first paint against the floor window")
    for name in smokes:
        print(report(f"{name} / floor", results[name].median_ms(), floor.median_ms(), 1.5))
    print(types)
    print("Peak memory (maximum resident set)")
    bare_mib = bare.median_mib()
    print(f"  bare window: {bare_mib:.0f} MiB")
    for name in smokes:
        print(report(name, results[name].median_mib(), bare_mib, 1.5, "MiB"))
    print("For information: the whole run, start to exit")
    for name in ("bare window", "floor window", *smokes):
        print(f"  {name:<44} {results[name].median_ms('total'):7.0f} ms")


if __name__ == "__main__":
    main()
