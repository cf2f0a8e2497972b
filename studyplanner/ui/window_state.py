"""The window as it was left: its size and place, the panels' layout and the tab in front of
each group, kept in the app settings at quit and put back at start; and how small it may get."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QApplication, QMainWindow

from studyplanner.storage.settings import AppSettings

STATE_VERSION = 1
"""Raised when the panels change so much that an old layout should not be restored."""

log = logging.getLogger(__name__)


def _encoded(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decoded(text: str | None) -> QByteArray | None:
    if not text:
        return None
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError:
        return None
    return QByteArray.fromBase64(QByteArray(raw))


def remember_window(window: QMainWindow, settings: AppSettings) -> None:
    """Keep ``window``'s geometry and panel layout in ``settings`` (the caller saves them)."""
    settings.window_geometry = _encoded(window.saveGeometry())
    settings.window_state = _encoded(window.saveState(STATE_VERSION))


def restore_window(window: QMainWindow, settings: AppSettings) -> bool:
    """Put back what ``remember_window`` kept; False (the built-in layout stays) when there is
    nothing, or it cannot be used."""
    geometry = _decoded(settings.window_geometry)
    state = _decoded(settings.window_state)
    restored = False
    if geometry is not None and not geometry.isEmpty():
        restored = window.restoreGeometry(geometry)
        if not restored:
            log.info("saved window geometry ignored: Qt could not use it")
    if state is not None and not state.isEmpty():
        if window.restoreState(state, STATE_VERSION):
            restored = True
        else:
            log.info("saved panel layout ignored: Qt could not use it")
    return restored


def sensible_minimum(window: QMainWindow) -> QSize:
    """The smallest the window may get: what its panes need without squeezing one below its
    own minimum, and never less than about 70 characters by 30 lines of the app font (so a
    larger font gives a larger minimum), yet never more than the screen can show."""
    metrics = window.fontMetrics()
    floor = QSize(metrics.averageCharWidth() * 70, metrics.lineSpacing() * 30)
    minimum = window.minimumSizeHint().expandedTo(floor)
    screen = QApplication.primaryScreen()  # not window.screen(): see window_frame.fit_to_screen
    if screen is not None:
        minimum = minimum.boundedTo(screen.availableGeometry().size())
    return minimum


def set_sensible_minimum(window: QMainWindow) -> None:
    window.setMinimumSize(sensible_minimum(window))
