"""The window's panels and where they start: *Certification*, *Exam in plan*, *Plan
settings* and *Progress* tabbed on the right with *Certification* in front, *Warnings* under
them. A layout the person made replaces this at start (``window_state``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from studyplanner.i18n import _
from studyplanner.ui.window.frame import make_dock


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
    window.resizeDocks([details_dock], [380], Qt.Orientation.Horizontal)
    window.resizeDocks([details_dock, warnings_dock], [620, 180], Qt.Orientation.Vertical)
    details_dock.raise_()
    return [details_dock, entry_dock, settings_dock, progress_dock, warnings_dock]
