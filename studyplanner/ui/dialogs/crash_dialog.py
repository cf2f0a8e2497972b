"""The one dialog a user sees when something fails inside the app, and Help › Open Log Folder.

``diagnostics`` logs every uncaught exception; ``crash_reporter.CrashReporter`` turns a burst
of them (from any thread) into a single dialog, this one: it names the log file and says the
plan is safe, because autosave keeps writing it while the dialog is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from studyplanner import APP_NAME, diagnostics
from studyplanner.i18n import _
from studyplanner.storage import paths


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
