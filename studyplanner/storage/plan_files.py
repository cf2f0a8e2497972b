"""Reading and writing plan files without ever losing a user's data.

- Loading never raises anything but ``PlanFileError``, whose message names the file and,
  where it applies, the field. Only regular files are read, and at most ``MAX_PLAN_BYTES``.
- Loading never writes: an older format is migrated in memory and written (after a backup of
  the old file) only when the plan is next saved.
- Saving is atomic and refuses to overwrite a file written by a newer StudyPlanner, anything
  that is not a regular file, or to write more than ``MAX_PLAN_BYTES``.
- Before a save replaces the file, the file as it was is backed up: always on the first save
  of a session, then at most every ``BACKUP_INTERVAL``. The newest ``KEEP_BACKUPS`` are kept,
  plus the newest of each day for ``KEEP_DAILY_BACKUPS_FOR``, so a long session of autosaves
  never pushes out the version from before it.
- Older files are migrated step by step; the first save of a session backs the original up.
- Backups are pruned only inside the data directory: a backup folder that is a link to
  somewhere else is never pruned.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import logging
import math
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    LOGGED_BEFORE_SESSIONS,
    MAX_LUMP_HOURS,
    MAX_NAME,
    PLAN_SCHEMA_VERSION,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.storage import paths
from studyplanner.storage.atomic import (
    atomic_copy,
    atomic_write_bytes,
    refuse_non_regular,
    remove_stale_temp_files,
)
from studyplanner.storage.messages import PlanProblem, worded
from studyplanner.storage.reading import (
    FileTooLargeError,
    NotARegularFileError,
    kind_of,
    one_line,
    read_regular_file,
)

# The largest plan the model allows (500 entries with 10,000-character notes and 20 domain
# ratings, 5,000 study sessions with 500-character notes, 2,000 practice scores with 20
# domain results, every character written as a six-byte escape) is 48.8 MiB as this version
# saves it; the limit sits well above, so a plan this app saved always opens again. Checked
# by a test.
MAX_PLAN_BYTES = 64 * 1024 * 1024
PLAN_SUFFIX = ".json"

KEEP_BACKUPS = 10  # the newest backups of a plan, whatever their age
BACKUP_INTERVAL = timedelta(minutes=10)  # after a session's first save, at most this often
KEEP_DAILY_BACKUPS_FOR = timedelta(days=30)  # the newest backup of each day this far back
_STAMP = "%Y%m%dT%H%M%S%f"  # in backup and trash file names: plan.20260314T093000123456.json

_log = logging.getLogger(__name__)

RawPlan = dict[str, Any]


class PlanFileError(Exception):
    """A plan file that cannot be used: ``problem`` says why, ``params`` the particulars.
    ``str()`` is the message for the user, on one line and in their language (worded by
    ``storage.messages`` when it is shown)."""

    def __init__(self, path: Path, problem: PlanProblem, **params: object) -> None:
        super().__init__(path, problem, params)
        self.path = path
        self.problem = problem
        self.params = params

    @property
    def newer(self) -> bool:
        """The file is a newer StudyPlanner's: nobody may offer to replace it."""
        return self.problem.newer

    @property
    def message(self) -> str:
        """Why, without the file's name: 'does not exist'."""
        return one_line(worded(self.problem, self.params))

    def __str__(self) -> str:
        return f"{one_line(str(self.path))}: {self.message}"


# --- migrations -------------------------------------------------------------------------


def _migrate_1_to_2(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 1 stored one weekly total and entries without ids; version 2 stores hours per
    weekday and gives every entry a stable id (used for calendar UIDs and undo)."""
    from studyplanner.domain.plan import new_entry_id

    out = dict(raw)
    old = out.get("availability")
    if isinstance(old, dict) and "weekly_hours" in old:
        weekly = old.get("weekly_hours")
        if (
            not isinstance(weekly, int | float)
            or isinstance(weekly, bool)
            or not math.isfinite(weekly)
            or not 0 <= weekly <= 168
        ):
            raise ValueError("field 'availability.weekly_hours' must be a number from 0 to 168")
        spread = WeeklyAvailability.spread(float(weekly))
        out["availability"] = {
            "hours_per_weekday": spread.hours_per_weekday,
            "blackouts": old.get("blackouts", []),
        }
    entries = out.get("entries")
    if isinstance(entries, list):
        out["entries"] = [
            {**e, "id": e.get("id") or new_entry_id()} if isinstance(e, dict) else e
            for e in entries
        ]
    out["schema_version"] = 2
    return out


def _migrate_2_to_3(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 3 adds the profile's optional years in the learner's field and the plan's own
    notes (where a suggestion's remarks go). Both have defaults; only the version changes, so
    that an older StudyPlanner reports the file as newer instead of as damaged."""
    out = dict(raw)
    out["schema_version"] = 3
    return out


def _migrate_3_to_4(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 4 adds certifications already held, the voucher assumption and, per entry,
    who pays and a deadline. All have defaults that mean what a version-3 plan meant (nothing
    held, the plan pays every exam, no deadline), so only the version changes."""
    out = dict(raw)
    out["schema_version"] = 4
    return out


_MAX_V4_HOURS_LOGGED = MAX_LUMP_HOURS


def _migrate_4_to_5(raw: RawPlan, today: date | None = None) -> RawPlan:
    """Version 5 keeps a study log per entry instead of one number of hours studied (plus
    practice scores, a readiness target and a baseline, all with defaults that mean "none
    yet"). A non-zero ``hours_logged`` becomes one session holding exactly that number (not
    rounded, not split into days nobody recorded: ``StudySession``), dated on the plan's start
    date, the only date that number can honestly be given, or today when the plan starts
    later (the log is what happened). The sum, and so every scheduled date, is unchanged."""
    out = dict(raw)
    entries = out.get("entries")
    start = out.get("start_date")
    if isinstance(start, str) and today is not None:
        with contextlib.suppress(ValueError):
            if date.fromisoformat(start) > today:
                start = today.isoformat()
    if isinstance(entries, list):
        out["entries"] = [
            _sessions_from_hours_logged(e, index, start) if isinstance(e, dict) else e
            for index, e in enumerate(entries)
        ]
    out["schema_version"] = 5
    return out


def _sessions_from_hours_logged(entry: RawPlan, index: int, start: object) -> RawPlan:
    out = dict(entry)
    if "hours_logged" not in out:
        return out
    logged = out.pop("hours_logged")
    if (
        not isinstance(logged, int | float)
        or isinstance(logged, bool)
        or not math.isfinite(logged)
        or not 0 <= logged <= _MAX_V4_HOURS_LOGGED
    ):
        raise ValueError(
            f"field 'entries.{index}.hours_logged' must be a number from 0 to "
            f"{_MAX_V4_HOURS_LOGGED:g}"
        )
    if logged == 0:
        return out
    if not isinstance(start, str):
        raise ValueError("field 'start_date' is needed to keep the hours already logged")
    out["sessions"] = [{"on": start, "hours": logged, "note": LOGGED_BEFORE_SESSIONS}]
    return out


def _migrate_5_to_6(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 6 adds the profile's years in other fields of work (a developer's years of
    networking, say). Its default, none given, is what a version-5 plan meant, so only the
    version changes."""
    out = dict(raw)
    out["schema_version"] = 6
    return out


def _migrate_6_to_7(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 7 lets an entry carry the learner's own fee (local currency, tax included).
    A version-6 plan set none, which is what no field means, so only the version changes."""
    out = dict(raw)
    out["schema_version"] = 7
    return out


def _migrate_7_to_8(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 8 plans by exam domain: a rating per domain on each entry, results by domain
    on practice scores, a domain on study sessions. A version-7 plan has none of them, which
    means what no field means (no ratings, no domain results, sessions about the whole exam),
    so its hours split by the domains' weights and only the version changes."""
    out = dict(raw)
    out["schema_version"] = 8
    return out


def _migrate_8_to_9(raw: RawPlan, _today: date | None = None) -> RawPlan:
    """Version 9 names the plan's owner, for a team's roll-up. A version-8 plan names none,
    which is what no field means (the roll-up shows it by its file name), so only the
    version changes."""
    out = dict(raw)
    out["schema_version"] = 9
    return out


# MIGRATIONS[n] turns a version-n document into version n + 1.
MIGRATIONS: dict[int, Callable[[RawPlan, date | None], RawPlan]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: _migrate_5_to_6,
    6: _migrate_6_to_7,
    7: _migrate_7_to_8,
    8: _migrate_8_to_9,
}


def migrate(raw: RawPlan, today: date | None = None) -> RawPlan:
    """Bring a document of any known older format up to ``PLAN_SCHEMA_VERSION``; ``today``,
    when known, keeps what a migration dates (hours already logged) from being after it.

    Raises ``ValueError`` for a document whose ``schema_version`` is not a known format.
    """
    version = raw.get("schema_version")
    while version != PLAN_SCHEMA_VERSION:
        if isinstance(version, bool) or not isinstance(version, int) or version not in MIGRATIONS:
            raise ValueError(f"field 'schema_version': no upgrade from {version!r}")
        raw = MIGRATIONS[version](raw, today)
        version = raw.get("schema_version")
    return raw


# --- reading ------------------------------------------------------------------------------


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def _too_large(path: Path, size: int) -> PlanFileError:
    return PlanFileError(path, PlanProblem.TOO_LARGE, size=size, limit=MAX_PLAN_BYTES)


def _refuse_if_damaged_and_newer(data: bytes, path: Path) -> None:
    """A file that is not valid JSON but names a newer format somewhere is a newer
    StudyPlanner's (damaged) file: say so, so that nobody offers to replace it."""
    version = _declared_version(data)
    if version is not None and version > PLAN_SCHEMA_VERSION:
        raise PlanFileError(path, PlanProblem.DAMAGED_AND_NEWER, version=version)


def parse_plan(
    data: bytes, path: Path, catalog: Catalog, *, today: date | None = None
) -> tuple[StudyPlan, bool]:
    """Parse plan file bytes. Returns the plan and whether it was migrated from an older
    version (``today``: see ``migrate``). Raises ``PlanFileError`` for anything unusable."""
    if len(data) > MAX_PLAN_BYTES:
        raise _too_large(path, len(data))
    try:
        text = data.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
    except UnicodeDecodeError as exc:
        _refuse_if_damaged_and_newer(data, path)
        raise PlanFileError(path, PlanProblem.NOT_UTF8, byte=exc.start) from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        _refuse_if_damaged_and_newer(data, path)
        truncated = exc.msg.startswith("Unterminated") or exc.pos >= len(text.rstrip())
        problem = PlanProblem.NOT_JSON_TRUNCATED if truncated else PlanProblem.NOT_JSON
        raise PlanFileError(path, problem, line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        _refuse_if_damaged_and_newer(data, path)
        raise PlanFileError(path, PlanProblem.TOO_DEEP) from exc
    except ValueError as exc:  # e.g. an integer with more digits than Python will convert
        _refuse_if_damaged_and_newer(data, path)
        raise PlanFileError(path, PlanProblem.NUMBER_TOO_LONG) from exc
    except MemoryError as exc:
        raise PlanFileError(path, PlanProblem.NO_MEMORY) from exc
    if not isinstance(raw, dict):
        raise PlanFileError(path, PlanProblem.NOT_AN_OBJECT)
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError(path, PlanProblem.NO_VERSION)
    if version > PLAN_SCHEMA_VERSION:
        raise PlanFileError(path, PlanProblem.NEWER, version=version, supported=PLAN_SCHEMA_VERSION)
    migrated = version < PLAN_SCHEMA_VERSION
    if migrated:
        try:
            raw = migrate(raw, today)
        except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise PlanFileError(
                path, PlanProblem.NOT_UPGRADED, version=version, reason=reason
            ) from exc
    try:
        plan = StudyPlan.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = _field_name(tuple(first["loc"]))
        raise PlanFileError(
            path, PlanProblem.INVALID_FIELD, field=field, reason=first["msg"]
        ) from exc
    for index, entry in enumerate(plan.entries):
        if entry.certification_id not in catalog:
            raise PlanFileError(
                path,
                PlanProblem.UNKNOWN_CERTIFICATION,
                field=f"entries.{index}.certification_id",
                certification=entry.certification_id,
            )
    for index, held in enumerate(plan.held):
        if held.certification_id not in catalog:
            raise PlanFileError(
                path,
                PlanProblem.UNKNOWN_CERTIFICATION,
                field=f"held.{index}.certification_id",
                certification=held.certification_id,
            )
    return plan, migrated


def read_plan_bytes(path: Path) -> bytes:
    """The bytes of a plan file (or a backup, or a deleted plan), read safely: only a regular
    file, and at most ``MAX_PLAN_BYTES``. Raises ``PlanFileError``."""
    try:
        return read_regular_file(path, MAX_PLAN_BYTES)
    except FileNotFoundError as exc:
        raise PlanFileError(path, PlanProblem.DOES_NOT_EXIST) from exc
    except NotARegularFileError as exc:
        raise PlanFileError(path, PlanProblem.NOT_A_PLAN_FILE, kind=exc.kind) from exc
    except FileTooLargeError as exc:
        raise _too_large(path, exc.size) from exc
    except OSError as exc:
        raise PlanFileError(path, PlanProblem.UNREADABLE, reason=exc.strerror or exc) from exc
    except MemoryError as exc:
        raise PlanFileError(path, PlanProblem.NO_MEMORY) from exc


def load_plan(path: Path, catalog: Catalog, *, today: date | None = None) -> StudyPlan:
    """Read a plan file, a backup or a deleted plan. Never writes: an older format is
    migrated in memory only, and reaches the disk when the plan is next saved (whose first
    save of the session backs the old file up)."""
    plan, _ = parse_plan(read_plan_bytes(path), path, catalog, today=today)
    return plan


# --- writing ------------------------------------------------------------------------------


def plan_to_json(plan: StudyPlan) -> str:
    return plan.model_dump_json(indent=2) + "\n"


_VERSION_ANYWHERE = rb'"schema_version"\s*:\s*(\d+)'
"""Only a damaged file is searched for it: compiled then (re keeps it)."""
_HUGE_VERSION = 10**9  # stands for a version with more digits than any real one
_SCAN_CHUNK = 1024 * 1024
_SCAN_OVERLAP = 4096  # a "schema_version": N split across two pieces is still found


def _declared_version(data: bytes) -> int | None:
    """The highest ``"schema_version": N`` anywhere in ``data`` (a damaged file), or None."""
    found = None
    for match in re.finditer(_VERSION_ANYWHERE, data):
        digits = match.group(1).lstrip(b"0") or b"0"
        version = int(digits) if len(digits) < 10 else _HUGE_VERSION
        found = version if found is None else max(found, version)
    return found


def _declared_version_in_file(path: Path) -> int | None:
    """``_declared_version`` of a file too large to read at once, read piece by piece."""
    found = None
    with path.open("rb") as handle:
        tail = b""
        while chunk := handle.read(_SCAN_CHUNK):
            version = _declared_version(tail + chunk)
            if version is not None:
                found = version if found is None else max(found, version)
            tail = (tail + chunk)[-_SCAN_OVERLAP:]
    return found


def _existing_version(path: Path) -> int | None:
    """schema_version of the regular file already at ``path``, or None if it names none.

    A valid plan document gives its own; a damaged one (not JSON, nested too deeply, too
    large to parse) the highest version named anywhere in it, so a damaged file from a newer
    StudyPlanner is still recognised and left alone, wherever its version stands.
    """
    try:
        data = read_regular_file(path, MAX_PLAN_BYTES)
    except FileTooLargeError:
        try:
            return _declared_version_in_file(path)
        except OSError:
            return None
    except (OSError, MemoryError):
        return None
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError, MemoryError):
        return _declared_version(data)
    if not isinstance(raw, dict):
        return _declared_version(data)
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    return _declared_version(data)


def save_plan(
    plan: StudyPlan,
    path: Path,
    *,
    first_save_in_session: bool = False,
    now: datetime | None = None,
) -> None:
    """Write ``plan`` atomically. The file it replaces is backed up first when this is the
    first save of a session (opening a plan, a command-line edit, saving over another file)
    or when the newest backup is more than ``BACKUP_INTERVAL`` older than ``now``.

    Refused (``PlanFileError``, nothing written): a file of a newer format, even a damaged
    one; a folder, device, pipe or socket; a plan larger than ``MAX_PLAN_BYTES``. A damaged
    file of this or an older format is backed up, then replaced: that is how recovery works.
    ``now`` is the local time of the save, read from the clock when not given.
    """
    try:
        kind = kind_of(os.stat(path).st_mode)
    except OSError:  # nothing there yet (or nothing that can be looked at: the write says)
        kind = None
        exists = False
    else:
        exists = True
    if kind is not None:
        raise PlanFileError(path, PlanProblem.NOT_WRITTEN_OVER, kind=kind)
    data = plan_to_json(plan).encode("utf-8")
    if len(data) > MAX_PLAN_BYTES:
        raise PlanFileError(
            path, PlanProblem.TOO_LARGE_TO_SAVE, size=len(data), limit=MAX_PLAN_BYTES
        )
    if exists:
        version = _existing_version(path)
        if version is not None and version > PLAN_SCHEMA_VERSION:
            raise PlanFileError(path, PlanProblem.NEWER_NOT_OVERWRITTEN, version=version)
        moment = datetime.now() if now is None else now
        if first_save_in_session or _backup_due(path, moment):
            try:
                backup_file(path, now=moment)
            except OSError as exc:
                raise PlanFileError(
                    path, PlanProblem.NOT_BACKED_UP, reason=exc.strerror or exc
                ) from exc
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise PlanFileError(path, PlanProblem.NOT_SAVED, reason=exc.strerror or exc) from exc
    remove_stale_temp_files(path.parent, name=path.name)  # a killed save's, of this plan


@dataclass(frozen=True)
class Backup:
    """An earlier version of a plan file, and when it was set aside (local time)."""

    path: Path
    taken_at: datetime


def backup_folder(path: Path) -> Path:
    """Where ``path``'s backups go. Plans in the plans folder use their name; a file opened
    from elsewhere gets a short hash of its folder too, so two ``plan.json`` files in
    different places never share (and prune) each other's backups."""
    folder = path.parent.resolve()
    if folder == paths.plans_dir().resolve():
        return paths.backups_dir() / path.stem
    # fsencode: the folder's name as the system stores it, valid UTF-8 or not
    digest = hashlib.sha1(os.fsencode(folder)).hexdigest()[:8]
    return paths.backups_dir() / f"{path.stem}-{digest}"


def backup_file(path: Path, *, now: datetime | None = None) -> Path | None:
    """Copy ``path`` into its backup folder as it is now, then prune old backups.

    The copy is complete before anything is pruned, and a failed prune only leaves more
    backups than needed. Nothing is pruned (or cleaned up) in a backup folder that lies
    outside the data directory through a link. Raises OSError if the copy cannot be made
    (``NotARegularFileError`` for anything but a regular file).
    """
    if not path.exists():
        return None
    refuse_non_regular(path)
    moment = datetime.now() if now is None else now
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}.{moment:{_STAMP}}{path.suffix}"
    while target.exists():  # two saves within the clock's resolution must not share a name
        moment += timedelta(microseconds=1)
        target = folder / f"{path.stem}.{moment:{_STAMP}}{path.suffix}"
    atomic_copy(path, target)
    if not _inside_data_dir(folder):
        _log.warning(
            "Old backups in %s not pruned: the folder leads outside the data directory %s",
            folder,
            paths.data_dir(),
        )
        return target
    try:
        _prune_backups(path, now=moment)
    except OSError as exc:
        _log.warning("Old backups in %s not pruned (%s)", folder, exc)
    remove_stale_temp_files(folder)
    return target


def _inside_data_dir(folder: Path) -> bool:
    """True if ``folder``, links followed, is inside the data directory (links followed):
    only there may StudyPlanner delete files it takes for its own."""
    try:
        real = folder.resolve(strict=True)
        root = paths.data_dir().resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (before Python 3.13)
        return False
    return real.is_relative_to(root)


def _stamped_files(path: Path) -> list[Backup]:
    """Every file in ``path``'s backup folder named like one of its backups, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    pattern = f"{glob.escape(path.stem)}.*{glob.escape(path.suffix)}"
    found = []
    for candidate in folder.glob(pattern):
        stamp = candidate.name[len(path.stem) + 1 : len(candidate.name) - len(path.suffix)]
        try:
            taken_at = datetime.strptime(stamp, _STAMP)
        except ValueError:
            continue
        found.append(Backup(candidate, taken_at))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _usable(backup: Backup) -> bool:
    """A backup worth keeping: a file with something in it that can be read."""
    try:
        with backup.path.open("rb") as handle:
            return handle.read(1) != b""
    except OSError:
        return False


def list_backups(path: Path) -> list[Backup]:
    """Backups of ``path``, newest first; empty files (never a real version) are left out."""
    found = []
    for backup in _stamped_files(path):
        try:
            if backup.path.stat().st_size > 0:
                found.append(backup)
        except OSError:
            continue
    return found


def _backup_due(path: Path, now: datetime) -> bool:
    """True unless a usable backup was taken within ``BACKUP_INTERVAL`` before ``now``.
    A backup stamped after ``now`` (the clock was put back) does not count as recent."""
    newest = next((b for b in list_backups(path) if _usable(b)), None)
    return newest is None or not timedelta(0) <= now - newest.taken_at <= BACKUP_INTERVAL


def _prune_backups(path: Path, *, now: datetime) -> None:
    """Keep the newest ``KEEP_BACKUPS`` usable backups and the newest of each day within
    ``KEEP_DAILY_BACKUPS_FOR`` of ``now``; delete the rest, junk included. Never through a
    link that leads out of the data directory."""
    if not _inside_data_dir(backup_folder(path)):
        return
    everything = _stamped_files(path)
    usable = [b for b in everything if _usable(b)]
    keep = {b.path for b in usable[:KEEP_BACKUPS]}
    first_day = (now - KEEP_DAILY_BACKUPS_FOR).date()
    days_kept: set[date] = set()
    for backup in usable:
        day = backup.taken_at.date()
        if first_day < day <= now.date() and day not in days_kept:
            days_kept.add(day)
            keep.add(backup.path)
    for backup in everything:
        if backup.path in keep:
            continue
        try:
            backup.path.unlink(missing_ok=True)
        except OSError as exc:
            _log.warning("Cannot remove old backup %s (%s)", backup.path, exc)


def latest_good_backup(path: Path, catalog: Catalog) -> tuple[Backup, StudyPlan] | None:
    """The newest backup of ``path`` that loads cleanly, for recovery after a bad file."""
    for candidate in list_backups(path):
        try:
            plan = load_plan(candidate.path, catalog)
        except PlanFileError as exc:
            _log.info("Backup %s skipped for recovery: %s", candidate.path, exc)
            continue
        return candidate, plan
    return None


# --- plan folder --------------------------------------------------------------------------


def list_plans() -> list[Path]:
    """Plan files in the data directory, most recently changed first."""
    folder = paths.plans_dir()
    if not folder.is_dir():
        return []
    dated: list[tuple[float, Path]] = []
    for candidate in folder.glob(f"*{PLAN_SUFFIX}"):
        try:
            if candidate.is_file():
                dated.append((candidate.stat().st_mtime, candidate))
        except OSError:  # gone meanwhile, or cannot be looked at: not offered
            continue
    return [p for _, p in sorted(dated, key=lambda d: d[0], reverse=True)]


def distinct_plan_name(name: str, taken: Collection[str]) -> str:
    """``name``, or 'NAME 2', 'NAME 3', ... when a plan of that name exists already, so two
    new plans are told apart in the window title and in *Open Recent*."""
    folded = {other.casefold() for other in taken}
    if name.casefold() not in folded:
        return name
    counter = 2
    while True:
        suffix = f" {counter}"
        candidate = name[: MAX_NAME - len(suffix)] + suffix
        if candidate.casefold() not in folded:
            return candidate
        counter += 1


_WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)


def new_plan_path(name: str) -> Path:
    """A file name in the plans folder derived from ``name`` that is not taken yet."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "plan"
    if slug in _WINDOWS_DEVICES:  # 'con.json' would name a device on Windows, not a file
        slug = f"{slug}-plan"
    folder = paths.plans_dir()
    candidate = folder / f"{slug}{PLAN_SUFFIX}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{slug}-{counter}{PLAN_SUFFIX}"
        counter += 1
    return candidate


def plan_json_schema() -> dict[str, Any]:
    schema = StudyPlan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "StudyPlanner plan file"
    return schema


# --- deleted plans --------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletedPlan:
    """A plan in the trash: its file there, its name and when it was deleted."""

    path: Path
    name: str
    deleted_at: datetime


def move_to_trash(path: Path) -> Path:
    """Delete a plan file the recoverable way: it moves to the trash folder, stamped."""
    folder = paths.trash_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}.{datetime.now():{_STAMP}}{path.suffix}"
    try:
        atomic_copy(path, target)  # complete or absent, even on a full disk
        path.unlink()
    except OSError as exc:
        raise PlanFileError(path, PlanProblem.NOT_DELETED, reason=exc.strerror or exc) from exc
    return target


def list_trash(catalog: Catalog) -> list[DeletedPlan]:
    """Deleted plans that can still be read, most recently deleted first."""
    folder = paths.trash_dir()
    if not folder.is_dir():
        return []
    found: list[DeletedPlan] = []
    for candidate in folder.glob(f"*{PLAN_SUFFIX}"):
        stamp = candidate.stem.rpartition(".")[2]
        try:
            deleted_at = datetime.strptime(stamp, _STAMP)
            plan = load_plan(candidate, catalog)
        except (ValueError, PlanFileError) as exc:
            _log.info("Not listed as a deleted plan: %s (%s)", candidate, exc)
            continue
        found.append(DeletedPlan(candidate, plan.name, deleted_at))
    return sorted(found, key=lambda d: d.deleted_at, reverse=True)


def restore_from_trash(deleted: DeletedPlan, catalog: Catalog) -> Path:
    """Put a deleted plan back in the plans folder (under a free name) and empty its slot."""
    plan = load_plan(deleted.path, catalog)
    target = new_plan_path(plan.name)
    save_plan(plan, target)
    deleted.path.unlink(missing_ok=True)
    return target
