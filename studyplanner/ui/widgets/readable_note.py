"""A panel's note the keyboard can rest on.

Its own module, away from the form fields: the warnings panel shows one at every start, and
importing it there should not make PySide build the date and number fields' Qt classes first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget


class ReadableNote(QLabel):
    """A panel's note the keyboard can rest on, with a visible ring while it does.

    For a panel with nothing to edit yet (*Exam in plan* before an exam is chosen): F6 and
    Tab land here, where a screen reader reads the note and the eye sees where the keyboard
    is, instead of on the bare panel, which shows nothing.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 4, 4)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
