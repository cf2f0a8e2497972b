"""Small per-user app state: the last plan, recent files, view options.

Kept as JSON in the data directory (not QSettings) so ``--data-dir`` and the tests' temporary
folder cover it too. A damaged settings file is never fatal: the app starts with defaults.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studyplanner.storage import paths
from studyplanner.storage.atomic import atomic_write_text

MAX_RECENT = 8

_log = logging.getLogger(__name__)


class AppSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    schema_version: int = 1
    last_plan: str | None = None
    recent_plans: list[str] = Field(default_factory=list)
    show_retired: bool = False

    def remember(self, path: Path) -> None:
        """Make ``path`` the last plan and the first recent one."""
        text = str(path)
        self.last_plan = text
        self.recent_plans = [text, *(p for p in self.recent_plans if p != text)][:MAX_RECENT]

    def forget(self, path: Path) -> None:
        text = str(path)
        self.recent_plans = [p for p in self.recent_plans if p != text]
        if self.last_plan == text:
            self.last_plan = None


def load_settings() -> AppSettings:
    path = paths.settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return AppSettings.model_validate(raw)
    except FileNotFoundError:
        return AppSettings()  # the first start
    except (OSError, ValueError, ValidationError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _log.warning("Settings file %s ignored, starting with defaults: %s", path, reason)
        return AppSettings()


def save_settings(settings: AppSettings) -> None:
    # Losing the recent-files list is not worth interrupting the user.
    path = paths.settings_path()
    try:
        atomic_write_text(path, settings.model_dump_json(indent=2) + "\n")
    except OSError as exc:
        _log.warning("Settings not saved to %s: %s", path, exc)
