"""Building a wheel compiles the translators' catalogs (.po) into the .mo files gettext reads,
so that an installed StudyPlanner speaks the user's language (the .mo files are build output,
never committed). An editable install leaves them to ``make`` (tools/compile_catalogs.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        path = Path(self.root) / "tools" / "compile_catalogs.py"
        spec = importlib.util.spec_from_file_location("compile_catalogs", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for po in module.catalogs():
            module.compile_catalog(po)
        build_data["artifacts"].append("studyplanner/locale/*/LC_MESSAGES/*.mo")
