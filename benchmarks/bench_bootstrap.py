"""What each start-up measure in ``studyplanner/bootstrap.py`` buys (issue 22).

The app starts with every measure, then with each one switched off in turn (the measure's
function replaced by one that does nothing, before ``main`` runs): the ratio "without / with"
is what the measure buys, above 1 when it helps. Runs alternate as in ``bench_start``, and
each figure is the median of the runs. Then, in this process, what setting the start's objects
aside buys a full garbage collection during editing, what collecting young objects less often
buys an edit of a 100-exam plan, and what the command line's two avoided
imports (``typing`` for ``TYPE_CHECKING``, ``shutil`` for the terminal's width) would cost
``--help``.

A measure whose ratio stays about 1.00 buys nothing: drop it from the bootstrap. Run with
``make bench``; numbers are printed, never asserted.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.bench_start import RUNS, Command, display, measure, twelve_exam_data_dir

WITHOUT = textwrap.dedent(
    """
    import sys
    from studyplanner import bootstrap
    for name in {off!r}:
        setattr(bootstrap, name, lambda *args, **kwargs: None)
    for name in {preload!r}:
        __import__(name)
    for phase, names in {at_phase}.items():
        def importing(names=names, then=getattr(bootstrap, phase)):
            for name in names():
                __import__(name)
            then()
        setattr(bootstrap, phase, importing)
    from studyplanner.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)

ALL_OF_DOMAIN_AND_STORAGE = (
    '[module.name for package in ("studyplanner.domain", "studyplanner.storage") '
    'for module in __import__("pkgutil").iter_modules('
    '__import__(package, fromlist=["_"]).__path__, package + ".")]'
)
"""Python source: the modules the dropped measure imported, found as it found them."""

AVOIDED_AT_START = {
    "all of domain/ and storage/ before PySide6 (dropped)": (
        "before_the_window",
        ALL_OF_DOMAIN_AND_STORAGE,
    ),
    "the crash dialog": ("window_modules_loaded", repr(["studyplanner.ui.dialogs.crash_dialog"])),
    "the team window": ("window_modules_loaded", repr(["studyplanner.ui.team.team_window"])),
}
"""What the window's start does not import, imported anyway at a phase of the start (the
modules as Python source, evaluated when the phase comes): the Qt-free half before PySide6
(the measure dropped once the window loaded only what it shows), the rest once the window's
modules are loaded, where the start would otherwise import them."""

WINDOW_MEASURES = (
    "skip_pydantic_plugin_discovery",
    "pause_garbage_collection",
    "paint_on_one_thread_on_small_machines",
    "forget_source_lines",
)
COMMAND_MEASURES = ("skip_pydantic_plugin_discovery", "pause_garbage_collection")
AVOIDED_IMPORTS = {
    "typing (TYPE_CHECKING by hand)": ("typing",),
    "shutil (terminal width by hand)": ("shutil",),
    "both": ("typing", "shutil"),
}


def _command(
    args: list[str], env: dict[str, str], marker: str | None, off=(), preload=(), at_phase=None
) -> Command:
    phases = ", ".join(f"{phase!r}: lambda: {names}" for phase, names in (at_phase or {}).items())
    script = WITHOUT.format(off=tuple(off), preload=tuple(preload), at_phase=f"{{{phases}}}")
    return ([sys.executable, "-c", script, *args], env, marker)


def full_collection_ms() -> tuple[float, float]:
    """A full collection once the 12-exam window is up: without and with ``gc.freeze()``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from studyplanner import bootstrap
    from studyplanner.storage import paths
    from studyplanner.storage.catalog_updates import load_app_catalog

    bootstrap.skip_pydantic_plugin_discovery()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temp:
        plan = twelve_exam_data_dir(Path(temp) / "data")
        paths.set_data_dir(Path(temp) / "data")
        from studyplanner.ui.window.main_window import MainWindow

        window = MainWindow(load_app_catalog())
        window.open_initial(plan)
        window.show()
        app.processEvents()

        def collect_ms(repeat: int = 9) -> float:
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                gc.collect()
                samples.append(time.perf_counter() - started)
            return sorted(samples)[repeat // 2] * 1000

        unfrozen = collect_ms()
        gc.freeze()
        frozen = collect_ms()
        gc.unfreeze()
        window.session.autosaver.blockSignals(True)
        window.close()
    return unfrozen, frozen


def young_collections_ms(edits: int = 20) -> tuple[float, float]:
    """Time spent collecting garbage per weekly-hours edit of a 100-exam plan in the window:
    at Python's default threshold (700) and at ``collect_young_objects_less_often``'s."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_edit import START, benchmark_plan
    from studyplanner import bootstrap
    from studyplanner.domain.plan import WeeklyAvailability
    from studyplanner.storage.catalog_updates import load_app_catalog

    app = QApplication.instance() or QApplication([])
    from studyplanner.ui.window.main_window import MainWindow

    loaded = load_app_catalog()
    active = [cert.id for cert in loaded.catalog if not cert.is_retired]
    window = MainWindow(loaded, today=lambda: START)
    window.show()
    window.document.set_plan(benchmark_plan(100, active, 20.0), None)
    app.processEvents()
    started, spent = [0.0], [0.0]

    def timed(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]

    default = gc.get_threshold()
    figures = []
    for threshold in (default[0], bootstrap.YOUNG_OBJECTS_PER_COLLECTION):
        gc.collect()
        gc.set_threshold(threshold, *default[1:])
        spent[0] = 0.0
        gc.callbacks.append(timed)
        try:
            for edit in range(edits):
                hours = 20.0 + edit % 2
                window.document.update_plan("Hours", availability=WeeklyAvailability.spread(hours))
                app.processEvents()
        finally:
            gc.callbacks.remove(timed)
        figures.append(spent[0] / edits * 1000)
    gc.set_threshold(*default)
    window.document.undo_stack.clear()
    window.session.autosaver.blockSignals(True)
    window.close()
    return figures[0], figures[1]


EDIT_WITHOUT = (
    "from studyplanner import bootstrap\n"
    "bootstrap.paint_on_one_thread_on_small_machines = lambda: None\n"
    "from benchmarks.bench_edit import main\n"
    "main()\n"
)


def edit_lines(off: bool) -> list[str]:
    """bench_edit's edit and zoom figures, with the painting measure or without it."""
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    command = ["-c", EDIT_WITHOUT] if off else ["-m", "benchmarks.bench_edit"]
    done = subprocess.run(
        [sys.executable, *command], env=env, capture_output=True, text=True, check=True
    )
    return [line for line in done.stdout.splitlines() if line.startswith(("edit  ms", "zoom  ms"))]


def main() -> None:
    with tempfile.TemporaryDirectory() as temp, display() as env:
        full = Path(temp) / "full"
        plan = twelve_exam_data_dir(full)
        quiet = dict(env, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        smoke = ["--smoke", "--data-dir", str(full)]
        show = ["--data-dir", str(full), "show", str(plan), "--json"]
        commands: dict[str, Command] = {
            "smoke: all": _command(smoke, quiet, "first paint"),
            "show: all": _command(show, quiet, None),
            "help: all": _command(["--help"], quiet, None),
        }
        for name in WINDOW_MEASURES:
            commands[f"smoke: {name}"] = _command(smoke, quiet, "first paint", off=[name])
        for label, (phase, names) in AVOIDED_AT_START.items():
            commands[f"smoke: {label}"] = _command(
                smoke, quiet, "first paint", at_phase={phase: names}
            )
        for name in COMMAND_MEASURES:
            commands[f"show: {name}"] = _command(show, quiet, None, off=[name])
        for label, modules in AVOIDED_IMPORTS.items():
            commands[f"help: {label}"] = _command(["--help"], quiet, None, preload=modules)
        results = measure(commands)

    def line(name: str, base: str, label: str, memory: bool = True) -> str:
        one, all_on = results[name], results[base]
        ms, mib = one.median_ms(), one.median_mib()
        text = f"  {label:<40} {ms:6.0f} ms  {ms / all_on.median_ms():5.2f} x"
        if memory:
            text += f"   {mib:4.0f} MiB  {mib / all_on.median_mib():5.2f} x"
        return text

    print(f"Start-up measures (platform {env.get('QT_QPA_PLATFORM')}; medians of {RUNS} runs)")
    print(f"Cores: {os.cpu_count()}. Ratios are 'without the measure / with all': > 1 it helps.")
    print("--smoke, 12-exam last plan: start to first paint, peak memory")
    print(line("smoke: all", "smoke: all", "with every measure"))
    for name in WINDOW_MEASURES:
        print(line(f"smoke: {name}", "smoke: all", f"without {name}"))
    print("--smoke, with what its start does not import imported anyway")
    for label in AVOIDED_AT_START:
        print(line(f"smoke: {label}", "smoke: all", f"importing {label}"))
    print("show PLAN --json (12 exams): start to exit, peak memory")
    print(line("show: all", "show: all", "with every measure"))
    for name in COMMAND_MEASURES:
        print(line(f"show: {name}", "show: all", f"without {name}"))
    print("--help: start to exit, with the imports the command line avoids made anyway")
    print(line("help: all", "help: all", "as it is", memory=False))
    for label in AVOIDED_IMPORTS:
        print(line(f"help: {label}", "help: all", f"importing {label}", memory=False))
    from studyplanner import bootstrap

    unfrozen, frozen = full_collection_ms()
    print("set_start_up_objects_aside: a full garbage collection once the window is up")
    print(f"  without gc.freeze() {unfrozen:6.2f} ms; with it {frozen:6.2f} ms")
    every_700, less_often = young_collections_ms()
    print("collect_young_objects_less_often: collecting per edit of a 100-exam plan")
    young = bootstrap.YOUNG_OBJECTS_PER_COLLECTION
    print(f"  every 700 new objects {every_700:6.2f} ms; every {young:,} {less_often:6.2f} ms")
    if os.environ.get("BENCH_WITH_EDIT", "1") == "0":  # the suite's check that this still runs
        return
    print("paint_on_one_thread_on_small_machines: bench_edit with it, then without it")
    for off in (False, True):
        for text in edit_lines(off):
            print(f"  {'without' if off else 'with   '} {text}")


if __name__ == "__main__":
    main()
