"""*Help › Keyboard Shortcuts*: every key the window answers to, read from its menus (so the
list cannot fall behind them) plus the keys that belong to a view rather than a menu."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner.i18n import N_, _

VIEW_KEYS = (
    (N_("Ladder"), N_("Arrow keys"), N_("Move to the next card in that direction")),
    (N_("Ladder"), N_("Enter"), N_("Add the selected certification to the plan")),
    (N_("Timeline"), N_("Up, Down"), N_("Select the previous or next exam")),
    (N_("Timeline"), N_("Ctrl+wheel"), N_("Zoom")),
    (N_("Anywhere"), N_("Tab, Shift+Tab"), N_("Next or previous field in the pane")),
    (N_("Date fields"), N_("Type 10 Jan 2024 or 2024-01-10"), N_("Set the date")),
    (N_("Date fields"), N_("Alt+Down, F4"), N_("Open the calendar")),
    (N_("Fields"), N_("Mouse wheel"), N_("Changes a field only while it has the keyboard")),
)
"""Keys a view handles itself (no menu item to read them from)."""


def plain(text: str) -> str:
    """A menu text without its Alt-letter marker ("Zoom &In" -> "Zoom In")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, keys, what) for every menu item of ``window`` that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, title)
                continue
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText)
                for key in action.shortcuts()
                if not key.isEmpty()
            )
            if keys:
                # the icon text: "Undo", where the menu says "Undo Change start date"
                rows.append((title, keys, plain(action.iconText())))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(top.text()))
    return rows


class ShortcutsDialog(QDialog):
    """The list, grouped by menu, then the keys of the views."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(_("Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Keys"), _("What they do")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        groups: dict[str, QTreeWidgetItem] = {}
        rows = menu_shortcuts(window) + [(_(a), _(b), _(c)) for a, b, c in VIEW_KEYS]
        for group, keys, what in rows:
            parent_item = groups.get(group)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self.tree, [group])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFirstColumnSpanned(True)
                groups[group] = parent_item
            QTreeWidgetItem(parent_item, [keys, what])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what) of every line shown, for tests and screen readers alike."""
        result = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            children = [group.child(n) for n in range(group.childCount())] if group else []
            result += [(item.text(0), item.text(1)) for item in children if item is not None]
        return result
