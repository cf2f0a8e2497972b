"""Diagnostics without Qt: the log lands in the data folder, uncaught exceptions on any thread
are written there with their traceback, and a hard crash leaves its stacks behind."""

from __future__ import annotations

import faulthandler
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner import diagnostics
from studyplanner.storage import paths


@pytest.fixture(autouse=True)
def clean_diagnostics(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test ends with nothing installed (hooks, handlers, crash file); it asks for
    monkeypatch so that this runs while a test's patches of faulthandler still hold."""
    yield
    diagnostics.shutdown()


def log_text() -> str:
    for handler in logging.getLogger(diagnostics.LOGGER_NAME).handlers:
        handler.flush()
    return diagnostics.log_file_path().read_text(encoding="utf-8")


def test_the_log_lives_in_the_data_folder_and_says_what_started(data_dir: Path) -> None:
    log_file = diagnostics.configure_app_logging()

    assert log_file == data_dir / "logs" / "studyplanner.log"
    assert paths.logs_dir() == data_dir / "logs"
    assert "StudyPlanner" in log_text() and "starting" in log_text()


def test_a_module_warning_reaches_the_log_file_and_stderr(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diagnostics.configure_app_logging()

    logging.getLogger("studyplanner.storage.settings").warning("settings.json is damaged")

    assert "WARNING  studyplanner.storage.settings: settings.json is damaged" in log_text()
    assert "studyplanner: WARNING: settings.json is damaged" in capsys.readouterr().err


def test_the_log_rotates_instead_of_growing_without_end(data_dir: Path) -> None:
    diagnostics.configure_app_logging()
    chatty = logging.getLogger("studyplanner.test")
    line = "x" * 1000
    for _ in range(diagnostics.LOG_MAX_BYTES // 1000 + 50):
        chatty.info(line)

    logs = data_dir / "logs"
    assert (logs / "studyplanner.log.1").is_file()
    assert (logs / "studyplanner.log").stat().st_size <= diagnostics.LOG_MAX_BYTES


def test_an_unwritable_data_folder_still_lets_the_app_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a file where the data folder should be: nothing can be created inside it, even by root
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_VAR, str(blocked))
    monkeypatch.setattr(faulthandler, "enable", lambda *args, **kwargs: None)
    monkeypatch.setattr(faulthandler, "disable", lambda: None)

    assert diagnostics.configure_app_logging() is None
    assert diagnostics.enable_crash_trace() is None

    err = capsys.readouterr().err
    assert "Logging to stderr only" in err
    logging.getLogger("studyplanner.ui").warning("still heard")
    assert "still heard" in capsys.readouterr().err


def test_the_command_line_warns_on_stderr_and_writes_no_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diagnostics.configure_cli_logging()

    logging.getLogger("studyplanner.storage.locks").warning("a stale lock was taken over")
    logging.getLogger("studyplanner.storage.locks").info("routine detail")

    err = capsys.readouterr().err
    assert "a stale lock was taken over" in err
    assert "routine detail" not in err
    assert not (data_dir / "logs").exists()


def test_an_uncaught_exception_is_logged_with_its_traceback_and_reported(
    data_dir: Path,
) -> None:
    diagnostics.configure_app_logging()
    heard: list[BaseException] = []
    diagnostics.install_exception_hooks(heard.append)

    try:
        raise ValueError("the ladder lost a rung")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    text = log_text()
    assert "CRITICAL studyplanner.diagnostics: Uncaught exception" in text
    assert "Traceback (most recent call last)" in text
    assert "ValueError: the ladder lost a rung" in text
    assert [str(exc) for exc in heard] == ["the ladder lost a rung"]


def test_an_exception_on_a_worker_thread_is_logged_and_reported(data_dir: Path) -> None:
    diagnostics.configure_app_logging()
    heard: list[BaseException] = []
    diagnostics.install_exception_hooks(heard.append)

    def work() -> None:
        raise RuntimeError("export thread failed")

    worker = threading.Thread(target=work, name="pdf-export")
    worker.start()
    worker.join()

    text = log_text()
    assert "Uncaught exception in thread pdf-export" in text
    assert "RuntimeError: export thread failed" in text
    assert [type(exc) for exc in heard] == [RuntimeError]


def test_a_failing_listener_is_logged_not_raised(data_dir: Path) -> None:
    diagnostics.configure_app_logging()

    def broken(_exc: BaseException) -> None:
        raise OSError("no display")

    diagnostics.install_exception_hooks(broken)
    try:
        raise KeyError("first")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    assert "Reporting an uncaught exception failed" in log_text()
    assert "OSError: no display" in log_text()


def test_ctrl_c_is_left_to_python_and_the_hooks_come_off_again() -> None:
    before = (sys.excepthook, threading.excepthook)
    heard: list[BaseException] = []
    diagnostics.install_exception_hooks(heard.append)
    assert sys.excepthook is not before[0]
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # Python's default prints it
    assert heard == []

    diagnostics.uninstall_exception_hooks()
    assert (sys.excepthook, threading.excepthook) == before


def test_a_crash_trace_from_the_last_run_is_kept_and_mentioned(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pytest's own faulthandler stays as it is: only the file handling is under test here
    monkeypatch.setattr(faulthandler, "enable", lambda *args, **kwargs: None)
    monkeypatch.setattr(faulthandler, "disable", lambda: None)
    logs = data_dir / "logs"
    logs.mkdir(parents=True)
    (logs / "crash.log").write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    diagnostics.configure_app_logging()

    assert diagnostics.enable_crash_trace() == logs / "crash.log"

    assert (logs / "crash.previous.log").read_text(encoding="utf-8").startswith("Fatal Python")
    assert (logs / "crash.log").read_text(encoding="utf-8") == ""
    assert "The previous run crashed" in log_text()


CRASH = """
import faulthandler
from studyplanner import diagnostics
diagnostics.enable_crash_trace()
faulthandler._sigsegv()
"""


def test_a_hard_crash_leaves_its_stack_in_the_crash_log(data_dir: Path) -> None:
    env = {**os.environ, paths.ENV_VAR: str(data_dir)}
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH], env=env, capture_output=True, text=True, timeout=60
    )

    assert crashed.returncode != 0
    trace = (data_dir / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in trace
    assert "line 5" in trace  # the Python line that was running when it died


# --- issue 20: start-up never blocks on a log that is not a regular file ------------------


@pytest.mark.posix
@pytest.mark.parametrize("name", [diagnostics.LOG_FILE_NAME, diagnostics.CRASH_FILE_NAME])
def test_a_fifo_in_logs_is_never_opened(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    monkeypatch.setattr(faulthandler, "enable", lambda *args, **kwargs: None)
    monkeypatch.setattr(faulthandler, "disable", lambda: None)
    logs = data_dir / "logs"
    logs.mkdir(parents=True)
    os.mkfifo(logs / name)  # open() for writing would wait for a reader for ever

    if name == diagnostics.LOG_FILE_NAME:
        assert diagnostics.configure_app_logging() is None
        reason = diagnostics.why_no_log_file()
        assert reason is not None and "not a regular file" in reason
        assert "not a regular file" in capsys.readouterr().err
    else:
        diagnostics.configure_cli_logging()  # warnings on stderr
        assert diagnostics.enable_crash_trace() is None
        assert "not a regular file" in capsys.readouterr().err


def test_logs_that_is_a_file_is_named_as_the_cause(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "logs").write_text("", encoding="utf-8")

    assert diagnostics.configure_app_logging() is None
    reason = diagnostics.why_no_log_file()
    assert reason == f"{data_dir / 'logs'} is a file, not a folder"
    assert "read-only" not in reason
    assert "is a file, not a folder" in capsys.readouterr().err


@pytest.mark.posix
def test_the_app_starts_with_a_fifo_as_its_log_file(tmp_path: Path) -> None:
    """``--smoke`` as a process: a FIFO in logs/ used to hang the start in open()."""
    (tmp_path / "logs").mkdir()
    os.mkfifo(tmp_path / "logs" / diagnostics.LOG_FILE_NAME)
    os.mkfifo(tmp_path / "logs" / diagnostics.CRASH_FILE_NAME)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", paths.ENV_VAR: str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "first paint after" in result.stdout
    assert "not a regular file" in result.stderr
