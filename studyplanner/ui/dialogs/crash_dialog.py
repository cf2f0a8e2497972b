"""The one dialog a user sees when something fails inside the app, and Help › Open Log Folder.

``diagnostics`` logs every uncaught exception; ``CrashReporter`` turns a burst of them (from
any thread) into a single dialog that names the log file and says the plan is safe, because
autosave keeps writing it while the dialog is open.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from studyplanner import APP_NAME, diagnostics
from studyplanner.i18n import _
from studyplanner.storage import paths

QUIET_AFTER_DIALOG_MS = 3000
"""After the dialog closes, errors are only logged for this long: a failure that repeats on
every repaint must not reopen the dialog the moment the user closes it."""


def open_log_folder() -> bool:
    """Show the log folder in the system's file manager (Help › Open Log Folder).

    The folder is created first, so the command works before anything was logged. Returns
    False when no file manager could be asked.
    """
    folder = paths.logs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def crash_message(log_file: Path | None) -> str:
    """What the dialog says beneath its headline: the plan is safe, and where the details are."""
    where = (
        _("The details were written to {file}.").format(file=log_file)
        if log_file is not None
        else _("The details could not be written to a log file: {reason}.").format(
            reason=diagnostics.why_no_log_file() or _("the log folder cannot be written")
        )
    )
    return _(
        "Your plan is saved automatically, so your work is safe. If something looks wrong, "
        "close {app} and open it again.\n\n{where}"
    ).format(app=APP_NAME, where=where)


class CrashDialog:
    """The dialog itself, behind a classmethod that tests replace."""

    @classmethod
    def ask(cls, parent: QWidget | None, log_file: Path | None) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(APP_NAME)
        box.setText(_("Something went wrong inside {app}.").format(app=APP_NAME))
        box.setInformativeText(crash_message(log_file))
        open_folder = box.addButton(_("Open Log Folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_folder:
            open_log_folder()


class CrashReporter(QObject):
    """Shows ``CrashDialog`` once for a burst of uncaught exceptions, whichever thread raised.

    Pass ``report`` to ``diagnostics.install_exception_hooks``. The dialog opens from the event
    loop (a queued call), never inside the failing slot or on a worker thread.
    """

    _arrived = Signal()
    ready_again = Signal()
    """The quiet time after a dialog is over: the next failure shows the dialog again."""

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._lock = threading.Lock()
        self._busy = False  # a dialog is due, open, or just closed
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, _exc: BaseException) -> None:
        """Ask for the dialog, unless one is already due or showing (safe from any thread)."""
        with self._lock:
            if self._busy:
                return
            self._busy = True
        self._arrived.emit()

    @Slot()
    def _show(self) -> None:
        try:
            CrashDialog.ask(QApplication.activeWindow(), self.log_file)
        finally:
            QTimer.singleShot(QUIET_AFTER_DIALOG_MS, self, self._ready_again)

    @Slot()
    def _ready_again(self) -> None:
        with self._lock:
            self._busy = False
        self.ready_again.emit()
