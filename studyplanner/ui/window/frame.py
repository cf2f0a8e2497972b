"""How the main window sizes itself and makes its docks: pieces of construction kept out of
``main_window.py`` so that it stays a place that composes and wires."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

_docks_made: weakref.WeakKeyDictionary[QMainWindow, list[weakref.ref[QDockWidget]]] = (
    weakref.WeakKeyDictionary()
)
"""Each window's docks, in the order made (held weakly: a closed window is freed). Asking Qt
for a window's children instead makes Python name each of them, some of Qt's private classes,
which costs a look through many classes on the way to the first paint."""


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
    _docks_made.setdefault(window, []).append(weakref.ref(dock))
    dock.setObjectName(f"dock-{name}")
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock


def docks_of(window: QMainWindow) -> list[QDockWidget]:
    """The docks :func:`make_dock` made for ``window`` (and that still belong to it)."""
    docks: list[QDockWidget] = []
    for made in _docks_made.get(window, []):
        dock = made()
        if dock is not None and dock.parent() is window:
            docks.append(dock)
    return docks
