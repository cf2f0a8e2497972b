"""What each command of the command line does (see ``studyplanner.cli`` for the options and
the exit statuses), by group: `show` (``show``), `week` (``week``), `log`, `score` and `fee`
(``edit``), `print` and `export-ics` (``output``), `suggest` and `schema` (``new_plan``);
`catalog` is here. Loaded only once a command runs, so `--help` and `--version` stay quick;
each group's module only when one of its commands runs (`show` needs nothing of `team`'s).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from studyplanner.cli.errors import EXIT_OK
from studyplanner.cli.files import load_catalog, print_json
from studyplanner.domain.catalog import LifecycleStatus, Tier
from studyplanner.domain.wording import format_fee, format_hours, sentence_start
from studyplanner.domain.wording_languages import (
    ENGLISH,
    ESL_ASSUMED,
    ESL_EXTRA_MINUTES,
    esl_fact_text,
    offered_in_text,
)
from studyplanner.i18n import N_, _
from studyplanner.labels import TranslatedLabels

# Words `catalog` prints for a state, lower case as in its lines (an active certification
# goes without one).
_LIFECYCLE_WORDS: TranslatedLabels[LifecycleStatus] = TranslatedLabels(
    {
        LifecycleStatus.RETIRING: N_("retiring"),
        LifecycleStatus.RETIRED: N_("retired"),
    }
)


def cmd_catalog(args: argparse.Namespace) -> int:
    if getattr(args, "catalog_action", None):  # info, diff, import, revert, reset
        from studyplanner.cli.catalog_updates import run_catalog_action

        return run_catalog_action(args)
    catalog = load_catalog()
    if args.json:
        rows = [
            {
                "id": c.id,
                "code": c.code,
                "name": c.name,
                "tier": c.tier.value,
                "status": c.lifecycle.status.value,
                "hours": c.hours.typical,
                "hours_low": c.hours.low,
                "hours_high": c.hours.high,
                "minutes": c.exam.minutes,
                "fee_usd": c.exam.fee_usd,
                "ends_on": c.lifecycle.ends_on.isoformat() if c.lifecycle.ends_on else None,
                "replaced_by": c.lifecycle.replaced_by,
                "domains": [
                    {"number": d.number, "name": d.name, "weight": d.weight} for d in c.domains
                ],
                "exam_languages": c.exam_languages,
                "exam_languages_assumed": c.exam_languages_assumed,
                "esl_extra_minutes": ESL_EXTRA_MINUTES if ENGLISH in c.exam_languages else None,
                "esl_assumed": ESL_ASSUMED,
            }
            for c in catalog
        ]
        print_json(rows)
        return EXIT_OK
    for tier in Tier:
        print(tier.label)
        for c in catalog.by_tier(tier):
            status = ""
            if c.lifecycle.status is not LifecycleStatus.ACTIVE:
                status = f"  [{_LIFECYCLE_WORDS[c.lifecycle.status]} {c.lifecycle.ends_on}]"
            hours, fee = format_hours(c.hours.typical), format_fee(c.exam.fee_usd)
            print(f"  {c.code:8} {c.name:45} {hours:>6}  {fee}{status}")
            if c.exam_languages and not c.is_retired:
                offered = offered_in_text(c.exam_languages, c.exam_languages_assumed)
                print(" " * 11 + _("languages: {languages}").format(languages=offered))
        print()
    print("  " + sentence_start(esl_fact_text()))
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    from studyplanner.cli import new_plan

    return new_plan.cmd_suggest(args)


def cmd_show(args: argparse.Namespace) -> int:
    from studyplanner.cli import show

    return show.cmd_show(args)


def cmd_week(args: argparse.Namespace) -> int:
    from studyplanner.cli import week

    return week.cmd_week(args)


def cmd_log(args: argparse.Namespace) -> int:
    from studyplanner.cli import edit

    return edit.cmd_log(args)


def cmd_score(args: argparse.Namespace) -> int:
    from studyplanner.cli import edit

    return edit.cmd_score(args)


def cmd_fee(args: argparse.Namespace) -> int:
    from studyplanner.cli import edit

    return edit.cmd_fee(args)


def cmd_schema(args: argparse.Namespace) -> int:
    from studyplanner.cli import new_plan

    return new_plan.cmd_schema(args)


def cmd_print(args: argparse.Namespace) -> int:
    from studyplanner.cli import output

    return output.cmd_print(args)


def cmd_export_ics(args: argparse.Namespace) -> int:
    from studyplanner.cli import output

    return output.cmd_export_ics(args)


def cmd_team(args: argparse.Namespace) -> int:
    from studyplanner.cli import team

    return team.cmd_team(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "catalog": cmd_catalog,
    "suggest": cmd_suggest,
    "show": cmd_show,
    "week": cmd_week,
    "log": cmd_log,
    "score": cmd_score,
    "fee": cmd_fee,
    "schema": cmd_schema,
    "print": cmd_print,
    "export-ics": cmd_export_ics,
    "team": cmd_team,
}
