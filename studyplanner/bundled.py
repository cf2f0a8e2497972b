"""Find the files that ship with the app (catalog, icons), wherever it runs from.

One function serves a source checkout (``catalog/`` beside the package), an installed wheel
(copied into ``studyplanner/_bundled/``) and a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _roots() -> list[Path]:
    roots = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_bundled")
    roots.append(_PACKAGE_DIR.parent)
    return roots


def bundled_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``bundled_path("catalog", "certifications.json")``."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    searched = ", ".join(str(r) for r in _roots())
    raise FileNotFoundError(f"{'/'.join(parts)} is missing from the installation ({searched})")
