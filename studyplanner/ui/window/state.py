"""The window as it was left: its size and place, the panels' layout and the tab in front of
each group, kept in the app settings at quit and put back at start; and how small it may get."""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from studyplanner.storage.settings import (
    LAYOUT_VERSION,
    AppSettings,
    DockArea,
    DockPlace,
    WindowLayout,
    read_layout,
)
from studyplanner.ui.window.dock_focus import behind_a_tab
from studyplanner.ui.window.frame import docks_of

log = logging.getLogger(__name__)

_start_groups: weakref.WeakKeyDictionary[QMainWindow, dict[str, set[str]]] = (
    weakref.WeakKeyDictionary()
)
"""Per window, each panel's tab siblings when the window was built: a panel closed since
is kept in its tab group (Qt does not name the siblings of a hidden panel)."""

_AREAS: dict[DockArea, Qt.DockWidgetArea] = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}


def _area_name(window: QMainWindow, dock: QDockWidget) -> DockArea:
    area = window.dockWidgetArea(dock)
    for name, value in _AREAS.items():
        if value == area:
            return name
    return "right"


def remember_window(window: QMainWindow, settings: AppSettings) -> None:
    """Keep ``window``'s place, size and panel layout in ``settings`` (the caller saves them)."""
    docks = docks_of(window)
    group_of: dict[str, int] = {}
    places: list[DockPlace] = []
    siblings = _start_groups.get(window, {})
    for dock in sorted(docks, key=lambda d: d.isHidden()):  # shown panels name the groups
        name = dock.objectName()
        if name not in group_of and dock.isHidden():
            for other in docks:  # a closed panel stays with a sibling it had, where it is
                if (
                    other.objectName() in siblings.get(name, set())
                    and other.objectName() in group_of
                    and not other.isHidden()
                    and not other.isFloating()
                ):
                    group_of[name] = group_of[other.objectName()]
                    break
        if name not in group_of:
            group = len(set(group_of.values()))
            group_of[name] = group
            if not dock.isFloating():
                for other in window.tabifiedDockWidgets(dock):
                    group_of.setdefault(other.objectName(), group)
        rect = dock.geometry()
        area = _area_name(window, dock)
        if dock.isHidden() and name in siblings:
            area = next(
                (p.area for p in places if p.group == group_of[name] and not p.floating), area
            )
        places.append(
            DockPlace(
                name=name,
                area=area,
                group=group_of[name],
                front=not behind_a_tab(dock, window),
                visible=not dock.isHidden(),
                floating=dock.isFloating(),
                x=rect.x(),
                y=rect.y(),
                width=rect.width(),
                height=rect.height(),
            )
        )
    maximized = window.isMaximized()
    frame = window.normalGeometry() if maximized else window.geometry()
    layout = WindowLayout(
        version=LAYOUT_VERSION,
        x=frame.x(),
        y=frame.y(),
        width=frame.width(),
        height=frame.height(),
        maximized=maximized,
        docks=sorted(places, key=lambda p: p.group),
    )
    settings.window_layout = layout.model_dump(mode="json")


def on_a_screen(rect: QRect) -> QRect:
    """``rect`` moved (and shrunk if need be) into the available area of the screen it
    overlaps most, or of the primary screen when it overlaps none."""
    screens = QApplication.screens()
    if not screens:
        return rect
    best = max(screens, key=lambda s: _overlap(s.availableGeometry(), rect))
    if _overlap(best.availableGeometry(), rect) == 0:
        primary = QApplication.primaryScreen()
        best = primary if primary is not None else screens[0]
    room = best.availableGeometry()
    size = rect.size().boundedTo(room.size()).expandedTo(QSize(1, 1))
    x = min(max(rect.x(), room.left()), room.left() + room.width() - size.width())
    y = min(max(rect.y(), room.top()), room.top() + room.height() - size.height())
    return QRect(x, y, size.width(), size.height())


def _overlap(a: QRect, b: QRect) -> int:
    both = a.intersected(b)
    return max(0, both.width()) * max(0, both.height())


def restore_window(window: QMainWindow, settings: AppSettings) -> bool:
    """Put back what ``remember_window`` kept; False (the built-in layout stays, with one
    logged line) when there is nothing, or any of it cannot be used."""
    restored = _restore(window, settings)
    _start_groups[window] = {
        dock.objectName(): {other.objectName() for other in window.tabifiedDockWidgets(dock)}
        for dock in docks_of(window)
    }
    return restored


def _restore(window: QMainWindow, settings: AppSettings) -> bool:
    raw = settings.window_layout
    if raw is None:
        return False
    docks = {d.objectName(): d for d in docks_of(window)}
    try:
        layout = read_layout(raw, set(docks))
    except ValueError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        log.warning("Saved window layout ignored, using the default layout: %s", reason)
        return False
    size = QSize(layout.width, layout.height).expandedTo(window.minimumSize())
    rect = QRect(layout.x, layout.y, size.width(), size.height())
    placed = on_a_screen(rect)
    if placed != rect:
        log.info("Saved window place %s moved onto the screen", (layout.x, layout.y))
    window.setGeometry(placed)
    if layout.maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    _arrange(window, layout, docks)
    return True


def _arrange(window: QMainWindow, layout: WindowLayout, docks: dict[str, QDockWidget]) -> None:
    for dock in docks.values():
        window.removeDockWidget(dock)
    heads: dict[int, QDockWidget] = {}
    for place in layout.docks:
        dock = docks[place.name]
        head = heads.get(place.group)
        if head is None or place.floating:
            window.addDockWidget(_AREAS[place.area], dock)
            heads.setdefault(place.group, dock)
        else:
            window.tabifyDockWidget(head, dock)
    for place in layout.docks:
        dock = docks[place.name]
        if place.floating:
            dock.setFloating(True)
            dock.setGeometry(on_a_screen(QRect(place.x, place.y, place.width, place.height)))
        dock.setVisible(place.visible)
    for area in ("left", "right", "top", "bottom"):
        firsts: dict[int, DockPlace] = {}
        for p in layout.docks:
            if p.area == area and not p.floating and p.visible:
                firsts.setdefault(p.group, p)
        if not firsts:
            continue
        ordered = [docks[p.name] for p in firsts.values()]
        side = area in ("left", "right")
        across = [max(1, p.width if side else p.height) for p in firsts.values()]
        along = [max(1, p.height if side else p.width) for p in firsts.values()]
        first, second = (
            (Qt.Orientation.Horizontal, Qt.Orientation.Vertical)
            if side
            else (Qt.Orientation.Vertical, Qt.Orientation.Horizontal)
        )
        window.resizeDocks(ordered[:1], across[:1], first)
        window.resizeDocks(ordered, along, second)
    main_layout = window.layout()
    if main_layout is not None:
        main_layout.activate()  # the tab bars exist from here on, so raise_() picks a tab
    fronts: dict[int, DockPlace] = {}
    for place in layout.docks:
        if place.visible and not place.floating and (place.front or place.group not in fronts):
            fronts[place.group] = place
    for place in fronts.values():  # the saved front tab, else the group's first
        docks[place.name].raise_()


def sensible_minimum(window: QMainWindow) -> QSize:
    """The smallest the window may get: what its panes need without squeezing one below its
    own minimum, and never less than about 70 characters by 30 lines of the app font (so a
    larger font gives a larger minimum), yet never more than the screen can show."""
    metrics = window.fontMetrics()
    floor = QSize(metrics.averageCharWidth() * 70, metrics.lineSpacing() * 30)
    minimum = window.minimumSizeHint().expandedTo(floor)
    screen = QApplication.primaryScreen()  # not window.screen(): see window_frame.fit_to_screen
    if screen is not None:
        minimum = minimum.boundedTo(screen.availableGeometry().size())
    return minimum


def set_sensible_minimum(window: QMainWindow) -> None:
    window.setMinimumSize(sensible_minimum(window))
