"""The command line: the same domain, storage and export code as the app, without widgets.

Exit status: 0 on success; 2 on bad input, one line on stderr (a plan file that cannot be
used, a wrong option, an output that cannot be written: a folder, a device, a read-only file
or folder, a folder that does not exist, a full disk; or a plan that another StudyPlanner
holds, for `log` and `score`); 1 only on an unexpected failure (a bug). Standard output that
is closed, or whose reader stopped reading (`| head`), is not a failure: the command's work
is done (a `log` is saved) and it ends quietly with 0. Output that fails otherwise (a full
disk) ends `show`, `catalog` and `schema`, whose output is their work, with 2 and one line.

Every command takes "today" from ``--today`` (or the clock, read once in ``main``): schedules
are re-planned from that day, and the study log is history.
"""

from __future__ import annotations

import os
import sys

# As little as possible before the command line is read: `--version` answers from here, and
# `--help` loads only the parser (`cli_parser`), never pydantic, the domain or Qt. A command's
# own work is in `studyplanner.cli.commands`.
from studyplanner import bootstrap, version_text

# Not `from typing import TYPE_CHECKING`: importing typing makes --help some 18 % slower
# (benchmarks/bench_bootstrap.py). Type checkers read any `TYPE_CHECKING` name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

from studyplanner.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, UsageError  # noqa: E402

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILURE", "EXIT_OK", "UsageError", "main", "version_text"]


def _escape_what_the_terminal_cannot_show() -> None:
    """Text the output's encoding cannot carry (a Japanese plan name on a cp1252 console, a
    lone surrogate from a damaged file) is written as backslash escapes instead of ending the
    command in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # no console at all (a windowed build), or a plain StringIO
            continue
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # e.g. a closed stream
            continue


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit does not fail
    again on the pipe its reader closed (the recipe in Python's `signal` documentation)."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def _fill_closed_descriptors() -> None:
    """Give standard input, output and error the null device where they are closed
    (`studyplanner log ... >&-`), so that no file the command opens takes their number."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                devnull = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)


class _Output:
    """Standard output that never fails a command after the fact: the first write or flush
    that fails (a closed pipe, a full disk) is remembered, the rest of the output dropped."""

    def __init__(self, stream: object) -> None:
        self._stream = stream
        self.failure: OSError | None = None

    def write(self, text: str) -> int:
        if self.failure is None and self._stream is not None:
            try:
                return int(self._stream.write(text))  # type: ignore[attr-defined]
            except OSError as exc:
                self._lost(exc)
        return len(text)

    def flush(self) -> None:
        if self.failure is None and self._stream is not None:
            try:
                self._stream.flush()  # type: ignore[attr-defined]
            except OSError as exc:
                self._lost(exc)

    def _lost(self, exc: OSError) -> None:
        self.failure = exc
        _quiet_stdout()  # what is still buffered goes nowhere, without a second error

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


_OUTPUT_IS_THE_WORK = {"show", "week", "catalog", "schema", "team"}
"""Commands whose only result is their output: one that fails (other than a reader who
stopped reading) is reported. The others have done their work (saved, written) by then."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status (see the module's docstring)."""
    bootstrap.at_start()  # what a start needs besides its own work, and why: see there
    _fill_closed_descriptors()
    real = sys.stdout
    output = _Output(real)
    sys.stdout = output
    try:
        code = _run(argv)
        output.flush()  # a closed pipe shows here when the output fitted in the buffer
    except BrokenPipeError as exc:  # written past the guard (a print to sys.__stdout__)
        output.failure = exc
        _quiet_stdout()
        code = EXIT_OK
    finally:
        sys.stdout = real
        bootstrap.at_end()
    failure = output.failure
    if (
        failure is not None
        and code == EXIT_OK
        and _command_of(argv) in _OUTPUT_IS_THE_WORK
        and not isinstance(failure, BrokenPipeError | ConnectionResetError)
        and failure.errno not in _READER_GONE
    ):
        from studyplanner.i18n import _

        message = _("standard output cannot be written ({reason})").format(
            reason=failure.strerror or failure
        )
        if sys.stderr is not None:
            print(f"studyplanner: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return code


_READER_GONE = {9, 32}  # EBADF (closed), EPIPE (the reader stopped)


_COMMANDS = {
    "catalog",
    "suggest",
    "show",
    "week",
    "log",
    "score",
    "schema",
    "print",
    "export-ics",
    "team",
}


def _command_of(argv: Sequence[str] | None) -> str | None:
    args = list(sys.argv[1:] if argv is None else argv)
    return next((a for a in args if a in _COMMANDS), None)


def _run(argv: Sequence[str] | None) -> int:
    _escape_what_the_terminal_cannot_show()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # the quickest answer: nothing else is needed for it
        print(version_text())
        return EXIT_OK
    from studyplanner.cli.parser import build_parser, split_app_args
    from studyplanner.i18n import _, install, system_language
    from studyplanner.storage.reading import one_line

    language = _chosen_language(args_list)
    install(language or system_language())  # English where no catalog ships for it
    args_list, plan_to_open = split_app_args(args_list)
    parser = build_parser(args_list)  # only the command typed gets its options
    try:
        args = parser.parse_args(args_list)
        # Past parsing (`--help` has answered): what every command and the app need.
        from datetime import date

        from studyplanner.domain.catalog import CatalogError
        from studyplanner.storage import paths

        args.today_pinned = args.today  # the window shows a pinned day (issue 21)
        if args.today is None:
            args.today = date.today()  # the one place the command line reads the clock
        if args.data_dir is not None:
            paths.set_data_dir(args.data_dir)
        if args.screenshot and not args.smoke:
            raise UsageError(_("--screenshot goes with --smoke"))
        try:
            return _dispatch(args, plan_to_open)
        except CatalogError as exc:
            print(
                "studyplanner: " + _("catalog problem: {text}").format(text=one_line(str(exc))),
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"studyplanner: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise  # the reader of the output went away: main() ends quietly
    except OSError as exc:
        print(f"studyplanner: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE


def _chosen_language(args: Sequence[str], *, warn: bool = True) -> str | None:
    """The shipped language ``--lang CODE`` asks for, before the parser is built (its help is
    in that language); None without ``--lang``. A code StudyPlanner does not ship gives
    English and one line on stderr (``warn``), and the command goes on."""
    from studyplanner.i18n import LANGUAGES, SOURCE_LANGUAGE, shipped_language

    code = None
    for index, arg in enumerate(args):
        if arg == "--" or arg in _COMMANDS:  # a global option comes before the command
            break
        if arg == "--lang" and index + 1 < len(args):
            code = args[index + 1]
        elif arg.startswith("--lang="):
            code = arg.removeprefix("--lang=")
    if code is None:
        return None
    found = shipped_language(code)
    if found is None:
        if warn and sys.stderr is not None:
            print(
                f"studyplanner: no translation for {code!r}, using English "
                f"(available: {', '.join(sorted(LANGUAGES))})",
                file=sys.stderr,
            )
        return SOURCE_LANGUAGE
    return found


def _dispatch(args: argparse.Namespace, plan_to_open: Path | None) -> int:
    """The desktop app (no command), or the command's own work."""
    if args.command is None:
        bootstrap.before_the_window()
        from studyplanner.ui.app import run_app

        return run_app(
            plan_to_open,
            smoke=args.smoke,
            screenshot=args.screenshot,
            theme=args.theme,
            today=args.today_pinned,
            language=_chosen_language(["--lang", args.lang], warn=False) if args.lang else None,
        )
    from studyplanner.cli.commands import COMMANDS
    from studyplanner.diagnostics import configure_cli_logging

    bootstrap.command_loaded()
    configure_cli_logging()
    return COMMANDS[args.command](args)
