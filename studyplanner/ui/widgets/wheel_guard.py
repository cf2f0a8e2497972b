"""The mouse wheel scrolls; it never edits a field the person is not typing in.

Qt lets the wheel step any spin box, date box or combo box under the pointer, and even gives
it the keyboard on the way: scrolling *Plan settings* over its form changed "Years on AWS"
from 1 to 1.5 and switched the held certification (issue 21). One filter on the application
handles every such field, in panels, dialogs and table editors alike: a field takes the wheel
only while it has the keyboard (clicked or tabbed into); otherwise the wheel goes to the
scroll area around it. Fields also take the keyboard only from a click or Tab, not a wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish
FIELDS = (QAbstractSpinBox, QComboBox)
"""Spin boxes (numbers, dates) and combo boxes: the widgets that turn a wheel into a value."""


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area that holds ``widget`` (not a combo box's own list)."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return parent if isinstance(parent, QAbstractScrollArea) else None


class WheelGuard(QObject):
    """The application's event filter for wheel events on fields (see the module)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, FIELDS) and not watched.hasFocus():
                self._scroll_instead(watched, event)  # type: ignore[arg-type]
                return True
        elif (
            kind == _POLISH
            and isinstance(watched, FIELDS)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            # a wheel would give the field the keyboard before this filter sees it
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False

    @staticmethod
    def _scroll_instead(field: QWidget, event: QWheelEvent) -> None:
        """Hand the wheel to the scroll area around ``field``; with none, it does nothing."""
        event.accept()  # handled here: Qt must not offer it to the field's parents as well
        area = scroll_area_around(field)
        if area is None:
            return
        viewport = area.viewport()
        at = viewport.mapFromGlobal(event.globalPosition().toPoint()).toPointF()
        scroll = QWheelEvent(
            at,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
            event.pointingDevice(),
        )
        QApplication.sendEvent(viewport, scroll)


def guard_wheel(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (a second call returns the first guard)."""
    existing = app.findChild(WheelGuard, "wheel-guard")
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName("wheel-guard")
    app.installEventFilter(guard)
    return guard
