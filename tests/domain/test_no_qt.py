"""The planning core stays Qt-free, so it runs (and is tested) without a QApplication.

Every module under ``domain/`` and ``storage/`` is found with pkgutil, so a new module is
checked the day it is added, and imported in a fresh interpreter where nothing else has
pulled Qt in already.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import studyplanner.domain
import studyplanner.storage

QT_FREE_PACKAGES = (studyplanner.domain, studyplanner.storage)
QT_FREE_MODULES = ("studyplanner.diagnostics",)  # shared by the command line and the app

CHECK = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))))
"""


def qt_free_modules() -> list[str]:
    names = list(QT_FREE_MODULES)
    for package in QT_FREE_PACKAGES:
        names.append(package.__name__)
        names.extend(
            info.name for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
        )
    return sorted(names)


def test_every_domain_and_storage_module_is_found() -> None:
    modules = qt_free_modules()
    # a sample of what must be there, so a broken discovery cannot pass by finding nothing
    for name in ("studyplanner.domain.schedule", "studyplanner.storage.plan_files"):
        assert name in modules
    assert len(modules) >= 10


def test_domain_and_storage_import_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *qt_free_modules()],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(result.stdout) == []
