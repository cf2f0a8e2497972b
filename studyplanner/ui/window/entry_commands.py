"""Edit commands: Move Up, Move Down and Remove for the selected plan entry; Undo and Redo.

One implementation for each command: the Edit menu, the toolbar and the timeline's keys all
trigger these same actions, so the path a test drives is the path a person uses.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studyplanner.i18n import _
from studyplanner.ui.document.plan_document import PlanDocument


class EntryCommands(QObject):
    """The selected entry's commands, enabled only when there is an editable selection.

    The shortcuts work while ``area`` (the timeline) or one of its children has the focus, so
    Delete in a text field elsewhere still deletes text.
    """

    def __init__(self, document: PlanDocument, area: QWidget) -> None:
        super().__init__(area)
        self._document = document
        self._area = area
        key = QKeySequence.StandardKey
        self.move_up = self._command(_("Move &Up"), [QKeySequence("Ctrl+Up")])
        self.move_down = self._command(_("Move Do&wn"), [QKeySequence("Ctrl+Down")])
        self.remove = self._command(
            _("&Remove from Plan"), [QKeySequence(key.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.move_up.triggered.connect(self._move_up)
        self.move_down.triggered.connect(self._move_down)
        self.remove.triggered.connect(self._remove)
        document.selection_changed.connect(self._update)
        document.changed.connect(self._update)
        document.opened.connect(self._update)
        self._update()

    @property
    def actions(self) -> list[QAction]:
        return [self.move_up, self.move_down, self.remove]

    def _command(self, text: str, shortcuts: list[QKeySequence]) -> QAction:
        action = QAction(text, self._area)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._area.addAction(action)
        return action

    def _move_up(self) -> None:
        self._move(-1)

    def _move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        entry_id = self._document.selected_entry_id
        if self._document.move_selected(step):
            ensure_visible = getattr(self._area, "ensure_entry_visible", None)
            if callable(ensure_visible):
                ensure_visible(entry_id)

    def _remove(self) -> None:
        self._document.remove_selected()

    def _update(self, *_args: object) -> None:
        document = self._document
        ids = document.entry_ids()
        selected = document.selected_entry_id
        editable = not document.read_only and selected in ids
        index = ids.index(selected) if editable else -1
        self.move_up.setEnabled(editable and index > 0)
        self.move_down.setEnabled(editable and 0 <= index < len(ids) - 1)
        self.remove.setEnabled(editable)


class UndoCommands(QObject):
    """Undo and Redo, named after the step they take ("Undo Add DVA-C02") in the Edit menu and
    the tooltip; the toolbar keeps the short "Undo" and "Redo" so its buttons do not change
    width after every edit.

    ``keep_place`` wraps each step: it commits a half-typed field first, so undo takes back the
    typing as one step instead of leaving it behind in the field, and gives the field the
    keyboard back afterwards.
    """

    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget,
        keep_place: Callable[[], AbstractContextManager[object]],
    ) -> None:
        super().__init__(parent)
        self._stack = document.undo_stack
        self._keep_place = keep_place
        key = QKeySequence.StandardKey
        self.undo = QAction(_("&Undo"), parent)
        self.undo.setIconText(_("Undo"))
        self.undo.setShortcut(QKeySequence(key.Undo))
        self.redo = QAction(_("&Redo"), parent)
        self.redo.setIconText(_("Redo"))
        self.redo.setShortcut(QKeySequence(key.Redo))
        self._name_undo(self._stack.undoText())
        self._name_redo(self._stack.redoText())
        self.undo.setEnabled(self._stack.canUndo())
        self.redo.setEnabled(self._stack.canRedo())
        self.undo.triggered.connect(self._undo)
        self.redo.triggered.connect(self._redo)
        self._stack.canUndoChanged.connect(self.undo.setEnabled)
        self._stack.canRedoChanged.connect(self.redo.setEnabled)
        self._stack.undoTextChanged.connect(self._name_undo)
        self._stack.redoTextChanged.connect(self._name_redo)

    def _undo(self) -> None:
        with self._keep_place():
            self._stack.undo()

    def _redo(self) -> None:
        with self._keep_place():
            self._stack.redo()

    def _name_undo(self, text: str) -> None:
        self.undo.setText(_("&Undo {step}").format(step=text).strip())
        self.undo.setToolTip(_("Undo {step}").format(step=text).strip())

    def _name_redo(self, text: str) -> None:
        self.redo.setText(_("&Redo {step}").format(step=text).strip())
        self.redo.setToolTip(_("Redo {step}").format(step=text).strip())
