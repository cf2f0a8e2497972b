"""How the main window sizes itself and makes its docks: pieces of construction kept out of
``main_window.py`` so that it stays a place that composes and wires."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget


def fit_to_screen(window: QMainWindow, preferred: QSize) -> None:
    """Start at ``preferred`` size, or 92 % of a smaller screen (a 1366x768 laptop)."""
    # not window.screen(): after this window is freed, PySide deletes the QScreen that wrapper
    # pointed to and the next window crashes (tests/ui/test_lifetimes.py)
    screen = QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size() * 0.92
        preferred = preferred.boundedTo(room)
    window.resize(preferred)


def make_dock(window: QMainWindow, title: str, widget: QWidget, name: str) -> QDockWidget:
    """A movable, floatable, closable dock named ``dock-NAME`` (its state is saved by name)."""
    dock = QDockWidget(title, window)
    dock.setObjectName(f"dock-{name}")
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock
