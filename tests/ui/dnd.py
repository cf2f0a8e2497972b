"""Deliver a drag-and-drop to a view the way Qt does: enter, move, drop on its viewport.

Returns whether enter and move were accepted: a view that refuses ``dragMoveEvent`` drops
nothing in real use even though a synthetic drop would still reach it.
PySide6 6.11 takes QPoint for enter/move and QPointF for the drop.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


@dataclass(frozen=True)
class DropResult:
    enter_accepted: bool
    move_accepted: bool
    drop_accepted: bool


def drag_over(viewport: QWidget, data: QMimeData, pos: QPointF) -> tuple[bool, bool]:
    """Enter and move without dropping (to look at the insertion indicator)."""
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), ACTIONS, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos.toPoint(), ACTIONS, data, buttons, mods)
    QApplication.sendEvent(viewport, move)
    return enter.isAccepted(), move.isAccepted()


def drop(viewport: QWidget, data: QMimeData, pos: QPointF) -> DropResult:
    entered, moved = drag_over(viewport, data, pos)
    event = QDropEvent(
        pos, ACTIONS, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, event)
    return DropResult(entered, moved, event.isAccepted())
