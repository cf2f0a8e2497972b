"""A dock's panel built the first time the dock comes to the front.

*Exam in plan*, *Plan settings* and *Progress* start as tabs behind *Certification*: building
them (and importing their modules) before the window's first paint would cost about a tenth of
the start for panels nobody sees yet. Each panel follows the plan document itself, so one built
later shows exactly what it would have shown from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

_P = TypeVar("_P", bound=QWidget)


class DeferredPanel(QWidget):
    """Holds the place of a panel in its dock until the dock is shown (or the panel asked for)."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._panel: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build_when_shown(self, dock: QDockWidget) -> None:
        """Build the panel when ``dock`` becomes visible (its tab chosen, or restored in front)."""
        dock.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def built(self) -> bool:
        return self._panel is not None

    def panel(self, kind: type[_P]) -> _P:
        """The panel, built now if it was not yet."""
        if self._panel is None:
            self._panel = self._build()
            self._layout.addWidget(self._panel)
            self._panel.show()  # now, not on the layout's next turn: it may take focus at once
            self.setFocusProxy(self._panel)
        if not isinstance(self._panel, kind):
            raise TypeError(f"{type(self._panel).__name__} is not a {kind.__name__}")
        return self._panel

    @Slot(bool)
    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._panel is None:
            self.panel(QWidget)
