"""Reading a team's folder of plans, strictly read-only (issue 25).

A team keeps its members' plan files in a folder it already shares (a network drive, a synced
folder, a git repository). The team view and ``studyplanner team`` read every plan file there,
sub-folders included, and never write, rename, lock, migrate on disk or back up a member's
file, and leave no file behind: plans are read with the same pure parse as ``load_plan``
(``plan_files.parse_plan``: migrated in memory only), never through the window's session, its
lock or its saves. The one file written is ``team.json`` (the team's name and targets), and only
when the user changes it, atomically.

The walk is bounded (``MAX_DEPTH`` folders down, ``MAX_FILES`` plan files, ``MAX_PLAN_BYTES`` a
file), follows a linked folder once (a loop of links is walked once), opens nothing that is not
a regular file, and leaves out hidden files (lock and temporary files) and ``team.json``. A file
that cannot be used (damaged, from a newer StudyPlanner, unreadable, locked by another program)
is listed in ``skipped`` with a reason and never stops the roll-up.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import ValidationError

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import TeamMember, TeamSettings
from studyplanner.i18n import N_, _
from studyplanner.storage.atomic import atomic_write_bytes
from studyplanner.storage.messages import PlanProblem
from studyplanner.storage.plan_files import MAX_PLAN_BYTES, PLAN_SUFFIX, PlanFileError, parse_plan
from studyplanner.storage.reading import (
    FileTooLargeError,
    NotARegularFileError,
    kind_of,
    one_line,
    read_regular_file,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_FILES",
    "MAX_TEAM_FILE_BYTES",
    "TEAM_FILE",
    "Cancelled",
    "FolderStamps",
    "Progress",
    "SkipReason",
    "SkippedFile",
    "TeamFileChangedError",
    "TeamFileError",
    "TeamFileStamp",
    "TeamFolder",
    "TeamFolderError",
    "folder_stamps",
    "read_team_file",
    "read_team_folder",
    "team_file_stamp",
    "write_team_file",
]

TEAM_FILE = "team.json"
MAX_DEPTH = 8
"""Folders below the team folder that are looked into."""
MAX_FILES = 5000
"""Plan files read at most; the rest are listed as skipped (``SkipReason.TOO_MANY``)."""
MAX_TEAM_FILE_BYTES = 1024 * 1024

Progress = Callable[[int, int], None]
"""Called with (files read, files found) after each file."""
FolderStamps = dict[str, tuple[int, int]]
"""Each plan file's (modification time in ns, size) by its path relative to the folder."""
TeamFileStamp = tuple[int, int] | None
"""``team.json``'s (modification time in ns, size), or None when there is none."""


class SkipReason(StrEnum):
    """Why a file in the team folder is not in the roll-up."""

    DAMAGED = "damaged"
    NEWER = "newer"
    UNREADABLE = "unreadable"
    LOCKED = "locked"
    NOT_A_PLAN = "not-a-plan"
    NOT_A_FILE = "not-a-file"
    TOO_LARGE = "too-large"
    UNKNOWN_CERTIFICATION = "unknown-certification"
    TOO_MANY = "too-many"


_REASON_WORDS = {
    SkipReason.DAMAGED: N_("damaged"),
    SkipReason.NEWER: N_("written by a newer StudyPlanner"),
    SkipReason.UNREADABLE: N_("cannot be read"),
    SkipReason.LOCKED: N_("locked by another program"),
    SkipReason.NOT_A_PLAN: N_("not a plan file"),
    SkipReason.NOT_A_FILE: N_("not a regular file"),
    SkipReason.TOO_LARGE: N_("too large"),
    SkipReason.UNKNOWN_CERTIFICATION: N_("names a certification this catalog does not know"),
    SkipReason.TOO_MANY: N_("beyond the {count} files a team folder is read for"),
}


@dataclass(frozen=True)
class SkippedFile:
    """A file left out of the roll-up, and why."""

    source: str
    """Relative to the team folder, with '/' between folders."""
    reason: SkipReason
    detail: str
    """The reader's own sentence, in the user's language ('is not valid JSON at line 3,
    column 1'); empty when the reason says it all."""

    @property
    def reason_text(self) -> str:
        """The reason in the user's language: 'written by a newer StudyPlanner'."""
        return _(_REASON_WORDS[self.reason]).format(count=f"{MAX_FILES:,}")

    @property
    def message(self) -> str:
        """What follows the file's name: the reader's sentence ('is not valid JSON at line 3,
        column 1'), or the reason when there is none ('not a regular file')."""
        return self.detail or self.reason_text


@dataclass(frozen=True)
class TeamFolder:
    """What was read from a team folder."""

    folder: Path
    members: tuple[TeamMember, ...]
    """In the order of their paths."""
    skipped: tuple[SkippedFile, ...]
    settings: TeamSettings
    """``team.json``, or no name and no targets when there is none."""
    settings_problem: str | None
    """Why ``team.json`` could not be used (then ``settings`` is empty), or None."""
    stamps: FolderStamps
    """Every plan file seen (read or skipped), for noticing changes (``folder_stamps``)."""
    team_stamp: TeamFileStamp = None
    """``team.json``'s stamp just before it was read: a write checks nobody changed it since."""


class TeamFolderError(Exception):
    """The team folder itself cannot be read (missing, not a folder, no permission)."""


class TeamFileError(Exception):
    """``team.json`` cannot be used or written; ``str()`` is one line for the user."""


class TeamFileChangedError(TeamFileError):
    """``team.json`` changed on disk since it was last read (another person saved it)."""


class Cancelled(Exception):
    """The reading was cancelled; nothing is returned."""


# --- the walk -----------------------------------------------------------------------------


def _is_candidate(name: str, depth: int) -> bool:
    return (
        name.lower().endswith(PLAN_SUFFIX)
        and not name.startswith(".")
        and not (depth == 0 and name == TEAM_FILE)
    )


_Found = tuple[str, Path, os.stat_result | None, bool]
"""A plan file candidate: its source, its path, its stat (None when it cannot be looked at)
and whether it is reached through a link."""


def _walk(folder: Path) -> list[_Found]:
    """Plan file candidates under ``folder``, sorted by source. Linked folders are followed
    once each."""
    found: list[_Found] = []
    try:
        root = os.stat(folder)
    except OSError as exc:
        raise TeamFolderError(
            _("{folder}: cannot be read ({reason})").format(
                folder=one_line(str(folder)), reason=exc.strerror or exc
            )
        ) from exc
    if not stat.S_ISDIR(root.st_mode):
        raise TeamFolderError(_("{folder}: is not a folder").format(folder=one_line(str(folder))))
    seen_folders = {(root.st_dev, root.st_ino)}
    pending: list[tuple[Path, str, int, bool]] = [(folder, "", 0, False)]
    first = True
    while pending:
        here, prefix, depth, prefix_linked = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if first:
                raise TeamFolderError(
                    _("{folder}: cannot be read ({reason})").format(
                        folder=one_line(str(folder)), reason=exc.strerror or exc
                    )
                ) from exc
            continue  # a sub-folder that cannot be listed: its files are not seen
        first = False
        for entry in entries:
            source = prefix + entry.name
            try:
                info: os.stat_result | None = entry.stat()  # follows links
            except OSError:
                info = None
            if info is not None and stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if depth < MAX_DEPTH and key not in seen_folders and not entry.name.startswith("."):
                    seen_folders.add(key)
                    linked = prefix_linked or _is_link(entry)
                    pending.append((Path(entry.path), source + "/", depth + 1, linked))
                continue
            if _is_candidate(entry.name, depth):
                linked = prefix_linked or _is_link(entry)
                found.append((source, Path(entry.path), info, linked))
    found.sort(key=lambda item: item[0])
    return found


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _read_once(found: list[_Found]) -> list[_Found]:
    """``found`` with each file reached more than once (through a link) kept once: by its own
    path where one is not a link, else its first."""
    chosen: dict[tuple[int, int], _Found] = {}
    for item in found:
        info = item[2]
        if info is None or not stat.S_ISREG(info.st_mode):
            continue
        key = (info.st_dev, info.st_ino)
        known = chosen.get(key)
        if known is None or (known[3] and not item[3]):
            chosen[key] = item
    kept = {id(item) for item in chosen.values()}
    return [
        item
        for item in found
        if item[2] is None or not stat.S_ISREG(item[2].st_mode) or id(item) in kept
    ]


def folder_stamps(folder: Path) -> FolderStamps:
    """Each plan file's (modification time, size), without reading any: compare two to know
    whether the folder changed since it was read. Raises ``TeamFolderError``."""
    return {
        source: (info.st_mtime_ns, info.st_size)
        for source, _path, info, _linked in _read_once(_walk(folder))
        if info is not None
    }


_LOCKED_ERRNOS = {errno.EBUSY, errno.EDEADLK, getattr(errno, "ENOLCK", errno.EDEADLK)}
_LOCKED_WINERRORS = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


def _read_failure(source: str, exc: OSError) -> SkippedFile:
    if getattr(exc, "winerror", None) in _LOCKED_WINERRORS or exc.errno in _LOCKED_ERRNOS:
        return SkippedFile(source, SkipReason.LOCKED, str(exc.strerror or exc))
    return SkippedFile(source, SkipReason.UNREADABLE, str(exc.strerror or exc))


_PROBLEM_REASONS = {
    PlanProblem.NEWER: SkipReason.NEWER,
    PlanProblem.DAMAGED_AND_NEWER: SkipReason.NEWER,
    PlanProblem.NOT_AN_OBJECT: SkipReason.NOT_A_PLAN,
    PlanProblem.NO_VERSION: SkipReason.NOT_A_PLAN,
    PlanProblem.TOO_LARGE: SkipReason.TOO_LARGE,
    PlanProblem.NO_MEMORY: SkipReason.TOO_LARGE,
    PlanProblem.UNKNOWN_CERTIFICATION: SkipReason.UNKNOWN_CERTIFICATION,
}


def _read_one(source: str, path: Path, catalog: Catalog, today: date) -> TeamMember | SkippedFile:
    """One file, read and parsed in memory; nothing is written, locked or left behind."""
    try:
        data = read_regular_file(path, MAX_PLAN_BYTES)
    except NotARegularFileError:
        return SkippedFile(source, SkipReason.NOT_A_FILE, "")
    except FileTooLargeError as exc:
        return SkippedFile(
            source,
            SkipReason.TOO_LARGE,
            PlanFileError(path, PlanProblem.TOO_LARGE, size=exc.size, limit=MAX_PLAN_BYTES).message,
        )
    except OSError as exc:
        return _read_failure(source, exc)
    except MemoryError:
        return SkippedFile(source, SkipReason.TOO_LARGE, "")
    try:
        plan, _migrated = parse_plan(data, path, catalog, today=today)
    except PlanFileError as exc:
        return SkippedFile(
            source, _PROBLEM_REASONS.get(exc.problem, SkipReason.DAMAGED), exc.message
        )
    return TeamMember(source=source, plan=plan)


def read_team_folder(
    folder: Path,
    catalog: Catalog,
    today: date,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TeamFolder:
    """Every plan in ``folder`` and its sub-folders, and its ``team.json``; read-only.

    ``progress(done, total)`` is called after each file (from the calling thread);
    ``cancelled()`` is asked before each file, and when it says yes the reading stops with
    ``Cancelled``. Raises ``TeamFolderError`` when the folder itself cannot be read; a team
    file that cannot be used is reported in ``settings_problem``, never raised.
    """
    found = _read_once(_walk(folder))
    members: list[TeamMember] = []
    skipped: list[SkippedFile] = []
    stamps: FolderStamps = {}
    total = len(found)
    for done, (source, path, info, _linked) in enumerate(found, 1):
        if cancelled is not None and cancelled():
            raise Cancelled
        if info is not None:
            stamps[source] = (info.st_mtime_ns, info.st_size)
        if len(members) + len(skipped) >= MAX_FILES:
            skipped.append(SkippedFile(source, SkipReason.TOO_MANY, ""))
        elif info is not None and kind_of(info.st_mode) is not None:
            skipped.append(SkippedFile(source, SkipReason.NOT_A_FILE, ""))
        else:
            result = _read_one(source, path, catalog, today)
            if isinstance(result, SkippedFile):
                skipped.append(result)
            else:
                members.append(result)
        if progress is not None:
            progress(done, total)
    team_stamp = team_file_stamp(folder)  # before reading: a change meanwhile shows as one
    try:
        settings = read_team_file(folder, catalog)
        problem = None
    except TeamFileError as exc:
        settings, problem = TeamSettings(), str(exc)
    return TeamFolder(
        folder=folder,
        members=tuple(members),
        skipped=tuple(skipped),
        settings=settings,
        settings_problem=problem,
        stamps=stamps,
        team_stamp=team_stamp,
    )


# --- team.json ----------------------------------------------------------------------------


def team_file_stamp(folder: Path) -> TeamFileStamp:
    """``team.json``'s (modification time, size), or None when there is none."""
    try:
        info = os.stat(folder / TEAM_FILE)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


class _Unchecked:
    """``write_team_file`` was not asked to check the file is as read."""


UNCHECKED = _Unchecked()


def read_team_file(folder: Path, catalog: Catalog | None = None) -> TeamSettings:
    """``folder``'s ``team.json``, read strictly: an unknown field, a wrong date, a target
    naming both a tier and a certification, or a certification ``catalog`` does not know is
    refused (``TeamFileError``, one line). No file: no name and no targets."""
    path = folder / TEAM_FILE
    name = one_line(str(path))
    try:
        data = read_regular_file(path, MAX_TEAM_FILE_BYTES)
    except FileNotFoundError:
        return TeamSettings()
    except NotARegularFileError as exc:
        raise TeamFileError(_("{path}: is not a regular file").format(path=name)) from exc
    except FileTooLargeError as exc:
        raise TeamFileError(
            _("{path}: is too large for a team file ({size} bytes)").format(
                path=name, size=exc.size
            )
        ) from exc
    except OSError as exc:
        raise TeamFileError(
            _("{path}: cannot be read ({reason})").format(path=name, reason=exc.strerror or exc)
        ) from exc
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TeamFileError(_("{path}: is not UTF-8 text").format(path=name)) from exc
    except json.JSONDecodeError as exc:
        raise TeamFileError(
            _("{path}: is not valid JSON at line {line}, column {column}").format(
                path=name, line=exc.lineno, column=exc.colno
            )
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise TeamFileError(_("{path}: is not valid JSON").format(path=name)) from exc
    if not isinstance(raw, dict):
        raise TeamFileError(_("{path}: expected a JSON object").format(path=name))
    try:
        settings = TeamSettings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or _("(top level)")
        raise TeamFileError(
            _("{path}: field '{field}': {reason}").format(
                path=name, field=field, reason=one_line(first["msg"].removeprefix("Value error, "))
            )
        ) from exc
    if catalog is not None:
        for index, target in enumerate(settings.targets):
            if target.certification is not None and target.certification not in catalog:
                raise TeamFileError(
                    _(
                        "{path}: field 'targets.{index}.certification': unknown certification "
                        "{certification}"
                    ).format(path=name, index=index, certification=repr(target.certification))
                )
    return settings


def team_file_json(settings: TeamSettings) -> str:
    """``team.json`` as written: only the fields in use, dates as YYYY-MM-DD."""
    document = {
        "name": settings.name,
        "targets": [
            target.model_dump(mode="json", exclude_none=True) for target in settings.targets
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_team_file(
    folder: Path,
    settings: TeamSettings,
    *,
    unchanged_since: TeamFileStamp | _Unchecked = UNCHECKED,
) -> TeamFileStamp:
    """Write ``folder``'s ``team.json`` atomically (a crash leaves the old file or the new
    one) and return its new stamp. Raises ``TeamFileError`` (one line) when it cannot be
    written, and ``TeamFileChangedError`` (nothing written) when ``unchanged_since`` is given
    and the file's stamp differs from it: someone else saved it since it was read."""
    path = folder / TEAM_FILE
    if not folder.is_dir():
        raise TeamFileError(
            _("{path}: could not be saved ({reason})").format(
                path=one_line(str(path)), reason=_("the team folder does not exist")
            )
        )
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and kind_of(info.st_mode) is not None:
        raise TeamFileError(
            _("{path}: is not a regular file; nothing was written").format(path=one_line(str(path)))
        )
    stamp_now = None if info is None else (info.st_mtime_ns, info.st_size)
    if not isinstance(unchanged_since, _Unchecked) and stamp_now != unchanged_since:
        raise TeamFileChangedError(
            _("{path}: was changed by someone else since it was read; nothing was written").format(
                path=one_line(str(path))
            )
        )
    try:
        atomic_write_bytes(path, team_file_json(settings).encode("utf-8"))
    except OSError as exc:
        raise TeamFileError(
            _("{path}: could not be saved ({reason})").format(
                path=one_line(str(path)), reason=exc.strerror or exc
            )
        ) from exc
    return team_file_stamp(folder)
