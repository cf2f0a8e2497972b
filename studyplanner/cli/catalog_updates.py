"""`studyplanner catalog info | diff | import | revert | reset`: which catalog is in use, what
an update would change (and to which plans), and switching to it and back.

A file that cannot be used is refused with exit status 2 and one line (raised as
``CatalogError`` or ``UsageError``, printed by ``studyplanner.cli``); the active catalog is
then exactly what it was.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import date
from pathlib import Path

from studyplanner.cli.errors import EXIT_OK, UsageError
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.catalog_diff import describe_change
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.wording import format_day
from studyplanner.i18n import _
from studyplanner.storage.catalog_source import LoadedCatalog
from studyplanner.storage.catalog_updates import (
    CatalogInfo,
    NothingToRevert,
    UpdateReview,
    catalog_info,
    check_update,
    import_update,
    load_app_catalog,
    reset,
    revert,
    review_update,
)
from studyplanner.storage.plan_files import PlanFileError, load_plan
from studyplanner.storage.reading import one_line


def run_catalog_action(args: argparse.Namespace) -> int:
    action = args.catalog_action
    if action == "info":
        return _info(args)
    if action == "diff":
        return _diff(args)
    if action == "import":
        return _import(args)
    if action == "revert":
        return _revert()
    return _reset()


def _loaded() -> LoadedCatalog:
    loaded = load_app_catalog()
    if loaded.problem:
        import sys

        print(_("warning: {problem}").format(problem=one_line(loaded.problem)), file=sys.stderr)
    return loaded


def info_line(info: CatalogInfo) -> str:
    """'Catalog 2026.12.07, published 7 Dec 2026 (bundled with StudyPlanner)'."""
    version = info.catalog_version or _("without a version")
    published = format_day(info.published) if info.published else _("date unknown")
    where = _("bundled with StudyPlanner") if info.source == "bundled" else _("an imported update")
    return _("Catalog {version}, published {published} ({where})").format(
        version=version, published=published, where=where
    )


def stale_note(info: CatalogInfo, today: date) -> str | None:
    """The note for a catalog more than a year older than ``today``, saying how to update."""
    if not info.is_stale(today):
        return None
    return _(
        "This catalog is more than 12 months old: fees, dates and exam versions may have "
        "changed. Get a newer update file and import it (Help › Update Catalog…, or "
        "studyplanner catalog import FILE)."
    )


def _info(args: argparse.Namespace) -> int:
    info = catalog_info(_loaded())
    if args.json:
        print(json.dumps(info.as_json(), indent=2))
        return EXIT_OK
    print(info_line(info))
    print(os.fsdecode(info.path))
    note = stale_note(info, args.today)
    if note:
        print(_("note: {text}").format(text=note))
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    loaded = _loaded()
    update, _data = check_update(args.file, loaded.catalog, today=args.today)
    plans: list[tuple[Path | None, StudyPlan]] = []
    for path in args.plan:
        try:
            plans.append((path, load_plan(path, loaded.catalog, today=args.today)))
        except PlanFileError as exc:
            raise UsageError(str(exc)) from exc
    review = review_update(loaded.catalog, update, today=args.today, plans=plans)
    if args.json:
        print(json.dumps(review.as_json(), indent=2, ensure_ascii=False))
        return EXIT_OK
    for line in review_lines(review):
        print(line)
    return EXIT_OK


def review_lines(review: UpdateReview) -> list[str]:
    """The review as text: the changes by group, then the plans affected."""
    lines = [
        _("Catalog {old} → {new}").format(
            old=review.active.catalog_version or "–", new=review.update.catalog_version
        )
    ]
    heading = None
    for change in review.changes:
        if change.kind is not heading:
            heading = change.kind
            lines += ["", change.kind.heading]
        lines.append("  " + describe_change(change, review.update))
    if not review.changes:
        lines += ["", _("No facts change.")]
    lines += ["", _("Your plans")]
    if not review.plans:
        lines.append("  " + _("None of your plans is affected."))
    for plan in review.plans:
        lines.append("  " + plan.name)
        lines += ["    " + impact.message for impact in plan.impacts]
    return lines


def _version(catalog: Catalog) -> str:
    return catalog.catalog_version or _("without a version")


def _import(args: argparse.Namespace) -> int:
    try:
        before, update = import_update(args.file, today=args.today)
    except OSError as exc:
        raise UsageError(
            _("the catalog cannot be switched ({reason}); nothing was changed").format(
                reason=exc.strerror or exc
            )
        ) from exc
    print(
        _(
            "Catalog {new} is now in use (was {old}); `studyplanner catalog revert` goes back."
        ).format(new=_version(update), old=_version(before))
    )
    return EXIT_OK


def _revert() -> int:
    try:
        loaded = revert()
    except NothingToRevert:
        raise UsageError(_("no previous catalog was kept; nothing was changed")) from None
    except OSError as exc:
        raise UsageError(
            _("the catalog cannot be switched ({reason})").format(reason=exc.strerror or exc)
        ) from exc
    print(_("Now in use: {line}").format(line=info_line(catalog_info(loaded))))
    return EXIT_OK


def _reset() -> int:
    try:
        changed = reset()
    except OSError as exc:
        raise UsageError(
            _("the catalog cannot be switched ({reason})").format(reason=exc.strerror or exc)
        ) from exc
    loaded = load_app_catalog()
    if changed:
        print(_("Now in use: {line}").format(line=info_line(catalog_info(loaded))))
        print(_("`studyplanner catalog revert` goes back to the update."))
    else:
        print(_("The bundled catalog is already in use."))
    return EXIT_OK
