"""`--version` and `--help` answer at once (issue 14): they load neither pydantic, the domain's
models nor Qt, and the parser offers exactly the commands there are."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from studyplanner.cli.commands import COMMANDS
from studyplanner.cli.parser import COMMAND_NAMES, build_parser

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
