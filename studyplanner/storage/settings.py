"""Small per-user app state: the last plan, recent files, view options.

Kept as JSON in the data directory (not QSettings) so ``--data-dir`` and the tests' temporary
folder cover it too. A damaged settings file is never fatal: the app starts with defaults.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studyplanner.storage import paths
from studyplanner.storage.atomic import atomic_write_text

MAX_RECENT = 8


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
    try:
        raw = json.loads(paths.settings_path().read_text(encoding="utf-8"))
        return AppSettings.model_validate(raw)
    except (OSError, ValueError, ValidationError):
        return AppSettings()


def save_settings(settings: AppSettings) -> None:
    # Losing the recent-files list is not worth interrupting the user.
    with contextlib.suppress(OSError):
        atomic_write_text(paths.settings_path(), settings.model_dump_json(indent=2) + "\n")
