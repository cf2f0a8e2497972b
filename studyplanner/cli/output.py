"""`print` and `export-ics`: the plan's report as a PDF and its calendar as iCalendar, both
made from one analysis of the plan as of `--today`."""

from __future__ import annotations

import argparse

from studyplanner.cli.errors import EXIT_OK
from studyplanner.cli.files import check_output, load_analysis, write_output
from studyplanner.domain.wording import count_text
from studyplanner.i18n import _


def cmd_print(args: argparse.Namespace) -> int:
    from studyplanner.export.pdf_writer import print_plan_to_pdf

    check_output(args.output, plan=args.plan)
    analysis = load_analysis(args.plan, args.today)
    pages = write_output(
        args.output,
        lambda: print_plan_to_pdf(
            analysis, args.output, paper=args.paper, landscape=args.landscape
        ),
    )
    print(_("Wrote {path} ({pages})").format(path=args.output, pages=count_text(pages, "page")))
    return EXIT_OK


def cmd_export_ics(args: argparse.Namespace) -> int:
    from studyplanner.export.ics import write_ics

    check_output(args.output, plan=args.plan)
    analysis = load_analysis(args.plan, args.today)
    count = write_output(
        args.output, lambda: write_ics(analysis, args.output, study_blocks=args.study_blocks)
    )
    print(_("Wrote {path} ({events})").format(path=args.output, events=count_text(count, "event")))
    return EXIT_OK
