"""How many Qt classes a start has made PySide create by its first paint (issue 22).

PySide6 creates each Qt class, with its Python enums, on first use, and that is slow (a few
hundred classes cost 50-80 ms). A start that touches what it needs stays near the floor
window's count; one far above it has a *cascade* somewhere: Qt handed Python an object it did
not know yet (an application-wide event filter's ``watched``, a first ``viewport()``, a
``findChildren``), and PySide created every class that object might be to name it. Counts do
not depend on how busy the machine is, so they show a cascade coming back where milliseconds
would drown it. ``bench_start`` prints them; nothing asserts them.
"""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Sequence
from pathlib import Path

MARKER = "Qt types before first paint:"

_COUNTER = textwrap.dedent(
    f"""
    def _count_at_first_paint(window):
        from PySide6 import QtCore, QtGui, QtWidgets

        class Count(QtCore.QObject):
            def eventFilter(self, watched, event):
                if event.type() == QtCore.QEvent.Type.Paint:
                    watched.removeEventFilter(self)
                    modules = (QtCore, QtGui, QtWidgets)
                    made = sum(isinstance(v, type) for m in modules for v in vars(m).values())
                    print({MARKER!r}, made, flush=True)
                return False

        window.installEventFilter(Count(window))
    """
)

APP = _COUNTER + textwrap.dedent(
    """
    import sys
    from studyplanner import bootstrap

    _loaded = bootstrap.window_modules_loaded

    def _watch_the_window():
        _loaded()
        from studyplanner.ui.window.main_window import MainWindow

        show = MainWindow.show

        def show_and_count(window):
            _count_at_first_paint(window)
            show(window)

        MainWindow.show = show_and_count

    bootstrap.window_modules_loaded = _watch_the_window
    from studyplanner.cli import main

    sys.exit(main(sys.argv[1:]))
    """
)
"""The app as ``python -m studyplanner`` runs it, counting once its main window paints."""


def floor_script(floor_window: str) -> str:
    """``floor_window`` (bench_start's script), counting once its window paints."""
    show = "\nwindow.show()\n"
    if show not in floor_window:
        raise SystemExit("bench_start's floor window no longer shows `window` as expected")
    return _COUNTER + floor_window.replace(show, "\n_count_at_first_paint(window)" + show)


def count(command: Sequence[str], env: dict[str, str]) -> int | None:
    """The count ``command`` printed (None when it printed none)."""
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith(MARKER):
            return int(line.removeprefix(MARKER))
    return None


def report(python: str, env: dict[str, str], floor_window: str, data_dir: Path) -> str:
    """One line: the app's count (an empty data folder) against the floor window's."""
    app = count([python, "-c", APP, "--smoke", "--data-dir", str(data_dir)], env)
    floor = count([python, "-c", floor_script(floor_window)], env)
    shown = ["?" if n is None else str(n) for n in (app, floor)]
    return f"  Qt types created before first paint: app {shown[0]}, floor {shown[1]}"
