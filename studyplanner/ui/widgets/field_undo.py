"""Undo and Redo pressed in a form field: the field's own text undo while the person is typing
in it, the plan's undo otherwise.

A Qt text field claims Ctrl+Z for itself whenever it has the keyboard, even when it has nothing
to take back, so the toolbar's "Undo" did nothing from a settings field. A committed field
change is a plan edit (one undo step), so once a field shows what the plan holds, Ctrl+Z goes to
the plan; only text typed and not yet committed is the field's own to undo.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from studyplanner.ui.app_info import running_app
from studyplanner.ui.document.plan_document import PlanDocument

TextField = QLineEdit | QPlainTextEdit | QTextEdit


def text_field(widget: QWidget | None) -> TextField | None:
    """The editable text inside ``widget`` (a spin box's or a combo box's line edit), if any."""
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        widget = widget.findChild(QLineEdit)
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
        return widget
    return None


def field_text(field: TextField) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def can_undo_text(field: TextField, redo: bool) -> bool:
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable() if redo else field.isUndoAvailable()
    document = field.document()
    return document.isRedoAvailable() if redo else document.isUndoAvailable()


class FieldUndo(QObject):
    """Watches the focused field of ``window``: Undo/Redo reach the window's actions unless
    the field's text differs from what it showed when it took the keyboard or the plan last
    changed (that is, the person is typing)."""

    def __init__(self, window: QWidget, document: PlanDocument) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QWidget | None = None
        self._shown = ""
        running_app().focusChanged.connect(self._on_focus_changed)
        document.changed.connect(self._remember_shown)
        document.opened.connect(self._remember_shown)

    def typing(self) -> bool:
        """True while the focused field holds text the plan does not have yet."""
        field = text_field(self._watched)
        return field is not None and field_text(field) != self._shown

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and text_field(new) is not None and self._window.isAncestorOf(new):
            self._watched = new
            new.installEventFilter(self)
            self._remember_shown()

    def _remember_shown(self) -> None:
        watched = self._watched
        field = text_field(watched) if watched and shiboken6.isValid(watched) else None
        self._shown = field_text(field) if field is not None else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        try:
            return self._route(event)
        except RuntimeError:  # a widget gone behind a stale wrapper: leave the key to Qt
            return False

    def _route(self, event: QKeyEvent) -> bool:
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo)
        if not (undo or redo):
            return False
        field = text_field(self._watched)
        if field is not None and self.typing() and can_undo_text(field, redo):
            return False  # the field takes back its own typing
        event.ignore()  # not the field's: the shortcut goes to the window's Undo / Redo
        return True


def commit_open_edits(window: QWidget) -> QWidget | None:
    """Finish the edit being typed in ``window`` (a note, a number) so it becomes an undo step
    and gets saved: panels commit when their field loses the keyboard. Returns that field."""
    focused = QApplication.focusWidget()
    if focused is None or not window.isAncestorOf(focused):
        return None
    focused.clearFocus()
    return focused


@contextmanager
def place_kept(window: QWidget) -> Iterator[None]:
    """Commit what is being typed, then (after the step) give the field the keyboard back, so
    Ctrl+Z twice in a field takes back two plan edits."""
    field = commit_open_edits(window)
    try:
        yield
    finally:
        if (
            field is not None
            and shiboken6.isValid(field)
            and field.isVisible()
            and field.isEnabled()
            and QApplication.focusWidget() is None
        ):
            field.setFocus(Qt.FocusReason.OtherFocusReason)
