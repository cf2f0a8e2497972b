"""The mouse wheel scrolls; it never edits a field the person is not typing in.

Qt lets the wheel step any spin box, date box or combo box under the pointer, and even gives
it the keyboard on the way: scrolling *Plan settings* over its form changed "Years on AWS"
from 1 to 1.5 and switched the held certification (issue 21). One filter on the application
handles every such field, in panels, dialogs and table editors alike: a field takes the wheel
only while it has the keyboard (clicked or tabbed into); otherwise the wheel goes to the
scroll area around it. Fields also take the keyboard only from a click or Tab, not a wheel.

The filter goes on once the main window has painted (:func:`guard_wheel_once_painted`): a
filter on the application sees every object and event, and the first sight of each kind of
object costs Python a lookup through Qt's classes, some 30 ms that the window would otherwise
wait for before it first shows. Nobody can turn a wheel over a window not yet on screen; the
fields made before then are put right when the filter goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from studyplanner.ui.widgets.first_paint import after_first_paint

_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


def wheel_fields() -> tuple[type[QWidget], ...]:
    """Spin boxes (numbers, dates) and combo boxes: the widgets that turn a wheel into a value.
    Named when the guard goes on, not when the window's modules load (PySide builds a Qt class
    on its first mention, and the first paint needs neither)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    return (QAbstractSpinBox, QComboBox)


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

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = wheel_fields()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, self.fields) and not watched.hasFocus():
                self._scroll_instead(watched, event)  # type: ignore[arg-type]
                return True
        elif (
            kind == _POLISH
            and isinstance(watched, self.fields)
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
    """Install the guard on ``app`` (once: a second call keeps the first guard), and give the
    fields that already exist the keyboard only from a click or Tab."""
    guard = app.findChild(WheelGuard, "wheel-guard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheel-guard")
    app.installEventFilter(guard)  # Qt keeps one entry per filter: installing again is harmless
    for window in app.topLevelWidgets():
        for kind in guard.fields:
            for field in window.findChildren(kind):
                if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard


def guard_wheel_once_painted(window: QWidget) -> None:
    """Guard the application's fields from the wheel once ``window`` has first painted."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        after_first_paint(window, lambda: guard_wheel(app))
