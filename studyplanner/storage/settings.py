"""Small per-user app state: the last plan, recent files, view options, the folder each kind
of file was last saved in, and how the window was laid out.

Kept as JSON in the data directory (not QSettings) so ``--data-dir`` and the tests' temporary
folder cover it too. A damaged settings file is never fatal: the app starts with defaults.

Paths are kept exactly as the system names them. One that is not valid Unicode (a Linux
folder named in Latin-1, say) is written as ``PATH_AS_BYTES`` followed by its bytes,
percent-encoded; a real path never starts with that character (NUL), so nothing is mistaken.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Annotated, Any, Literal, Self
from urllib.parse import quote_from_bytes, unquote_to_bytes

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from studyplanner.domain.defaults import empty_list
from studyplanner.storage import paths
from studyplanner.storage.atomic import atomic_write_bytes
from studyplanner.storage.reading import read_regular_file

MAX_RECENT = 8
MAX_SETTINGS_BYTES = 1024 * 1024  # a few hundred bytes in use; anything near this is not ours
PATH_AS_BYTES = "\x00"

_log = logging.getLogger(__name__)


class AppSettings(BaseModel):
    """In memory, ``last_plan`` and ``recent_plans`` are the paths as ``str(path)`` gives
    them (possibly with surrogate escapes); on disk, see ``encode_path``."""

    # Validators are built when first used (the settings once at a start; a saved window
    # layout when the window is built): a start pays for what it reads, nothing more.
    model_config = ConfigDict(extra="ignore", defer_build=True)

    schema_version: int = 1
    last_plan: str | None = None
    recent_plans: list[str] = Field(default_factory=empty_list)
    show_retired: bool = False
    theme: str = "system"
    """*View › Theme*: "system", "light" or "dark" (anything else reads as "system")."""
    language: str = "system"
    """*View › Language*: "system" or a shipped language ("de", "ja", "pt_BR", "en"), used from
    the next start; ``--lang`` wins for one run (anything unknown reads as "system")."""
    last_folders: dict[str, str] = Field(default_factory=dict)
    """Per purpose ("plans", "pdf", "calendar"): the folder a file was last saved in."""
    window_layout: Any = None
    """The window's place and size and the panels' layout (``WindowLayout`` as JSON). Kept
    unchecked here, so that a damaged layout costs only the layout: ``read_layout`` checks it
    when the window is built. Not Qt's ``saveState`` bytes, which ``restoreState`` cannot be
    trusted with (one changed byte crashed every start, issue 20)."""

    def remember(self, path: Path) -> None:
        """Make ``path`` the last plan and the first recent one."""
        text = str(path)
        self.last_plan = text
        self.recent_plans = [text, *(p for p in self.recent_plans if p != text)][:MAX_RECENT]

    def folder_for(self, purpose: str) -> Path | None:
        """The folder a ``purpose`` file was last saved in, or None."""
        text = self.last_folders.get(purpose)
        return Path(text) if text else None

    def remember_folder(self, purpose: str, folder: Path) -> None:
        self.last_folders[purpose] = str(folder)

    def forget(self, path: Path) -> None:
        text = str(path)
        self.recent_plans = [p for p in self.recent_plans if p != text]
        if self.last_plan == text:
            self.last_plan = None


LAYOUT_VERSION = 1
"""Raised when the panels change so much that an old layout should not be restored."""
Coordinate = Annotated[int, Field(ge=-100_000, le=100_000)]
Extent = Annotated[int, Field(ge=0, le=100_000)]
DockArea = Literal["left", "right", "top", "bottom"]


class DockPlace(BaseModel):
    """Where one panel was: its area and tab group, or its own window when floating."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    name: str = Field(min_length=1, max_length=64)
    area: DockArea
    group: int = Field(ge=0, le=100)
    """Panels with the same group number are tabbed together, in list order."""
    front: bool = False
    """The panel in front of its tab group."""
    visible: bool = True
    floating: bool = False
    x: Coordinate = 0
    y: Coordinate = 0
    width: Extent = 0
    height: Extent = 0
    """Docked: the panel's size; floating: its window's place and size."""


class WindowLayout(BaseModel):
    """The window as it was left, in a structure of our own, every value checked before use."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    version: int
    x: Coordinate
    y: Coordinate
    width: Extent
    height: Extent
    maximized: bool = False
    docks: list[DockPlace] = Field(default_factory=empty_list, max_length=32)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        names = [d.name for d in self.docks]
        if len(set(names)) != len(names):
            raise ValueError("a panel is named twice")
        areas: dict[int, str] = {}
        for dock in self.docks:
            if areas.setdefault(dock.group, dock.area) != dock.area:
                raise ValueError("a tab group spans two areas")
        return self


def read_layout(raw: object, dock_names: set[str]) -> WindowLayout:
    """``raw`` (``AppSettings.window_layout``) as a layout for a window whose panels are
    ``dock_names``. Raises ``ValueError`` with the reason when it cannot be used as it is."""
    try:
        layout = WindowLayout.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ValueError(f"field '{where}': {first['msg']}") from None
    if layout.version != LAYOUT_VERSION:
        raise ValueError(f"layout version {layout.version}, this version uses {LAYOUT_VERSION}")
    if {d.name for d in layout.docks} != dock_names:
        raise ValueError("the panels it names are not this window's")
    return layout


def encode_path(text: str) -> str:
    """``text`` (a path as ``str(path)`` gives it) as JSON can hold it, losslessly."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return PATH_AS_BYTES + quote_from_bytes(os.fsencode(text), safe="/\\:")
    if text.startswith(PATH_AS_BYTES):  # cannot be a real path; kept apart all the same
        return PATH_AS_BYTES + quote_from_bytes(os.fsencode(text), safe="/\\:")
    return text


def decode_path(stored: str) -> str:
    """The path text ``encode_path`` stored (the same ``str``, so ``Path(text)`` works)."""
    if stored.startswith(PATH_AS_BYTES):
        return os.fsdecode(unquote_to_bytes(stored[len(PATH_AS_BYTES) :]))
    return stored


def load_settings() -> AppSettings:
    """The saved settings, or the defaults when there are none or they cannot be used (a
    damaged, hostile or unreadable file: logged on one line)."""
    path = paths.settings_path()
    try:
        raw = json.loads(read_regular_file(path, MAX_SETTINGS_BYTES))
        settings = AppSettings.model_validate(raw)
    except FileNotFoundError:
        return AppSettings()  # the first start
    except (OSError, ValueError, ValidationError, RecursionError, MemoryError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _log.warning("Settings file %s ignored, starting with defaults: %s", path, reason)
        return AppSettings()
    # No validation from here on: decoded paths may hold surrogate escapes, which are what
    # the system's bytes look like as text, and which pydantic would refuse.
    if settings.last_plan is not None:
        settings.last_plan = decode_path(settings.last_plan)
    settings.recent_plans = [decode_path(p) for p in settings.recent_plans]
    settings.last_folders = {k: decode_path(v) for k, v in settings.last_folders.items()}
    return settings


def save_settings(settings: AppSettings) -> None:
    # Losing the recent-files list is not worth interrupting the user.
    path = paths.settings_path()
    stored = settings.model_copy(
        update={
            "last_plan": None if settings.last_plan is None else encode_path(settings.last_plan),
            "recent_plans": [encode_path(p) for p in settings.recent_plans],
            "last_folders": {k: encode_path(v) for k, v in settings.last_folders.items()},
        }
    )
    try:
        data = (stored.model_dump_json(indent=2) + "\n").encode("utf-8")
        if _saved_bytes(path) == data:
            return  # already on disk as it is (a start reopening the last plan): no write, no sync
        atomic_write_bytes(path, data)
    except (OSError, ValueError) as exc:  # ValueError: anything that cannot be serialised
        _log.warning("Settings not saved to %s: %s", path, exc)


def _saved_bytes(path: Path) -> bytes | None:
    """What the settings file holds now, or None when it cannot be read as settings."""
    try:
        return read_regular_file(path, MAX_SETTINGS_BYTES)
    except OSError:
        return None
