"""An amber-tinted card that says something needs the learner's decision, with the buttons
that settle it (a retired exam's successor; an exam date that has passed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studyplanner.style import Colour, qcolor


class NoticeCard(QFrame):
    """Icon, wrapped text and a row of buttons on a tint mixed from the palette's window colour
    and amber, so it reads in light and dark themes alike."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeCard")
        self.setAccessibleName(name)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._button_row = QWidget()
        # two buttons a row: three in one made the exam panel, and so the right-hand panels,
        # wider than the default window leaves them (issue 21)
        self._buttons = QGridLayout(self._button_row)
        self._buttons.setContentsMargins(0, 0, 0, 0)
        self._buttons.setSpacing(6)
        self._button_count = 0

        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.setSpacing(8)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        # The nested layout goes in empty, and is filled after: PySide 6.11 wraps the items of
        # a filled layout when it is added, and can free those wrappers twice when the window
        # is garbage-collected (tests/ui/test_lifetimes.py). Likewise no stretch in it: the
        # buttons are aligned instead.
        column = QVBoxLayout()
        row.addLayout(column, 1)
        column.setSpacing(6)
        column.addWidget(self.text)
        column.addWidget(self._button_row, 0, Qt.AlignmentFlag.AlignLeft)
        self._tint()

    def add_button(self, text: str, tooltip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        if tooltip:
            button.setToolTip(tooltip)
        row, column = divmod(self._button_count, 2)
        self._buttons.addWidget(button, row, column)
        self._button_count += 1
        return button

    def _tint(self) -> None:
        # The application palette, not our own: the style sheet below changes our own.
        window = QApplication.palette().color(QPalette.ColorRole.Window)
        amber = qcolor(Colour.WARNING_FILL)

        def mix(share: float) -> str:
            return QColor.fromRgbF(
                window.redF() + (amber.redF() - window.redF()) * share,
                window.greenF() + (amber.greenF() - window.greenF()) * share,
                window.blueF() + (amber.blueF() - window.blueF()) * share,
            ).name()

        sheet = (
            f"QFrame#noticeCard {{ background: {mix(0.12)}; "
            f"border: 1px solid {mix(0.6)}; border-radius: 6px; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._tint()
        super().changeEvent(event)
