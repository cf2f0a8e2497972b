"""Keyboard focus stays where the person can see it: never in a panel whose tab is behind
another one.

Qt keeps the panels of a tab group that are not in front "visible" (``isVisible()`` is true;
only their ``visibleRegion()`` is empty), so its Tab order walked into the fields of
*Plan settings* while *Certification* was in front, where an arrow key then changed values
nobody could see. Here Tab and Shift+Tab skip such panels, focus that lands in one anyway (a
label's Alt+letter, a program's ``setFocus``) brings its tab to the front, and a panel sent
behind while it has the keyboard hands the keyboard to the panel now in front.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget


def dock_of(widget: QWidget, window: QMainWindow) -> QDockWidget | None:
    """The panel (dock) of ``window`` that holds ``widget``, if any."""
    current: QWidget | None = widget
    while current is not None and current is not window:
        if isinstance(current, QDockWidget):
            return current
        current = current.parentWidget()
    return None


def behind_a_tab(dock: QDockWidget, window: QMainWindow) -> bool:
    """True for a panel tabbed with others whose tab is not the one in front."""
    return (
        not dock.isFloating()
        and bool(window.tabifiedDockWidgets(dock))
        and dock.visibleRegion().isEmpty()
    )


def out_of_sight(widget: QWidget, window: QMainWindow) -> bool:
    """True when ``widget`` sits in a panel whose tab is not in front."""
    dock = dock_of(widget, window)
    return dock is not None and behind_a_tab(dock, window)


def _deepest_proxy(widget: QWidget) -> QWidget | None:
    proxy = widget.focusProxy()
    while proxy is not None and proxy.focusProxy() is not None:
        proxy = proxy.focusProxy()
    return proxy


def takes_tab_focus(widget: QWidget, window: QMainWindow) -> bool:
    """Whether Tab may stop at ``widget``: Qt's own rules, plus "its panel is in front"."""
    tab_all = (
        QGuiApplication.styleHints().tabFocusBehavior() == Qt.TabFocusBehavior.TabFocusAllControls
    )
    wanted = Qt.FocusPolicy.TabFocus if tab_all else Qt.FocusPolicy.StrongFocus
    proxy = _deepest_proxy(widget)
    holder = proxy if proxy is not None else widget
    policy = holder.focusPolicy() if holder.isEnabled() else Qt.FocusPolicy.NoFocus
    return (
        (policy.value & wanted.value) == wanted.value
        and widget.isVisibleTo(window)
        and widget.isEnabled()
        and not out_of_sight(widget, window)
    )


def next_in_tab_order(window: QMainWindow, forward: bool) -> QWidget | None:
    """Where Tab (``forward``) or Shift+Tab goes from the focused widget of ``window``,
    skipping panels behind a tab; None when there is nowhere else to go.

    The walk follows Qt's (``QApplicationPrivate::focusNextPrevChild_helper``): along the focus
    chain, stepping over the inner parts of compound widgets such as spin boxes.
    """
    start = window.focusWidget() or window
    found: QWidget | None = None
    candidate = start.nextInFocusChain()
    while candidate is not None and candidate is not start:
        proxy = _deepest_proxy(candidate)
        composite = proxy is not None and (
            proxy.isAncestorOf(candidate) if forward else candidate.isAncestorOf(proxy)
        )
        if (
            candidate.window() is window
            and not composite
            and proxy is not start
            and takes_tab_focus(candidate, window)
        ):
            found = candidate
            if forward:
                break
        candidate = candidate.nextInFocusChain()
    return found


def first_focus_in(area: QWidget, window: QMainWindow) -> QWidget | None:
    """The first widget in ``area`` that Tab would stop at."""
    candidate = area.nextInFocusChain()
    while candidate is not None and candidate is not area:
        if area.isAncestorOf(candidate) and takes_tab_focus(candidate, window):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


class DockFocusGuard(QObject):
    """Keeps the keyboard out of panels whose tab is behind another (see the module)."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._docks = docks
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        for dock in docks:
            dock.visibilityChanged.connect(self._on_visibility_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self._window.isAncestorOf(new):
            return
        dock = dock_of(new, self._window)
        if dock is not None and behind_a_tab(dock, self._window):
            dock.raise_()  # an Alt+letter or a program put the keyboard there: show it

    def _on_visibility_changed(self, visible: bool) -> None:
        if not visible:
            # Qt tells before the new front tab is laid out: look once it is
            QTimer.singleShot(0, self, self._rescue_focus)

    def _rescue_focus(self) -> None:
        """The keyboard is in a panel that went behind another tab: give it to the panel now
        in front of that group, else to the window's next stop."""
        window = self._window
        focused = QApplication.focusWidget()
        if focused is None or not shiboken6.isValid(window) or not window.isAncestorOf(focused):
            return
        dock = dock_of(focused, window)
        if dock is None or not behind_a_tab(dock, window):
            return
        for other in window.tabifiedDockWidgets(dock):
            if not behind_a_tab(other, window):
                target = first_focus_in(other, window)
                if target is not None:
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        target = next_in_tab_order(window, True)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            focused.clearFocus()
