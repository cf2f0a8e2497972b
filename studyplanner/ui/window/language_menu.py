"""*View › Language*: the shipped languages by their own names, and System default; remembered
in the settings and applied at the next start (every window, dialog and Qt's own buttons are
built in one language, so a change now would leave half of them in the other)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from studyplanner import i18n
from studyplanner.i18n import _
from studyplanner.ui.document.plan_session import PlanSession

SYSTEM = "system"


class LanguageMenu(QMenu):
    """One checkable choice per shipped language, and System default; the checked one is the
    choice remembered, which may differ from the language in use until the next start."""

    def __init__(
        self,
        session: PlanSession,
        tell: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("&Language"), parent)
        self._session = session
        self._tell = tell
        self._group = QActionGroup(self)
        self.choices: dict[str, QAction] = {}
        system = QAction(_("System default"), self, checkable=True)
        self._add(SYSTEM, system)
        self.addSeparator()
        # by their own names, so that a learner finds theirs in a menu they cannot read
        for code, name in sorted(i18n.LANGUAGES.items(), key=lambda item: item[1].casefold()):
            self._add(code, QAction(name, self, checkable=True))
        chosen = session.settings.language
        self.choices.get(chosen, system).setChecked(True)
        self._group.triggered.connect(self._chosen)

    def _add(self, code: str, action: QAction) -> None:
        action.setData(code)
        self._group.addAction(action)
        self.addAction(action)
        self.choices[code] = action

    def _chosen(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    def set_language(self, code: str) -> None:
        """Remember ``code`` ("system" or a shipped language) for the next start, and say so."""
        self.choices[code].setChecked(True)
        self._session.save_view_setting(language=code)
        name = _("the system's language") if code == SYSTEM else i18n.LANGUAGES[code]
        self._tell(
            _("StudyPlanner will speak {language} from its next start.").format(language=name)
        )
