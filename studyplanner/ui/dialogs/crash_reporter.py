"""Turns a burst of uncaught exceptions (from any thread) into a single crash dialog.

``diagnostics`` logs every uncaught exception and tells the reporter; the reporter opens the
dialog of ``crash_dialog`` from the event loop. The app loads that module just after its
window's first paint (:meth:`CrashReporter.load_dialog`), not before: a failure that comes
later, even one from too many open files, finds the dialog already loaded.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from studyplanner.ui.dialogs.crash_dialog import CrashDialog

QUIET_AFTER_DIALOG_MS = 3000
"""After the dialog closes, errors are only logged for this long: a failure that repeats on
every repaint must not reopen the dialog the moment the user closes it."""


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
        self._dialog: type[CrashDialog] | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, _exc: BaseException) -> None:
        """Ask for the dialog, unless one is already due or showing (safe from any thread)."""
        with self._lock:
            if self._busy:
                return
            self._busy = True
        self._arrived.emit()

    @property
    def dialog_loaded(self) -> bool:
        return self._dialog is not None

    @Slot()
    def load_dialog(self) -> type[CrashDialog]:
        """Load the dialog's module now, while files can still be opened (a failure may come
        from running out of them)."""
        if self._dialog is None:
            from studyplanner.ui.dialogs.crash_dialog import CrashDialog

            self._dialog = CrashDialog
        return self._dialog

    @Slot()
    def _show(self) -> None:
        try:
            # loaded after the window's first paint; before it, loaded here
            self.load_dialog().ask(QApplication.activeWindow(), self.log_file)
        finally:
            QTimer.singleShot(QUIET_AFTER_DIALOG_MS, self, self._ready_again)

    @Slot()
    def _ready_again(self) -> None:
        with self._lock:
            self._busy = False
        self.ready_again.emit()
