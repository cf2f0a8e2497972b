"""Every path StudyPlanner writes to comes from here.

The data directory is platformdirs' user data dir (``~/.local/share/StudyPlanner`` on Linux),
overridable by ``--data-dir`` or the ``STUDYPLANNER_DATA_DIR`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

from studyplanner import DATA_DIR_ENV_VAR

ENV_VAR = DATA_DIR_ENV_VAR
_override: Path | None = None


def set_data_dir(path: Path | None) -> None:
    """Use ``path`` instead of the default (``--data-dir``); None goes back to the default."""
    global _override
    _override = path.expanduser().resolve() if path is not None else None


def default_data_dir() -> Path:
    """The platform's per-user data directory; tests replace this to protect the real home."""
    import platformdirs  # only when the folder is needed: `--help` and `--version` never ask

    return Path(platformdirs.user_data_dir("StudyPlanner", appauthor=False))


def data_dir() -> Path:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def plans_dir() -> Path:
    return data_dir() / "plans"


def backups_dir() -> Path:
    return data_dir() / "backups"


def user_catalog_path() -> Path:
    """An updated catalog placed here takes precedence over the bundled one."""
    return data_dir() / "catalog.json"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def trash_dir() -> Path:
    """Deleted plans wait here until the user restores them (File › Restore Deleted Plan)."""
    return data_dir() / "trash"


def logs_dir() -> Path:
    """The app's log and crash trace live here (Help › Open Log Folder)."""
    return data_dir() / "logs"
