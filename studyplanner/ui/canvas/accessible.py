"""What a screen reader hears of the canvases: each ladder card and each plan entry as an item
of a list, with its name, description and state.

A QGraphicsView is one opaque widget to assistive technology. The views here describe their
items through two small protocols, and a factory installed with ``QAccessible.installFactory``
turns them into ``QAccessibleInterface``s: the view becomes a list whose children are its
items. Every item is a QObject (a card is a QGraphicsObject; a timeline row has a stand-in), so
Qt's accessibility cache owns each interface and drops it when the object goes, which is the
lifetime PySide6 supports for Python-made interfaces.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleObject,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

__all__ = [
    "AccessibleItem",
    "AccessibleItemView",
    "ItemInterface",
    "ItemViewInterface",
    "announce_focus",
    "install",
]


@runtime_checkable
class AccessibleItem(Protocol):
    """An item a view shows: a card, a plan entry."""

    def accessible_name(self) -> str: ...

    def accessible_description(self) -> str: ...

    def accessible_selected(self) -> bool: ...

    def accessible_focused(self) -> bool: ...

    def accessible_rect(self) -> QRect:
        """Where the item is on the screen (global coordinates)."""
        ...

    def accessible_view(self) -> QWidget: ...


@runtime_checkable
class AccessibleItemView(Protocol):
    """A view whose items are listed for assistive technology, in reading order."""

    def accessible_items(self) -> list[QObject]: ...


class ItemInterface(QAccessibleObject):
    """One item of a view, as a selectable list item."""

    def __init__(self, item: QObject) -> None:
        super().__init__(item)
        self._item = item

    def _described(self) -> AccessibleItem:
        return self._item  # type: ignore[return-value]

    def window(self) -> QWindow | None:  # type: ignore[override]
        view = self._described().accessible_view()
        return view.window().windowHandle()

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return QAccessible.queryAccessibleInterface(self._described().accessible_view())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        item = self._described()
        if kind == QAccessible.Text.Name:
            return item.accessible_name()
        if kind == QAccessible.Text.Description:
            return item.accessible_description()
        return ""

    def state(self) -> QAccessible.State:
        item = self._described()
        state = QAccessible.State()
        state.selectable = True
        state.focusable = True
        state.selected = item.accessible_selected()
        state.focused = item.accessible_focused()
        return state

    def rect(self) -> QRect:
        return self._described().accessible_rect()


class ItemViewInterface(QAccessibleWidget):
    """A canvas as a list: its items are its children."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view, QAccessible.Role.List)
        self._view = view

    def _items(self) -> list[QObject]:
        return self._view.accessible_items()  # type: ignore[attr-defined, no-any-return]

    def childCount(self) -> int:
        return len(self._items())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        items = self._items()
        if 0 <= index < len(items):
            return QAccessible.queryAccessibleInterface(items[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        target = child.object() if child is not None else None
        for index, item in enumerate(self._items()):
            if item is target:
                return index
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        for item in self._items():
            if item.accessible_focused():  # type: ignore[attr-defined]
                return QAccessible.queryAccessibleInterface(item)
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        for item in self._items():
            if item.accessible_rect().contains(x, y):  # type: ignore[attr-defined]
                return QAccessible.queryAccessibleInterface(item)
        return None


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    # Called for every object Qt describes: a cheap attribute test before the protocol's.
    if hasattr(obj, "accessible_items"):
        return ItemViewInterface(obj)  # type: ignore[arg-type]
    if hasattr(obj, "accessible_view") and isinstance(obj, AccessibleItem):
        return ItemInterface(obj)
    return None


_installed = False


def install() -> None:
    """Install the factory (once per process; before any view is first described)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce_focus(item: QObject) -> None:
    """Tell assistive technology that ``item`` is now the focused and selected one."""
    QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Focus))
    QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Selection))
