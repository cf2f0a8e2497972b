"""Keeps the document's "today" true while the app stays open: at midnight, and whenever the
app comes back to the front (a laptop woken the next morning), the document reads its clock
again and, if the day changed, re-plans from the new day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

from studyplanner.ui.document.plan_document import PlanDocument

MARGIN_MS = 2000
"""Fire a little after midnight, so the clock has surely turned."""


def ms_to_next_midnight(now: datetime) -> int:
    """Milliseconds from ``now`` to the next local midnight, plus ``MARGIN_MS``."""
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
    return int((midnight - now).total_seconds() * 1000) + MARGIN_MS


class MidnightWatch(QObject):
    """A single-shot timer to the next midnight, armed again each time it fires."""

    def __init__(
        self,
        document: PlanDocument,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._now = now
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state_changed)
        self._arm()

    def _arm(self) -> None:
        self.timer.start(ms_to_next_midnight(self._now()))

    @Slot()
    def check(self) -> bool:
        """Read the day again (the views redraw if it changed) and wait for the next midnight.
        True if the day changed."""
        changed = self._document.refresh_today()
        self._arm()
        return changed

    @Slot(Qt.ApplicationState)
    def _on_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
