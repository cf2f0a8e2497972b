"""`suggest` and `schema`: a new plan from a learner's profile, and the plan file's format."""

from __future__ import annotations

import argparse
import json

from pydantic import ValidationError

from studyplanner.cli.errors import EXIT_OK, UsageError
from studyplanner.cli.files import check_output, load_catalog, save
from studyplanner.domain.analysis import analyse
from studyplanner.domain.plan import LearnerProfile, Owner
from studyplanner.domain.roles import Direction, Role
from studyplanner.domain.wording import count_text
from studyplanner.i18n import _
from studyplanner.storage.plan_files import plan_json_schema
from studyplanner.storage.reading import one_line

# Plan fields the suggest options fill, for naming the option in an error.
_SUGGEST_OPTIONS = {"name": "--name", "focus_areas": "--focus", "profile": "--focus"}
_OWNER_OPTIONS = {"name": "--owner", "team": "--owner-team"}


def _owner(args: argparse.Namespace) -> Owner | None:
    """The plan's owner from `--owner` and `--owner-team` (None without them)."""
    if args.owner is None:
        if args.owner_team is not None:
            raise UsageError(_("--owner-team goes with --owner"))
        return None
    try:
        return Owner(name=args.owner, team=args.owner_team)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "name"
        reason = first["msg"].removeprefix("Value error, ")
        raise UsageError(f"{_OWNER_OPTIONS.get(field, '--owner')}: {reason}") from exc


def cmd_suggest(args: argparse.Namespace) -> int:
    from studyplanner.domain.suggest import suggest_plan  # only this command suggests

    check_output(args.output)
    owner = _owner(args)
    catalog = load_catalog()
    try:
        profile = LearnerProfile(
            role=Role(args.role),
            experience_years=args.experience_years,
            field_years=args.field_years,
            other_field_years=dict(args.other_field_years),
            direction=Direction(args.direction) if args.direction else None,
            focus_areas=args.focus,
        )
        suggestion = suggest_plan(
            catalog, profile, args.hours_per_week, args.start or args.today, name=args.name
        )
    except ValidationError as exc:  # e.g. a name or focus area longer than a plan allows
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        raise UsageError(f"{_SUGGEST_OPTIONS.get(field, field)}: {first['msg']}") from exc
    plan = suggestion.plan
    plan.owner = owner
    # a new plan keeps its first dates as the baseline that later progress is read against
    analysis = analyse(plan, catalog, args.today)
    if analysis.schedule_error is not None:
        raise UsageError(analysis.schedule_error)
    plan.baseline = analysis.baseline
    save(plan, args.output)
    print(
        _("Wrote {path} ({exams}):").format(
            path=args.output, exams=count_text(len(suggestion.plan.entries), "exam")
        )
    )
    for i, pick in enumerate(suggestion.reasons, 1):
        cert = catalog.get(pick.certification_id)
        print(f"  {i}. {cert.code} {cert.name}: {pick.reason}")
    for remark in suggestion.remarks:
        print("  " + _("note: {text}").format(text=one_line(remark)))
    return EXIT_OK


def cmd_schema(_args: argparse.Namespace) -> int:
    print(json.dumps(plan_json_schema(), indent=2))
    return EXIT_OK
