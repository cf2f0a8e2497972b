"""*View › Theme*: System, Light or Dark, remembered in the settings."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from studyplanner.i18n import _
from studyplanner.ui.document.plan_session import PlanSession
from studyplanner.ui.widgets.theme import ThemeChoice, apply_theme, theme_tracker


class ThemeMenu(QMenu):
    """Three checkable choices; the checked one is the theme in use."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(_("&Theme"), parent)
        self._session = session
        self._group = QActionGroup(self)
        self.choices: dict[ThemeChoice, QAction] = {}
        for choice in ThemeChoice:
            action = QAction(choice.label, self, checkable=True)
            action.setData(choice.value)
            self._group.addAction(action)
            self.addAction(action)
            self.choices[choice] = action
        self._group.triggered.connect(self._chosen)
        self.choices[theme_tracker().choice].setChecked(True)

    def _chosen(self, action: QAction) -> None:
        self.set_theme(ThemeChoice(str(action.data())))

    def set_theme(self, choice: ThemeChoice) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, choice)
        self.choices[choice].setChecked(True)
        self._session.save_view_setting(theme=choice.value)
