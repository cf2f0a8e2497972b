"""The window's panels and where they start: *Certification*, *Exam in plan*, *Plan
settings* and *Progress* tabbed on the right with *Certification* in front, *Warnings* under
them. A layout the person made replaces this at start (``window_state``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from studyplanner.i18n import _
from studyplanner.ui.window.frame import make_dock

DOCK_WIDTH = 380
TAB_PADDING = 25
"""A tab's frame and margins around its text, in the Fusion style the app uses (English needs
379 pixels for the four titles, so it keeps its 380)."""


def room_for_tabs(window: QWidget, titles: list[str]) -> int:
    """How wide the panels must be for every tab to show its whole title: in German or
    Japanese the four titles need more than the 380 pixels English does, and a tab bar that
    has no room elides them ('Zertifizie…')."""
    metrics = window.fontMetrics()
    return sum(metrics.horizontalAdvance(title) + TAB_PADDING for title in titles)


def arrange_docks(
    window: QMainWindow,
    details: QWidget,
    entry: QWidget,
    settings: QWidget,
    progress: QWidget,
    warnings: QWidget,
) -> list[QDockWidget]:
    """The five docks, in this order (the order of the View menu and of F6)."""
    details_dock = make_dock(window, _("Certification"), details, "details")
    entry_dock = make_dock(window, _("Exam in plan"), entry, "entry")
    settings_dock = make_dock(window, _("Plan settings"), settings, "settings")
    progress_dock = make_dock(window, _("Progress"), progress, "progress")
    warnings_dock = make_dock(window, _("Warnings"), warnings, "warnings")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, details_dock)
    window.splitDockWidget(details_dock, warnings_dock, Qt.Orientation.Vertical)
    window.tabifyDockWidget(details_dock, entry_dock)
    window.tabifyDockWidget(entry_dock, settings_dock)
    window.tabifyDockWidget(settings_dock, progress_dock)
    tabbed = [details_dock, entry_dock, settings_dock, progress_dock]
    wide = max(DOCK_WIDTH, room_for_tabs(window, [dock.windowTitle() for dock in tabbed]))
    window.resizeDocks([details_dock], [wide], Qt.Orientation.Horizontal)
    window.resizeDocks([details_dock, warnings_dock], [620, 180], Qt.Orientation.Vertical)
    details_dock.raise_()
    return [details_dock, entry_dock, settings_dock, progress_dock, warnings_dock]
