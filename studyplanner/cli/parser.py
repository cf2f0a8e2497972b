"""The command line's options: one parser for the app and every command, and the checks
of the values typed (dates, hours, percentages). Its texts are the user's language."""

from __future__ import annotations

import argparse
import os
import sys

from studyplanner import DATA_DIR_ENV_VAR, version_text
from studyplanner.cli.errors import UsageError
from studyplanner.domain.roles import Direction, ExperienceField, Role
from studyplanner.i18n import LANGUAGES, _

# `--help` needs none of these at run time; each costs a few milliseconds to import, typing
# itself some 18 % of --help (benchmarks/bench_bootstrap.py). See studyplanner.cli.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from datetime import date
    from pathlib import Path
    from typing import Any, NoReturn

COMMAND_NAMES = (
    "catalog",
    "suggest",
    "show",
    "week",
    "log",
    "score",
    "fee",
    "schema",
    "print",
    "export-ics",
    "team",
)


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (COLUMNS, then the
    terminal, then 80), without importing ``shutil``, which brings bz2, lzma and zlib along:
    some 10 % of --help (benchmarks/bench_bootstrap.py; argparse would import it for this)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns if columns > 0 else 80


class _Formatter(argparse.HelpFormatter):
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = width if width is not None else _terminal_columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # argparse would print usage and exit
        raise UsageError(message)


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def _not_a_number(text: str) -> str:
    return _("not a number: {text}").format(text=repr(text))


_DIGITS = frozenset("0123456789")


def _iso_date(text: str) -> date:
    """A date written YYYY-MM-DD, with ASCII digits, and nothing else: ``date.fromisoformat``
    also takes 20261207 and 2026-W49-1, which the help does not promise. A day outside the
    dates a plan can hold is refused as beyond what StudyPlanner can plan."""
    from datetime import date

    from studyplanner.domain.plan import EARLIEST_DATE, LATEST_DATE

    shape_ok = (
        len(text) == 10
        and text[4] == text[7] == "-"
        and set(text[:4] + text[5:7] + text[8:]) <= _DIGITS
    )
    try:
        if not shape_ok:
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date in YYYY-MM-DD form: {text}").format(text=repr(text))
        ) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise argparse.ArgumentTypeError(
            _("{day} is beyond what StudyPlanner can plan ({first} to {last})").format(
                day=text, first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat()
            )
        )
    return day


def _number(text: str, typed: str | None = None) -> float:
    """``text`` as a plain decimal number (``12``, ``1.5``, ``-3``, with ASCII digits);
    refused naming what was ``typed`` (the text itself by default). ``float`` alone would
    also read ``1_0`` as 10, other scripts' digits, ``1e-320`` and ``inf``."""
    body = text.strip()
    whole, _point, fraction = body.removeprefix("-").partition(".")
    if (
        not (whole or fraction)
        or not set(whole + fraction) <= _DIGITS
        or len(body) > 30  # beyond any hours or percentage
    ):
        raise argparse.ArgumentTypeError(_not_a_number(typed or text))
    return float(body)


def _positive_hours(text: str) -> float:
    value = _number(text)
    if not 0 < value <= 168:
        raise argparse.ArgumentTypeError(_("hours per week must be more than 0 and at most 168"))
    return value


MIN_SESSION_HOURS = 0.01
"""The shortest session the log keeps (36 seconds): anything shorter would show as 0 h."""


def _session_hours(text: str) -> float:
    value = _number(text)
    if not MIN_SESSION_HOURS <= value <= 24:
        raise argparse.ArgumentTypeError(
            _("hours of one day's study must be from {least} to 24").format(least=MIN_SESSION_HOURS)
        )
    return value


def _percent(text: str) -> float:
    value = _number(text.removesuffix("%").strip(), text)
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(_("a score is a percentage from 0 to 100"))
    return value


def _domain_number(text: str) -> int:
    """An exam domain's number, 1 to 20, in ASCII digits (whether the exam has it is checked
    once the plan is read)."""
    from studyplanner.domain.plan import MAX_DOMAIN_NUMBER

    body = text.strip()
    if (
        not body
        or not set(body) <= _DIGITS
        or len(body) > 2
        or not 1 <= int(body) <= MAX_DOMAIN_NUMBER
    ):
        raise argparse.ArgumentTypeError(
            _("a domain is its number in the exam guide, 1 to {most}: {text}").format(
                most=MAX_DOMAIN_NUMBER, text=repr(text)
            )
        )
    return int(body)


def _domain_result(text: str) -> tuple[int, float | str]:
    """'2=55', '2=55 %', '3=meets', '4=needs-improvement': one domain's practice result, as
    a percent or in AWS's score-report words."""
    from studyplanner.domain.plan import DomainVerdict

    number, equals, result = text.partition("=")
    if not equals:
        raise argparse.ArgumentTypeError(
            _("expected N=PERCENT, N=meets or N=needs-improvement: {text}").format(text=repr(text))
        )
    words = result.strip().lower().replace("_", "-").replace(" ", "-")
    if words in {verdict.value for verdict in DomainVerdict}:
        return _domain_number(number), words
    return _domain_number(number), _percent(result)


def _fee_amount(text: str) -> float:
    """An exam fee the learner pays: more than 0, at most ``MAX_OWN_FEE``, in cents at most."""
    from studyplanner.domain.plan import MAX_OWN_FEE

    value = _number(text)
    if not 0 < value <= MAX_OWN_FEE or round(value, 2) != value:
        raise argparse.ArgumentTypeError(
            _("a fee is more than 0 and at most {most}, with at most 2 decimals").format(
                most=f"{MAX_OWN_FEE:,.0f}"
            )
        )
    return value


def _currency(text: str) -> str:
    """A currency's three-letter ISO 4217 code, in any case: 'eur' is EUR."""
    code = text.strip().upper()
    if len(code) != 3 or not (code.isascii() and code.isalpha()):
        raise argparse.ArgumentTypeError(
            _("a currency is its three-letter code, e.g. EUR, GBP, USD: {text}").format(
                text=repr(text)
            )
        )
    return code


def _years(text: str) -> float:
    value = _number(text)
    if not 0 <= value <= 50:
        raise argparse.ArgumentTypeError(_("experience years must be between 0 and 50"))
    return value


def _field_years(text: str) -> tuple[ExperienceField, float]:
    """'networking=5': years in a field of work other than the role's."""
    name, equals, years = text.partition("=")
    fields = {field.value: field for field in ExperienceField}
    if not equals or name.strip().lower() not in fields:
        raise argparse.ArgumentTypeError(
            _("expected FIELD=YEARS with FIELD one of: {fields}").format(fields=", ".join(fields))
        )
    return fields[name.strip().lower()], _years(years)


def _add_catalog_actions(cat: argparse.ArgumentParser) -> None:
    """`catalog` alone lists the certifications (as it always did); these look after which
    catalog is in use: see the README's "Keeping exam facts current"."""
    actions = cat.add_subparsers(dest="catalog_action", metavar="ACTION", parser_class=_Parser)
    info = actions.add_parser("info", help=_("which catalog is in use, and from when"))
    info.add_argument("--json", action="store_true", help=_("machine-readable"))
    diff = actions.add_parser(
        "diff", help=_("what an update file would change, and which plans it affects")
    )
    diff.add_argument("file", type=_path, metavar="FILE")
    diff.add_argument("--json", action="store_true", help=_("machine-readable"))
    diff.add_argument(
        "--plan",
        type=_path,
        action="append",
        default=[],
        metavar="PLAN.json",
        help=_("also check this plan (repeatable); the data folder's plans always are"),
    )
    imp = actions.add_parser(
        "import", help=_("use an update file from now on (the previous catalog is kept)")
    )
    imp.add_argument("file", type=_path, metavar="FILE")
    actions.add_parser("revert", help=_("go back to the catalog in use before the last change"))
    actions.add_parser("reset", help=_("use the catalog StudyPlanner came with"))


def build_parser(commands: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line. With ``commands`` (the words typed), only the
    commands named there get their options: the window, ``--help`` and a command need no other
    command's, and building them all costs some 2 ms of every start."""
    parser = _Parser(
        prog="studyplanner",
        description=_("Plan AWS certifications: a desktop app, and these commands."),
        epilog=_("With no command, the desktop app opens (with PLAN if given)."),
    )
    parser.add_argument("--version", action="version", version=version_text())
    parser.add_argument(
        "--data-dir",
        type=_path,
        metavar="DIR",
        help=_("where plans and backups live (default: the user data dir; env {variable})").format(
            variable=DATA_DIR_ENV_VAR
        ),
    )
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        help=_("the window's colours for this run (default: the View › Theme choice)"),
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=_(
            "the language to speak ({languages}; default: the system's, and for the window "
            "its View › Language choice); an unknown code gives English"
        ).format(languages=", ".join(sorted(LANGUAGES))),
    )
    parser.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=_("take this day as today (for checking a plan as of another day)"),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=_("start the full app, paint once, print milliseconds to first paint, exit"),
    )
    parser.add_argument(
        "--screenshot", type=_path, metavar="PNG", help=_("with --smoke: save the main window")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    about = _about()
    for name in COMMAND_NAMES:
        help_text, description = about[name]
        command = sub.add_parser(name, help=help_text, description=description)
        if commands is None or name in commands:
            _OPTIONS[name](command)
    return parser


def _about() -> dict[str, tuple[str, str | None]]:
    """What ``--help`` says of each command (a line, and a paragraph for some), in the
    user's language."""
    return {
        "catalog": (_("list the certifications by tier"), None),
        "suggest": (_("write a starter plan from your profile"), None),
        "show": (_("check a plan and print its schedule and warnings"), None),
        "week": (_("this week's study day by day: exam, domain and hours"), None),
        "log": (_("add study time to an exam in a plan (saved safely)"), None),
        "score": (_("record a practice exam score (saved safely)"), None),
        "fee": (
            _("set your own fee for an exam, in your currency (saved safely)"),
            _(
                "Your own fee for an exam (local currency, tax included) is kept in the plan, "
                "so catalog updates never change it; the budget counts it instead of the USD list "
                "price, and totals each currency apart."
            ),
        ),
        "schema": (_("print the plan file's JSON Schema"), None),
        "print": (_("render a plan as a PDF report (no window)"), None),
        "export-ics": (_("write the plan's exams as an iCalendar file"), None),
        "team": (
            _("roll up a folder of plans: targets, people and the quarterly budget"),
            _(
                "Read every plan in FOLDER and its sub-folders, only reading: no member's file "
                "is changed, locked or backed up, and no file is left in the folder. Targets come "
                "from FOLDER/team.json."
            ),
        ),
    }


def _catalog_options(cat: argparse.ArgumentParser) -> None:
    cat.add_argument("--json", action="store_true", help=_("machine-readable list"))
    _add_catalog_actions(cat)


def _suggest_options(sug: argparse.ArgumentParser) -> None:
    sug.add_argument("--role", required=True, choices=[r.value for r in Role])
    sug.add_argument(
        "--experience-years", required=True, type=_years, metavar="N", help=_("years on AWS")
    )
    sug.add_argument(
        "--field-years",
        type=_years,
        metavar="N",
        help=_("years in your role's field (security, networking, ...), on AWS or not"),
    )
    sug.add_argument(
        "--other-field-years",
        type=_field_years,
        action="append",
        default=[],
        metavar="FIELD=N",
        help=_(
            "years in another field of work (repeatable), e.g. networking=3; a field not "
            "given counts as 0 for the exams that ask for it"
        ),
    )
    sug.add_argument("--hours-per-week", required=True, type=_positive_hours, metavar="H")
    sug.add_argument("--direction", choices=[d.value for d in Direction])
    sug.add_argument(
        "--focus",
        action="append",
        default=[],
        metavar="AREA",
        help=_("an area your organisation relies on (repeatable), e.g. security, SAP, ML"),
    )
    sug.add_argument("--start", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    sug.add_argument("--name", default=None)
    sug.add_argument(
        "--owner",
        default=None,
        metavar="NAME",
        help=_("whose plan it is, as a team's roll-up names them"),
    )
    sug.add_argument(
        "--owner-team", default=None, metavar="TEAM", help=_("with --owner: their team")
    )
    sug.add_argument("-o", "--output", required=True, type=_path, metavar="PLAN.json")


def _show_options(show: argparse.ArgumentParser) -> None:
    show.add_argument("plan", type=_path, metavar="PLAN.json")
    show.add_argument("--json", action="store_true", help=_("machine-readable schedule"))


def _week_options(week: argparse.ArgumentParser) -> None:
    week.add_argument("plan", type=_path, metavar="PLAN.json")
    week.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=_("a day of the week to show (default: today)"),
    )
    week.add_argument("--json", action="store_true", help=_("machine-readable week"))


def _exam_help() -> str:
    return _("the exam's code, e.g. DVA-C02 (any case)")


def _log_options(log: argparse.ArgumentParser) -> None:
    log.add_argument("plan", type=_path, metavar="PLAN.json")
    log.add_argument("--exam", required=True, metavar="CODE", help=_exam_help())
    log.add_argument("--hours", required=True, type=_session_hours, metavar="H")
    log.add_argument(
        "--date", type=_iso_date, metavar="YYYY-MM-DD", help=_("the day studied (default: today)")
    )
    log.add_argument("--note", default="", metavar="TEXT", help=_("what was studied"))
    log.add_argument(
        "--domain",
        type=_domain_number,
        metavar="N",
        help=_("the exam domain studied, by its number in the exam guide (see `show`)"),
    )


def _score_options(score: argparse.ArgumentParser) -> None:
    score.add_argument("plan", type=_path, metavar="PLAN.json")
    score.add_argument("--exam", required=True, metavar="CODE", help=_exam_help())
    score.add_argument("--percent", required=True, type=_percent, metavar="P")
    score.add_argument(
        "--date", type=_iso_date, metavar="YYYY-MM-DD", help=_("the day of the practice exam")
    )
    score.add_argument(
        "--source", default="", metavar="TEXT", help=_('e.g. "official practice set"')
    )
    score.add_argument(
        "--domain",
        type=_domain_result,
        action="append",
        default=[],
        metavar="N=RESULT",
        help=_(
            "a domain's result (repeatable): its number and a percent, 'meets' or "
            "'needs-improvement', e.g. --domain 2=55 --domain 3=meets"
        ),
    )


def _fee_options(fee: argparse.ArgumentParser) -> None:
    fee.add_argument("plan", type=_path, metavar="PLAN.json")
    fee.add_argument("--exam", required=True, metavar="CODE", help=_exam_help())
    fee.add_argument("--amount", type=_fee_amount, metavar="AMOUNT", help=_("e.g. 350 or 349.99"))
    fee.add_argument("--currency", type=_currency, metavar="CODE", help=_("e.g. EUR"))
    fee.add_argument(
        "--list-price",
        action="store_true",
        help=_("forget your own fee: count the catalog's list price again"),
    )


def _schema_options(_schema: argparse.ArgumentParser) -> None:
    """`schema` has no options of its own."""


def _print_options(prt: argparse.ArgumentParser) -> None:
    prt.add_argument("plan", type=_path, metavar="PLAN.json")
    prt.add_argument("-o", "--output", required=True, type=_path, metavar="OUT.pdf")
    prt.add_argument("--paper", choices=["a4", "letter"], default="a4")
    prt.add_argument("--landscape", action="store_true")


def _export_ics_options(ics: argparse.ArgumentParser) -> None:
    ics.add_argument("plan", type=_path, metavar="PLAN.json")
    ics.add_argument("-o", "--output", required=True, type=_path, metavar="OUT.ics")
    ics.add_argument("--study-blocks", action="store_true", help=_("also add the study windows"))


def _team_options(team: argparse.ArgumentParser) -> None:
    team.add_argument("folder", type=_path, metavar="FOLDER")
    team_output = team.add_mutually_exclusive_group()
    team_output.add_argument("--json", action="store_true", help=_("machine-readable roll-up"))
    team_output.add_argument(
        "--csv", action="store_true", help=_("one row per person and certification")
    )
    team_output.add_argument(
        "--pdf", type=_path, metavar="OUT.pdf", help=_("write the team report as a PDF")
    )
    team.add_argument("--paper", choices=["a4", "letter"], default="a4")
    team.add_argument("--landscape", action="store_true")


_OPTIONS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "catalog": _catalog_options,
    "suggest": _suggest_options,
    "show": _show_options,
    "week": _week_options,
    "log": _log_options,
    "score": _score_options,
    "fee": _fee_options,
    "schema": _schema_options,
    "print": _print_options,
    "export-ics": _export_ics_options,
    "team": _team_options,
}
"""Each command's options, by name (in ``COMMAND_NAMES``' order)."""


# Top-level options followed by a value, which is not a command or a plan path.
_OPTIONS_WITH_VALUE = {"--data-dir", "--screenshot", "--today", "--theme"}


def split_app_args(argv: list[str]) -> tuple[list[str], Path | None]:
    """``studyplanner PLAN.json`` opens the app: pull a lone plan path out before argparse."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in _OPTIONS_WITH_VALUE:
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        if arg not in COMMAND_NAMES and arg.endswith(".json"):
            return argv[:index] + argv[index + 1 :], _path(arg)
        break
    return argv, None
