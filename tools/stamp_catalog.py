"""Publish a catalog release: check a catalog file the way the app checks an update, stamp its
``catalog_version`` and ``published``, and show what changed since the previous release.

    python tools/stamp_catalog.py catalog/certifications.json            # today's release
    python tools/stamp_catalog.py FILE --version 2027.03.01.2 --published 2027-03-01
    python tools/stamp_catalog.py FILE --against old.json --check        # check only

The version defaults to today's date (``YYYY.MM.DD``), with ``.N`` added when the previous
release was made the same day. The file is rewritten atomically, in the bundled catalog's
layout (2-space indents, UTF-8). It exits 1, writing nothing, when the catalog would be
refused as an update (see studyplanner/domain/catalog_release.py): users could not import it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyplanner.domain.catalog import CatalogError, load_catalog  # noqa: E402
from studyplanner.domain.catalog_diff import describe_change, diff_catalogs  # noqa: E402
from studyplanner.domain.catalog_release import (  # noqa: E402
    parse_update,
    update_problem,
    version_key,
)
from studyplanner.storage.atomic import atomic_write_text  # noqa: E402


def next_version(previous: str | None, day: date) -> str:
    """Today's release: the day, and a number after it when ``previous`` is the same day."""
    stamp = f"{day.year:04d}.{day.month:02d}.{day.day:02d}"
    if previous is None:
        return stamp
    year, month, day_of_month, number = version_key(previous)
    if (year, month, day_of_month) == (day.year, day.month, day.day):
        return f"{stamp}.{number + 1}"
    return stamp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the catalog to stamp")
    parser.add_argument(
        "--against", type=Path, help="the previous release (default: the file as it is now)"
    )
    parser.add_argument("--version", help="the release, YYYY.MM.DD or YYYY.MM.DD.N")
    parser.add_argument("--published", type=date.fromisoformat, default=date.today())
    parser.add_argument("--check", action="store_true", help="check and show; write nothing")
    args = parser.parse_args(argv)

    try:
        previous = load_catalog(args.against or args.file)
        document = json.loads(args.file.read_text(encoding="utf-8"))
    except (CatalogError, OSError, ValueError) as exc:
        print(f"stamp_catalog: {exc}", file=sys.stderr)
        return 1
    if not args.check:
        document["catalog_version"] = args.version or next_version(
            previous.catalog_version, args.published
        )
        document["published"] = args.published.isoformat()
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        release = parse_update(text, args.file, today=args.published)
    except CatalogError as exc:
        print(f"stamp_catalog: {exc}", file=sys.stderr)
        return 1
    if not args.check or args.against:
        problem = update_problem(release, previous)
        if problem:
            print(f"stamp_catalog: {args.file}: {problem}", file=sys.stderr)
            return 1
    print(f"{release.catalog_version} (published {release.published})")
    for change in diff_catalogs(previous, release):
        print(f"  {change.kind.value}: {describe_change(change, release)}")
    if not args.check:
        atomic_write_text(args.file, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
