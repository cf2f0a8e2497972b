"""F6 and Shift+F6: move the keyboard from pane to pane (the ladder, the timeline, the panel in
front of each group of tabs, the warnings), as in a browser or a mail client; Ctrl+1 to
Ctrl+5 go straight to one panel, bringing its tab to the front (shown again if it was
closed).

Tab cannot leave every pane (the notes field types a tab, the views use the arrow keys), so
this is the way in and out of each one. A pane is entered where the keyboard last was in it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from studyplanner.i18n import N_, _
from studyplanner.ui.app_info import running_app
from studyplanner.ui.window.dock_focus import behind_a_tab, can_take_focus, enter

PANEL_MENU_TEXT = {
    "dock-details": N_("&Certification"),
    "dock-entry": N_("E&xam in Plan"),
    "dock-settings": N_("Plan &Settings"),
    "dock-progress": N_("Pro&gress"),
    "dock-warnings": N_("&Warnings"),
}
"""The View menu's names of the panels (with their Alt+letter)."""


class PaneCycle(QObject):
    """*Next Pane* (F6) and *Previous Pane* (Shift+F6) over ``views`` (each pane's main
    widget, always shown) and then ``docks`` (those shown and in front)."""

    def __init__(
        self,
        window: QMainWindow,
        views: list[tuple[QWidget, QWidget]],
        docks: list[QDockWidget],
    ) -> None:
        """``views``: (pane, widget the keyboard goes to) for the central panes."""
        super().__init__(window)
        self._window = window
        self._views = views
        self._docks = docks
        self._last: dict[int, QWidget] = {}
        """Per pane (by id of the pane widget): where the keyboard last was in it."""
        self.next_pane = QAction(_("Next &Pane"), window)
        self.next_pane.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.next_pane.setStatusTip(_("Move the keyboard to the next pane"))
        self.previous_pane = QAction(_("Pre&vious Pane"), window)
        self.previous_pane.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6))
        self.previous_pane.setStatusTip(_("Move the keyboard to the previous pane"))
        self.next_pane.triggered.connect(self.go_next)
        self.previous_pane.triggered.connect(self.go_previous)
        self.panel_actions = [self._panel_action(dock, n) for n, dock in enumerate(docks, 1)]
        running_app().focusChanged.connect(self._on_focus_changed)

    def _panel_action(self, dock: QDockWidget, number: int) -> QAction:
        """*View › (panel)*, Ctrl+number: that panel in front, with the keyboard in it."""
        text = PANEL_MENU_TEXT.get(dock.objectName())
        action = QAction(_(text) if text else dock.windowTitle(), self._window)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.setStatusTip(_("Bring the panel to the front and move the keyboard into it"))
        action.triggered.connect(self._bring_chosen_to_front)  # a bound method: no cycle
        return action

    @Slot()
    def _bring_chosen_to_front(self) -> None:
        action = self.sender()
        for dock, panel_action in zip(self._docks, self.panel_actions, strict=True):
            if panel_action is action:
                self.bring_to_front(dock)

    def bring_to_front(self, dock: QDockWidget) -> None:
        """Show ``dock`` (also after it was closed), put its tab in front and enter it."""
        dock.show()
        dock.raise_()
        if dock.isFloating():
            dock.activateWindow()
        self._enter(dock)

    @property
    def actions(self) -> list[QAction]:
        return [self.next_pane, self.previous_pane]

    def panes(self) -> list[QWidget]:
        """The panes the keyboard can go to now, in cycle order."""
        shown = [dock for dock in self._docks if dock.isVisible()]
        return [pane for pane, _ in self._views] + [
            dock for dock in shown if not behind_a_tab(dock, self._window)
        ]

    def current(self) -> QWidget | None:
        """The pane that has the keyboard, if any."""
        focused = QApplication.focusWidget()
        if focused is None:
            return None
        for pane in self.panes():
            if pane is focused or pane.isAncestorOf(focused):
                return pane
        return None

    def go_next(self) -> None:
        self._go(1)

    def go_previous(self) -> None:
        self._go(-1)

    def _go(self, step: int) -> None:
        panes = self.panes()
        current = self.current()
        start = panes.index(current) if current in panes else (-1 if step > 0 else 0)
        for offset in range(1, len(panes) + 1):
            if self._enter(panes[(start + step * offset) % len(panes)]):
                return

    def _enter(self, pane: QWidget) -> bool:
        """Where the keyboard last was in ``pane``, else its view, else its first Tab stop."""
        last = self._last.get(id(pane))
        if last is not None and can_take_focus(last, self._window) and pane.isAncestorOf(last):
            last.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        for view_pane, view in self._views:
            if view_pane is pane:
                view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        content = pane.widget() if isinstance(pane, QDockWidget) else pane
        return content is not None and enter(content, self._window)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self._window):
            return
        for pane in self.panes():
            if pane.isAncestorOf(new):
                self._last[id(pane)] = new
                return
