"""When something fails inside the app the user gets one dialog that names the log and says
the plan is safe, the failure is in the log with its traceback, and Help › Open Log Folder
shows that folder."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from studyplanner import diagnostics
from studyplanner.storage import paths
from studyplanner.ui.dialogs import crash_dialog, crash_reporter
from studyplanner.ui.dialogs.crash_dialog import CrashDialog, crash_message, open_log_folder
from studyplanner.ui.dialogs.crash_reporter import CrashReporter

# These tests install their own exception hooks: pytest-qt must not catch the exceptions first.
pytestmark = pytest.mark.qt_no_exception_capture


class ShownDialogs(list[Path | None]):
    """The log file named by each crash dialog that would have been shown."""


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownDialogs:
    dialogs = ShownDialogs()

    def ask(cls: type[CrashDialog], _parent: object, log_file: Path | None) -> None:
        dialogs.append(log_file)

    monkeypatch.setattr(CrashDialog, "ask", classmethod(ask))
    return dialogs


@pytest.fixture
def reporter(data_dir: Path, qapp: QApplication) -> Iterator[CrashReporter]:
    """Diagnostics as the app starts them: log file, hooks, one reporter."""
    log_file = diagnostics.configure_app_logging()
    reporter = CrashReporter(log_file)
    diagnostics.install_exception_hooks(reporter.report)
    yield reporter
    diagnostics.shutdown()


def failing_button(qtbot: QtBot) -> QPushButton:
    button = QPushButton("Export")

    def export() -> None:
        raise ZeroDivisionError("no weeks to spread the hours over")

    button.clicked.connect(export)
    qtbot.addWidget(button)
    return button


def log_text() -> str:
    for handler in logging.getLogger(diagnostics.LOGGER_NAME).handlers:
        handler.flush()
    return diagnostics.log_file_path().read_text(encoding="utf-8")


def test_a_failing_slot_is_logged_and_the_user_told_where(
    qtbot: QtBot, reporter: CrashReporter, shown: ShownDialogs, data_dir: Path
) -> None:
    qtbot.mouseClick(failing_button(qtbot), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown == [data_dir / "logs" / "studyplanner.log"]
    text = log_text()
    assert "Uncaught exception" in text
    assert "in export" in text  # the traceback names the slot
    assert "ZeroDivisionError: no weeks to spread the hours over" in text


def test_a_burst_of_failures_shows_one_dialog_and_a_later_one_another(
    qtbot: QtBot, reporter: CrashReporter, shown: ShownDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crash_reporter, "QUIET_AFTER_DIALOG_MS", 0)
    button = failing_button(qtbot)

    with qtbot.waitSignal(reporter.ready_again):
        for _ in range(3):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert len(shown) == 1
    assert log_text().count("ZeroDivisionError: no weeks") == 3  # every one is logged

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2)


def test_a_failure_on_a_worker_thread_opens_the_dialog_on_the_gui_thread(
    qtbot: QtBot, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []

    def ask(cls: type[CrashDialog], _parent: object, _log_file: Path | None) -> None:
        threads.append(threading.current_thread())

    monkeypatch.setattr(CrashDialog, "ask", classmethod(ask))

    def work() -> None:
        raise RuntimeError("calendar export failed")

    worker = threading.Thread(target=work, name="ics-export")
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: len(threads) == 1)
    assert threads == [threading.main_thread()]
    assert "Uncaught exception in thread ics-export" in log_text()
    assert "RuntimeError: calendar export failed" in log_text()


THEN_WAIT_FOR_THE_DIALOG = """
def look():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(10, look)
        return
    print("shown:", box.text())
    box.close()
    app.quit()

QTimer.singleShot(0, fail)
QTimer.singleShot(0, look)
QTimer.singleShot(20_000, app.quit)
app.exec()
"""
"""The end of a fresh app's script: ``fail`` runs once the loop does, and the text of the
dialog that comes is printed."""


def run_fresh_app(script: str, data_dir: Path) -> list[str]:
    """What a fresh app running ``script``, then waiting for the dialog, printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", paths.ENV_VAR: str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", script + THEN_WAIT_FOR_THE_DIALOG],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.splitlines()


A_FAILURE_IN_A_FRESH_APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from studyplanner import diagnostics
from studyplanner.ui.dialogs.crash_reporter import CrashReporter

app = QApplication([])
reporter = CrashReporter(diagnostics.configure_app_logging(), app)
diagnostics.install_exception_hooks(reporter.report)
print("dialog module loaded at start:", "studyplanner.ui.dialogs.crash_dialog" in sys.modules)

def fail():
    raise ZeroDivisionError("no weeks to spread the hours over")

"""


def test_the_dialog_loads_with_the_first_failure_and_shows(data_dir: Path) -> None:
    """The start does not load the dialog's module (tests/test_start_order.py); a failure
    still shows the dialog."""
    assert run_fresh_app(A_FAILURE_IN_A_FRESH_APP, data_dir) == [
        "dialog module loaded at start: False",
        "shown: Something went wrong inside StudyPlanner.",
    ]


A_FAILURE_AFTER_THE_FIRST_PAINT_WITH_NO_FILES_LEFT = """
import os, resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from studyplanner import diagnostics
from studyplanner.ui.dialogs.crash_reporter import CrashReporter
from studyplanner.ui.widgets.first_paint import after_first_paint

app = QApplication([])
reporter = CrashReporter(diagnostics.configure_app_logging(), app)
diagnostics.install_exception_hooks(reporter.report)
window = QMainWindow()
after_first_paint(window, reporter.load_dialog)
print("loaded before the paint:", reporter.dialog_loaded)
held = []

def fail():
    if not reporter.dialog_loaded:
        QTimer.singleShot(10, fail)
        return
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, limit[1]))
    try:
        while True:
            held.append(open(os.devnull))
    except OSError as exc:
        raise OSError(f"plan autosave failed: {exc}")

window.show()
"""


@pytest.mark.posix  # file-descriptor limits
def test_a_failure_after_the_first_paint_shows_the_dialog_with_no_files_left(
    data_dir: Path,
) -> None:
    """Running out of open files is a classic cause of a failure: the dialog's module is loaded
    once the window has painted, so the failure still shows it (it cannot be read then)."""
    assert run_fresh_app(A_FAILURE_AFTER_THE_FIRST_PAINT_WITH_NO_FILES_LEFT, data_dir) == [
        "loaded before the paint: False",
        "shown: Something went wrong inside StudyPlanner.",
    ]


class FakeDesktop:
    """Stands in for QDesktopServices: records what the app asked the desktop to open."""

    opened: list[QUrl]

    def __init__(self) -> None:
        self.opened = []

    def openUrl(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> FakeDesktop:
    fake = FakeDesktop()
    monkeypatch.setattr(crash_dialog, "QDesktopServices", fake)
    return fake


def test_open_log_folder_shows_the_logs_folder_even_before_anything_was_logged(
    desktop: FakeDesktop, data_dir: Path
) -> None:
    assert open_log_folder()

    assert (data_dir / "logs").is_dir()
    assert [url.toLocalFile() for url in desktop.opened] == [str(data_dir / "logs")]


def test_the_dialog_reassures_names_the_log_and_opens_its_folder(
    qtbot: QtBot, desktop: FakeDesktop, data_dir: Path
) -> None:
    log_file = data_dir / "logs" / "studyplanner.log"
    seen: list[str] = []

    def press_open_log_folder() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press_open_log_folder)  # not shown yet
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        [button] = [b for b in box.buttons() if b.text() == "Open Log Folder"]
        button.click()

    QTimer.singleShot(0, press_open_log_folder)
    CrashDialog.ask(None, log_file)

    [text] = seen
    assert "Something went wrong inside StudyPlanner." in text
    assert "Your plan is saved automatically" in text
    assert str(log_file) in text
    assert [url.toLocalFile() for url in desktop.opened] == [str(data_dir / "logs")]


def test_the_message_admits_when_there_is_no_log_file() -> None:
    assert "could not be written to a log file" in crash_message(None)
    assert "read-only" not in crash_message(None)
    assert "saved automatically" in crash_message(None)


def test_the_app_started_with_a_data_dir_logs_there(tmp_path: Path) -> None:
    """The whole start as a user runs it, ``--data-dir`` included: log and crash trace."""
    data = tmp_path / "chosen"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(paths.ENV_VAR, None)  # --data-dir alone says where; the real home stays untouched
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "home" / "share")
    started = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--data-dir", str(data), "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert started.returncode == 0, started.stderr
    log = (data / "logs" / "studyplanner.log").read_text(encoding="utf-8")
    assert "StudyPlanner" in log and "starting" in log
    assert (data / "logs" / "crash.log").is_file()
    assert not (tmp_path / "home" / "share" / "StudyPlanner").exists()


def test_the_dialog_names_logs_that_is_a_file_as_the_cause(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 20: it blamed a read-only data folder
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "logs").write_text("", encoding="utf-8")
    assert diagnostics.configure_app_logging() is None
    try:
        message = crash_message(None)
    finally:
        diagnostics.shutdown()
    assert "is a file, not a folder" in message
    assert "read-only" not in message
