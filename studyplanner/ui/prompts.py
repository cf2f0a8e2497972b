"""The questions a plan session asks the person, and their answers from real dialogs.

``PlanSession`` only knows the ``Prompts`` protocol; the window passes ``DialogPrompts`` and the
tests pass a fake that records the questions and answers them, so no test has to patch
``QMessageBox`` or ``QFileDialog``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

PLAN_FILTER = "StudyPlanner plans (*.json);;All files (*)"


class Prompts(Protocol):
    def inform(self, title: str, text: str) -> None:
        """Something the person should know; nothing to decide."""

    def warn(self, title: str, text: str) -> None:
        """Something went wrong or was refused; nothing to decide."""

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        """A yes/cancel question; ``accept`` names the button that goes ahead ("Delete")."""

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        """One line of text, ``None`` when cancelled."""

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        """The index of one of ``choices``, ``None`` when cancelled."""

    def open_path(self, title: str, folder: Path) -> Path | None:
        """A plan file to open."""

    def save_path(self, title: str, suggested: Path) -> Path | None:
        """Where to save a plan, as typed (the session adds the suffix and checks it)."""


class DialogPrompts:
    """``Prompts`` answered by the platform's dialogs, parented to ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent)
        go = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        chosen = box.clickedButton()
        box.deleteLater()
        return chosen is go

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        answer, ok = QInputDialog.getText(self._parent, title, label, text=text)
        return answer if ok else None

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        items = list(choices)
        answer, ok = QInputDialog.getItem(self._parent, title, label, items, 0, False)
        if not ok or answer not in items:
            return None
        return items.index(answer)

    def open_path(self, title: str, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent, title, str(folder), PLAN_FILTER)
        return Path(name) if name else None

    def save_path(self, title: str, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, title, str(suggested), "StudyPlanner plans (*.json)"
        )
        return Path(name) if name else None


class UnattendedPrompts:
    """``Prompts`` for a run nobody watches (``--smoke``): every question is logged and
    answered with the choice that changes nothing (Cancel), so the run never waits."""

    def __init__(self) -> None:
        self._log = logging.getLogger(__name__)

    def inform(self, title: str, text: str) -> None:
        self._log.info("%s: %s", title, text)

    def warn(self, title: str, text: str) -> None:
        self._log.warning("%s: %s", title, text)

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        self._log.info("%s: %s (answered Cancel, not %s)", title, text, accept)
        return False

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        self._log.info("%s: %s (cancelled)", title, label)
        return None

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        self._log.info("%s: %s (cancelled)", title, label)
        return None

    def open_path(self, title: str, folder: Path) -> Path | None:
        return None

    def save_path(self, title: str, suggested: Path) -> Path | None:
        return None
