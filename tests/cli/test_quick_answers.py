"""`--version` and `--help` answer at once (issue 14): they load neither pydantic, the domain's
models nor Qt, and the parser offers exactly the commands there are. A command loads what it
needs and not the other commands' modules (issue 22)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner.cli.commands import COMMANDS
from studyplanner.cli.parser import COMMAND_NAMES, build_parser
from studyplanner.storage.plan_files import save_plan
from tests.export.plans import small_plan

HEAVY = {
    "pydantic",
    "pydantic_core",
    "PySide6",
    "PySide6.QtCore",
    "studyplanner.domain.plan",
    "studyplanner.domain.catalog",
}

WHAT_WAS_LOADED = """
import sys
from studyplanner.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print("LOADED:" + ",".join(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["suggest", "--help"]])
def test_quick_answers_load_nothing_heavy(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WHAT_WAS_LOADED, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip(), "nothing was printed"
    loaded = done.stderr.split("LOADED:")[1].strip().split(",")
    assert sorted(HEAVY.intersection(loaded)) == []


def test_the_parser_offers_every_command_and_no_other() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert list(commands.choices) == list(COMMAND_NAMES)
    assert set(COMMAND_NAMES) == set(COMMANDS)


@pytest.mark.parametrize("columns", [60, 200])
def test_help_wraps_to_the_terminal_width(columns: int) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(columns)},
        timeout=60,
        check=True,
    )
    widest = max(len(line) for line in done.stdout.splitlines())
    assert widest <= columns
    assert widest > 80 if columns > 80 else widest > 40


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def test_the_parser_built_for_what_was_typed_answers_as_the_whole_one() -> None:
    """The command line builds only the typed command's options: `--help` and each command's
    own help read exactly as with every command's options built."""
    whole = build_parser()
    assert build_parser(["--help"]).format_help() == whole.format_help()
    for name, command in _subparsers(whole).items():
        typed = _subparsers(build_parser(["--today", "2027-01-04", name]))[name]
        assert typed.format_help() == command.format_help()


def test_a_command_typed_gets_its_options_and_the_window_none() -> None:
    args = build_parser(["show", "plan.json", "--json"]).parse_args(["show", "plan.json", "--json"])
    assert (args.command, args.json) == ("show", True)
    window = build_parser(["--smoke"])
    assert window.parse_args(["--smoke"]).command is None
    assert all(len(p._actions) == 1 for p in _subparsers(window).values())  # only -h


def test_a_command_loads_its_own_module_and_no_other_commands(tmp_path: Path) -> None:
    """`show` needs nothing of the team roll-up, the week or the editing commands: each
    command's module (and what it alone needs) loads only when that command runs."""
    plan_file = tmp_path / "plan.json"
    save_plan(small_plan(), plan_file)
    show = ["show", str(plan_file), "--json"]
    done = subprocess.run(
        [sys.executable, "-c", WHAT_WAS_LOADED, "--data-dir", str(tmp_path / "data"), *show],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(done.stdout)  # the command did its work
    loaded = set(done.stderr.split("LOADED:")[1].strip().split(","))
    assert "studyplanner.cli.show" in loaded
    others = {
        "studyplanner.cli.edit",
        "studyplanner.cli.new_plan",
        "studyplanner.cli.output",
        "studyplanner.cli.team",
        "studyplanner.cli.week",
        "studyplanner.domain.team",
        "studyplanner.domain.week",
        "studyplanner.domain.catalog_diff",
        "studyplanner.storage.team_folder",
    }
    assert sorted(others & loaded) == []
