"""The viewport of a painted view, made here rather than by Qt.

Qt gives every scroll area a plain widget to paint in. The first time Python asks for that
widget (``viewport()``), PySide does not know it yet and looks through every widget class Qt
has to name it, creating each: some 70 classes and 12 ms on the way to the first paint. A
viewport made here is one Python already knows, and is the same widget Qt would have made.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def own_viewport(view: QAbstractScrollArea) -> QWidget:
    """Give ``view`` a viewport made as Qt makes its own (named as Qt names it, filled with
    the palette's Base colour) and return it."""
    viewport = QWidget(view)
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)
    return viewport
