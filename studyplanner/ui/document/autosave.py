"""Autosave: a plan is written within two seconds of the last change, and on exit.

The save goes through the storage layer (atomic, with backups). A failure is reported through
``failed`` and the plan stays dirty in memory, so nothing is lost and the next change retries.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from studyplanner.i18n import _
from studyplanner.storage.plan_files import PlanFileError, save_plan
from studyplanner.ui.document.plan_document import PlanDocument

AUTOSAVE_DELAY_MS = 1500


class Autosaver(QObject):
    saved = Signal(str)
    failed = Signal(str)
    pending_changed = Signal(bool)

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._pending = False
        self._saved_since_open = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        document.undo_stack.indexChanged.connect(self._on_edit)
        document.opened.connect(self._on_opened)

    @property
    def pending(self) -> bool:
        return self._pending

    def _set_pending(self, pending: bool) -> None:
        if pending != self._pending:
            self._pending = pending
            self.pending_changed.emit(pending)

    def _on_opened(self) -> None:
        self._saved_since_open = False
        self._timer.stop()
        self._set_pending(False)

    def _on_edit(self, _index: int) -> None:
        stack = self._document.undo_stack
        if not shiboken6.isValid(stack):
            return  # the stack announces its own destruction: nothing left to save
        if self._document.read_only or self._document.path is None:
            return
        if self._document.undo_stack.isClean():
            self._timer.stop()
            self._set_pending(False)
            return
        self._set_pending(True)
        self._timer.start()

    def mark_dirty(self) -> None:
        """Something outside the undo stack changed the plan (e.g. Save As)."""
        self._set_pending(True)
        self._timer.start()

    def flush(self) -> bool:
        """Save now if anything is pending. Returns False if the save failed."""
        self._timer.stop()
        document = self._document
        if not self._pending or document.read_only or document.path is None:
            return True
        try:
            # the first save after opening always keeps the file as it was (a backup)
            save_plan(
                document.current_plan,
                document.path,
                first_save_in_session=not self._saved_since_open,
            )
        except PlanFileError as exc:
            self.failed.emit(str(exc))
            return False
        except OSError as exc:
            self.failed.emit(
                _("{file}: could not be saved ({reason})").format(file=document.path, reason=exc)
            )
            return False
        self._saved_since_open = True
        document.undo_stack.setClean()
        self._set_pending(False)
        self.saved.emit(str(document.path))
        return True
