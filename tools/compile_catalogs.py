"""Compile the translators' catalogs (``.po``) into the files gettext reads (``.mo``).

    python tools/compile_catalogs.py            # every .po whose .mo is missing or older
    python tools/compile_catalogs.py --all      # every .po, whatever its .mo
    python tools/compile_catalogs.py FILE.po    # only these

The ``.mo`` files are build output, never committed (.gitignore): ``make run``, ``make pytest``
and ``make package`` run this first, and building a wheel does too (hatch_build.py). It uses
polib (a single pure-Python module), so a fresh clone needs no gettext tools, and nothing of
it is imported by the app at run time. An untranslated or fuzzy message is left out of the
``.mo``, so it shows in English, as gettext's own ``msgfmt`` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "studyplanner" / "locale"


def catalogs(locale: Path = LOCALE) -> list[Path]:
    """Every translation beside the template: ``<language>/LC_MESSAGES/studyplanner.po``."""
    return sorted(locale.glob("*/LC_MESSAGES/studyplanner.po"))


def compiled(po: Path) -> Path:
    return po.with_suffix(".mo")


def is_stale(po: Path) -> bool:
    mo = compiled(po)
    return not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime


def compile_catalog(po: Path) -> Path:
    """Write ``po``'s ``.mo`` beside it (through a temporary file, so that an app starting
    meanwhile reads the old one or the new one, never half of one)."""
    mo = compiled(po)
    partial = mo.with_name(mo.name + ".partial")
    polib.pofile(str(po)).save_as_mofile(str(partial))
    partial.replace(mo)
    return mo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE.po")
    parser.add_argument("--all", action="store_true", help="compile even an up-to-date catalog")
    args = parser.parse_args(argv)
    chosen = args.files or [po for po in catalogs() if args.all or is_stale(po)]
    for po in chosen:
        try:
            mo = compile_catalog(po)
        except (OSError, ValueError) as exc:  # polib raises OSError for a malformed file
            print(f"compile_catalogs: {po}: {exc}", file=sys.stderr)
            return 1
        shown = mo.relative_to(ROOT) if mo.is_relative_to(ROOT) else mo
        print(f"compiled {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
