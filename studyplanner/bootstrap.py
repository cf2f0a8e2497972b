"""What a start of StudyPlanner does besides its own work, all in one place (issue 22).

Importing the domain, storage, export or the UI does none of this: only the entry point,
``studyplanner.cli.main`` (which ``python -m studyplanner``, the ``studyplanner`` script and the
packaged app's launcher all run), calls these phases at the moments their names say. Each
measure is one function with a one-line reason; ``benchmarks/bench_bootstrap.py`` switches each
off in turn and prints what it buys (``make bench``). A measure that buys nothing is dropped.

Dropped so far: importing every module of ``domain/`` and ``storage/`` before PySide6 (which
reads the source of each module imported after it, about 0.15 ms each). Once the window
imported only what its first paint needs, loading the modules it does not need cost more than
the source reads spared (bench_bootstrap, December 2026).
"""

from __future__ import annotations

import gc
import os
import sys

# --- the measures --------------------------------------------------------------------------

_NO_PLUGINS = ("__all__", "1", "true")  # the values pydantic documents as "no plugins at all"
_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugins() -> tuple[()]:
    return ()


def skip_pydantic_plugin_discovery() -> None:
    """StudyPlanner uses no pydantic plugins: pydantic's documented switch says so, which also
    spares importing ``importlib.metadata`` to scan every installed package (about 10 ms)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in _NO_PLUGINS or _PLUGIN_LOADER in sys.modules:
        return  # someone names plugins of their own: pydantic's own loader finds them
    # With the switch set, the loader's one answer is "none"; giving it here spares the import
    # of the loader module, whose first line imports importlib.metadata.
    import types

    loader = types.ModuleType(_PLUGIN_LOADER, "No pydantic plugins: see studyplanner.bootstrap.")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[_PLUGIN_LOADER] = loader


def pause_garbage_collection() -> None:
    """Loading pydantic, the domain and Qt makes some 500,000 objects that all live on:
    collecting among them finds nothing and costs about 10 ms of the start."""
    gc.disable()


def resume_garbage_collection() -> None:
    """A command's own work may well make garbage: collection is back on once it is loaded."""
    gc.enable()


def paint_on_one_thread_on_small_machines() -> None:
    """With two cores or fewer, handing anti-aliased fills to Qt's thread pool costs more than
    it saves (a 100-exam timeline repaints in about 4 ms without it, 11 ms with it)."""
    # Qt reads this variable when the application starts; a setting of the person's own wins.
    if (os.cpu_count() or 1) <= 2:
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def forget_source_lines() -> None:
    """PySide6 read the source of the modules imported after it, and Python's line cache
    keeps all of it: some 3 MB nobody needs once the window's modules are loaded."""
    import linecache

    linecache.clearcache()


def set_start_up_objects_aside() -> None:
    """Collect once, then set everything loaded so far aside for good, so that collections
    during edits do not walk through the half a million objects the start made."""
    gc.collect()
    gc.freeze()
    gc.enable()


YOUNG_OBJECTS_PER_COLLECTION = 10_000
"""Python collects its youngest objects after every 700 new ones by default."""


def collect_young_objects_less_often() -> None:
    """An edit of a long plan makes tens of thousands of objects that live on (its analysis
    and layout): collecting after every 10,000 rather than every 700 walks them far less
    often (a 100-exam edit spends about 2 ms collecting instead of 0.3 ms)."""
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, *gc.get_threshold()[1:])


# --- the phases, as the entry point calls them ------------------------------------------------


def at_start() -> None:
    """First thing, before the command line is read."""
    skip_pydantic_plugin_discovery()
    pause_garbage_collection()


def command_loaded() -> None:
    """A command's modules are loaded; its work begins."""
    resume_garbage_collection()


def before_the_window() -> None:
    """The desktop app is about to load PySide6."""
    paint_on_one_thread_on_small_machines()


def window_modules_loaded() -> None:
    """The window's modules are imported; the QApplication comes next."""
    forget_source_lines()


def window_shown() -> None:
    """The window is up and the event loop runs (called from it, once)."""
    set_start_up_objects_aside()
    collect_young_objects_less_often()


def at_end() -> None:
    """The command line is done (also when ``main`` runs inside another program, a test)."""
    resume_garbage_collection()
