"""What every command reads and writes: the catalog, a plan and its analysis, and output
files (refused before any work when they must not be replaced, written atomically)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from studyplanner.cli.errors import UsageError
from studyplanner.domain.analysis import PlanAnalysis, analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.schedule import Schedule
from studyplanner.i18n import _
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.plan_files import PlanFileError, load_plan, save_plan
from studyplanner.storage.reading import one_line

_T = TypeVar("_T")


def print_json(data: Any) -> None:
    """JSON on stdout, as UTF-8 text where the output takes it and as ASCII escapes where it
    does not, so the document stays valid and lossless on any console."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, indent=2, ensure_ascii=True)
    print(text)


def shown(path: Path) -> str:
    return one_line(os.fsdecode(path))


def check_output(path: Path, *, plan: Path | None = None) -> None:
    """Refuse, before any work is done, an output that must not be replaced: a folder, a
    device, a pipe or a socket (an atomic write would swap it for a regular file), a
    read-only file, or the plan being read; and one in a folder that does not exist."""
    try:
        info = path.stat()
    except FileNotFoundError:
        # The atomic writers would create a missing folder: a typo in a folder's name must not
        # quietly become a new folder.
        if not path.parent.is_dir():
            raise UsageError(
                _("{path}: cannot be written (no folder {folder})").format(
                    path=shown(path), folder=shown(path.parent)
                )
            ) from None
        return
    except OSError as exc:  # e.g. a parent that is a file, or a folder we may not enter
        raise UsageError(_cannot_write(path, exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(
            _("{path}: is a folder; give the output a file name").format(path=shown(path))
        )
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            _(
                "{path}: is not a regular file (a device, pipe or socket); refusing to replace it"
            ).format(path=shown(path))
        )
    # Write bits as well as access(): root may write anything, yet a file marked read-only
    # for everyone was marked so on purpose.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise UsageError(_("{path}: is read-only").format(path=shown(path)))
    if plan is not None:
        try:
            same = os.path.samefile(path, plan)
        except OSError:
            same = False
        if same:
            raise UsageError(
                _("{path}: is the plan itself; write the output elsewhere").format(path=shown(path))
            )


def write_output(path: Path, write: Callable[[], _T]) -> _T:
    """Run ``write`` (which replaces ``path`` atomically) and turn a failure to write, such as
    a full disk or a read-only folder, into one line naming the file."""
    try:
        return write()
    except OSError as exc:
        raise UsageError(_cannot_write(path, exc)) from exc


def _cannot_write(path: Path, exc: OSError) -> str:
    return _("{path}: cannot be written ({reason})").format(
        path=shown(path), reason=exc.strerror or exc
    )


def load_catalog() -> Catalog:
    loaded = load_app_catalog()
    if loaded.problem:
        print(_("warning: {problem}").format(problem=one_line(loaded.problem)), file=sys.stderr)
    return loaded.catalog


def save(plan: StudyPlan, path: Path) -> None:
    try:
        save_plan(plan, path, first_save_in_session=True)  # each command is its own session
    except PlanFileError as exc:
        raise UsageError(str(exc)) from exc


def load_analysis(path: Path, today: date) -> PlanAnalysis:
    """The plan at ``path`` with everything derived from it as of ``today``; a plan that
    cannot be read, or cannot be scheduled, is bad input."""
    catalog = load_catalog()
    try:
        plan = load_plan(path, catalog, today=today)
    except PlanFileError as exc:
        raise UsageError(str(exc)) from exc
    analysis = analyse(plan, catalog, today)
    scheduled(analysis, path)
    return analysis


def scheduled(analysis: PlanAnalysis, path: Path) -> Schedule:
    """The analysis's schedule, or a usage error naming the plan and why it has no dates."""
    if analysis.schedule is None:
        raise UsageError(f"{shown(path)}: {analysis.schedule_error}")
    return analysis.schedule


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
