"""Work that waits until a window is on screen: what nobody can use before the window shows
(the wheel guard, the crash dialog) is set up right after its first paint, not before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Watches one window for its first paint, then runs the work once (and goes)."""

    def __init__(self, window: QWidget, then: Callable[[], Any]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # from the event loop, once the paint is done: the window shows first
            QTimer.singleShot(0, self._window, self._then)
            self.deleteLater()
        return False


def after_first_paint(window: QWidget, then: Callable[[], Any]) -> None:
    """Run ``then`` from the event loop once ``window`` has first painted (its answer unused)."""
    window.installEventFilter(_FirstPaint(window, then))
