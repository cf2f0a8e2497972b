"""The planning rules, free of Qt: catalog, plans, estimates, scheduling, advice, suggestions."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugins() -> Iterable[object]:
    return ()


def _skip_pydantic_plugin_discovery() -> None:
    """StudyPlanner uses no pydantic plugins, so it does not look for any.

    The first time pydantic builds a model it imports ``importlib.metadata`` and scans every
    installed package's entry points for plugins: about 25 ms of a 300 ms start. pydantic's
    documented switch ``PYDANTIC_DISABLE_PLUGINS`` stops the scan; answering its loader's one
    question here ("which plugins?" - none) also spares the import. Someone who sets the
    variable to name particular plugins gets pydantic's own loader, untouched.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("__all__", "1", "true"):
        return
    if _PLUGIN_LOADER in sys.modules:
        return
    loader = types.ModuleType(_PLUGIN_LOADER, "No pydantic plugins: see studyplanner.domain.")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[_PLUGIN_LOADER] = loader


_skip_pydantic_plugin_discovery()
