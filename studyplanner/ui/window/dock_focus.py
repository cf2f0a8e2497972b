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

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabBar, QWidget

from studyplanner.ui.app_info import running_app


def dock_of(widget: QWidget, window: QMainWindow) -> QDockWidget | None:
    """The panel (dock) of ``window`` that holds ``widget``, if any."""
    for dock in window.findChildren(QDockWidget):
        if dock.isAncestorOf(widget):
            return dock
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


def can_take_focus(widget: QWidget, window: QMainWindow) -> bool:
    """Whether ``widget`` may have the keyboard: shown, enabled and with its panel in front."""
    try:
        return (
            shiboken6.isValid(widget)
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and not out_of_sight(widget, window)
        )
    except RuntimeError:  # a wrapper whose widget Qt has deleted
        return False


def _holds(area: QWidget, widget: QWidget | None) -> bool:
    try:
        return widget is not None and area.isAncestorOf(widget)
    except RuntimeError:  # a stale wrapper: Qt deleted that widget
        return False


@contextmanager
def panels_behind_tabs_skipped(window: QMainWindow, docks: list[QDockWidget]) -> Iterator[None]:
    """For one step of Qt's Tab order: the panels behind a tab are disabled, so Qt's own walk
    (with all its rules for compound widgets) passes them by; they are enabled again after.

    The walk is Qt's, not one in Python, because Python cannot safely look at every widget
    in the focus chain: some are Qt's own and may be gone behind a stale wrapper.
    """
    keep_tab_off_dock_tabs(window)
    focused = QApplication.focusWidget()
    skipped = []
    for dock in docks:
        content = dock.widget()
        if (
            content is not None
            and content.isEnabled()
            and behind_a_tab(dock, window)
            and not _holds(content, focused)
        ):
            content.setEnabled(False)
            skipped.append(content)
    try:
        yield
    finally:
        for content in skipped:
            content.setEnabled(True)


def keep_tab_off_dock_tabs(window: QMainWindow) -> None:
    """The tabs of the panels (and their scroll arrows) are for the mouse: Ctrl+1 to Ctrl+5
    and F6 bring a panel to the front. As Tab stops, they sat between the timeline and the
    panel's fields, and a layout restored at start brought new ones Qt lets Tab stop on even
    where they show nothing (issue 21). Qt makes these bars as it needs them, so this runs
    before every Tab step."""
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        for widget in (bar, *bar.findChildren(QWidget)):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def enter(area: QWidget, window: QMainWindow) -> bool:
    """Put the keyboard on the first Tab stop inside ``area``, else on ``area`` itself (a
    panel with nothing to type into can still be reached and read). True if it got there."""
    area.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if area.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return area.hasFocus()
    window.focusNextPrevChild(True)
    focused = QApplication.focusWidget()
    if focused is None or not area.isAncestorOf(focused):
        area.setFocus(Qt.FocusReason.ShortcutFocusReason)
    focused = QApplication.focusWidget()
    return focused is not None and (focused is area or area.isAncestorOf(focused))


class DockFocusGuard(QObject):
    """Keeps the keyboard out of panels whose tab is behind another (see the module)."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._docks = docks
        running_app().focusChanged.connect(self._on_focus_changed)
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
        if not shiboken6.isValid(window) or not window.isVisible() or window.isMinimized():
            return  # a hidden window's panels all look "behind a tab"
        if focused is None or not window.isAncestorOf(focused):
            return
        dock = dock_of(focused, window)
        if dock is None or not behind_a_tab(dock, window):
            return
        for other in window.tabifiedDockWidgets(dock):
            if not behind_a_tab(other, window) and other.widget() is not None:
                enter(other.widget(), window)
                return
        window.focusNextPrevChild(True)
