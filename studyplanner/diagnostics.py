"""What the app leaves behind when something goes wrong: a rotating log, a crash trace, and
hooks that turn uncaught exceptions into log entries instead of silence.

Qt-free on purpose: the command line and the app share it, and
``ui/dialogs/crash_dialog.py`` adds the one dialog on top. Modules log through
``logging.getLogger(__name__)``; everything under the
``studyplanner`` logger reaches the file configured here.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from studyplanner import APP_NAME, __version__
from studyplanner.i18n import _
from studyplanner.storage import paths

LOGGER_NAME = "studyplanner"
LOG_FILE_NAME = "studyplanner.log"
CRASH_FILE_NAME = "crash.log"
PREVIOUS_CRASH_FILE_NAME = "crash.previous.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
FILE_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
STDERR_FORMAT = "studyplanner: %(levelname)s: %(message)s"

ExceptionListener = Callable[[BaseException], None]
"""Told about an uncaught exception after it was logged (the app shows its dialog)."""

logger = logging.getLogger(__name__)

_installed_handlers: list[logging.Handler] = []
_no_log_file: str | None = None
_crash_file: IO[str] | None = None
_previous_hooks: (
    tuple[
        Callable[[type[BaseException], BaseException, TracebackType | None], object],
        Callable[[threading.ExceptHookArgs], object],
    ]
    | None
) = None


def log_file_path() -> Path:
    """The current log file (older ones sit beside it as ``.1`` ... ``.5``)."""
    return paths.logs_dir() / LOG_FILE_NAME


def crash_file_path() -> Path:
    """Where ``faulthandler`` writes the Python stacks of a hard crash (segfault, abort)."""
    return paths.logs_dir() / CRASH_FILE_NAME


def why_no_log_file() -> str | None:
    """Why the app logs to stderr only, as a phrase for the user (None when it has a file)."""
    return _no_log_file


def unusable_target(path: Path) -> str | None:
    """Why ``path`` cannot take a log or crash trace without risk, or None. A pipe, device
    or folder there would block ``open()`` or take the app's lines elsewhere, and a ``logs``
    that is a file makes every write fail: neither is a read-only data folder."""
    for place, wanted, reason in (
        (path.parent, stat.S_ISDIR, _("{path} is a file, not a folder")),
        (path, stat.S_ISREG, _("{path} is not a regular file")),
    ):
        try:
            mode = os.stat(place).st_mode
        except OSError:
            return None  # missing (created below) or unreadable (open() will say why)
        if not wanted(mode):
            return reason.format(path=place)
    return None


def _forget_handlers() -> None:
    package = logging.getLogger(LOGGER_NAME)
    for handler in _installed_handlers:
        package.removeHandler(handler)
        handler.close()
    _installed_handlers.clear()


def _stderr_handler() -> logging.Handler | None:
    # A windowed build (PyInstaller --windowed) has no stderr at all.
    if sys.stderr is None:
        return None
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(STDERR_FORMAT))
    return handler


def _install(handlers: list[logging.Handler], level: int) -> None:
    _forget_handlers()
    package = logging.getLogger(LOGGER_NAME)
    package.setLevel(level)
    for handler in handlers:
        package.addHandler(handler)
        _installed_handlers.append(handler)


def configure_cli_logging() -> None:
    """Warnings on stderr, no file: a command-line run is short and its user is watching."""
    handler = _stderr_handler()
    _install([handler] if handler is not None else [], logging.WARNING)


def configure_app_logging(*, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the data folder's ``logs/`` and warnings to stderr.

    Returns the log file, or None when it cannot be written (read-only data folder, disk
    full): the app then starts anyway and logs to stderr only. Calling it again replaces what
    an earlier call installed.
    """
    global _no_log_file
    stderr = _stderr_handler()
    handlers: list[logging.Handler] = [stderr] if stderr is not None else []
    log_file = log_file_path()
    _no_log_file = unusable_target(log_file)
    if _no_log_file is not None:
        _install(handlers, level)
        logger.warning("Logging to stderr only: %s", _no_log_file)
        return None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        import logging.handlers  # the app's log file only: the commands log to stderr

        to_file = logging.handlers.RotatingFileHandler(
            log_file,
            maxBytes=LOG_MAX_BYTES,
            backupCount=LOG_BACKUPS,
            encoding="utf-8",
            errors="backslashreplace",  # a path that is not UTF-8 still gets its line
        )
    except OSError as exc:
        _install(handlers, level)
        _no_log_file = _("the log folder cannot be written ({error})").format(
            error=exc.strerror or exc
        )
        logger.warning("Logging to stderr only: %s", _no_log_file)
        return None
    to_file.setFormatter(logging.Formatter(FILE_FORMAT))
    _install([*handlers, to_file], level)
    import platform

    # Not platform.platform(): it reads the Python binary for the C library's version (6 ms).
    system = platform.uname()
    logger.info(
        "%s %s starting (Python %s, %s %s %s)",
        APP_NAME,
        __version__,
        platform.python_version(),
        system.system,
        system.release,
        system.machine,
    )
    return log_file


def enable_crash_trace() -> Path | None:
    """Let ``faulthandler`` write the stacks of a hard crash to ``logs/crash.log``.

    A trace left by the previous run is kept as ``crash.previous.log`` and mentioned in the
    log, so the next start does not overwrite the only evidence. Returns the trace file, or
    None when only stderr (if any) can receive it.
    """
    global _crash_file
    target = crash_file_path()
    previous = target.with_name(PREVIOUS_CRASH_FILE_NAME)
    problem = unusable_target(target)
    try:
        if problem is not None:
            raise OSError(problem)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file() and target.stat().st_size > 0:
            target.replace(previous)
            logger.warning("The previous run crashed; its trace is in %s", previous)
        crash_file = target.open("w", encoding="utf-8")
    except OSError as exc:
        logger.warning("No crash trace file (%s)", exc)
        # to stderr where there is one; none, or one without a file descriptor, is no error
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            faulthandler.enable(all_threads=True)
        return None
    faulthandler.enable(crash_file, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file  # faulthandler writes to its descriptor: keep it open
    return target


def disable_crash_trace() -> None:
    """Stop writing crash traces to our file and close it (tests; the end of a run)."""
    global _crash_file
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


def install_exception_hooks(listener: ExceptionListener | None = None) -> None:
    """Log every uncaught exception, on any thread, with its traceback, then tell ``listener``.

    Ctrl+C still ends the program the usual way. The listener runs on the thread that failed;
    a listener that fails itself is logged and never raises from the hook.
    """
    global _previous_hooks
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)

    def tell(exc: BaseException) -> None:
        if listener is None:
            return
        try:
            listener(exc)
        except Exception:
            logger.exception("Reporting an uncaught exception failed")

    def on_uncaught(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logger.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
        tell(exc)

    def on_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return  # what threading's default hook ignores too
        name = args.thread.name if args.thread is not None else "?"
        logger.critical(
            "Uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        tell(args.exc_value)

    sys.excepthook = on_uncaught
    threading.excepthook = on_uncaught_in_thread


def uninstall_exception_hooks() -> None:
    """Put back the hooks that were there before ``install_exception_hooks``."""
    global _previous_hooks
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None


def shutdown() -> None:
    """Undo everything this module set up: hooks, crash trace, handlers (tests; app exit)."""
    uninstall_exception_hooks()
    disable_crash_trace()
    _forget_handlers()
    logging.getLogger(LOGGER_NAME).setLevel(logging.NOTSET)
