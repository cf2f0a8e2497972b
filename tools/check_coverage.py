"""Coverage per file for the Qt-free core, which may not slip (issue 22).

qutebrowser's habit (scripts/dev/check_coverage.py): a list of files with the coverage each
must keep. Here every module of the checked folders has its own floor (lines and branches
together, as ``coverage report`` counts them), and the check fails when

- a listed file drops below its floor;
- a file in a checked folder is not listed (a new module: add it with its floor);
- a listed file is gone (remove its line).

A file well above its floor is mentioned, so the floor can be raised with it.

``make pytest`` runs it after the suite, on ``coverage json``'s output:

    python tools/check_coverage.py build/coverage/coverage.json

To add a module (domain/analysis.py) or a folder (studyplanner/layout/): add the folder to
``CHECKED_FOLDERS``, run ``make pytest``, then ``python tools/check_coverage.py --suggest`` prints
the lines to paste into ``FLOORS`` (each at the coverage measured, rounded down).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "build" / "coverage" / "coverage.json"

CHECKED_FOLDERS = ("studyplanner/domain/", "studyplanner/layout/", "studyplanner/storage/")
"""Every .py file under these needs a floor in FLOORS."""

RAISE_MARGIN = 2.0
"""Points above its floor at which a file is mentioned, so its floor goes up with it."""

FLOORS: dict[str, float] = {
    "studyplanner/domain/__init__.py": 100,
    "studyplanner/domain/advice.py": 96,
    "studyplanner/domain/analysis.py": 100,
    "studyplanner/domain/budget.py": 97,
    "studyplanner/domain/catalog.py": 91,
    "studyplanner/domain/catalog_diff.py": 84,
    "studyplanner/domain/catalog_release.py": 88,
    "studyplanner/domain/defaults.py": 100,
    "studyplanner/domain/domains.py": 99,
    "studyplanner/domain/estimates.py": 100,
    "studyplanner/domain/experience.py": 95,
    "studyplanner/domain/lifecycle.py": 96,
    "studyplanner/domain/months.py": 100,
    "studyplanner/domain/plan.py": 98,
    "studyplanner/domain/progress.py": 98,
    "studyplanner/domain/roles.py": 100,
    "studyplanner/domain/schedule.py": 98,
    "studyplanner/domain/suggest.py": 96,
    "studyplanner/domain/week.py": 100,
    "studyplanner/domain/team.py": 98,
    "studyplanner/domain/wording.py": 100,
    "studyplanner/domain/wording_budget.py": 95,
    "studyplanner/domain/wording_domains.py": 98,
    "studyplanner/domain/wording_languages.py": 100,
    "studyplanner/domain/wording_progress.py": 100,
    "studyplanner/domain/wording_team.py": 98,
    "studyplanner/domain/wording_schedule.py": 100,
    "studyplanner/domain/wording_validity.py": 98,
    "studyplanner/domain/wording_week.py": 100,
    "studyplanner/domain/words.py": 88,
    "studyplanner/layout/__init__.py": 100,
    "studyplanner/layout/ladder.py": 96,
    "studyplanner/layout/team_timeline.py": 96,
    "studyplanner/layout/timeline.py": 95,
    "studyplanner/storage/__init__.py": 100,
    "studyplanner/storage/atomic.py": 81,
    "studyplanner/storage/catalog_source.py": 96,
    "studyplanner/storage/catalog_updates.py": 86,
    "studyplanner/storage/locks.py": 75,
    "studyplanner/storage/messages.py": 100,
    "studyplanner/storage/paths.py": 94,
    "studyplanner/storage/plan_files.py": 93,
    "studyplanner/storage/reading.py": 95,
    "studyplanner/storage/settings.py": 98,
    "studyplanner/storage/team_folder.py": 96,
}
"""Per file, the percentage of lines and branches the suite must cover: as measured by `make
pytest` when set (December 2026, issue 22), rounded down to a whole percent."""


def _checked(path: str) -> bool:
    return path.startswith(CHECKED_FOLDERS) and path.endswith(".py")


def measured(report: Mapping[str, object]) -> dict[str, float]:
    """Per file (as a path from the project's root, with /), the percentage covered."""
    files = report.get("files")
    if not isinstance(files, dict):
        raise SystemExit("check_coverage: not the output of `coverage json` (no 'files')")
    result = {}
    for name, data in files.items():
        path = Path(name)
        if path.is_absolute():
            try:
                path = path.relative_to(ROOT)
            except ValueError:
                continue
        result[path.as_posix()] = float(data["summary"]["percent_covered"])
    return result


def on_disk() -> set[str]:
    """The checked folders' modules as they are in the source tree."""
    return {
        path.relative_to(ROOT).as_posix()
        for folder in CHECKED_FOLDERS
        for path in (ROOT / folder).rglob("*.py")
    }


def problems(
    coverage: Mapping[str, float], floors: Mapping[str, float], files: set[str]
) -> tuple[list[str], list[str]]:
    """What fails the check, and what is only worth a note."""
    failures = []
    notes = []
    for path in sorted(files | {p for p in coverage if _checked(p)}):
        if path not in floors:
            failures.append(
                f"{path}: not listed in tools/check_coverage.py FLOORS "
                f"(covered {coverage.get(path, 0.0):.1f} %: add it with that floor)"
            )
    for path, floor in sorted(floors.items()):
        if path not in files:
            failures.append(f"{path}: listed in FLOORS but no longer exists (remove its line)")
            continue
        covered = coverage.get(path)
        if covered is None:
            failures.append(f"{path}: no coverage data (was the suite run with coverage?)")
        elif covered < floor:
            failures.append(f"{path}: covered {covered:.1f} %, below its floor of {floor:g} %")
        elif covered >= floor + RAISE_MARGIN:
            notes.append(f"{path}: covered {covered:.1f} %; its floor ({floor:g} %) can go up")
    return failures, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--suggest", action="store_true", help="print FLOORS lines for unlisted files"
    )
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.data.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        print(f"check_coverage: cannot read {args.data}: {exc}", file=sys.stderr)
        return 2
    coverage = measured(report)
    files = on_disk()
    if args.suggest:
        for path in sorted(files - set(FLOORS)):
            print(f'    "{path}": {math.floor(coverage.get(path, 0.0)):g},')
        return 0
    failures, notes = problems(coverage, FLOORS, files)
    for note in notes:
        print(f"check_coverage: note: {note}")
    for failure in failures:
        print(f"check_coverage: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(f"check_coverage: {len(FLOORS)} files of {', '.join(CHECKED_FOLDERS)} at their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
